// The review screen's keys. One table drives both the handler and the help overlay, so the help can
// never show a key that does nothing. Keys typed into a field (reason, note, search) are the field's.
export type ReviewCommand =
  | 'next-suspect'
  | 'previous-suspect'
  | 'flag'
  | 'unflag'
  | 'undo'
  | 'next-device'
  | 'all-of-kind'
  | 'clear-selection'
  | 'click-tool'
  | 'box-tool'
  | 'lasso-tool'
  | 'help';

export interface KeyBinding {
  keys: string[];
  command: ReviewCommand;
  words: string;
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { keys: ['j', 'ArrowRight'], command: 'next-suspect', words: 'Next pending suspect (map and chart follow)' },
  { keys: ['k', 'ArrowLeft'], command: 'previous-suspect', words: 'Previous pending suspect' },
  { keys: ['f'], command: 'flag', words: 'Flag the selection (asks for a reason)' },
  { keys: ['g'], command: 'unflag', words: 'Unflag the selection (mark good)' },
  { keys: ['u', 'Ctrl+z'], command: 'undo', words: 'Undo the last action (sends its inverse)' },
  { keys: ['n'], command: 'next-device', words: 'Next device with pending suspects' },
  { keys: ['a'], command: 'all-of-kind', words: 'Select all suspects of the current kind' },
  { keys: ['Escape'], command: 'clear-selection', words: 'Clear the selection' },
  { keys: ['c'], command: 'click-tool', words: 'Map: click points' },
  { keys: ['b'], command: 'box-tool', words: 'Map: drag a box' },
  { keys: ['l'], command: 'lasso-tool', words: 'Map: draw a lasso' },
  { keys: ['?'], command: 'help', words: 'Show or hide these shortcuts' },
];

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: unknown;
}

function typingInto(target: unknown): boolean {
  const t = target as { tagName?: string; isContentEditable?: boolean } | null;
  return !!t && (t.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName ?? ''));
}

/** The command a key press means here, or null (then the browser keeps it). */
export function commandFor(event: KeyLike): ReviewCommand | null {
  if (typingInto(event.target)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const name = event.ctrlKey || event.metaKey ? `Ctrl+${key}` : key;
  if (event.altKey) return null;
  return KEY_BINDINGS.find((b) => b.keys.includes(name))?.command ?? null;
}
