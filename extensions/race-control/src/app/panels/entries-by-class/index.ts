import { definePanel } from '@directus/extensions-sdk';
import EntriesByClass from './entries-by-class.vue';

// Insights: an event's entries counted by class and status (empty event = the newest one readable).
export default definePanel({
  id: 'entries-by-class',
  name: 'Entries by class',
  icon: 'table_chart',
  description: 'Entries of an event by class and status',
  component: EntriesByClass,
  options: [
    { field: 'event', name: 'Event id', type: 'string', meta: { interface: 'input', width: 'full', note: 'Empty: the newest event you can read' } },
  ],
  minWidth: 12,
  minHeight: 8,
});
