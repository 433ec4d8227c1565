// Going to another route of the module. vue-router is the host app's and not a package of ours, so
// the router is taken from the component instance ($router, read when needed) rather than imported.
import { getCurrentInstance } from 'vue';

export function useNavigate(): (path: string) => void {
  const instance = getCurrentInstance();
  return (path) => {
    (instance?.proxy as unknown as { $router?: { push(path: string): unknown } } | undefined)?.$router?.push(path);
  };
}
