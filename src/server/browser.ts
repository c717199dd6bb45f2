import { setupWorker } from 'msw/browser';
import { Backend } from './backend';
import { createHandlers } from './handlers';
import { IndexedDbSiteStore } from './persistence/indexeddb-site-store';

const CHANNEL = 'configmgr-console-site';

/**
 * Starts the mock backend in the browser: the site is loaded from IndexedDB (or generated), and MSW's service worker
 * routes /api/ requests to the handlers, which run in this page. Tabs of the console share the saved site: each save
 * is announced to the others, which reload it and call `onSiteChangedElsewhere` so the console refreshes.
 */
export async function startMockBackend(onSiteChangedElsewhere: () => void): Promise<void> {
  const backend = await Backend.start({ store: new IndexedDbSiteStore() });
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(CHANNEL);
    backend.onSaved((revision) => channel.postMessage({ type: 'site-saved', revision }));
    channel.addEventListener('message', () => void backend.reloadFromStore());
  }
  // Also when a stale write of this tab was refused and the backend took the other tab's site.
  backend.onReloaded(onSiteChangedElsewhere);
  const worker = setupWorker(...createHandlers(backend));
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
