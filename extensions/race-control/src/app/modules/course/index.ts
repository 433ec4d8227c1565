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
  // Only for those who may read the course (its routes, segments): a registrar or a viewer whose
  // role cannot does not see the module in the bar (the API refuses them anyway).
  preRegisterCheck(user, permissions) {
    if ((user as { admin_access?: boolean } | undefined)?.admin_access) return true;
    // As Directus's own modules decide (files, insights): read access 'partial' or 'full', not 'none'.
    const access = (permissions as Record<string, Record<string, { access?: string } | undefined>> | undefined)?.segments?.read?.access;
    return access === 'partial' || access === 'full';
  },
});
