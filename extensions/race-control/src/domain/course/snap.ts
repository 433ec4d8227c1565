// Snapping a point to a route through a spatial index of its segments (flatbush): turf's
// nearestPointOnLine costs ~9 ms per call on a 10k-vertex line, too slow while dragging.
import Flatbush from 'flatbush';
import type { LineString, Position } from 'geojson';

export interface RouteIndex { nearest(at: Position): { point: Position; segment: number; distanceDeg: number } | null }

function project(p: Position, a: Position, b: Position): { point: Position; d2: number } {
  // Planar in degrees with longitude scaled by cos(lat): fine for the few hundred metres a snap spans.
  const k = Math.cos((p[1]! * Math.PI) / 180);
  const [ax, ay, bx, by, px, py] = [a[0]! * k, a[1]!, b[0]! * k, b[1]!, p[0]! * k, p[1]!];
  const dx = bx - ax;
  const dy = by - ay;
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  const [x, y] = [ax + t * dx, ay + t * dy];
  return { point: [x / k, y], d2: (px - x) ** 2 + (py - y) ** 2 };
}

export function indexRoute(route: LineString): RouteIndex {
  const c = route.coordinates;
  if (c.length < 2) return { nearest: () => null };
  const index = new Flatbush(c.length - 1);
  for (let i = 0; i < c.length - 1; i++) {
    index.add(Math.min(c[i]![0]!, c[i + 1]![0]!), Math.min(c[i]![1]!, c[i + 1]![1]!), Math.max(c[i]![0]!, c[i + 1]![0]!), Math.max(c[i]![1]!, c[i + 1]![1]!));
  }
  index.finish();
  return {
    nearest(at) {
      const candidates = index.neighbors(at[0]!, at[1]!, 8);
      let best: { point: Position; segment: number; distanceDeg: number } | null = null;
      for (const i of candidates) {
        const { point, d2 } = project(at, c[i]!, c[i + 1]!);
        if (!best || d2 < best.distanceDeg ** 2) best = { point, segment: i, distanceDeg: Math.sqrt(d2) };
      }
      return best;
    },
  };
}
