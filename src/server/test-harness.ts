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
  const backend = await Backend.start({ ...options, store });
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
  return { backend, store, server, call, stop: () => server.close() };
}
