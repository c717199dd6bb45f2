import { describe, expect, it } from 'vitest';
import { searchFolderCriteriaSchema } from '@/domain/search-folders/search-folder-criteria';
import { Backend } from '../backend';
import { MemorySiteStore, savedSiteSchema, SAVED_SITE_SCHEMA_VERSION } from './saved-site';
import { CURRENT_SCHEMA_VERSION, migrateSavedSite } from './saved-site-migrations';

/** A site as version 1 of the console saved it (no savedAt), with one operation done since the stage. */
const version1Site = () => ({
  schemaVersion: 1,
  scenario: 'contoso',
  seed: 2008,
  scale: { softwareUpdates: 0, clients: 1500, distributions: 4 },
  stage: 'just-upgraded',
  revision: 3,
  log: [
    {
      type: 'create-search-folder',
      id: 'SF000001',
      name: 'Made on version 1',
      criteria: { bulletinId: 'MS08' },
      by: 'CONTOSO\\smsadmin',
    },
  ],
});

describe('saved site migrations', () => {
  it('the current version is the saved schema version', () => {
    expect(SAVED_SITE_SCHEMA_VERSION).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('upgrades a version 1 site to the current version, keeping its log and revision', () => {
    const result = migrateSavedSite(version1Site());
    expect(result.kind).toBe('migrated');
    if (result.kind !== 'migrated') return;
    expect(result.from).toBe(1);
    const site = savedSiteSchema.strict().parse(result.value);
    expect(site.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(site.savedAt).toBeNull();
    expect(site.revision).toBe(3);
    expect(site.log.map((operation) => operation.type)).toEqual(['create-search-folder']);
  });

  it('does not touch the value it upgrades', () => {
    const old = version1Site();
    migrateSavedSite(old);
    expect(old).toEqual(version1Site());
  });

  it('leaves a current site as it is', () => {
    const current = { ...version1Site(), schemaVersion: CURRENT_SCHEMA_VERSION, savedAt: null };
    expect(migrateSavedSite(current)).toEqual({ kind: 'current', value: current });
  });

  it.each([
    ['a newer version', { ...version1Site(), schemaVersion: CURRENT_SCHEMA_VERSION + 1 }, /newer version/],
    ['version 99', { schemaVersion: 99 }, /schema version 99/],
  ])('calls %s unreadable and says why', (_label, value, why) => {
    const result = migrateSavedSite(value);
    expect(result.kind).toBe('unreadable');
    if (result.kind === 'unreadable') expect(result.why).toMatch(why);
  });

  it.each([
    ['garbage', 'a string'],
    ['null', null],
    ['an array', []],
    ['version 0', { schemaVersion: 0 }],
  ])('hands back %s for the schema to refuse', (_label, value) => {
    expect(migrateSavedSite(value)).toEqual({ kind: 'current', value });
  });

  it('starts a backend from a version 1 site, saves it in the current shape once, and keeps its work', async () => {
    const store = new MemorySiteStore(version1Site());
    const backend = await Backend.start({ store });
    expect(backend.notice).toBeNull();
    expect(backend.state.searchFolders.map((folder) => folder.name)).toEqual(['Made on version 1']);
    const stored = savedSiteSchema.strict().parse(await store.load());
    expect(stored.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(stored.revision).toBe(3);
    expect(store.setAsideValues.size).toBe(0);
  });

  it('sets a site from a newer console aside with a notice that says so', async () => {
    const newer = { ...version1Site(), schemaVersion: CURRENT_SCHEMA_VERSION + 1 };
    const store = new MemorySiteStore(newer);
    const backend = await Backend.start({ store });
    expect(backend.notice).toMatch(/newer version of the console/);
    expect([...store.setAsideValues.values()]).toEqual([newer]);
    expect(backend.state.searchFolders).toEqual([]);
  });

  it('stamps each save with the wall-clock time', async () => {
    let wall = Date.parse('2026-12-05T09:00:00Z');
    const store = new MemorySiteStore();
    const backend = await Backend.start({ store, wallClock: () => wall });
    wall += 60_000;
    await backend.apply({
      type: 'create-search-folder',
      id: 'SF000001',
      name: 'Later',
      criteria: searchFolderCriteriaSchema.parse({ bulletinId: 'MS08' }),
      by: 'CONTOSO\\smsadmin',
    });
    expect(savedSiteSchema.parse(await store.load()).savedAt).toBe('2026-12-05T09:01:00.000Z');
  });
});
