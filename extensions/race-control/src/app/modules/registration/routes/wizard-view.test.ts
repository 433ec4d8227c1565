import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { luhnCheckDigit } from '../../../../domain/imei';
import { createSdkMock, sdkModule, type SdkMock } from '../../../test-utils/sdk-mock';
import { globalDirectives, globalStubs } from '../../../test-utils/stubs';

let sdk: SdkMock = createSdkMock();
vi.mock('@directus/extensions-sdk', () => sdkModule({ request: (c: never) => sdk.request(c) } as unknown as SdkMock));
const { default: WizardView } = await import('./wizard-view.vue');

const imei = (body: string) => body + luhnCheckDigit(body);
const TAKEN = imei('35669808000001');
const FREE = imei('35669808000002');
const PANIC = imei('35669808000003');

const CONTEXT = {
  event: { id: 'ev', name: 'Rally Albania 2026', discipline: 'rally', starts_at: '2026-06-06', organization_id: 'org' },
  classes: [
    { id: 'm1', code: 'M-1', name: 'MOTO under 450cc', eligibility: { kind: ['moto'], cc_max: 449 }, race_number_from: 1, race_number_to: 39 },
    { id: 'c2', code: 'C-2', name: 'CAR Series production', eligibility: { kind: ['car'] }, race_number_from: 300, race_number_to: 329 },
  ],
  numbers_taken: [{ race_number: 300, entry: '#300, Kola/Leka' }],
  trackers_taken: [{ imei: TAKEN, entry: '#212, Bardhi/Hoxha' }],
};

// v-button renders a real <button>, so disabled and clicks behave as in the app.
const stubs = { ...globalStubs, 'v-button': { props: ['disabled', 'loading', 'to'], emits: ['click'], template: '<button :disabled="disabled" @click="$emit(\'click\')"><slot /></button>' } };
let view: VueWrapper;
const get = (test: string) => view.get(`[data-test="${test}"]`);
const next = async () => {
  await get('next').trigger('click');
  await flushPromises();
};

async function person(i: number, last: string) {
  const scope = view.get(`[data-test="person-${i}"]`);
  for (const [field, value] of Object.entries({ 'first-name': 'Test', 'last-name': last, 'birth-date': '1980-04-02', licence: `AL-${last}`, 'blood-type': 'O+', emergency: '+355 69 000 0000' })) {
    await scope.get(`[data-test="${field}"]`).setValue(value);
  }
}

