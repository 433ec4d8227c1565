import { defineModule } from '@directus/extensions-sdk';
import OverviewView from './overview-view.vue';
import StartListView from './routes/start-list-view.vue';

export default defineModule({
  id: 'race-control',
  name: 'Race control',
  icon: 'sports_score',
  routes: [
    { path: '', component: OverviewView },
    // Start lists of the stages (timekeepers, org admins); `id` is the stage.
    { path: 'stages/:id?', component: StartListView, props: true },
  ],
});
