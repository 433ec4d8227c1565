import { describe, expect, it } from 'vitest';
import { forgetFailure, recentFailure, rememberFailure, REMEMBER_MS } from './basemap-memory';

function memoryStore() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
}
const words = 'OpenStreetMap could not be reached (no internet?); showing the offline map';

describe('basemap memory', () => {
  it('remembers an unreachable basemap for five minutes, says when it failed and how to retry', () => {
    const s = memoryStore();
    rememberFailure('OpenStreetMap', words, 1_000_000, s);
    expect(recentFailure('OpenStreetMap', 1_000_000 + 2 * 60_000, s)).toBe(`${words} (it failed 2 min ago: choose OpenStreetMap above to try again)`);
    expect(recentFailure('OpenStreetMap', 1_000_000 + 20_000, s)).toBe(`${words} (it failed moments ago: choose OpenStreetMap above to try again)`);
    expect(recentFailure('OpenTopoMap', 1_000_000, s)).toBeNull();
    expect(recentFailure('OpenStreetMap', 1_000_000 + REMEMBER_MS + 1, s)).toBeNull();
  });

  it('forgets a basemap that loaded, and ignores what it cannot read', () => {
    const s = memoryStore();
    rememberFailure('OpenStreetMap', words, 1_000, s);
    forgetFailure('OpenStreetMap', s);
    expect(recentFailure('OpenStreetMap', 2_000, s)).toBeNull();
    s.setItem('race-control:basemap-failed:OpenStreetMap', '{not json');
    expect(recentFailure('OpenStreetMap', 2_000, s)).toBeNull();
    s.setItem('race-control:basemap-failed:OpenStreetMap', JSON.stringify({ at: 'yesterday', words }));
    expect(recentFailure('OpenStreetMap', 2_000, s)).toBeNull();
    expect(recentFailure('OpenStreetMap', 2_000, null)).toBeNull(); // no storage at all
  });
});
