import { defineModule } from '@directus/extensions-sdk';
import OverviewView from './overview-view.vue';

export default defineModule({
  id: 'race-control',
  name: 'Race control',
  icon: 'sports_score',
  routes: [{ path: '', component: OverviewView }],
});
