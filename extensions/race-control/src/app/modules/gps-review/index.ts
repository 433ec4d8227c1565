import { defineModule } from '@directus/extensions-sdk';
import DeviceListView from './routes/device-list-view.vue';
import ReviewView from './routes/review-view.vue';
import StageMapView from './routes/stage-map-view.vue';

export default defineModule({
  id: 'gps-review',
  name: 'GPS review',
  icon: 'satellite_alt',
  routes: [
    { path: '', component: DeviceListView },
    { path: 'stages/:stageId', component: DeviceListView, props: true },
    { path: 'stages/:stageId/map', component: StageMapView, props: true },
    // `?at=<ISO>` (from the whole-stage map) makes the point at that time current.
    {
      path: 'stages/:stageId/devices/:imei', component: ReviewView,
      props: (route: { params: Record<string, unknown>; query: Record<string, unknown> }) => ({ ...route.params, at: typeof route.query.at === 'string' ? route.query.at : undefined }),
    },
    // One entry's trackers side by side (primary, backup, panic) on one map, chart and list.
    { path: 'stages/:stageId/entries/:entryId', component: ReviewView, props: true },
  ],
  // Marshals, race directors, org admins, timekeepers and participants read tracks; registrars and
  // viewers may not, so the module is not in their bar (the API refuses them anyway).
  preRegisterCheck(user, permissions) {
    if ((user as { admin_access?: boolean } | undefined)?.admin_access) return true;
    return Boolean((permissions as Record<string, Record<string, unknown>> | undefined)?.position_flags?.read);
  },
});
