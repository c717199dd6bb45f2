import { setupWorker } from 'msw/browser';
import { scaleForSoftwareUpdates, type Scale } from '@/domain/scenario/scale';
import { Backend } from './backend';
import { createHandlers } from './handlers';
import { IndexedDbSiteStore } from './persistence/indexeddb-site-store';
import { prepareSearchWhenIdle } from './search-warmup';

const CHANNEL = 'configmgr-console-site';
const MOCK_SERVICE_WORKER_URL = '/mockServiceWorker.js';
/** How often the site clock's reading is saved while the console is open (a reload resumes from it). */
const KEEP_CLOCK_EVERY_MS = 5_000;
/** The most software updates `?scale=` may ask for (the generator's limit). */
const MAX_SCALE = 50_000;

/**
 * The scale a link asks for with `?scale=<software updates>` (0 to 50,000, a whole number), for benchmarks and large
 * demos: `/?scale=50000` generates 50,000 updates, 20,000 clients and 500 distributions. It applies only when nothing
 * is saved yet (a saved site keeps its own scale); anything else in the parameter is ignored.
 */
export function scaleFromSearch(search: string): Scale | undefined {
  const value = new URLSearchParams(search).get('scale');
  if (value === null || !/^\d{1,6}$/.test(value.trim())) return undefined;
  const softwareUpdates = Number(value.trim());
  return softwareUpdates <= MAX_SCALE ? scaleForSoftwareUpdates(softwareUpdates) : undefined;
}

/**
 * Starts the mock backend in the browser: the site is loaded from IndexedDB (or generated), and MSW's service worker
 * routes /api/ requests to the handlers, which run in this page. Tabs of the console share the saved site: each save
 * is announced to the others, which reload it and call `onSiteChangedElsewhere` so the console refreshes. The site
 * clock is shared the same way. A first visit may ask for a larger site with `?scale=` (see `scaleFromSearch`).
 */
export async function startMockBackend(onSiteChangedElsewhere: () => void): Promise<void> {
  // On a first visit the service worker is fetched, installed and activated on its own thread while this one builds
  // the site (worker.start below then finds it registered); registering only after the site is built made a cold
  // start wait for both in turn.
  void navigator.serviceWorker?.register(MOCK_SERVICE_WORKER_URL).catch(() => undefined);
  const backend = await Backend.start({ store: new IndexedDbSiteStore(), scale: scaleFromSearch(location.search) });
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(CHANNEL);
    backend.onSaved((revision) => channel.postMessage({ type: 'site-saved', revision }));
    backend.onClockChanged(() => channel.postMessage({ type: 'clock-changed' }));
    channel.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type === 'clock-changed') {
        void backend.reloadClockFromStore().then(onSiteChangedElsewhere);
      } else {
        void backend.reloadFromStore().then(() => backend.reloadClockFromStore());
      }
    });
  }
  // Also when a stale write of this tab was refused and the backend took the other tab's site.
  backend.onReloaded(onSiteChangedElsewhere);
  setInterval(() => void backend.keepClock(), KEEP_CLOCK_EVERY_MS);
  addEventListener('pagehide', () => void backend.keepClock());
  const worker = setupWorker(...createHandlers(backend));
  await worker.start({
    serviceWorker: { url: MOCK_SERVICE_WORKER_URL },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  // Once the console is up, the first Find Now is made cheap while nobody is typing.
  prepareSearchWhenIdle(backend);
  backend.onReloaded(() => prepareSearchWhenIdle(backend));
}
