// Flag, unflag and undo for one device, or an entry's trackers (one action per tracker: the API and
// the timing service hear of each tracker apart). Each action shows on the track at once, then goes
// to the API as one request (one position_flags row, one recompute message); a refusal takes it
// back and says why. Its message stays "pending" until the relay has put it on the stream (emitted_at).
import { useStores } from '@directus/extensions-sdk';
import { readItems } from '@directus/sdk';
import { onBeforeUnmount, ref, shallowRef, type Ref } from 'vue';
import { applyAction, planAction, rangesOf, type FlagAction, type FlagOp } from '../../../../domain/gps-review/flag-actions';
import { EMPTY_HISTORY, nextUndo, pendingIds, record, setMessage, type History } from '../../../../domain/gps-review/history';
import { splitByPart, type TrackPart } from '../../../../domain/gps-review/entry-track';
import type { ReviewTrack } from '../../../../domain/gps-review/track';
import { errorWords, ourEndpoint, useRaceControlSdk } from '../../../sdk';
import type { FlagAnswer } from './gps-api-types';

const POLL_MS = 1500;

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `a-${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

/** Whether the signed-in person may flag (marshal, race director, org admin): else the view reads only. */
export function useMayFlag(): boolean {
  const { usePermissionsStore } = useStores();
  const permissions = usePermissionsStore?.() as { hasPermission?: (collection: string, action: string) => boolean } | undefined;
  return permissions?.hasPermission?.('position_flags', 'create') ?? false;
}

/** The request body: a time range for one run, the exact points otherwise. */
export function flagBody(track: ReviewTrack, action: FlagAction) {
  const base = { action: action.op, device_id: action.device_id ?? track.imei, reason: action.reason, ...(action.note ? { note: action.note } : {}) };
  if (action.runs.length === 1) return { ...base, ...rangesOf(track, action)[0]! };
  const points: string[] = [];
  for (const r of action.runs) for (let i = r.first; i <= r.last; i++) points.push(new Date(track.t[i]!).toISOString());
  return { ...base, points };
}

export function useFlagActions(track: Ref<ReviewTrack | null>, version: Ref<number>, parts?: Ref<TrackPart[]>) {
  const sdk = useRaceControlSdk();
  const history = shallowRef<History>(EMPTY_HISTORY);
  const busy = ref(false);
  const error = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function send(action: FlagAction): Promise<boolean> {
    const t = track.value!;
    applyAction(t, action);
    version.value++;
    history.value = record(history.value, action);
    busy.value = true;
    error.value = null;
    try {
      const answer = await sdk.request(ourEndpoint<FlagAnswer>('/gps/flags', { method: 'POST', body: flagBody(t, action) }));
      history.value = {
        ...history.value,
        actions: history.value.actions.map((a) => (a.id === action.id ? { ...a, flag_id: answer.flag_id, message_id: answer.message_id } : a)),
      };
      // Nothing changed on the server (someone else got there first): no message will come.
      if (!answer.flag_id) history.value = setMessage(history.value, action.id, 'sent');
      watchMessages();
      return true;
    } catch (e) {
      applyAction(t, action, true);
      version.value++;
      error.value = errorWords(e);
      history.value = setMessage(history.value, action.id, 'failed', error.value);
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function act(op: FlagOp, selection: Uint32Array, words: { reason: string; note?: string }): Promise<boolean> {
    const t = track.value;
    if (!t) return false;
    const all = parts?.value ?? [];
    // One tracker: its IMEI is the track's. Several: each tracker's share of the selection apart.
    const shares = all.length > 1 ? splitByPart(all, selection).map((s, k) => ({ s, device_id: all[k]!.imei as string | undefined })) : [{ s: selection, device_id: undefined }];
    let ok = false;
    for (const { s, device_id } of shares) {
      const action = planAction(t, s, op, words, newId());
      if (action) ok = (await send(device_id ? { ...action, device_id } : action)) || ok;
    }
    return ok;
  }

  function undo() {
    const action = nextUndo(history.value, newId());
    return action ? send(action) : Promise.resolve(false);
  }

  async function pollMessages() {
    timer = null;
    const waiting = history.value.actions.filter((a) => a.message === 'pending' && a.flag_id);
    if (waiting.length === 0) return;
    try {
      const rows = (await sdk.request(readItems('position_flags' as never, {
        filter: { id: { _in: waiting.map((a) => a.flag_id) } }, fields: ['id', 'emitted_at'], limit: -1,
      } as never))) as unknown as { id: string; emitted_at: string | null }[];
      for (const row of rows) {
        const action = waiting.find((a) => a.flag_id === row.id);
        if (action && row.emitted_at) history.value = setMessage(history.value, action.id, 'sent');
      }
    } catch {
      // The relay state is a nicety: a failed look stays "pending" and is asked again.
    }
    watchMessages();
  }

  function watchMessages() {
    if (!timer && pendingIds(history.value).length) timer = setTimeout(pollMessages, POLL_MS);
  }

  function reset() {
    history.value = EMPTY_HISTORY;
    error.value = null;
  }

  onBeforeUnmount(() => {
    if (timer) clearTimeout(timer);
  });

  return { history, busy, error, act, undo, reset, pollMessages };
}
