import { describe, expect, it } from 'vitest';
import { applyAction, changedBy, inverse, planAction, pointsIn, rangesOf, runsOf } from './flag-actions';
import { EMPTY_HISTORY, nextUndo, pendingIds, record, setMessage } from './history';
import { iso, straightTrack } from './test-track';

describe('flag actions', () => {
  it('name only the points they change, as runs of consecutive points', () => {
    const track = straightTrack(20);
    track.flagged[4] = 1;
    const selection = Uint32Array.from([2, 3, 4, 5, 9, 10]);
    expect([...changedBy(track, selection, 'flag')]).toEqual([2, 3, 5, 9, 10]);
    const action = planAction(track, selection, 'flag', { reason: 'spike', note: 'in Fushë-Arrëz' }, 'a1')!;
    expect(action.runs).toEqual([{ first: 2, last: 3 }, { first: 5, last: 5 }, { first: 9, last: 10 }]);
    expect(pointsIn(action.runs)).toBe(5);
    expect(rangesOf(track, action)).toEqual([{ from: iso(2), to: iso(3) }, { from: iso(5), to: iso(5) }, { from: iso(9), to: iso(10) }]);
    expect(planAction(track, Uint32Array.from([0, 1]), 'unflag', { reason: 'x' }, 'a2')).toBeNull();
    expect(runsOf(new Uint32Array(0))).toEqual([]);
  });

  it('undo is the inverse action over the same points, leaving what was flagged before', () => {
    const track = straightTrack(20);
    track.flagged[4] = 1;
    const action = planAction(track, Uint32Array.from([3, 4, 5]), 'flag', { reason: 'spike' }, 'a1')!;
    applyAction(track, action);
    expect([...track.flagged.slice(2, 7)]).toEqual([0, 1, 1, 1, 0]);
    const undo = inverse(action, 'a2');
    expect(undo).toMatchObject({ op: 'unflag', undoes: 'a1', reason: 'flagged-in-error', note: 'Undo of the flag (spike)', message: 'pending' });
    expect(inverse(undo, 'a3')).toMatchObject({ op: 'flag', reason: 'other', note: 'Undo of the unflag (flagged-in-error: Undo of the flag (spike))' });
    applyAction(track, undo);
    expect([...track.flagged.slice(2, 7)]).toEqual([0, 0, 1, 0, 0]);
    applyAction(track, undo, true);
    expect([...track.flagged.slice(2, 7)]).toEqual([0, 1, 1, 1, 0]);
  });
});

describe('history', () => {
  const flag = (id: string) => ({ id, op: 'flag' as const, runs: [{ first: 1, last: 2 }], reason: 'spike', note: '', message: 'pending' as const });

  it('undoes the last action first, and an undone one only once', () => {
    let h = record(record(EMPTY_HISTORY, flag('a1')), flag('a2'));
    const undo = nextUndo(h, 'u1')!;
    expect(undo.undoes).toBe('a2');
    h = record(h, undo);
    expect(nextUndo(h, 'u2')!.undoes).toBe('a1');
    expect(h.actions.map((a) => a.id)).toEqual(['u1', 'a2', 'a1']);
  });

  it('tracks each message from pending to sent, and forgets refused actions for undo', () => {
    let h = record(record(EMPTY_HISTORY, flag('a1')), flag('a2'));
    h = setMessage(h, 'a1', 'sent');
    expect(pendingIds(h)).toEqual(['a2']);
    h = setMessage(h, 'a2', 'failed', 'The stage is closed.');
    expect(h.actions[0]).toMatchObject({ message: 'failed', error: 'The stage is closed.' });
    expect(nextUndo(h, 'u1')!.undoes).toBe('a1');
  });

  it('lets undo try again when the undo itself was refused', () => {
    let h = record(EMPTY_HISTORY, flag('a1'));
    h = record(h, nextUndo(h, 'u1')!);
    expect(nextUndo(h, 'u2')).toBeNull();
    h = setMessage(h, 'u1', 'failed', 'Network');
    expect(nextUndo(h, 'u3')!.undoes).toBe('a1');
  });
});
