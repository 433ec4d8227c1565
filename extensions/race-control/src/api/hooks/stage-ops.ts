// Stage operations from any client: a stage's status moves forward only (draft → published → open
// → closed), bad start settings are refused with words, and a stage that is (or stays) open gets
// its start list and closing times rewritten in the same transaction as the change. A hook rather
// than an endpoint, because the stock item form and any SDK client change `status` too.
import { defineHook } from '@directus/extensions-sdk';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { configRefusals, type StageConfig } from '../../domain/stage-ops/stage-status';
import { actingAs, type DirectusContext } from '../acting-as';
import { applyAndSeed, judgeStageChange, refuse, START_FIELDS } from '../stage-ops/open';
import { materialise, readStage, stageEventOf } from '../stage-ops/store';

interface Meta {
  keys?: (string | number)[];
}
interface Ctx {
  database: Knex;
  schema: SchemaOverview | null;
  accountability: Accountability | null;
}

export default defineHook(({ filter, action }, context) => {
  const directus = context as unknown as DirectusContext;

  filter('stages.items.create', async (payload, _meta, { database }: Ctx) => {
    const p = payload as Record<string, unknown>;
    const stage = { status: null, starts_at: null, start_interval_seconds: null, start_order_strategy: null, start_order_strategy_params: null, start_order_input_stage_id: null, event_id: null, ...p } as StageConfig;
    refuse('stage_start_settings', configRefusals(stage, await stageEventOf(database, stage.start_order_input_stage_id)));
    return payload;
  });

  filter('stages.items.update', async (payload, meta, { database, schema, accountability }: Ctx) => {
    const p = payload as Record<string, unknown>;
    const keys = ((meta as Meta).keys ?? []).map(String);
    if (!schema || !Object.keys(p).some((f) => START_FIELDS.includes(f))) return payload;
    // Words about a stage only for those who may see it; Directus refuses the others next.
    if (!(await actingAs(directus, accountability).mayRead('stages', keys))) return payload;
    for (const key of keys) {
      const current = await readStage(database, key);
      if (!current) continue;
      const { seeds } = await judgeStageChange(database, current, p);
      if (seeds) await applyAndSeed(directus, database, schema, accountability, key, p);
    }
    return payload;
  });

  // A timekeeper who changes a start in the stock form (a late arrival's target_at) sets it by
  // hand: it is pinned unless they say otherwise, so that opening the stage again keeps it.
  filter('entry_segment_starts.items.update', (payload) => {
    const p = payload as Record<string, unknown>;
    return ('target_at' in p || 'start_position' in p) && !('manual_override' in p) ? { ...p, manual_override: true } : payload;
  });

  // ...and the rest of that open stage's list and its closing times follow the changed start.
  action('entry_segment_starts.items.update', async (meta, { database, accountability }: Ctx) => {
    const keys = ((meta as Meta).keys ?? []).map(String);
    const { rows } = await database.raw(
      `SELECT DISTINCT g.stage_id FROM entry_segment_starts x JOIN segments g ON g.id = x.segment_id JOIN stages s ON s.id = g.stage_id
        WHERE x.id = ANY(?) AND s.status = 'open'`, [keys]);
    for (const { stage_id } of rows as { stage_id: string }[]) {
      await database.transaction((trx) => materialise(trx, stage_id, accountability?.user ?? null));
    }
  });
});
