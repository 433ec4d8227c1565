// One registration wizard run: the draft, the event's rules and holders (one read of our context
// route), checks as you go with the same domain rules the server runs, the server-side draft saved
// on every step change, and the single submit. A server refusal opens the step it names.
import { readItem } from '@directus/sdk';
import { computed, reactive, ref, watch } from 'vue';
import {
  classChoices, type ClassInfo, type Discipline, emptyDraft, firstFailingStep, nextFreeNumber, type RegistrationContext, type RegistrationDraft,
  STEPS, type Step, type StepError, validateDraft,
} from '../../../../domain/registration';
import { errorWords, ourEndpoint, useRaceControlSdk } from '../../../sdk';
import { draftFromEntry, type EntryForEdit, ENTRY_EDIT_FIELDS } from './entry-to-draft';

export interface ContextAnswer {
  event: { id: string; name: string; discipline: Discipline; starts_at: string; organization_id: string };
  classes: ClassInfo[];
  numbers_taken: { race_number: number; entry: string }[];
  trackers_taken: { imei: string; entry: string }[];
}

export interface SubmitAnswer {
  entry_id: string;
  race_number: number | null;
  replayed: boolean;
}

const newRunId = () => globalThis.crypto.randomUUID();

export function useWizard(eventId: string, options: { entryId?: string | null; runId?: string | null } = {}) {
  const sdk = useRaceControlSdk();
  const draft = reactive<RegistrationDraft>(emptyDraft(options.runId ?? newRunId(), eventId));
  const step = ref<Step>('vehicle');
  const context = ref<ContextAnswer | null>(null);
  const loadError = ref<string | null>(null);
  const serverErrors = ref<StepError[]>([]);
  const submitError = ref<string | null>(null);
  const busy = ref(false);
  const done = ref<SubmitAnswer | null>(null);
  const savedAt = ref<string | null>(null);
  const warnings = ref<StepError[]>([]);

  const ruleContext = computed<RegistrationContext | null>(() => context.value && ({
    event: context.value.event,
    classes: context.value.classes,
    numbersTaken: new Map(context.value.numbers_taken.map((t) => [t.race_number, t.entry])),
    trackersTaken: new Map(context.value.trackers_taken.map((t) => [t.imei, t.entry])),
  }));
  const errors = computed(() => (ruleContext.value ? validateDraft(draft, ruleContext.value) : []));
  const all = computed(() => [...errors.value, ...warnings.value, ...serverErrors.value]);
  const errorsOf = (s: Step) => all.value.filter((e) => e.step === s);
  const blocking = (s: Step) => errorsOf(s).some((e) => !e.warning);
  // The furthest step the registrar has opened: a step not yet reached is not shown as failing
  // (an empty Trackers step is not a mistake before the registrar gets there), unless the server said so.
  const reached = ref(0);
  const shownFailing = (s: Step) => blocking(s) && (STEPS.indexOf(s) <= reached.value || serverErrors.value.some((e) => e.step === s));
  watch(step, (s) => { reached.value = Math.max(reached.value, STEPS.indexOf(s)); }, { immediate: true });
  const choices = computed(() => (ruleContext.value ? classChoices(draft, ruleContext.value) : []));
  const chosenClass = computed(() => context.value?.classes.find((c) => c.id === draft.class_id) ?? null);
  const suggestedNumber = computed(() => (chosenClass.value && ruleContext.value ? nextFreeNumber(chosenClass.value, ruleContext.value.numbersTaken.keys()) : null));

  // A refusal stands until the registrar changes something on its step; then the live checks judge.
  watch(draft, () => {
    serverErrors.value = serverErrors.value.filter((e) => e.step !== step.value);
  }, { deep: true });

  async function load() {
    try {
      context.value = await sdk.request(ourEndpoint<ContextAnswer>(`/registration/events/${eventId}/context`, { params: { entry: options.entryId ?? undefined } }));
      if (options.runId) {
        const saved = await sdk.request(ourEndpoint<{ draft: RegistrationDraft; step: Step | null }>(`/registration/drafts/${options.runId}`));
        Object.assign(draft, saved.draft, { run_id: options.runId, event_id: eventId });
        if (saved.step && STEPS.includes(saved.step)) step.value = saved.step;
      } else if (options.entryId) {
        const entry = await sdk.request(readItem('entries', options.entryId, { fields: ENTRY_EDIT_FIELDS as never }));
        Object.assign(draft, draftFromEntry(entry as unknown as EntryForEdit, draft.run_id));
        reached.value = STEPS.length - 1;
      }
    } catch (e) {
      loadError.value = `The registration could not be loaded: ${errorWords(e)}`;
    }
  }

  /** The server-side draft: a reload or another computer continues from here. */
  async function save() {
    if (done.value) return;
    try {
      await sdk.request(ourEndpoint(`/registration/drafts/${draft.run_id}`, { method: 'POST', body: { event_id: eventId, step: step.value, draft } }));
      savedAt.value = new Date().toISOString();
    } catch {
      // A draft that did not save is retried at the next step; the wizard goes on.
    }
  }

  function go(to: Step) {
    serverErrors.value = serverErrors.value.filter((e) => e.step !== step.value);
    step.value = to;
    void save();
  }
  const next = () => go(STEPS[Math.min(STEPS.indexOf(step.value) + 1, STEPS.length - 1)]!);
  const back = () => go(STEPS[Math.max(STEPS.indexOf(step.value) - 1, 0)]!);

  async function submit(): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    submitError.value = null;
    serverErrors.value = [];
    try {
      done.value = await sdk.request(ourEndpoint<SubmitAnswer>('/registration/submit', { method: 'POST', body: draft }));
      return true;
    } catch (e) {
      const refused = (e as { errors?: { extensions?: { errors?: StepError[] } }[] }).errors?.[0]?.extensions?.errors;
      if (refused?.length) {
        serverErrors.value = refused;
        step.value = firstFailingStep(refused) ?? 'review';
      }
      submitError.value = errorWords(e);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { draft, step, context, loadError, errors, warnings, serverErrors, submitError, errorsOf, blocking, shownFailing, choices, chosenClass, suggestedNumber, busy, done, savedAt, load, save, go, next, back, submit };
}

export type Wizard = ReturnType<typeof useWizard>;
