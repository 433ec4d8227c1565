// /race-control/registration/...: the registration wizard's API. Every route acts as its caller
// (Directus services with the request's accountability); see submit.ts for the one write call.
import type { Router } from 'express';
import { ForbiddenError } from '@directus/errors';
import { accountabilityOf } from '../accountability';
import { discardDraft, listDrafts, readDraft, saveDraft } from './drafts';
import { eventContext, searchPeople, withdraw } from './lookups';
import { RegistrationRefusedError } from './refusal';
import { as, type As, type RegistrationContext, UUID } from './services';
import { submit } from './submit';

/** Ids in the path or query are UUIDs; anything else would reach PostgreSQL as a syntax error. */
function ids(req: Req, ...names: string[]): void {
  for (const name of names) {
    const value = req.params[name] ?? req.query[name];
    if (typeof value !== 'string' || !UUID.test(value)) throw new RegistrationRefusedError({ errors: [{ step: 'review', field: name, message: `${name} must be an id (UUID)` }] });
  }
}

type Req = { params: Record<string, string>; body?: unknown; query: Record<string, unknown> };
type Res = { json(v: unknown): void };

const route = (context: RegistrationContext, handler: (caller: As, req: Req) => Promise<unknown>, idNames: string[] = []) => async (req: Req, res: Res, next: (e?: unknown) => void) => {
  try {
    ids(req, ...idNames);
    const accountability = accountabilityOf(req);
    if (!accountability?.user) throw new ForbiddenError();
    res.json({ data: await handler(await as(context, accountability), req) });
  } catch (error) {
    next(error);
  }
};

export function register(router: Router, context: RegistrationContext): void {
  router.post('/registration/submit', route(context, (caller, req) => submit(context, caller.accountability, req.body)));
  router.get('/registration/events/:id/context', route(context, (caller, req) => eventContext(caller, req.params.id!, typeof req.query.entry === 'string' ? req.query.entry : null), ['id']));
  router.get('/registration/people', route(context, (caller, req) => searchPeople(caller, req.query)));
  router.post('/registration/entries/:id/withdraw', route(context, (caller, req) => withdraw(caller, req.params.id!, (req.body as { reason?: unknown } | undefined)?.reason), ['id']));
  router.get('/registration/drafts', route(context, (caller, req) => listDrafts(caller, String(req.query.event_id)), ['event_id']));
  router.get('/registration/drafts/:run', route(context, async (caller, req) => (await readDraft(caller.knex, req.params.run!, caller.accountability!.user)) ?? Promise.reject(new ForbiddenError()), ['run']));
  // A run that is submitted, or somebody else's, is not theirs to overwrite or discard: 403.
  router.post('/registration/drafts/:run', route(context, async (caller, req) => (await saveDraft(caller, req.params.run!, (req.body ?? {}) as Record<string, unknown>)) ?? Promise.reject(new ForbiddenError()), ['run']));
  router.delete('/registration/drafts/:run', route(context, async (caller, req) => ((await discardDraft(caller.knex, req.params.run!, caller.accountability!.user)) ? { discarded: 1 } : Promise.reject(new ForbiddenError())), ['run']));
}
