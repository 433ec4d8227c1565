// May the signed-in person change this course, or only read it? The admin app's permissions store
// knows (the same rules the server applies); the screen is read-only when it says no. The server
// refuses a write anyway, so a missing store only costs a later, worded refusal.
import { useStores } from '@directus/extensions-sdk';

const COLLECTIONS = ['geofences', 'segments', 'waypoints', 'speed_limit_zones'];

export function useCourseRights(): { mayEdit: boolean } {
  try {
    const stores = useStores() as Record<string, (() => unknown) | undefined>;
    const user = stores.useUserStore?.() as { isAdmin?: boolean; currentUser?: { admin_access?: boolean } } | undefined;
    if (user?.isAdmin || user?.currentUser?.admin_access) return { mayEdit: true };
    const permissions = stores.usePermissionsStore?.() as { hasPermission?: (c: string, a: string) => boolean } | undefined;
    if (!permissions?.hasPermission) return { mayEdit: true };
    return { mayEdit: COLLECTIONS.every((c) => permissions.hasPermission!(c, 'update')) };
  } catch {
    return { mayEdit: true };
  }
}
