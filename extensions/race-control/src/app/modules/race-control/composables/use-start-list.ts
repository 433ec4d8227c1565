// Loading a stage's start list and what a timekeeper does with it: open the stage, move an entry,
// give a late arrival its time, reseed, export. Opening is a plain status change (the server's
// stage hook seeds the list); the rest are our /race-control/stages routes.
import { useStores } from '@directus/extensions-sdk';
import { readItems, updateItem } from '@directus/sdk';
import { computed, ref, shallowRef, type Ref } from 'vue';
import { startListCsv } from '../../../../domain/stage-ops/start-list-csv';
import { startListLines, type ListedStart } from '../../../../domain/stage-ops/start-list';
import { errorWords, ourEndpoint, useRaceControlSdk } from '../../../sdk';

export interface StageSummary {
  id: string;
  name: string;
  status: 'draft' | 'published' | 'open' | 'closed' | null;
  sort_order: number | null;
  starts_at: string | null;
  start_interval_seconds: number | null;
  start_order_strategy: string | null;
  start_order_strategy_params: { n?: number } | null;
  event_id: { id: string; name: string; timezone: string | null } | null;
}

interface Fence {
  name: string;
  kind: string | null;
  closes_at: string | null;
}

export interface StageSegment {
  id: string;
  name: string | null;
  sort_order: number | null;
  type: string | null;
  entry_geofence_id: Fence | null;
  exit_geofence_id: Fence | null;
}

const STAGE_FIELDS = ['id', 'name', 'status', 'sort_order', 'starts_at', 'start_interval_seconds', 'start_order_strategy', 'start_order_strategy_params', 'event_id.id', 'event_id.name', 'event_id.timezone'];

export function useStages() {
  const sdk = useRaceControlSdk();
  const stages = ref<StageSummary[]>([]);
  const error = ref<string | null>(null);
  async function load() {
    try {
      stages.value = (await sdk.request(readItems('stages', { fields: STAGE_FIELDS as never, sort: ['event_id', 'sort_order'] as never, limit: -1 }))) as unknown as StageSummary[];
    } catch (e) {
      error.value = `The stages could not be read: ${errorWords(e)}`;
    }
  }
  return { stages, error, load };
}

/** What the signed-in person may do here (buttons for the rest stay hidden; the server decides). */
export function useStartListRights() {
  const { usePermissionsStore } = useStores();
  const permissions = usePermissionsStore?.() as { hasPermission?: (collection: string, action: string) => boolean } | undefined;
  const may = (collection: string, action: string) => permissions?.hasPermission?.(collection, action) ?? false;
  return { mayOpen: may('stages', 'update'), mayChange: may('entry_segment_starts', 'update') };
}

export function useStartList(stageId: Ref<string | undefined>) {
  const sdk = useRaceControlSdk();
  const stage = ref<StageSummary | null>(null);
  const segments = ref<StageSegment[]>([]);
  const rows = shallowRef<ListedStart[]>([]);
  const loading = ref(false);
  const busy = ref(false);
  const error = ref<string | null>(null);
  const done = ref<string | null>(null);

  const lines = computed(() => startListLines(segments.value.map((s) => s.id), rows.value));

  async function load() {
    const id = stageId.value;
    if (!id) return;
    loading.value = true;
    error.value = null;
    try {
      const [stages, segs, starts] = await Promise.all([
        sdk.request(readItems('stages', { filter: { id: { _eq: id } }, fields: STAGE_FIELDS as never, limit: 1 })),
        sdk.request(readItems('segments', {
          filter: { stage_id: { _eq: id } }, sort: ['sort_order'] as never, limit: -1,
          fields: ['id', 'name', 'sort_order', 'type', 'entry_geofence_id.name', 'entry_geofence_id.kind', 'entry_geofence_id.closes_at', 'exit_geofence_id.name', 'exit_geofence_id.kind', 'exit_geofence_id.closes_at'] as never,
        })),
        sdk.request(readItems('entry_segment_starts', {
          filter: { segment_id: { stage_id: { _eq: id } } }, sort: ['start_position'] as never, limit: -1,
          fields: ['id', 'segment_id', 'start_position', 'target_at', 'manual_override', 'entry_id.id', 'entry_id.race_number', 'entry_id.class_id.code', 'entry_id.crew.role', 'entry_id.crew.user_id.first_name', 'entry_id.crew.user_id.last_name'] as never,
        })),
      ]);
      stage.value = ((stages as unknown as StageSummary[])[0]) ?? null;
      segments.value = segs as unknown as StageSegment[];
      rows.value = starts as unknown as ListedStart[];
      if (!stage.value) error.value = 'This stage does not exist, or you may not see it.';
    } catch (e) {
      error.value = `The start list could not be read: ${errorWords(e)}`;
    } finally {
      loading.value = false;
    }
  }

  /** Runs one action, then reloads; the server's words become the notice. */
  async function act(what: string, request: () => Promise<unknown>) {
    busy.value = true;
    error.value = null;
    done.value = null;
    try {
      await request();
      done.value = what;
      await load();
      return true;
    } catch (e) {
      error.value = errorWords(e);
      return false;
    } finally {
      busy.value = false;
    }
  }

  const path = () => `/stages/${stageId.value}`;
  const open = () => act('The stage is open: its start list and target times are set.', () => sdk.request(updateItem('stages', stageId.value!, { status: 'open' })));
  const reseed = (keepOverrides: boolean) => act(keepOverrides ? 'Reseeded; starts set by hand were kept.' : 'Reseeded from the strategy; starts set by hand were dropped.',
    () => sdk.request(ourEndpoint(`${path()}/reseed`, { method: 'POST', body: { keep_overrides: keepOverrides } })));
  const move = (entryId: string, position: number) => act(`Moved to position ${position}.`,
    () => sdk.request(ourEndpoint(`${path()}/starts/move`, { method: 'POST', body: { entry_id: entryId, position } })));
  const late = (entryId: string, startAt: string) => act('Late start set.',
    () => sdk.request(ourEndpoint(`${path()}/starts/late`, { method: 'POST', body: { entry_id: entryId, start_at: startAt } })));

  function csv(): string {
    return startListCsv(segments.value.map((s) => s.name ?? `segment ${s.sort_order}`), lines.value);
  }

  function downloadCsv() {
    const url = URL.createObjectURL(new Blob([csv()], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `start-list-${(stage.value?.name ?? 'stage').toLowerCase().replace(/[^a-z0-9]+/g, '-')}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return { stage, segments, lines, loading, busy, error, done, load, open, reseed, move, late, csv, downloadCsv };
}
