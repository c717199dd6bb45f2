import { afterAll, beforeAll, vi } from 'vitest';
import { startTestBackend } from '@/server/test-harness';

/** A request the console sent, in the forms the tests that check what was sent read it. */
export interface SentRequest {
  method: string;
  /** The whole address, with the origin the stub added. */
  url: string;
  /** Its path without the query. */
  path: string;
  /** Its path and query as the console wrote it. */
  target: string;
  /** The JSON body, parsed (undefined without one). */
  body: unknown;
}

/**
 * Sends the console's /api/... requests to the mock backend of startTestBackend (msw/node), as the page's service
 * worker does: Node's fetch needs an origin, so one is added. `onSend` sees each request as it goes. Undone by
 * vi.unstubAllGlobals().
 */
export function stubFetchToTestBackend(onSend?: (request: SentRequest) => void) {
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' && input.startsWith('/') ? `http://console.test${input}` : input;
    if (onSend) {
      const address = new URL(String(url));
      onSend({
        method: init?.method ?? 'GET',
        url: String(url),
        path: address.pathname,
        target: address.pathname + address.search,
        body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      });
    }
    return realFetch(url, init);
  });
}

type TestBackend = Awaited<ReturnType<typeof startTestBackend>>;

/**
 * For a whole test file: the mock backend started once (a fresh site), the console's requests sent to it, both undone
 * after the file. Returns the backend, to read the site or change its handlers.
 */
export function backendForThisFile(): () => TestBackend {
  let harness: TestBackend | undefined;
  beforeAll(async () => {
    harness = await startTestBackend();
    stubFetchToTestBackend();
  });
  afterAll(() => {
    vi.unstubAllGlobals();
    harness?.stop();
  });
  return () => {
    if (!harness) throw new Error('The test backend starts in beforeAll: read it inside a test or a hook.');
    return harness;
  };
}
