// Judging a change to a stage and, when it leaves the stage open, rewriting its start list in the
// same transaction as the change itself. Used by the stage hook (any client: the stock form, the
// SDK) and by our start-list routes.
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { configRefusals, openingRefusals, transitionRefusal, type StageConfig } from '../../domain/stage-ops/stage-status';
import type { DirectusContext } from '../acting-as';
import { RuleViolationError } from '../errors';
import { materialise, readSegments, resultCount, stageEventOf } from './store';

/** Fields whose change re-seeds an open stage (starts, order, closing rule). */
export const START_FIELDS = ['status', 'starts_at', 'start_interval_seconds', 'start_order_strategy', 'start_order_strategy_params', 'start_order_input_stage_id', 'closing_rule', 'event_id'];

export const refuse = (rule: string, reasons: string[]) => {
  if (reasons.length) throw new RuleViolationError({ rule, reason: reasons.join(' ') });
};

/** Throws a worded 400 when `payload` would make `current` a stage that breaks a rule. Returns the
 * stage as it would be, and whether it must be (re)seeded. */
export async function judgeStageChange(db: Knex, current: StageConfig, payload: Record<string, unknown>) {
  const next = { ...current, ...payload } as StageConfig;
  const transition = transitionRefusal(current.status, next.status);
  refuse('stage_status', transition ? [transition] : []);
  if (current.status === 'closed' && Object.keys(payload).some((f) => START_FIELDS.includes(f) && f !== 'status'))
    refuse('stage_status', ['This stage is closed: its start settings can no longer change.']);
  refuse('stage_start_settings', configRefusals(next, await stageEventOf(db, next.start_order_input_stage_id)));
  const seeds = next.status === 'open' && Object.keys(payload).some((f) => START_FIELDS.includes(f));
  if (seeds && next.id) {
    const segments = await readSegments(db, next.id);
    refuse('stage_opening', openingRefusals(next, segments.length, await resultCount(db, next.start_order_input_stage_id)));
  }
  return { next, seeds };
}

/** Writes `payload` to the stage as the caller (Directus checks the caller's rights on these
 * fields; a marshal is refused here, before anything is written) and re-seeds the stage, in one
 * transaction. */
export async function applyAndSeed(
  context: DirectusContext, db: Knex, schema: SchemaOverview, accountability: Accountability | null,
  stageId: string, payload: Record<string, unknown>, options: { dropOverrides?: boolean } = {},
) {
  return db.transaction(async (trx) => {
    const stages = new context.services.ItemsService('stages', { schema, accountability, knex: trx }) as unknown as {
      updateOne(key: string, data: Record<string, unknown>, opts: { emitEvents: boolean; skipTracking: boolean }): Promise<unknown>;
    };
    // Directus records the change once, when it writes the same payload after this hook.
    await stages.updateOne(stageId, payload, { emitEvents: false, skipTracking: true });
    return materialise(trx, stageId, accountability?.user ?? null, options);
  });
}

