import { definePanel } from '@directus/extensions-sdk';
import CourseReadiness from './course-readiness.vue';

// Insights: for one event, per stage, how many course objects of each kind and how many open
// problems the course checks find, each stage linking to the course editor.
export default definePanel({
  id: 'course-readiness',
  name: 'Course readiness',
  icon: 'route',
  description: 'Per stage of an event: course objects by kind and open problems',
  component: CourseReadiness,
  options: [
    { field: 'event', name: 'Event id', type: 'string', meta: { interface: 'input', width: 'full', note: 'Empty: the newest event you can read' } },
  ],
  minWidth: 12,
  minHeight: 8,
});
