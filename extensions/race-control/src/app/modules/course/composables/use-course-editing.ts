// What drawing and editing do to the working copy: a drawn polygon becomes a geofence or a speed
// zone of the nearest segment, a placed point a waypoint snapped to the nearest route with its
// kind's radii and its roadbook km, a drawn line a new segment (or the new route of the segment
// being redrawn); an edited shape replaces the object's geometry (a route's
// window is spliced back, leaving every other vertex as it was). Bad geometry is refused on the
// spot with the place it goes wrong, as the server would refuse it.
import type { Geometry, LineString, Point, Polygon, Position } from 'geojson';
import { ref, type Ref, type ShallowRef } from 'vue';
import { WAYPOINT_RADII } from '../../../../domain/course/defaults';
import { dependentsOf } from '../../../../domain/course/dependents';
import { spliceWindow, windowAround } from '../../../../domain/course/edit/route-window';
import { keyOf, parseKey, type CourseObject, type WorkingCopy } from '../../../../domain/course/edit/working-copy';
import { bySortOrder, type Course, type CourseSegment, type CourseWaypoint } from '../../../../domain/course/model';
import type { MapLibrary } from '../../../map/library';
import type { Editing, Tool } from '../components/course-map.vue';

export interface Refusal { message: string; at?: Position }

