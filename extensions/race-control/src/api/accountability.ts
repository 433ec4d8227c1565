// Directus adds `accountability` (who calls, with which role and policies) to every request; the
// express types we build against do not know it. Every endpoint reads the caller through here.
import type { Accountability } from '@directus/types';

export function accountabilityOf(req: unknown): Accountability | null {
  return (req as { accountability?: Accountability | null }).accountability ?? null;
}
