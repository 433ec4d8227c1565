// The events of the caller's clubs with their stages: the course module's first page. Directus's
// permissions already restrict `events` to the caller's clubs.
import { readItems } from '@directus/sdk';
import { ref } from 'vue';
import { errorWords, useRaceControlSdk } from '../../../sdk';

export interface StageLink { id: string; name: string; sort_order: number | null; status: string | null }
export interface EventWithStages { id: string; name: string; starts_at: string | null; stages: StageLink[] }

export function useCourseEvents() {
  const sdk = useRaceControlSdk();
  const events = ref<EventWithStages[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);
  async function load() {
    loading.value = true;
    try {
      const rows = (await sdk.request(readItems('events', {
        fields: ['id', 'name', 'starts_at', 'stages.id', 'stages.name', 'stages.sort_order', 'stages.status'] as never,
        sort: ['-starts_at'] as never, limit: -1,
      }))) as unknown as EventWithStages[];
      events.value = rows.map((e) => ({ ...e, stages: [...(e.stages ?? [])].sort((a, b) => (a.sort_order ?? 0) - (b.sort_order ?? 0)) }));
    } catch (e) {
      error.value = `The events could not be read: ${errorWords(e)}`;
    } finally {
      loading.value = false;
    }
  }
  return { events, loading, error, load };
}
