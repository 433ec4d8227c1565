// The seam component tests have: a stand-in for the admin app's SDK client that records every
// request (path, method, params, body) and answers from handlers the test gives, like the SDK mock
// of Directus's own app tests. Use with `vi.mock('@directus/extensions-sdk', () => sdkModule(mock))`.
export interface RecordedRequest {
  path: string;
  method: string;
  params?: Record<string, unknown>;
  body?: unknown;
}

type Handler = (request: RecordedRequest) => unknown;

export interface SdkMock {
  requests: RecordedRequest[];
  /** Answer requests whose path matches; the last matching handler wins. */
  on(method: string, path: string | RegExp, handler: Handler | unknown): SdkMock;
  request<T>(command: () => { path: string; method: string; params?: Record<string, unknown>; body?: string }): Promise<T>;
}

export function createSdkMock(): SdkMock {
  const handlers: { method: string; path: string | RegExp; handler: Handler }[] = [];
  const mock: SdkMock = {
    requests: [],
    on(method, path, handler) {
      handlers.push({ method, path, handler: typeof handler === 'function' ? (handler as Handler) : () => handler });
      return mock;
    },
    async request<T>(command: () => { path: string; method: string; params?: Record<string, unknown>; body?: string }) {
      const c = command();
      const recorded: RecordedRequest = { path: c.path, method: c.method, params: c.params, body: c.body ? JSON.parse(c.body) : undefined };
      mock.requests.push(recorded);
      const match = [...handlers].reverse().find((h) => h.method === c.method && (typeof h.path === 'string' ? c.path.split('?')[0] === h.path : h.path.test(c.path)));
      if (!match) throw new Error(`sdk mock: no handler for ${c.method} ${c.path}`);
      return (await match.handler(recorded)) as T;
    },
  };
  return mock;
}

/** The module factory for `vi.mock('@directus/extensions-sdk', ...)`. */
export function sdkModule(mock: SdkMock, extra: Record<string, unknown> = {}) {
  return {
    useSdk: () => mock,
    useApi: () => { throw new Error('components call the SDK through app/sdk, not useApi'); },
    useStores: () => ({ useSettingsStore: () => ({ settings: {} }), useUserStore: () => ({ currentUser: { id: 'me' } }) }),
    defineModule: (m: unknown) => m,
    definePanel: (p: unknown) => p,
    ...extra,
  };
}
