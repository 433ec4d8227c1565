// A person registered twice splits their results and licences over two rows. At the desk the same
// rider comes back each year, spelt "Ergys Hoxha" or "Ergys Hoxhá", and a birth date typed
// American-style swaps day and month: those are probable duplicates, shown as a warning.

export interface PersonLike {
  id?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  birth_date?: string | null;
}

/** Lower case, no diacritics, single spaces: "Ërgys  HOXHA" → "ergys hoxha". */
export function foldName(first: string | null | undefined, last: string | null | undefined): string {
  return `${first ?? ''} ${last ?? ''}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The same day, or the same day with day and month swapped (2 March vs 3 February). */
export function sameOrSwappedDate(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const [ay, am, ad] = a.slice(0, 10).split('-');
  const [by, bm, bd] = b.slice(0, 10).split('-');
  if (ay !== by) return false;
  return (am === bm && ad === bd) || (am === bd && ad === bm);
}

export function isProbableDuplicate(candidate: PersonLike, known: PersonLike): boolean {
  if (candidate.id && candidate.id === known.id) return false;
  return foldName(candidate.first_name, candidate.last_name) === foldName(known.first_name, known.last_name)
    && sameOrSwappedDate(candidate.birth_date, known.birth_date);
}

export function probableDuplicates<T extends PersonLike>(candidate: PersonLike, known: T[]): T[] {
  return known.filter((k) => isProbableDuplicate(candidate, k));
}
