import { defineModule } from '@directus/extensions-sdk';
import EntriesView from './routes/entries-view.vue';
import EventsView from './routes/events-view.vue';
import WizardView from './routes/wizard-view.vue';

// Registrars (and org admins): an event's entries and the registration wizard. Hidden from those
// who may not create entries; the server decides every write anyway.
export default defineModule({
  id: 'registration',
  name: 'Registration',
  icon: 'how_to_reg',
  routes: [
    { path: '', component: EventsView },
    { path: ':event', component: EntriesView, props: true },
    { path: ':event/new', component: WizardView, props: true },
    { path: ':event/edit/:entry', component: WizardView, props: true },
    { path: ':event/draft/:run', component: WizardView, props: true },
  ],
  preRegisterCheck(_user, permissions) {
    const p = permissions as unknown as Record<string, Record<string, unknown>> | undefined;
    return !!(_user as { admin_access?: boolean })?.admin_access || !!p?.entries?.create;
  },
});
