// The marshal's actions of this device, newest first, and which of them undo may still take back.
// Undoing an undo is not offered: flag again instead (one direction keeps the keyboard predictable).
import { inverse, type FlagAction, type MessageState } from './flag-actions';

export interface History {
  actions: FlagAction[];
  /** Ids of actions undo can take back, the last on top. */
  undoable: string[];
}

export const EMPTY_HISTORY: History = { actions: [], undoable: [] };

export function record(history: History, action: FlagAction): History {
  const undoable = action.undoes ? history.undoable.filter((id) => id !== action.undoes) : [...history.undoable, action.id];
  return { actions: [action, ...history.actions], undoable };
}

/** The inverse of the last undoable action that reached the server, or null. */
export function nextUndo(history: History, id: string): FlagAction | null {
  for (let k = history.undoable.length - 1; k >= 0; k--) {
    const action = history.actions.find((a) => a.id === history.undoable[k]);
    if (action && action.message !== 'failed') return inverse(action, id);
  }
  return null;
}

export function setMessage(history: History, id: string, message: MessageState, error?: string): History {
  const actions = history.actions.map((a) => (a.id === id ? { ...a, message, ...(error ? { error } : {}) } : a));
  if (message !== 'failed') return { actions, undoable: history.undoable };
  // A refused action changed nothing on the server: nothing to undo, and a refused undo leaves
  // the action it meant to undo standing, so undo may try it again.
  const refused = history.actions.find((a) => a.id === id);
  const undoable = history.undoable.filter((u) => u !== id);
  if (refused?.undoes && !undoable.includes(refused.undoes)) undoable.push(refused.undoes);
  return { actions, undoable };
}

export function pendingIds(history: History): string[] {
  return history.actions.filter((a) => a.message === 'pending').map((a) => a.id);
}
