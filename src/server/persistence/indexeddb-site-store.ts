import { createStore, get, keys, promisifyRequest, set, update } from 'idb-keyval';
import type { SavedRefusal } from '@/domain/audit/audit-entry';
import type { SiteClock } from '@/domain/site-clock/site-clock';
import {
  refusalsRevisionOf,
  storedRevision,
  withoutRefusals,
  withRefusal,
  type SavedRefusals,
  type SavedSite,
  type SiteStore,
} from './saved-site';

const SITE_KEY = 'contoso-site';
const CLOCK_KEY = 'contoso-site-clock';
/** The audit log's refused attempts, and their revision apart (a tab checks it before reading them all). */
const REFUSALS_KEY = 'contoso-audit-refusals';
const REFUSALS_REVISION_KEY = 'contoso-audit-refusals-revision';
/** Every administrator's walkthrough progress (src/server/handlers/walkthrough-handlers.ts). */
const WALKTHROUGHS_KEY = 'contoso-walkthrough-progress';

/** The saved site in the browser's IndexedDB (database "configmgr-console", store "sites"), via idb-keyval. */
export class IndexedDbSiteStore implements SiteStore {
  private readonly store = createStore('configmgr-console', 'sites');

  load() {
    return get(SITE_KEY, this.store);
  }

  save(site: SavedSite) {
    return set(SITE_KEY, site, this.store);
  }

  async saveIfUnchanged(expectedRevision: number, site: SavedSite) {
    let saved = false;
    // idb-keyval's update reads and writes in one readwrite transaction: no other tab can save in between.
    await update(
      SITE_KEY,
      (current) => {
        if (storedRevision(current) !== expectedRevision) return current;
        saved = true;
        return site;
      },
      this.store,
    );
    return saved;
  }

  loadClock() {
    return get(CLOCK_KEY, this.store);
  }

  saveClock(clock: SiteClock) {
    return set(CLOCK_KEY, clock, this.store);
  }

  loadRefusals() {
    return get(REFUSALS_KEY, this.store);
  }

  refusalsRevision() {
    return get(REFUSALS_REVISION_KEY, this.store);
  }

  async appendRefusal(refusal: Omit<SavedRefusal, 'number'>, keep: number) {
    let made = { number: 0, revision: 0 };
    await this.changeRefusals((current) => {
      const { next, number } = withRefusal(current, refusal, keep);
      made = { number, revision: next.revision };
      return next;
    });
    return made;
  }

  async clearRefusals() {
    await this.changeRefusals(withoutRefusals);
  }

  /** Reads and writes the refusals and their revision in one readwrite transaction: tabs never lose each other's. */
  private changeRefusals(change: (current: unknown) => SavedRefusals<unknown>) {
    return this.store(
      'readwrite',
      (store) =>
        new Promise<void>((resolve, reject) => {
          store.get(REFUSALS_KEY).onsuccess = function () {
            try {
              const next = change(this.result);
              store.put(next, REFUSALS_KEY);
              store.put(refusalsRevisionOf(next), REFUSALS_REVISION_KEY);
              resolve(promisifyRequest(store.transaction));
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          };
        }),
    );
  }

  loadWalkthroughProgress() {
    return get(WALKTHROUGHS_KEY, this.store);
  }

  saveWalkthroughProgress(progress: unknown) {
    return set(WALKTHROUGHS_KEY, progress, this.store);
  }

  async setAside(value: unknown) {
    const existing = (await keys(this.store)).filter((key) => String(key).includes('set-aside'));
    const name = `${SITE_KEY}-set-aside-${existing.length + 1}`;
    await set(name, value, this.store);
    return name;
  }
}
