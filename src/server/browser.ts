import { setupWorker } from 'msw/browser';
import { Backend } from './backend';
import { createHandlers } from './handlers';
import { IndexedDbSiteStore } from './persistence/indexeddb-site-store';

/**
 * Starts the mock backend in the browser: the site is loaded from IndexedDB (or generated), and MSW's service worker
 * routes /api/ requests to the handlers, which run in this page.
 */
export async function startMockBackend(): Promise<void> {
  const backend = await Backend.start({ store: new IndexedDbSiteStore() });
  const worker = setupWorker(...createHandlers(backend));
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
