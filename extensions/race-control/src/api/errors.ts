import { createError } from '@directus/errors';

/** A rule of the sport was broken: 400 with the rule's words, shown by the app and the API. */
export const RuleViolationError = createError<{ rule: string; reason: string }>('INVALID_PAYLOAD', ({ reason }) => reason, 400);
