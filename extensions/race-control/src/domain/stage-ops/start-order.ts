// Start orders of a stage, by the stage's `start_order_strategy`. Pure: the caller reads entries and
// results, this decides who starts where.
//
// Rules stated here because the regulations leave them open:
// - Who starts: an entry `registered`, `confirmed`, `started` or `finished` with a class. Draft,
//   withdrawn, retired and disqualified entries do not start.
// - A result counts when it has `total_seconds` (the classified time, penalties included).
// - Ties in a ranking: the lower race number ranks ahead. A reversed block reverses the ranking,
//   ties included (of two tied entries in the top n, the higher number starts first).
// - Entries without a result start after those with one, in race number order.

export const STRATEGIES = ['manual', 'previous_stage_clean_result', 'inverse_top_n_then_natural', 'inverse_of_overall'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const STARTING_STATUSES = ['registered', 'confirmed', 'started', 'finished'] as const;

export interface StartEntry {
  id: string;
  race_number: number | null;
  status: string;
  class_id: string | null;
}

export interface OrderInput {
  strategy: Strategy;
  /** `n` of `inverse_top_n_then_natural`. */
  n?: number;
  entries: StartEntry[];
  /** Seconds that rank an entry (the input stage's result, or the overall time): lower is better. */
  seconds?: ReadonlyMap<string, number>;
  /** `manual`: the positions the entries already hold on this stage. */
  previousPositions?: ReadonlyMap<string, number>;
}

export function mayStart(entry: StartEntry): boolean {
  return (STARTING_STATUSES as readonly string[]).includes(entry.status) && entry.class_id !== null;
}

export function byRaceNumber(a: StartEntry, b: StartEntry): number {
  return (a.race_number ?? Number.MAX_SAFE_INTEGER) - (b.race_number ?? Number.MAX_SAFE_INTEGER) || a.id.localeCompare(b.id);
}

/** Entry ids of the starters, first starter first. */
export function startOrder(input: OrderInput): string[] {
  const starters = input.entries.filter(mayStart);
  if (input.strategy === 'manual') {
    const held = input.previousPositions ?? new Map<string, number>();
    const placed = starters.filter((e) => held.has(e.id)).sort((a, b) => held.get(a.id)! - held.get(b.id)! || byRaceNumber(a, b));
    return [...placed, ...starters.filter((e) => !held.has(e.id)).sort(byRaceNumber)].map((e) => e.id);
  }
  const seconds = input.seconds ?? new Map<string, number>();
  const ranked = starters.filter((e) => seconds.has(e.id)).sort((a, b) => seconds.get(a.id)! - seconds.get(b.id)! || byRaceNumber(a, b));
  const unranked = starters.filter((e) => !seconds.has(e.id)).sort(byRaceNumber);
  let ordered: StartEntry[];
  if (input.strategy === 'previous_stage_clean_result') ordered = ranked;
  else if (input.strategy === 'inverse_of_overall') ordered = [...ranked].reverse();
  else {
    const n = input.n ?? 0;
    ordered = [...ranked.slice(0, n).reverse(), ...ranked.slice(n)];
  }
  return [...ordered, ...unranked].map((e) => e.id);
}

export interface ResultRow {
  entry_id: string;
  stage_id: string;
  total_seconds: number | null;
}

/** The seconds a strategy ranks by: the input stage's results, or for `inverse_of_overall` the sum
 * over `overallStageIds` (every stage up to the input stage) of entries with a result on each. */
export function rankingSeconds(strategy: Strategy, inputStageId: string | null, results: ResultRow[], overallStageIds: string[] = []): Map<string, number> {
  const seconds = new Map<string, number>();
  if (strategy === 'manual' || !inputStageId) return seconds;
  if (strategy !== 'inverse_of_overall') {
    for (const r of results) if (r.stage_id === inputStageId && r.total_seconds !== null) seconds.set(r.entry_id, r.total_seconds);
    return seconds;
  }
  const stages = new Set(overallStageIds.length ? overallStageIds : [inputStageId]);
  const counted = new Map<string, number>();
  for (const r of results) {
    if (!stages.has(r.stage_id) || r.total_seconds === null) continue;
    seconds.set(r.entry_id, (seconds.get(r.entry_id) ?? 0) + r.total_seconds);
    counted.set(r.entry_id, (counted.get(r.entry_id) ?? 0) + 1);
  }
  for (const [entry, count] of counted) if (count < stages.size) seconds.delete(entry);
  return seconds;
}
