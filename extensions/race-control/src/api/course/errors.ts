import { createError } from '@directus/errors';

/**
 * A course object or stage refused: 400 with words, plus where on the map (`at`, lon/lat) when the
 * problem has a place, so a client can point at it. Same code as the other rule refusals.
 */
export const CourseRefusal = createError<{ rule: string; reason: string; at?: [number, number]; problems?: { code: string; message: string }[] }>(
  'INVALID_PAYLOAD', ({ reason }) => reason, 400,
);
