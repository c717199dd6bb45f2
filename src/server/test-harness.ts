import { setupServer } from 'msw/node';
import { ADMIN_HEADER } from '@/domain/contract/api-contract';
import { Backend, type BackendOptions } from './backend';
import { createHandlers } from './handlers';
import { MemorySiteStore } from './persistence/saved-site';

/**
 * The handler set on msw/node, for tests: requests to http://console.test/api/... reach the same handlers the
 * browser's service worker uses.
 */
export async function startTestBackend(options: Partial<BackendOptions> = {}) {
  const store = options.store ?? new MemorySiteStore();
  // The wall clock stands still unless a test moves it (passTime), so the site clock does too.
  let wallNow = Date.parse('2026-01-01T00:00:00Z');
  const backend = await Backend.start({ wallClock: () => wallNow, ...options, store });
  /** Lets real time pass: the site clock moves on by this times its speed. */
  const passTime = (realMs: number) => {
    wallNow += realMs;
  };
  const server = setupServer(...createHandlers(backend));
  server.listen({ onUnhandledRequest: 'error' });
  const call = async (path: string, init: RequestInit & { admin?: string | null } = {}) => {
    const headers = new Headers(init.headers);
    if (init.admin !== null) headers.set(ADMIN_HEADER, init.admin ?? 'CONTOSO\\smsadmin');
    const response = await fetch(`http://console.test${path}`, { ...init, headers });
    const body = (await response.json()) as Record<string, unknown> & {
      items?: Array<Record<string, unknown>>;
      total?: number;
      error?: { code: string; message: string; field?: string };
    };
    return { status: response.status, body };
  };
  return { backend, store, server, call, passTime, stop: () => server.close() };
}