beforeEach(async () => {
  sdk = createSdkMock();
  sdk.on('GET', '/race-control/registration/events/ev/context', CONTEXT);
  sdk.on('POST', /^\/race-control\/registration\/drafts\//, { run_id: 'x' });
  sdk.on('GET', '/race-control/registration/people', { people: [], duplicates: [], held_elsewhere: null });
  view = mount(WizardView, { props: { event: 'ev' }, global: { stubs, directives: globalDirectives } });
  await flushPromises();
});

describe('registration wizard', () => {
  it('marks a step failing only once the registrar has reached it', async () => {
    const failing = () => ['vehicle', 'class', 'crew', 'trackers', 'number'].filter((st) => get(`go-${st}`).classes('failing'));
    expect(failing()).toEqual(['vehicle']);
    await get('go-trackers').trigger('click');
    await flushPromises();
    expect(failing()).toEqual(['vehicle', 'class', 'crew', 'trackers']);
  });

  it('checks each step as you go, with the server\'s rules and words', async () => {
    expect(get('errors-vehicle').text()).toContain('a rally entry needs a vehicle');
    expect(get('next').attributes('disabled')).toBeDefined();
    await get('vehicle-new').trigger('click');
    await get('vehicle-kind').setValue('car');
    await get('vehicle-make').setValue('Toyota');
    await get('vehicle-model').setValue('Hilux');
    await get('vehicle-cc').setValue('2800');
    await get('vehicle-done').trigger('click');
    await next();

    // Eligible classes first; the motorbike class says why not.
    const classes = view.findAll('.classes li');
    expect(classes.map((li) => li.text().slice(0, 4))).toEqual(['C-2 ', 'M-1 ']);
    expect(classes[1]!.text()).toContain('this class is for moto, not car');
    await get('class-C-2').setValue(true);
    await next();

    await get('person-new').trigger('click');
    await person(0, 'Bardhi');
    expect(get('errors-crew').text()).toContain('a car needs a co-pilot');
    await get('person-new').trigger('click');
    await person(1, 'Hoxha');
    expect(view.findAll('[data-test="role"]').map((s) => (s.element as HTMLSelectElement).value)).toEqual(['pilot', 'co-pilot']);
    await next();

    await get('tracker-add').trigger('click');
    const imeiInput = view.get('[data-test="tracker-0"] [data-test="imei"]');
    await imeiInput.setValue(FREE.slice(0, 14) + ((Number(FREE[14]) + 1) % 10));
    expect(get('errors-trackers').text()).toContain('has a wrong check digit');
    // Once, on the tracker's card: the step's own list does not repeat its rows' errors.
    expect(view.findAll('[data-test="errors-trackers"] li').filter((li) => li.text().includes('wrong check digit'))).toHaveLength(1);
    await imeiInput.setValue(TAKEN);
    expect(get('errors-trackers').text()).toContain(`tracker ${TAKEN} is already on #212, Bardhi/Hoxha`);
    await imeiInput.setValue(FREE);
    await get('tracker-add').trigger('click');
    await view.get('[data-test="tracker-1"] [data-test="imei"]').setValue(PANIC);
    await view.get('[data-test="tracker-1"] [data-test="purpose"]').setValue('panic');
    expect(get('errors-trackers').text()).toContain('must be assigned to the crew member who wears it');
    const wornBy = view.get('[data-test="tracker-1"] [data-test="worn-by"]');
    await wornBy.setValue((wornBy.findAll('option')[2]!.element as HTMLOptionElement).value);
    expect(view.find('[data-test="errors-trackers"]').exists()).toBe(false);
    await next();

    // The class's next free number was suggested when the class was chosen.
    expect((get('race-number').element as HTMLInputElement).value).toBe('301');
    await next();
    expect(get('review-trackers').text()).toBe(`${FREE} primary, ${PANIC} panic worn by Test Hoxha`);
    // Every step change saved the draft on the server.
    expect(sdk.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/race-control/registration/drafts/')).length).toBe(5);
  });

  it('submits once and opens the step of a server refusal', async () => {
    const vm = view.vm as unknown as { $: { setupState: { wizard: { draft: Record<string, unknown>; go: (s: string) => void } } } };
    const wizard = vm.$.setupState.wizard;
    Object.assign(wizard.draft, {
      vehicle: { kind: 'moto', make: 'KTM', model: '350', cc: 350 }, class_id: 'm1', race_number: 7,
      crew: [{ key: 'r', role: 'rider', person: { first_name: 'Luan', last_name: 'Kola', birth_date: '1990-01-01', licence_number: 'AL-1', blood_type: 'A+', emergency_contact: 'x' } }],
      trackers: [{ imei: FREE, model: 'FMB920', purpose: 'primary', worn_by: null }],
    });
    wizard.go('review');
    await flushPromises();
    let answer: unknown = () => { throw { errors: [{ message: 'Race number 7 is already taken in this event', extensions: { errors: [{ step: 'number', field: 'race_number', message: 'Race number 7 is already taken in this event' }] } }] }; };
    sdk.on('POST', '/race-control/registration/submit', () => (answer as () => unknown)());
    await get('submit').trigger('click');
    await flushPromises();
    expect(view.find('[data-test="step-number"]').exists()).toBe(true);
    expect(get('errors-number').text()).toContain('Race number 7 is already taken in this event');

    await get('race-number').setValue('8');
    answer = () => ({ entry_id: 'e-new', race_number: 8, replayed: false });
    await next();
    await get('submit').trigger('click');
    await flushPromises();
    expect(get('done').text()).toBe('Entry #8 registered.');
    const submits = sdk.requests.filter((r) => r.path === '/race-control/registration/submit');
    expect(submits).toHaveLength(2);
    expect((submits[0]!.body as { run_id: string }).run_id).toBe((submits[1]!.body as { run_id: string }).run_id);
  });
});
