// /race-control/gps/...: the GPS review API (contract: coord/gps-api.md). Each route first works
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

export function register(router: Router, context: GpsContext): void {
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

  router.post('/gps/flags', route(context, (req, _res, reach) => flag(context, reach, accountabilityOf(req), (req.body ?? {}) as Record<string, unknown>)));
  router.post('/gps/flags/preview', route(context, (req, _res, reach) => previewFlag(context, reach, (req.body ?? {}) as Record<string, unknown>)));

  router.get('/gps/relay', route(context, async (_req, _res, reach) => {
    requireStaff(reach);
    return relayState(context.database);
  }));
}
