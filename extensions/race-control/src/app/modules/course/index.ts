import { defineModule } from '@directus/extensions-sdk';
import CourseEditorView from './routes/course-editor-view.vue';
import CourseEventsView from './routes/course-events-view.vue';

// The course editor (race directors draw, other staff read). Its map code loads only when a stage
// opens (app/map/library.ts), so this module adds little to the admin app's first load.
export default defineModule({
  id: 'course',
  name: 'Course',
  icon: 'route',
  routes: [
    { path: '', component: CourseEventsView },
    { path: 'stages/:id', component: CourseEditorView, props: true },
  ],
});
