// What a stage may become, and why not. The words go to the timekeeper unchanged (a 400), so each
// says what to fix.
import { STRATEGIES } from './start-order';
import { parseClosingRule } from './closing-times';

export const STAGE_STATUSES = ['draft', 'published', 'open', 'closed'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export interface StageConfig {
  id?: string;
  name?: string;
  event_id: string | null;
  status: string | null;
  starts_at: string | null;
  start_interval_seconds: number | null;
  start_order_strategy: string | null;
  start_order_strategy_params: unknown;
  start_order_input_stage_id: string | null;
  closing_rule?: unknown;
}

/** Forward only, one step at a time; staying put is allowed (opening an open stage re-seeds it). */
export function transitionRefusal(from: string | null, to: string | null): string | null {
  const a = STAGE_STATUSES.indexOf((from ?? 'draft') as StageStatus);
  const b = STAGE_STATUSES.indexOf((to ?? 'draft') as StageStatus);
  if (b < 0) return `"${to}" is not a stage status; use one of ${STAGE_STATUSES.join(', ')}.`;
  if (a === b) return null;
  if (from === 'closed') return 'This stage is closed: a closed stage cannot be opened or changed back.';
  if (b < a) return `A stage only moves forward (draft → published → open → closed): it is ${from}, it cannot go back to ${to}.`;
  if (b > a + 1) return `A stage moves one step at a time (draft → published → open → closed): it is ${from ?? 'draft'}, make it ${STAGE_STATUSES[a + 1]} first.`;
  return null;
}

export function nOf(params: unknown): number | undefined {
  const n = (params as { n?: unknown } | null)?.n;
  return typeof n === 'number' ? n : undefined;
}

/** Refusals of the start settings themselves, whatever the status. */
export function configRefusals(stage: StageConfig, inputStageEventId: string | null | undefined): string[] {
  const out: string[] = [];
  const strategy = stage.start_order_strategy;
  if (strategy !== null && !(STRATEGIES as readonly string[]).includes(strategy)) out.push(`"${strategy}" is not a start order strategy; use one of ${STRATEGIES.join(', ')}.`);
  if (stage.start_interval_seconds !== null && !(Number.isInteger(stage.start_interval_seconds) && stage.start_interval_seconds >= 0))
    out.push(`The start interval must be a whole number of seconds, 0 or more (got ${stage.start_interval_seconds}).`);
  if (strategy === 'inverse_top_n_then_natural') {
    const n = nOf(stage.start_order_strategy_params);
    if (n === undefined || !Number.isInteger(n) || n < 1) out.push(`"Inverse top n, then natural" needs a whole n of 1 or more in its parameters, e.g. { "n": 20 } (got ${JSON.stringify(stage.start_order_strategy_params ?? null)}).`);
  }
  if (stage.start_order_input_stage_id) {
    if (stage.id && stage.start_order_input_stage_id === stage.id) out.push('A stage cannot order its start by its own results: choose an earlier stage.');
    // One sentence for "missing" and "another event's": a refusal must not tell whether a stage exists.
    else if (!inputStageEventId || inputStageEventId !== stage.event_id) out.push('The input stage of the start order is not a stage of this event: choose one of this event\'s stages.');
  }
  if (stage.closing_rule !== undefined && stage.closing_rule !== null) {
    const rule = parseClosingRule(stage.closing_rule);
    if ('error' in rule) out.push(rule.error);
  }
  return out;
}

export const needsResults = (strategy: string | null) => strategy !== null && strategy !== 'manual';

/** Reasons a stage cannot open now. */
export function openingRefusals(stage: StageConfig, segmentCount: number, inputResultCount: number): string[] {
  const out: string[] = [];
  if (!stage.starts_at) out.push('Set the first start time (starts_at) before opening the stage.');
  if (stage.start_interval_seconds === null) out.push('Set the start interval (seconds between starters) before opening the stage.');
  if (segmentCount === 0) out.push('The stage has no segments: draw its liaisons and specials before opening it.');
  if (!stage.start_order_strategy) out.push('Choose a start order strategy before opening the stage.');
  else if (needsResults(stage.start_order_strategy)) {
    if (!stage.start_order_input_stage_id) out.push(`The start order "${stage.start_order_strategy}" needs an input stage: choose the stage whose results order this one.`);
    else if (inputResultCount === 0) out.push(`The input stage has no results yet, and the start order "${stage.start_order_strategy}" needs them: enter its results, or choose the manual order.`);
  }
  return out;
}

