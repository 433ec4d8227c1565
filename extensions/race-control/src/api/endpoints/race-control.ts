// /race-control: the extension's API. For now a status route that proves the API half of the
// bundle is loaded and sees the database with the caller's rights.
import { defineEndpoint } from '@directus/extensions-sdk';
import { EXTENSION_VERSION } from '../../version';
import { accountabilityOf } from '../accountability';

export default defineEndpoint({
  id: 'race-control',
  handler: (router, { database }) => {
    router.get('/status', async (req, res) => {
      // Only signed-in users learn anything about the deployment.
      if (!accountabilityOf(req)?.user) {
        res.status(401).json({ errors: [{ message: 'Sign in to see the race-control status', extensions: { code: 'FORBIDDEN' } }] });
        return;
      }
      const { rows } = await database.raw('SELECT postgis_lib_version() AS postgis');
      res.json({ status: 'ok', extension: EXTENSION_VERSION, postgis: rows[0]?.postgis ?? null });
    });
  },
});