export function useCourseEditing(opts: {
  copy: ShallowRef<WorkingCopy | null>; lib: ShallowRef<MapLibrary | null>; eventId: () => string | null; stageId: () => string;
  selectedKey: Ref<string | null>; changed: () => void;
  /** The segment whose route the route tool redraws; null: the line becomes a new segment. */
  routeTarget: Ref<string | null>;
}) {
  const refusal = ref<Refusal | null>(null);
  const editing = ref<(Editing & { window?: { from: number; to: number } }) | null>(null);
  const course = () => opts.copy.value!.course();

  function nearestSegment(at: Position): { segment: CourseSegment; point: Position } | null {
    const lib = opts.lib.value!;
    let best: { segment: CourseSegment; point: Position; d: number } | null = null;
    for (const s of course().segments) {
      if (!s.route || s.route.coordinates.length < 2) continue;
      const hit = lib.course.indexRoute(s.route).nearest(at);
      if (hit && (!best || hit.distanceDeg < best.d)) best = { segment: s, point: hit.point, d: hit.distanceDeg };
    }
    return best;
  }

  function refuse(geometry: Geometry, type: 'Polygon' | 'Point' | 'LineString', what: string): boolean {
    const [problem] = opts.lib.value!.course.geometryProblems(geometry, type, what);
    refusal.value = problem ? { message: problem.message, at: problem.at } : null;
    return !!problem;
  }

  function add(label: string, collection: 'geofences' | 'speed_limit_zones' | 'waypoints' | 'segments', make: (id: string) => CourseObject) {
    const c = opts.copy.value!;
    const id = c.newId();
    c.apply(label, [{ key: keyOf(collection, id), after: make(id) }]);
    opts.selectedKey.value = keyOf(collection, id);
    opts.changed();
  }

  function drawn(tool: Tool, geometry: Geometry) {
    if (tool === 'route') {
      if (refuse(geometry, 'LineString', 'The route')) return;
      const target = opts.routeTarget.value;
      opts.routeTarget.value = null;
      if (target && opts.copy.value!.get(target)) {
        opts.copy.value!.patch('redraw route', target, { route: geometry as LineString });
        opts.selectedKey.value = target;
        opts.changed();
        return;
      }
      const segments = course().segments;
      const sort = Math.max(0, ...segments.map((s) => s.sort_order ?? 0)) + 1;
      // A liaison until the race director says otherwise: a special needs its DSS and ASS first.
      add('draw route', 'segments', (id) => ({
        id, stage_id: opts.stageId(), sort_order: sort, type: 'liaison', name: `Segment ${sort}`, route: geometry as LineString, entry_geofence_id: null, exit_geofence_id: null,
      }));
    } else if (tool === 'geofence') {
      if (refuse(geometry, 'Polygon', 'The geofence')) return;
      const n = course().geofences.length + 1;
      add('draw geofence', 'geofences', (id) => ({ id, event_id: opts.eventId() ?? undefined, name: `Geofence ${n}`, kind: 'checkpoint', area: geometry as Polygon, closes_at: null }));
    } else if (tool === 'zone') {
      if (refuse(geometry, 'Polygon', 'The speed zone')) return;
      const near = nearestSegment((geometry as Polygon).coordinates[0]![0]!);
      if (!near) { refusal.value = { message: 'A speed zone belongs to a segment: draw a route first' }; return; }
      add('draw speed zone', 'speed_limit_zones', (id) => ({ id, segment_id: near.segment.id, name: 'Speed zone', area: geometry as Polygon, speed_limit_kmh: 50 }));
    } else if (tool === 'waypoint') {
      if (refuse(geometry, 'Point', 'The waypoint')) return;
      const near = nearestSegment((geometry as Point).coordinates);
      if (!near) { refusal.value = { message: 'A waypoint belongs to a segment: draw a route first' }; return; }
      const lib = opts.lib.value!;
      const km = lib.course.roadbookKm(near.segment.route!, near.point);
      const siblings = course().waypoints.filter((w) => w.segment_id === near.segment.id).sort(bySortOrder);
      // Its place in the order is its place along the route.
      const before = siblings.filter((w) => lib.course.kmAlong(near.segment.route!, w.location.coordinates).km <= km);
      const sort = before.length ? (before.at(-1)!.sort_order ?? 0) + 0.5 : 0.5;
      const r = WAYPOINT_RADII.WPM;
      add('place waypoint', 'waypoints', (id) => ({
        id, segment_id: near.segment.id, sort_order: sort, kind: 'WPM', name: `WPM km ${km.toFixed(1)}`,
        location: { type: 'Point', coordinates: near.point.map((v) => Math.round(v * 1e7) / 1e7) }, tolerance_meters: r.clear, open_radius_meters: r.open, roadbook_km: km, show_coordinates: false,
      } as CourseWaypoint));
    }
  }

  /** Puts the selected object's shape into edit mode; a route only as a window around `near`. */
  function startEdit(near: Position | null) {
    const key = opts.selectedKey.value;
    const o = key ? opts.copy.value?.get(key) : null;
    if (!key || !o) return;
    const { collection } = parseKey(key);
    if (collection === 'segments') {
      const route = (o as CourseSegment).route;
      if (!route || route.coordinates.length < 2) return;
      const lib = opts.lib.value!;
      const at = near ? lib.course.kmAlong(route, near).index : 0;
      const w = windowAround(route, at);
      editing.value = { key, geometry: w.line, kind: 'linestring', window: { from: w.from, to: w.to } };
    } else if (collection === 'waypoints') {
      editing.value = { key, geometry: (o as CourseWaypoint).location, kind: 'point' };
    } else {
      editing.value = { key, geometry: (o as { area: Polygon }).area, kind: 'polygon' };
    }
  }

  function edited(key: string, geometry: Geometry) {
    const c = opts.copy.value!;
    const o = c.get(key);
    const e = editing.value;
    if (!o || !e || e.key !== key) return;
    if (JSON.stringify(geometry) === JSON.stringify(e.geometry)) return; // nothing moved
    const { collection } = parseKey(key);
    if (collection === 'segments' && e.window) {
      const route = (o as CourseSegment).route!;
      const next = spliceWindow(route, e.window, (geometry as LineString).coordinates);
      c.patch('move route vertex', key, { route: next });
      e.window = { from: e.window.from, to: e.window.from + (geometry as LineString).coordinates.length - 1 };
      editing.value = { ...e, geometry };
    } else if (collection === 'waypoints') {
      const near = nearestSegment((geometry as Point).coordinates);
      const km = near?.segment.route ? opts.lib.value!.course.roadbookKm(near.segment.route, (geometry as Point).coordinates) : null;
      c.patch('move waypoint', key, { location: geometry as Point, ...(km !== null ? { roadbook_km: km } : {}) });
      editing.value = { ...e, geometry };
    } else {
      const what = collection === 'geofences' ? 'The geofence' : 'The speed zone';
      if (refuse(geometry, 'Polygon', what)) {
        editing.value = { ...e, key: `${key}`, geometry: (o as { area: Polygon }).area }; // back to the last good shape
        return;
      }
      c.patch('reshape', key, { area: geometry as Polygon });
      editing.value = { ...e, geometry };
    }
    opts.changed();
  }

  function dependents(key: string): string[] {
    const { collection, id } = parseKey(key);
    return dependentsOf(course(), { collection, id });
  }

  /** Deletes the object and, in the same undoable step, what hangs off it or points at it. */
  function remove(key: string) {
    const c = opts.copy.value!;
    const { collection, id } = parseKey(key);
    const all: Course = course();
    const edits: { key: string; after: CourseObject | null }[] = [{ key, after: null }];
    if (collection === 'geofences') {
      for (const s of all.segments) {
        if (s.entry_geofence_id === id || s.exit_geofence_id === id) {
          edits.push({ key: keyOf('segments', s.id), after: { ...s, entry_geofence_id: s.entry_geofence_id === id ? null : s.entry_geofence_id, exit_geofence_id: s.exit_geofence_id === id ? null : s.exit_geofence_id } });
        }
      }
    }
    if (collection === 'segments') {
      for (const w of all.waypoints.filter((x) => x.segment_id === id)) edits.push({ key: keyOf('waypoints', w.id), after: null });
      for (const z of all.speedZones.filter((x) => x.segment_id === id)) edits.push({ key: keyOf('speed_limit_zones', z.id), after: null });
    }
    c.apply(`delete ${collection}`, edits);
    if (editing.value?.key === key) editing.value = null;
    opts.selectedKey.value = null;
    opts.changed();
  }

  function radius(key: string, meters: number) {
    opts.copy.value!.patch('clear radius', key, { tolerance_meters: meters });
    opts.changed();
  }

  return { refusal, editing, drawn, startEdit, edited, remove, radius, dependents };
}
