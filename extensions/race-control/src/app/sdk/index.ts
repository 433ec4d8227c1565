// The one place the screens reach the API. Components call composables; composables call these.
// `useSdk()` is the admin app's own signed-in @directus/sdk client; here it gets our collection
// types, and our endpoints (/race-control/...) get one typed helper, so no view builds a URL.
import { useSdk } from '@directus/extensions-sdk';
import { customEndpoint } from '@directus/sdk';
import type { Schema } from '../../domain/schema.generated';

export type RaceControlSdk = ReturnType<typeof useSdk<Schema>>;

/** The admin app's client, typed with our schema. Call inside `setup()` (it injects). */
export function useRaceControlSdk(): RaceControlSdk {
  return useSdk<Schema>();
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A call to one of our endpoints, e.g. `ourEndpoint<Status>('/status')`. */
export function ourEndpoint<T>(path: string, options: { method?: Method; body?: unknown; params?: Record<string, unknown> } = {}) {
  const query = options.params ? `?${new URLSearchParams(Object.entries(options.params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]))}` : '';
  return customEndpoint<T>({
    path: `/race-control${path}${query}`,
    method: options.method ?? 'GET',
    // The SDK adds `Content-Type: application/json` itself; a lower-case copy made the header
    // "application/json, application/json", which Directus's body parser ignores (empty body).
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
}

/**
 * A binary answer of one of our endpoints (e.g. the GPS track). The SDK hands back the raw Response
 * for any content type that is not JSON or text; a JSON error body is still thrown as usual.
 */
export async function ourBytes(sdk: RaceControlSdk, path: string, params?: Record<string, unknown>): Promise<ArrayBuffer> {
  const response = (await sdk.request(ourEndpoint<Response>(path, { params }))) as unknown as Response;
  if (!response?.ok) throw new Error(`${path} answered ${response?.status ?? 'nothing'}`);
  return response.arrayBuffer();
}

/** The words of an SDK error (Directus's `errors[0].message`), for a notice a person can act on. */
export function errorWords(error: unknown): string {
  const e = error as { errors?: { message?: string }[]; message?: string };
  return e?.errors?.[0]?.message ?? e?.message ?? String(error);
}
