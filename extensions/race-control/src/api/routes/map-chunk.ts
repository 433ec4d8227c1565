// GET /race-control/assets/map-chunk.js and /assets/course-files-worker.js: the map code (MapLibre,
// terra-draw) and the course-file parser's worker, built beside api.js by
// scripts/build-map-chunk.mjs and fetched by the app only when a screen needs them. Both are code
// with no club data in it, so they are served to anyone, like the admin app's own scripts.
import type { Router } from 'express';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';

const ASSETS = ['map-chunk.js', 'course-files-worker.js'];
const cached = new Map<string, { body: Buffer; etag: string }>();

async function asset(name: string): Promise<{ body: Buffer; etag: string }> {
  const hit = cached.get(name);
  if (hit) return hit;
  const body = await readFile(new URL(`./${name}`, import.meta.url));
  const entry = { body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` };
  cached.set(name, entry);
  return entry;
}

export function register(router: Router): void {
  for (const name of ASSETS) router.get(`/assets/${name}`, async (req, res, next) => {
    try {
      const { body, etag } = await asset(name);
      res.setHeader('ETag', etag);
      // Revalidated on every open (cheap 304), so a new build is never masked by a stale copy.
      res.setHeader('Cache-Control', 'no-cache');
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
      res.type('text/javascript').send(body);
    } catch (error) {
      next(error);
    }
  });
}
