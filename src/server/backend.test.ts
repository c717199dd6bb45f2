import { describe, expect, it } from 'vitest';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { searchFolderCriteriaSchema } from '@/domain/search-folders/search-folder-criteria';
import { Backend } from './backend';
import { ApiError } from './errors';
import { MemorySiteStore, savedSiteSchema } from './persistence/saved-site';
import { migrateSavedSite } from './persistence/saved-site-migrations';

const folder = (id: string, name: string) => ({
  type: 'create-search-folder' as const,
  id,
  name,
  criteria: searchFolderCriteriaSchema.parse({}),
  by: CONTOSO.administrators.smsadmin,
});

/** The names of the search folders the saved log creates. */
const savedFolders = async (store: MemorySiteStore) =>
  savedSiteSchema
    .parse(await store.load())
    .log.map((operation) => (operation.type === 'create-search-folder' ? operation.name : operation.type));

describe('two tabs on one saved site: no update is lost silently', () => {
  it('a stale write is refused with 409, the stale backend takes the other tab’s site, and a retry keeps both', async () => {
    const store = new MemorySiteStore();
    const first = await Backend.start({ store });
    const second = await Backend.start({ store });
    await first.apply(folder('SF000001', 'First tab'));

    const stale = second.apply(folder('SF000001', 'Second tab'));
    await expect(stale).rejects.toBeInstanceOf(ApiError);
    await expect(stale).rejects.toMatchObject({ status: 409, extra: { rule: 'site-changed-elsewhere' } });
    // Nothing was written over the first tab's work, and the second tab now shows it.
    expect(await savedFolders(store)).toEqual(['First tab']);
    expect(second.state.searchFolders.map((f) => f.name)).toEqual(['First tab']);

    await second.apply(folder('SF000002', 'Second tab'));
    expect(await savedFolders(store)).toEqual(['First tab', 'Second tab']);
    expect(await first.reloadFromStore()).toBe(true);
    expect(first.state.searchFolders.map((f) => f.name)).toEqual(['First tab', 'Second tab']);
    expect(await first.reloadFromStore()).toBe(false);
  });

  it('a reset in one tab is not overwritten by a stale write in another', async () => {
    const store = new MemorySiteStore();
    const first = await Backend.start({ store });
    const second = await Backend.start({ store });
    await first.reset('before-upgrade');
    await expect(second.apply(folder('SF000001', 'Too late'))).rejects.toMatchObject({ status: 409 });
    expect(second.stage).toBe('before-upgrade');
    expect(second.state.phase).toBe('sms2003');
  });
});

describe('saved site schema', () => {
  it('reads a site saved before revisions existed as revision 0 (the migration is the default)', async () => {
    const old = {
      schemaVersion: 1,
      scenario: 'contoso',
      seed: 2008,
      scale: { softwareUpdates: 0, clients: 1500, distributions: 4 },
      stage: 'just-upgraded',
      log: [],
    };
    expect(savedSiteSchema.parse(migrateSavedSite(old).value).revision).toBe(0);
    const store = new MemorySiteStore(old);
    const backend = await Backend.start({ store });
    expect(backend.notice).toBeNull();
    await backend.apply(folder('SF000001', 'After the migration'));
    expect(savedSiteSchema.parse(await store.load()).revision).toBe(1);
  });
});
