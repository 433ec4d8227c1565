// Independent random streams per purpose, all from the plan's one seed. Independence is what lets
// the fault injector change rows without shifting the noise of any other row, so a clean run and a
// faulty run of the same plan differ exactly in the faulty rows.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export type { RandomGenerator };

const STREAMS = { speed: 1, faults: 2, noise: 3 } as const;

export function stream(seed: number, purpose: keyof typeof STREAMS): RandomGenerator {
  const rng = xoroshiro128plus(seed | 0);
  // The generator's first outputs echo the seed; jumping both mixes and separates the streams.
  for (let k = 0; k < STREAMS[purpose]; k++) rng.jump();
  return rng;
}

/** FNV-1a: a stable 32-bit seed from text, for randomness that belongs to a vehicle, not a tracker. */
export function textSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** A stream for one fault's row-by-row detail, seeded from the fault stream. */
export function detailStream(detailSeed: number): RandomGenerator {
  const rng = xoroshiro128plus(detailSeed | 0);
  rng.jump();
  return rng;
}

export function between(rng: RandomGenerator, lo: number, hi: number): number {
  return lo + (hi - lo) * uniformFloat64(rng);
}

export function intBetween(rng: RandomGenerator, lo: number, hi: number): number {
  return uniformInt(rng, lo, hi);
}

export function pick<T>(rng: RandomGenerator, items: readonly T[]): T {
  return items[uniformInt(rng, 0, items.length - 1)]!;
}
