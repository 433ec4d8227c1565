// /race-control: the extension's API. For now a status route that proves the API half of the
// bundle is loaded. Every route acts as its caller (../acting-as.ts).
import { defineEndpoint } from '@directus/extensions-sdk';
import { EXTENSION_VERSION } from '../../version';
import { accountabilityOf } from '../accountability';
import { actingAs, type DirectusContext } from '../acting-as';
import { register as registerStageOps } from '../routes/stage-ops';
import { register as registerGps } from '../routes/gps';
import { register as registerMapChunk } from '../routes/map-chunk';
import { register as registerCourseFiles } from '../course-files/routes';
import { register as registerRegistration } from '../registration/routes';

export default defineEndpoint({
  id: 'race-control',
  handler: (router, context) => {
    router.get('/status', async (req, res) => {
      const caller = actingAs(context as unknown as DirectusContext, accountabilityOf(req));
      // Only signed-in users learn anything about the deployment; the query reads no club's data.
      if (!caller.accountability?.user) {
        res.status(401).json({ errors: [{ message: 'Sign in to see the race-control status', extensions: { code: 'FORBIDDEN' } }] });
        return;
      }
      const { rows } = await context.database.raw('SELECT postgis_lib_version() AS postgis');
      res.json({ status: 'ok', extension: EXTENSION_VERSION, postgis: rows[0]?.postgis ?? null });
    });
    registerStageOps(router, context as never);
    registerGps(router, context as never);
    registerMapChunk(router);
    registerCourseFiles(router, context as never);
    registerRegistration(router, context as never);
  },
});
