// Two reads: the entries counted by class and status (one aggregate query, not every row), and
// the event's classes for their codes and order.
import { aggregate, readItems } from '@directus/sdk';
import { ref } from 'vue';
import { entriesByClass, type GroupCount } from '../../../domain/registration/insights';
import { errorWords, useRaceControlSdk } from '../../sdk';
import { readPanelEvent } from '../panel-event';

export function useEntriesByClass() {
  const sdk = useRaceControlSdk();
  const table = ref<ReturnType<typeof entriesByClass> | null>(null);
  const eventName = ref('');
  const error = ref<string | null>(null);

  async function load(eventId: string | null | undefined) {
    try {
      const event = await readPanelEvent(sdk, eventId);
      if (!event) {
        error.value = 'No event to count.';
        return;
      }
      eventName.value = event.name;
      const classes = (await sdk.request(readItems('classes', { filter: { event_id: { _eq: event.id } }, fields: ['id', 'code'] as never, sort: ['sort_order', 'code'] as never, limit: -1 }))) as unknown as { id: string; code: string }[];
      const groups = (await sdk.request(aggregate('entries', { aggregate: { count: '*' }, groupBy: ['class_id', 'status'] as never, query: { filter: { event_id: { _eq: event.id } } } as never }))) as unknown as { class_id: string | null; status: string; count: number | string }[];
      const code = new Map(classes.map((c) => [c.id, c.code]));
      const counted: GroupCount[] = groups.map((g) => ({ class_code: g.class_id ? code.get(g.class_id) ?? null : null, status: g.status, count: Number(g.count) }));
      table.value = entriesByClass(counted, classes.map((c) => c.code));
    } catch (e) {
      error.value = `The entries could not be counted: ${errorWords(e)}`;
    }
  }
  return { table, eventName, error, load };
}
