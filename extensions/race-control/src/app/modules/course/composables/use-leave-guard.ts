// Asks before leaving a screen with unsaved changes: the app's own navigation (a guard on the
// admin app's router, reached through the component instance: vue-router is the app's, not a
// package of ours) and the browser's (reload, close).
import { getCurrentInstance, onBeforeUnmount, onMounted } from 'vue';

type Guard = (to: { fullPath: string }, from: { fullPath: string }) => boolean | void;
interface RouterLike { beforeEach(guard: Guard): () => void }

export function useLeaveGuard(dirty: () => boolean, words = 'The course has unsaved changes. Leave and lose them?') {
  const router = (getCurrentInstance()?.proxy as { $router?: RouterLike } | null)?.$router;
  let removeGuard: (() => void) | undefined;
  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (!dirty()) return;
    e.preventDefault();
    e.returnValue = '';
  };
  onMounted(() => {
    const here = window.location.pathname;
    removeGuard = router?.beforeEach((to, from) => {
      if (!dirty() || to.fullPath === from.fullPath || !window.location.pathname.startsWith(here)) return;
      return window.confirm(words);
    });
    window.addEventListener('beforeunload', beforeUnload);
  });
  onBeforeUnmount(() => {
    removeGuard?.();
    window.removeEventListener('beforeunload', beforeUnload);
  });
}
