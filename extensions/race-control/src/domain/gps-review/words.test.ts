import { describe, expect, it } from 'vitest';
import { evidenceWords, impactWords, reasonWords } from './words';

describe('words for a suspect', () => {
  it('names reasons in the sport\'s words, unknown codes as they are', () => {
    expect(reasonWords('spike')).toBe('Spike');
    expect(reasonWords('new-kind')).toBe('new-kind');
  });
  it('puts the telling number first', () => {
    expect(evidenceWords({ implied_kmh: 411.6, reported_kmh: 48, max_kmh: 170, jump_m: 1520.2 })).toBe('412 km/h implied (reported 48, class max 170) · 1520 m off the line');
    expect(evidenceWords({ satellites: 0, repeated_s: 6 })).toBe('0 satellites · same fix for 6 s');
    expect(evidenceWords({ clock_shift_s: 86400 })).toBe('clock +86400 s');
    expect(evidenceWords({ other_device_id: '352092110000024', other_distance_m: 812 })).toBe('812 m from tracker …0024');
    expect(evidenceWords(undefined)).toBe('');
  });
  it('says what is at stake', () => {
    expect(impactWords({ penalties: [{}], speed_zones: [{ name: 'Fushë-Arrëz' }], waypoints: [] })).toBe('1 penalty at stake · in Fushë-Arrëz');
    expect(impactWords({ penalties: [], speed_zones: [], waypoints: [{ name: 'WP3' }] })).toBe('near WP3');
  });
});
