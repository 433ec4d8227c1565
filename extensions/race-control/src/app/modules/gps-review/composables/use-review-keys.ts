// The review screen's keyboard: one window listener while the view is mounted, keys mapped by the
// domain's table, and the browser's own use of a key prevented only when we act on it.
import { onBeforeUnmount, onMounted } from 'vue';
import { commandFor, type ReviewCommand } from '../../../../domain/gps-review/keyboard';

export function useReviewKeys(run: (command: ReviewCommand) => boolean | void, enabled: () => boolean = () => true) {
  function onKey(event: KeyboardEvent) {
    if (!enabled()) return;
    const command = commandFor(event);
    if (command && run(command) !== false) event.preventDefault();
  }
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
