// Six reads for a whole event, whatever its number of stages: the event, its stages, and each
// course collection once (filtered to the event), grouped per stage here. The problems come from
// the same checks as the editor's, which live in the map chunk (they pull in turf), loaded on demand.
import { readItems } from '@directus/sdk';
import { ref } from 'vue';
import type { Course, CourseCollection, CourseGeofence, CourseSegment, CourseSpeedZone, CourseWaypoint } from '../../../domain/course/model';
import { stageGeofences } from '../../../domain/course/stage-scope';
import { loadMapLibrary } from '../../map/library';
import { FIELDS } from '../../modules/course/composables/course-fields';
import { errorWords, useRaceControlSdk } from '../../sdk';
import { readPanelEvent } from '../panel-event';

export interface StageReadiness {
  id: string;
  name: string;
  status: string | null;
  segments: number;
  waypoints: number;
  speedZones: number;
  geofences: number;
  /** Open problems by severity; null until the checks have run. */
  errors: number | null;
  warnings: number | null;
}

const EVENT_FILTER: Record<CourseCollection, (eventId: string) => Record<string, unknown>> = {
  segments: (e) => ({ stage_id: { event_id: { _eq: e } } }),
  waypoints: (e) => ({ segment_id: { stage_id: { event_id: { _eq: e } } } }),
  speed_limit_zones: (e) => ({ segment_id: { stage_id: { event_id: { _eq: e } } } }),
  geofences: (e) => ({ event_id: { _eq: e } }),
};

const idOf = (v: unknown): string | null => (v && typeof v === 'object' ? String((v as { id: unknown }).id) : v == null ? null : String(v));

export function useCourseReadiness() {
  const sdk = useRaceControlSdk();
  const stages = ref<StageReadiness[] | null>(null);
  const eventName = ref('');
  const error = ref<string | null>(null);
  const checkError = ref<string | null>(null);

  function rows<T>(collection: CourseCollection, eventId: string): Promise<T[]> {
    return sdk.request(readItems(collection as never, { filter: EVENT_FILTER[collection](eventId) as never, fields: FIELDS[collection] as never, limit: -1 })) as Promise<T[]>;
  }

  async function load(eventId: string | null | undefined) {
    error.value = null;
    checkError.value = null;
    try {
      const event = await readPanelEvent(sdk, eventId);
      if (!event) {
        error.value = 'No event to show.';
        return;
      }
      eventName.value = event.name;
      const [stageRows, segments, waypoints, speedZones, geofences] = await Promise.all([
        sdk.request(readItems('stages', { filter: { event_id: { _eq: event.id } }, fields: ['id', 'name', 'status', 'sort_order'] as never, sort: ['sort_order', 'name'] as never, limit: -1 })) as unknown as Promise<{ id: string; name: string; status: string | null }[]>,
        rows<CourseSegment>('segments', event.id),
        rows<CourseWaypoint>('waypoints', event.id),
        rows<CourseSpeedZone>('speed_limit_zones', event.id),
        rows<CourseGeofence>('geofences', event.id),
      ]);
      const stageOfSegment = new Map(segments.map((s) => [String(s.id), idOf(s.stage_id)]));
      const courses = new Map<string, Course>(stageRows.map((s) => [s.id, { segments: [], waypoints: [], speedZones: [], geofences: [] }]));
      for (const s of segments) courses.get(idOf(s.stage_id) ?? '')?.segments.push(s);
      for (const w of waypoints) courses.get(stageOfSegment.get(idOf(w.segment_id) ?? '') ?? '')?.waypoints.push(w);
      for (const z of speedZones) courses.get(stageOfSegment.get(idOf(z.segment_id) ?? '') ?? '')?.speedZones.push(z);
      for (const c of courses.values()) c.geofences = stageGeofences(c.segments, geofences);
      const counted = stageRows.map((s): StageReadiness => {
        const c = courses.get(s.id)!;
        return { id: s.id, name: s.name, status: s.status, segments: c.segments.length, waypoints: c.waypoints.length, speedZones: c.speedZones.length, geofences: c.geofences.length, errors: null, warnings: null };
      });
      stages.value = counted;
      // The counts show at once; the problems follow when the check code has loaded.
      try {
        const lib = await loadMapLibrary();
        stages.value = counted.map((s) => {
          const problems = lib.course.checkCourse(courses.get(s.id)!);
          const errors = problems.filter((p) => p.severity === 'error').length;
          return { ...s, errors, warnings: problems.length - errors };
        });
      } catch (e) {
        checkError.value = `The course checks did not run: ${errorWords(e)}`;
      }
    } catch (e) {
      error.value = `The course could not be read: ${errorWords(e)}`;
    }
  }
  return { stages, eventName, error, checkError, load };
}
