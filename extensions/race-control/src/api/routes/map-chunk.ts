// GET /race-control/assets/map-chunk.js: the map code (MapLibre, terra-draw), built beside api.js by
// scripts/build-map-chunk.mjs and fetched by the app only when a map screen opens. It is open-source
// library code with no club data in it, so it is served to anyone, like the admin app's own scripts.
import type { Router } from 'express';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';

let cached: { body: Buffer; etag: string } | null = null;

async function chunk(): Promise<{ body: Buffer; etag: string }> {
  if (cached) return cached;
  const body = await readFile(new URL('./map-chunk.js', import.meta.url));
  cached = { body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` };
  return cached;
}

export function register(router: Router): void {
  router.get('/assets/map-chunk.js', async (req, res, next) => {
    try {
      const { body, etag } = await chunk();
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
