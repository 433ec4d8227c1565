// Loading a stage's course into the working copy, and saving it back through the SDK in as few
// requests as the changes need (per collection: one create, one batch update, one delete), after a
// check that nobody else changed the stage's course since it was opened.
import { createItems, deleteItems, readItem, readItems, readUsers, updateItemsBatch } from '@directus/sdk';
import { ref, shallowRef } from 'vue';
import { WorkingCopy, COLLECTIONS, keyOf } from '../../../../domain/course/edit/working-copy';
import type { Course, CourseCollection } from '../../../../domain/course/model';
import { stageGeofences } from '../../../../domain/course/stage-scope';
import { errorWords, useRaceControlSdk } from '../../../sdk';
import { FIELDS, NOUN, stageFilter } from './course-fields';

export interface StageInfo { id: string; name: string; status: string | null; event_id: { id: string; name: string } }
type Stamp = { id: string; name?: string | null; date_updated: string | null; user_updated: string | null; user_created?: string | null };
export interface Conflict { who: string; what: string }

const LIST: Record<CourseCollection, keyof Course> = { segments: 'segments', waypoints: 'waypoints', speed_limit_zones: 'speedZones', geofences: 'geofences' };

export function useStageCourse() {
  const sdk = useRaceControlSdk();
  const stage = ref<StageInfo | null>(null);
  const copy = shallowRef<WorkingCopy | null>(null);
  const loading = ref(false);
  const saving = ref(false);
  const error = ref<string | null>(null);
  const conflicts = ref<Conflict[] | null>(null);
  // What each object looked like on the server when opened: its last change, to spot others' saves.
  let stamps = new Map<string, string | null>();

  async function readAll(stageId: string) {
    const rows = await Promise.all(COLLECTIONS.map((c) => sdk.request(readItems(c as never, {
      filter: stageFilter(c, stageId) as never, fields: [...FIELDS[c], 'date_updated', 'user_updated', 'user_created'] as never, limit: -1,
    })) as Promise<(Record<string, unknown> & Stamp)[]>));
    const course: Course = { segments: [], waypoints: [], speedZones: [], geofences: [] };
    const seen = new Map<string, Stamp & { collection: CourseCollection }>();
    COLLECTIONS.forEach((c, i) => {
      for (const row of rows[i]!) {
        const { date_updated, user_updated, user_created, ...fields } = row;
        (course[LIST[c]] as unknown[]).push(fields);
        seen.set(keyOf(c, String(row.id)), { id: String(row.id), name: row.name as string | null, date_updated, user_updated, user_created: user_created ?? null, collection: c });
      }
    });
    // Geofences hang off the event: keep the ones this stage names or that lie near its routes.
    const mine = new Set(stageGeofences(course.segments, course.geofences).map((g) => g.id));
    course.geofences = course.geofences.filter((g) => mine.has(g.id));
    for (const [key, s] of seen) if (s.collection === 'geofences' && !mine.has(s.id)) seen.delete(key);
    return { course, seen };
  }

  /** Reads the stage's course; true when it went into the copy already open (a reset the view must be told of). */
  async function load(stageId: string): Promise<boolean> {
    loading.value = true;
    error.value = null;
    conflicts.value = null;
    try {
      const [info, { course, seen }] = await Promise.all([
        sdk.request(readItem('stages', stageId, { fields: ['id', 'name', 'status', 'event_id.id', 'event_id.name'] as never })) as unknown as Promise<StageInfo>,
        readAll(stageId),
      ]);
      stage.value = info;
      stamps = new Map([...seen].map(([k, s]) => [k, s.date_updated]));
      if (!copy.value) {
        copy.value = new WorkingCopy(course);
        return false;
      }
      copy.value.reset(course);
      return true;
    } catch (e) {
      error.value = `The course could not be read: ${errorWords(e)}`;
      return false;
    } finally {
      loading.value = false;
    }
  }

  async function namesOf(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    try {
      const users = (await sdk.request(readUsers({ filter: { id: { _in: ids } } as never, fields: ['id', 'first_name', 'last_name', 'email'] as never }))) as { id: string; first_name?: string; last_name?: string; email?: string }[];
      return new Map(users.map((u) => [u.id, [u.first_name, u.last_name].filter(Boolean).join(' ') || u.email || 'someone']));
    } catch {
      return new Map(); // may not read other people: "someone" it is
    }
  }

  /** What others changed on the server since this course was opened (empty: safe to save). */
  async function othersChanges(): Promise<Conflict[]> {
    if (!stage.value) return [];
    const { seen } = await readAll(stage.value.id);
    const found: { user: string | null; what: string }[] = [];
    for (const [key, s] of seen) {
      const noun = NOUN[s.collection];
      if (!stamps.has(key)) found.push({ user: s.user_created ?? null, what: `added ${noun} ${s.name ?? s.id}` });
      else if (stamps.get(key) !== s.date_updated) found.push({ user: s.user_updated, what: `changed ${noun} ${s.name ?? s.id}` });
    }
    for (const key of stamps.keys()) if (!seen.has(key)) found.push({ user: null, what: `deleted ${NOUN[key.split(':')[0] as CourseCollection]} ${copy.value?.get(key)?.id ?? key}` });
    const names = await namesOf([...new Set(found.map((f) => f.user).filter((u): u is string => !!u))]);
    return found.map((f) => ({ who: (f.user && names.get(f.user)) || 'Someone', what: f.what }));
  }

  /** Writes the changes; `force` skips the check for others' changes (the user chose "keep mine"). */
  async function save(force = false): Promise<boolean> {
    const c = copy.value;
    if (!c || !stage.value) return false;
    saving.value = true;
    error.value = null;
    try {
      if (!force) {
        const others = await othersChanges();
        if (others.length) {
          conflicts.value = others;
          return false;
        }
      }
      conflicts.value = null;
      const plan = c.plan();
      const realId = new Map<string, string>();
      const resolve = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' && realId.has(v) ? realId.get(v) : v]));
      // Geofences first (a segment may name a new one), then segments, then what hangs off them.
      for (const collection of COLLECTIONS) {
        const creates = plan.creates[collection];
        if (creates?.length) {
          const made = (await sdk.request(createItems(collection as never, creates.map((x) => resolve(x.fields)) as never, { fields: ['id'] as never }))) as { id: string }[];
          creates.forEach((x, i) => realId.set(x.key.slice(x.key.indexOf(':') + 1), made[i]!.id));
        }
        const updates = plan.updates[collection];
        if (updates?.length) await sdk.request(updateItemsBatch(collection as never, updates.map(resolve) as never, { fields: ['id'] as never }));
      }
      // Deletes last and children first, so nothing is refused for still being used by a sibling.
      for (const collection of [...COLLECTIONS].reverse()) {
        const ids = plan.deletes[collection];
        if (ids?.length) await sdk.request(deleteItems(collection as never, ids as never));
      }
      await load(stage.value.id);
      return true;
    } catch (e) {
      error.value = `Not saved: ${errorWords(e)}`;
      return false;
    } finally {
      saving.value = false;
    }
  }

  return { stage, copy, loading, saving, error, conflicts, load, save };
}
