import { createStore, get, keys, set, update } from 'idb-keyval';
import type { SiteClock } from '@/domain/site-clock/site-clock';
import { storedRevision, type SavedSite, type SiteStore } from './saved-site';

const SITE_KEY = 'contoso-site';
const CLOCK_KEY = 'contoso-site-clock';

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

  async setAside(value: unknown) {
    const existing = (await keys(this.store)).filter((key) => String(key).includes('set-aside'));
    const name = `${SITE_KEY}-set-aside-${existing.length + 1}`;
    await set(name, value, this.store);
    return name;
  }
}
