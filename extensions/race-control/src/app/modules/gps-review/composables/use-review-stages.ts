// Event → stage for the review screens: the stages the signed-in person may read, with their event,
// in event then stage order. The stage's first start bounds the day whose tracks are reviewed.
import { readItems } from '@directus/sdk';
import { ref } from 'vue';
import { errorWords, useRaceControlSdk } from '../../../sdk';

export interface ReviewStage {
  id: string;
  name: string;
  status: string | null;
  sort_order: number | null;
  starts_at: string | null;
  event_id: { id: string; name: string; timezone?: string | null } | null;
}

export const REVIEW_STAGE_FIELDS = ['id', 'name', 'status', 'sort_order', 'starts_at', 'event_id.id', 'event_id.name', 'event_id.timezone'];

export function useReviewStages() {
  const sdk = useRaceControlSdk();
  const stages = ref<ReviewStage[]>([]);
  const error = ref<string | null>(null);
  async function load() {
    try {
      stages.value = (await sdk.request(readItems('stages', {
        fields: REVIEW_STAGE_FIELDS as never,
        sort: ['event_id', 'sort_order'] as never,
        limit: -1,
      }))) as unknown as ReviewStage[];
    } catch (e) {
      error.value = `The stages could not be read: ${errorWords(e)}`;
    }
  }
  return { stages, error, load };
}

/** The track window of a stage's day: two hours before the first start, 24 h in all (the API's limit). */
export function stageDay(startsAt: string | null): { from: string; to: string } | null {
  if (!startsAt) return null;
  const start = Date.parse(startsAt) - 2 * 3600_000;
  return { from: new Date(start).toISOString(), to: new Date(start + 24 * 3600_000 - 1000).toISOString() };
}
