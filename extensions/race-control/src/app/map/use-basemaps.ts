// The project's basemaps (Settings → Project → Maps), as Directus's own map interface reads them.
import { useStores } from '@directus/extensions-sdk';
import type { Basemap } from './styles';

export function useBasemaps(): Basemap[] {
  const { useSettingsStore } = useStores();
  const settings = useSettingsStore().settings as { basemaps?: Basemap[] | null } | null;
  return (settings?.basemaps ?? []).filter((b) => b && b.url && b.name);
}
