// The one piece that needs turf (its buffer), kept apart so that the page's code, which exports
// and plans but never widens a zone, does not bundle it; the worker and the server do.
import { buffer, lineString, simplify } from '@turf/turf';
import { roundPosition } from './geometry';
import type { Position } from './types';

/**
 * The corridor a speed zone polices: the route between DZ and FZ widened by `halfWidthMeters`
 * (the seed's 40 m). Simplified by ~3 m to drop the buffer's redundant arc points, as the seed does.
 */
export function corridor(stretch: readonly Position[], halfWidthMeters: number): Position[] {
  const line = stretch.length >= 2 ? stretch : [stretch[0]!, stretch[0]!];
  const widened = buffer(lineString(line as Position[]), halfWidthMeters, { units: 'meters', steps: 8 });
  if (!widened || widened.geometry.type !== 'Polygon') throw new Error('the speed zone has no length to widen');
  const simple = simplify(widened, { tolerance: 0.00003, highQuality: true });
  return (simple.geometry.coordinates[0] as Position[]).map(roundPosition);
}
