// The editor's working copy of a stage's course: every object by its ref, the state it was opened
// in, and undo/redo over object changes (any kind: a vertex drag, a radius, a new geofence, a
// delete). Pure, so the history and the save plan are tested without a browser.
import type { Course, CourseCollection, CourseGeofence, CourseSegment, CourseSpeedZone, CourseWaypoint } from '../model.ts';

export type CourseObject = CourseSegment | CourseWaypoint | CourseSpeedZone | CourseGeofence;
export const COLLECTIONS: CourseCollection[] = ['geofences', 'segments', 'waypoints', 'speed_limit_zones'];
const LISTS: Record<CourseCollection, keyof Course> = { segments: 'segments', waypoints: 'waypoints', speed_limit_zones: 'speedZones', geofences: 'geofences' };

export const keyOf = (collection: CourseCollection, id: string) => `${collection}:${id}`;
export function parseKey(key: string): { collection: CourseCollection; id: string } {
  const at = key.indexOf(':');
  return { collection: key.slice(0, at) as CourseCollection, id: key.slice(at + 1) };
}

interface Change { key: string; before: CourseObject | null; after: CourseObject | null }
interface Step { label: string; changes: Change[] }

const clone = <T>(v: T): T => (v === null || v === undefined ? v : JSON.parse(JSON.stringify(v)));

export class WorkingCopy {
  private objects = new Map<string, CourseObject>();
  private original = new Map<string, string>();
  private undoStack: Step[] = [];
  private redoStack: Step[] = [];
  private nextNew = 1;
  /** Bumped on every change, so a view can recompute what it derives. */
  version = 0;

  constructor(course: Course) {
    this.reset(course);
  }

  reset(course: Course): void {
    this.objects.clear();
    this.original.clear();
    for (const collection of COLLECTIONS) {
      for (const o of course[LISTS[collection]] as CourseObject[]) {
        const key = keyOf(collection, o.id);
        this.objects.set(key, clone(o));
        this.original.set(key, JSON.stringify(o));
      }
    }
    this.undoStack = [];
    this.redoStack = [];
    this.version++;
  }

  course(): Course {
    const c: Course = { segments: [], waypoints: [], speedZones: [], geofences: [] };
    for (const [key, o] of this.objects) (c[LISTS[parseKey(key).collection]] as CourseObject[]).push(o);
    return c;
  }

  get(key: string): CourseObject | undefined {
    return this.objects.get(key);
  }

  /** A temporary id for an object not yet saved (the server gives the real one). */
  newId(): string {
    return `new-${this.nextNew++}`;
  }

  isNew(key: string): boolean {
    return !this.original.has(key);
  }

  /** One undoable step of one or more object changes (`after` null deletes, `before` null creates). */
  apply(label: string, edits: { key: string; after: CourseObject | null }[]): void {
    const changes = edits.map(({ key, after }) => ({ key, before: clone(this.objects.get(key) ?? null), after: clone(after) }));
    this.put(changes, 'after');
    this.undoStack.push({ label, changes });
    this.redoStack = [];
  }

  /** Changes one object's fields as one step. */
  patch(label: string, key: string, fields: Partial<CourseObject>): void {
    const current = this.objects.get(key);
    if (!current) return;
    const after = { ...current, ...fields } as CourseObject;
    // A drawing library reports "finished" edits that moved nothing: no step for those.
    if (JSON.stringify(after) === JSON.stringify(current)) return;
    this.apply(label, [{ key, after }]);
  }

  undo(): string | null {
    const step = this.undoStack.pop();
    if (!step) return null;
    this.put([...step.changes].reverse(), 'before');
    this.redoStack.push(step);
    return step.label;
  }

  redo(): string | null {
    const step = this.redoStack.pop();
    if (!step) return null;
    this.put(step.changes, 'after');
    this.undoStack.push(step);
    return step.label;
  }

  get canUndo(): boolean { return this.undoStack.length > 0; }
  get canRedo(): boolean { return this.redoStack.length > 0; }
  get undoLabel(): string | null { return this.undoStack.at(-1)?.label ?? null; }

  private put(changes: Change[], side: 'before' | 'after'): void {
    for (const c of changes) {
      const value = c[side];
      if (value) this.objects.set(c.key, clone(value));
      else this.objects.delete(c.key);
    }
    this.version++;
  }

  /** What the save must do: per collection, the new objects, the changed fields, the deleted ids. */
  plan(): SavePlan {
    const plan: SavePlan = { creates: {}, updates: {}, deletes: {}, count: 0 };
    for (const [key, o] of this.objects) {
      const { collection } = parseKey(key);
      const before = this.original.get(key);
      if (!before) {
        const fields: Record<string, unknown> = { ...o };
        delete fields.id; // the temporary id stays in the browser; the server gives the real one
        (plan.creates[collection] ??= []).push({ key, fields });
        plan.count++;
      } else if (before !== JSON.stringify(o)) {
        const old = JSON.parse(before) as Record<string, unknown>;
        const changed = Object.fromEntries(Object.entries(o).filter(([f, v]) => JSON.stringify(v) !== JSON.stringify(old[f])));
        (plan.updates[collection] ??= []).push({ id: o.id, ...changed });
        plan.count++;
      }
    }
    for (const key of this.original.keys()) {
      if (this.objects.has(key)) continue;
      const { collection, id } = parseKey(key);
      (plan.deletes[collection] ??= []).push(id);
      plan.count++;
    }
    return plan;
  }

  get dirty(): boolean {
    return this.plan().count > 0;
  }
}

export interface SavePlan {
  creates: Partial<Record<CourseCollection, { key: string; fields: Record<string, unknown> }[]>>;
  updates: Partial<Record<CourseCollection, Record<string, unknown>[]>>;
  deletes: Partial<Record<CourseCollection, string[]>>;
  count: number;
}
