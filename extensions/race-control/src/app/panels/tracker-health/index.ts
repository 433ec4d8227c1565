import { definePanel } from '@directus/extensions-sdk';
import TrackerHealthPanel from './tracker-health-panel.vue';

// Each entry of a stage with its trackers' last fix age, satellites and power: who went quiet.
export default definePanel({
  id: 'tracker-health',
  name: 'Tracker health',
  icon: 'battery_alert',
  description: 'Per entry of a stage: its trackers\' last fix age, satellites, battery or power; stale ones first',
  component: TrackerHealthPanel,
  options: [
    { field: 'stageId', name: 'Stage', type: 'uuid', meta: { interface: 'input', width: 'full', required: true } },
    { field: 'staleMinutes', name: 'Stale after (minutes without a fix)', type: 'integer', schema: { default_value: 10 }, meta: { interface: 'input', width: 'half' } },
  ],
  minWidth: 12,
  minHeight: 8,
});
