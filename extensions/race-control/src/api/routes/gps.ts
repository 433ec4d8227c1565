// /race-control/gps/...: the GPS review API (contract: docs/gps-api.md). Each route first works
// out what the caller may reach (../gps/reach.ts), then reads only within it.
import type { Router, Request, Response, NextFunction } from 'express';
import type { Reach } from '../../domain/gps/rights';
import { isStaff } from '../../domain/gps/rights';
import { TRACK_MEDIA_TYPE } from '../../domain/gps/track-codec';
import { accountabilityOf } from '../accountability';
import { forbidden } from '../gps/errors';
import { flag, previewFlag } from '../gps/flags';
import { callerReach, type GpsContext } from '../gps/reach';
import { relayState } from '../gps/relay';
import { buildTrack } from '../gps/track';
import { readQueue, refreshAfterFlag, stageOf, type StageRow } from '../gps/queue';
import { deviceSuspects } from '../gps/device-suspects';
import { stageTile, tileParams, TILE_MEDIA_TYPE } from '../gps/tiles';
import { bad, notFound } from '../gps/errors';

type Handler = (req: Request, res: Response, reach: Reach) => Promise<unknown>;

const route = (context: GpsContext, handler: Handler) => async (req: Request, res: Response, next: NextFunction) => {
  try {
    const reach = await callerReach(context, accountabilityOf(req));
    const data = await handler(req, res, reach);
    if (data !== undefined) res.json({ data });
  } catch (error) {
    next(error);
  }
};

export function requireStaff(reach: Reach): void {
  if (!isStaff(reach)) throw forbidden('This is for race officials (org admin, race director, marshal, timekeeper).');
}

/** A stage the caller reads as staff of its club; the same words for unknown and other club's. */
async function staffStage(context: GpsContext, reach: Reach, stageId: string): Promise<StageRow> {
  if (!/^[0-9a-f-]{36}$/i.test(stageId)) throw bad(`A stage is named by its id (a UUID); got "${stageId}".`);
  requireStaff(reach);
  const stage = await stageOf(context.database, stageId);
  if (!stage || !(reach.admin || reach.readOrgs.includes(stage.organization_id))) throw notFound(`No stage ${stageId} among your club's events.`);
  return stage;
}

export function register(router: Router, context: GpsContext): void {
  const log = (m: string) => (context as unknown as { logger?: { warn(m: string): void } }).logger?.warn(m);

  router.get('/gps/stages/:id/queue', route(context, async (req, _res, reach) => readQueue(context.database, await staffStage(context, reach, String(req.params.id)), log ?? (() => undefined))));

  router.get('/gps/suspects', route(context, (req, _res, reach) => deviceSuspects(context, reach, req.query)));

  router.get('/gps/stages/:id/tiles/:z/:x/:y', route(context, async (req, res, reach) => {
    const stage = await staffStage(context, reach, String(req.params.id));
    const t = tileParams(req.params.z, req.params.x, req.params.y);
    if (typeof t === 'string') throw bad(t);
    const tile = await stageTile(context.database, stage.id, t.z, t.x, t.y);
    res.setHeader('Content-Type', TILE_MEDIA_TYPE);
    res.setHeader('Cache-Control', 'no-store');
    res.end(tile);
    return undefined;
  }));

  router.get('/gps/track', route(context, async (req, res, reach) => {
    const track = await buildTrack(context, reach, req.query);
    if (req.query.format === 'json') {
      return { header: track.header, devices: track.header.devices.map((d, i) => ({ ...d, ...Object.fromEntries(Object.entries(track.points[i]!).map(([k, v]) => [k, Array.from(v as ArrayLike<number>)])) })) };
    }
    const bytes = track.bytes();
    res.setHeader('Content-Type', TRACK_MEDIA_TYPE);
    res.setHeader('Cache-Control', 'no-store');
    res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return undefined;
  }));

  router.post('/gps/flags', route(context, async (req, _res, reach) => {
    const answer = await flag(context, reach, accountabilityOf(req), (req.body ?? {}) as Record<string, unknown>);
    if (answer.changed && answer.entry_id) refreshAfterFlag(context.database, answer.device_id, answer.entry_id, log);
    delete answer.entry_id;
    return answer;
  }));
  router.post('/gps/flags/preview', route(context, (req, _res, reach) => previewFlag(context, reach, (req.body ?? {}) as Record<string, unknown>)));

  router.get('/gps/relay', route(context, async (_req, _res, reach) => {
    requireStaff(reach);
    return relayState(context.database);
  }));
}
