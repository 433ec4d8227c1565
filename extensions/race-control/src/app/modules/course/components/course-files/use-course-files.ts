// The course-files dialog's data and actions: the stage's segments (for the picker), the picked
// file parsed in a worker with progress, the import plan and its words, the save (one call) and
// the exports. The save sends the previewed course itself (as our GeoJSON, read back with every
// vertex kept), so what is written is exactly what the race director saw.
import { computed, ref, shallowRef, type Ref } from 'vue';
import { defaultTargets, planImport, summarize, type ExistingSegment, type ImportMode, type SegmentTargets } from '../../../../../domain/course-files/plan';
import { toGeoJson } from '../../../../../domain/course-files/export-geojson';
import type { CourseFile } from '../../../../../domain/course-files/types';
import { errorWords, ourEndpoint, useRaceControlSdk } from '../../../../sdk';
import { parseInWorker } from './parse-in-worker';

export type ExportFormat = 'openrally' | 'gpx' | 'kml' | 'geojson';

export interface ImportAnswer {
  summary: string;
  segments: { created: string[]; updated: string[] };
  waypoints: number;
  speedZones: number;
  /** The course checks on the stage as written. */
  problems: { severity: string; code: string; message: string }[];
}

export function useCourseFiles(stageId: Ref<string | null>) {
  const sdk = useRaceControlSdk();
  const segments = ref<ExistingSegment[]>([]);
  const file = shallowRef<File | null>(null);
  const course = shallowRef<CourseFile | null>(null);
  /** The map's preview of `course` (GeoJSON, routes lightened), made by the worker. */
  const preview = shallowRef<unknown>(null);
  const progress = ref<{ fraction: number; step: string } | null>(null);
  const error = ref<string | null>(null);
  const mode = ref<ImportMode>('add');
  const targets = ref<SegmentTargets>([]);
  /** null: the default tolerance (1 m; 0 for files race control wrote). */
  const tolerance = ref<number | null>(null);
  const saving = ref(false);
  const saved = ref<ImportAnswer | null>(null);

  async function loadSegments() {
    if (!stageId.value) return;
    try {
      segments.value = (await sdk.request(ourEndpoint<{ segments: ExistingSegment[] }>(`/stages/${stageId.value}/course-files`))).segments;
    } catch (e) {
      error.value = errorWords(e);
    }
  }

  async function parse() {
    if (!file.value) return;
    error.value = null;
    saved.value = null;
    progress.value = { fraction: 0, step: 'Starting' };
    try {
      const kept = course.value ? targets.value : null;
      const parsed = await parseInWorker({ file: file.value, toleranceMeters: tolerance.value }, (fraction, step) => { progress.value = { fraction, step }; });
      preview.value = parsed.preview;
      course.value = parsed.course;
      // A new tolerance keeps the picks made for the same file's routes.
      targets.value = kept?.length === course.value.routes.length ? kept : defaultTargets(course.value, segments.value, mode.value);
    } catch (e) {
      course.value = null;
      preview.value = null;
      error.value = errorWords(e);
    } finally {
      progress.value = null;
    }
  }

  async function pick(picked: File | null) {
    file.value = picked;
    course.value = null;
    tolerance.value = null;
    await parse();
  }

  function setMode(next: ImportMode) {
    mode.value = next;
    // Keep what the race director picked; suggest a segment only for routes still going to a new one.
    if (!course.value) return;
    const suggested = defaultTargets(course.value, segments.value, next);
    const taken = new Set(targets.value.filter(Boolean));
    targets.value = targets.value.map((t, i) => t ?? (suggested[i] && !taken.has(suggested[i]) ? suggested[i]! : null));
  }

  const plan = computed(() => {
    if (!course.value) return null;
    try {
      return planImport(course.value, segments.value, mode.value, targets.value);
    } catch {
      return null;
    }
  });
  const summary = computed(() => (course.value && plan.value ? summarize(course.value, plan.value) : null));

  async function save(): Promise<ImportAnswer | null> {
    if (!course.value || !plan.value || !stageId.value) return null;
    saving.value = true;
    error.value = null;
    try {
      const body = {
        file: { name: `${file.value?.name ?? 'course'}.geojson`, text: toGeoJson({ name: file.value?.name ?? 'course', ...course.value }) },
        mode: mode.value, segments: plan.value.targets, tolerance_meters: 0,
      };
      saved.value = await sdk.request(ourEndpoint<ImportAnswer>(`/stages/${stageId.value}/course-files/import`, { method: 'POST', body }));
      // The picker's counts for a next import; the save itself is done.
      void loadSegments();
      return saved.value;
    } catch (e) {
      error.value = errorWords(e);
      return null;
    } finally {
      saving.value = false;
    }
  }

  async function download(format: ExportFormat, scope: { eventId?: string } = {}) {
    const path = scope.eventId ? `/events/${scope.eventId}/course-files/export` : `/stages/${stageId.value}/course-files/export`;
    try {
      // A file, not JSON: the SDK hands back the fetch Response.
      const response = (await sdk.request(ourEndpoint<Response>(path, { params: { format } }))) as Response;
      const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `course.${format}`;
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return name;
    } catch (e) {
      error.value = errorWords(e);
      return null;
    }
  }

  return { segments, file, course, preview, progress, error, mode, targets, tolerance, saving, saved, plan, summary, loadSegments, pick, parse, setMode, save, download };
}
