// The wizard run is shared by its steps through provide/inject: each step edits the one draft.
import { inject, type InjectionKey } from 'vue';
import type { Wizard } from '../composables/use-wizard';

export const WIZARD: InjectionKey<Wizard> = Symbol('registration-wizard');

export function useWizardRun(): Wizard {
  const wizard = inject(WIZARD);
  if (!wizard) throw new Error('a wizard step is used outside the registration wizard');
  return wizard;
}
