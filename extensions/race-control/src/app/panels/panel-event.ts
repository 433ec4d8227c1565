// The event an Insights panel shows: the one set in its options, else the newest (by start), so a
// panel dropped on a dashboard shows something useful before anyone opens its options.
import { readItems } from '@directus/sdk';
import type { RaceControlSdk } from '../sdk';

export interface PanelEvent {
  id: string;
  name: string;
}

export async function readPanelEvent(sdk: RaceControlSdk, eventId: string | null | undefined): Promise<PanelEvent | null> {
  const [event] = (await sdk.request(readItems('events', {
    ...(eventId ? { filter: { id: { _eq: eventId } } } : {}), fields: ['id', 'name'] as never, sort: ['-starts_at'] as never, limit: 1,
  }))) as unknown as PanelEvent[];
  return event ?? null;
}
