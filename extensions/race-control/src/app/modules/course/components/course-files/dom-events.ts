// What the dialog's native inputs carry, read in TypeScript (the .vue lint has no DOM globals).
export const pickedFile = (event: unknown): File | null => ((event as Event).target as HTMLInputElement).files?.[0] ?? null;
export const inputValue = (event: unknown): string => ((event as Event).target as HTMLInputElement | HTMLSelectElement).value;
