// The GPS API's refusals: each a sentence a marshal can act on (shown by the review screen as is).
import { createError } from '@directus/errors';

export const BadGpsInput = createError<{ reason: string }>('INVALID_QUERY', ({ reason }) => reason, 400);
export const GpsNotFound = createError<{ reason: string }>('NOT_FOUND', ({ reason }) => reason, 404);
export const GpsForbidden = createError<{ reason: string }>('FORBIDDEN', ({ reason }) => reason, 403);

export const bad = (reason: string) => new BadGpsInput({ reason });
export const notFound = (reason: string) => new GpsNotFound({ reason });
export const forbidden = (reason: string) => new GpsForbidden({ reason });
