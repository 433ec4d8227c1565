// Race numbers: unique per event, inside the class's range (classes.race_number_from/to). The
// wizard suggests the next free one; any free number of the range is allowed.

export interface NumberRange {
  code: string;
  race_number_from: number | null;
  race_number_to: number | null;
}

/** The lowest free number of the class's range, or null when the range is full. */
export function nextFreeNumber(range: NumberRange, taken: Iterable<number>): number | null {
  const used = new Set(taken);
  const from = range.race_number_from ?? 1;
  const to = range.race_number_to ?? from + 9999;
  for (let n = from; n <= to; n++) if (!used.has(n)) return n;
  return null;
}

/** Why `number` cannot be this entry's; `takenBy` names the entry holding a number ("#212, Bardhi/Hoxha"). */
export function raceNumberProblem(number: number | null | undefined, range: NumberRange | null, takenBy: Map<number, string>): string | null {
  if (number == null) return 'choose a race number';
  if (!Number.isInteger(number) || number < 1) return 'race numbers are whole numbers from 1';
  if (range && ((range.race_number_from != null && number < range.race_number_from) || (range.race_number_to != null && number > range.race_number_to))) {
    return `race number ${number} is outside the range of class ${range.code} (${range.race_number_from ?? 'any'} to ${range.race_number_to ?? 'any'})`;
  }
  const holder = takenBy.get(number);
  if (holder) return `race number ${number} is already taken in this event (${holder})`;
  return null;
}
