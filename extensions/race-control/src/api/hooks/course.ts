// The server's authority over the course, for every client (our editor, the stock forms, the API):
// a course object with bad geometry is refused with PostGIS's reason and place, and a stage cannot
// become published (or later) while its course has errors. The browser runs the same domain checks
// while drawing; this is the one that counts.
import { defineHook } from '@directus/extensions-sdk';
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { checkCourse, errorsOf } from '../../domain/course/checks';
import { actingAs, type DirectusContext } from '../acting-as';
import { CourseRefusal } from '../course/errors';
import { COURSE_GEOMETRY, refuseBadGeometry } from '../course/geometry';
import { readCourse } from '../course/store';

interface Ctx {
  database: Knex;
  accountability: Accountability | null;
}

const PUBLISHED_OR_LATER = new Set(['published', 'open', 'closed']);

export default defineHook(({ filter }, context) => {
  for (const collection of Object.keys(COURSE_GEOMETRY)) {
    for (const event of ['create', 'update']) {
      filter(`${collection}.items.${event}`, async (payload, meta, { database, accountability }: Ctx) => {
        const keys = ((meta as { keys?: (string | number)[] }).keys ?? []).map(String);
        // An update of items the caller cannot see gets Directus's plain refusal, not our words.
        if (event === 'update' && !(await actingAs(context as unknown as DirectusContext, accountability).mayRead(collection, keys))) return payload;
        await refuseBadGeometry(database, collection, payload as Record<string, unknown>);
        return payload;
      });
    }
  }

  filter('stages.items.update', async (payload, meta, { database, accountability }: Ctx) => {
    const status = (payload as { status?: unknown }).status;
    if (typeof status !== 'string' || !PUBLISHED_OR_LATER.has(status)) return payload;
    const keys = ((meta as { keys?: (string | number)[] }).keys ?? []).map(String);
    // Words about a stage's course only for those who may see it; Directus refuses the others next.
    if (!(await actingAs(context as unknown as DirectusContext, accountability).mayRead('stages', keys))) return payload;
    for (const key of keys) {
      const read = await readCourse(database, key);
      if (!read) continue;
      const errors = errorsOf(checkCourse(read.course));
      if (errors.length === 0) continue;
      const list = errors.slice(0, 3).map((e) => e.message).join('; ');
      throw new CourseRefusal({
        rule: 'stage_course_errors',
        reason: `"${read.stage.name}" cannot be ${status}: its course has ${errors.length} error${errors.length > 1 ? 's' : ''}: ${list}${errors.length > 3 ? '; …' : ''}. Fix them in the course editor first.`,
        problems: errors.map((e) => ({ code: e.code, message: e.message })),
      });
    }
    return payload;
  });
});
