// Server-side drafts of wizard runs (table registration_runs, db-init 130): a registrar's run
// survives a reload and a change of computer. Each route first reads the event as the caller
// (Directus refuses a club's event to outsiders), then touches only the caller's own runs.
import type { Knex } from 'knex';
import { RegistrationRefusedError } from './refusal';
import { type As, UUID } from './services';

export interface DraftRow {
  run_id: string;
  event_id: string;
  entry_id: string | null;
  step: string | null;
  draft: unknown;
  updated_at: string;
}

const COLUMNS = 'run_id, event_id, entry_id, step, draft, updated_at';

export async function saveDraft(caller: As, runId: string, body: { event_id?: unknown; step?: unknown; draft?: unknown }): Promise<DraftRow | null> {
  const eventId = String(body.event_id ?? '');
  if (!UUID.test(eventId)) throw new RegistrationRefusedError({ errors: [{ step: 'review', field: 'event_id', message: 'event_id must be the event\'s id' }] });
  await caller.items('events').readOne(eventId, { fields: ['id'] });
  const draft = (body.draft ?? {}) as { entry_id?: string | null };
  const { rows } = await caller.knex.raw(
    `INSERT INTO registration_runs (run_id, event_id, user_id, entry_id, step, draft) VALUES (?, ?, ?, ?, ?, ?::jsonb)
     ON CONFLICT (run_id) DO UPDATE SET step = EXCLUDED.step, draft = EXCLUDED.draft, updated_at = now()
      WHERE registration_runs.status = 'draft' AND registration_runs.user_id = EXCLUDED.user_id AND registration_runs.event_id = EXCLUDED.event_id
     RETURNING ${COLUMNS}`,
    [runId, eventId, caller.accountability?.user ?? null, draft.entry_id ?? null, typeof body.step === 'string' ? body.step : null, JSON.stringify(draft)],
  );
  // Nothing returned: the run was submitted already, or is somebody else's.
  return rows[0] ?? null;
}

export async function listDrafts(caller: As, eventId: string): Promise<DraftRow[]> {
  await caller.items('events').readOne(eventId, { fields: ['id'] });
  const { rows } = await caller.knex.raw(
    `SELECT ${COLUMNS} FROM registration_runs WHERE event_id = ? AND user_id = ? AND status = 'draft' ORDER BY updated_at DESC LIMIT 50`,
    [eventId, caller.accountability?.user ?? null],
  );
  return rows;
}

export async function readDraft(db: Knex, runId: string, userId: string | null): Promise<DraftRow | null> {
  const { rows } = await db.raw(`SELECT ${COLUMNS} FROM registration_runs WHERE run_id = ? AND user_id = ?`, [runId, userId]);
  return rows[0] ?? null;
}

export async function discardDraft(db: Knex, runId: string, userId: string | null): Promise<number> {
  const { rowCount } = await db.raw(`DELETE FROM registration_runs WHERE run_id = ? AND user_id = ? AND status = 'draft'`, [runId, userId]);
  return rowCount ?? 0;
}
