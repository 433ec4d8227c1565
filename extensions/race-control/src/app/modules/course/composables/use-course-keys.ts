// Keyboard shortcuts of the course editor (listed in the help overlay). Keys typed into a field
// are the field's, not shortcuts.
import { onBeforeUnmount, onMounted } from 'vue';

export type ShortcutAction = 'geofence' | 'zone' | 'stretch' | 'waypoint' | 'route' | 'edit' | 'escape' | 'delete' | 'undo' | 'redo' | 'save' | 'fit' | 'help';

export function shortcutOf(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean }): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const k = e.key.toLowerCase();
  if (mod && k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (mod && k === 'y') return 'redo';
  if (mod && k === 's') return 'save';
  if (mod) return null;
  return ({ g: 'geofence', z: 'zone', d: 'stretch', w: 'waypoint', r: 'route', e: 'edit', escape: 'escape', delete: 'delete', backspace: 'delete', f: 'fit', '?': 'help' } as Record<string, ShortcutAction>)[k] ?? null;
}

export function useCourseKeys(run: (action: ShortcutAction) => void) {
  const onKey = (e: KeyboardEvent) => {
    const target = e.target as { tagName?: string; isContentEditable?: boolean } | null;
    if (target && (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName ?? '') || target.isContentEditable)) return;
    const action = shortcutOf(e);
    if (!action) return;
    e.preventDefault();
    run(action);
  };
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
