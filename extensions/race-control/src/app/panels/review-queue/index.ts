import { definePanel } from '@directus/extensions-sdk';
import ReviewQueuePanel from './review-queue-panel.vue';

// Pending GPS suspects per stage and device, for the marshals' dashboard: where the work is.
export default definePanel({
  id: 'review-queue',
  name: 'GPS review queue',
  icon: 'satellite_alt',
  description: 'Pending suspects per stage and device, each a link to its review',
  component: ReviewQueuePanel,
  options: [
    { field: 'stageId', name: 'Stage (empty: every stage with a day to review)', type: 'uuid', meta: { interface: 'input', width: 'full' } },
    { field: 'devices', name: 'Devices shown per stage', type: 'integer', schema: { default_value: 5 }, meta: { interface: 'input', width: 'half' } },
  ],
  minWidth: 12,
  minHeight: 8,
});
