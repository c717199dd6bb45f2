import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findNode,
  NODE_IDS,
  searchFolderNodeId,
  softwareUpdateFilterForNode,
} from '@/domain/console-tree/console-tree';
import type { ConsoleTreeNode } from '@/domain/contract/api-contract';
import {
  deleteSearchFolderResponseSchema,
  searchFolderClassRightsSchema,
  searchFolderResponseSchema,
} from '@/domain/contract/search-folder-contract';
import type { Operation } from '@/domain/operations/operations';
import { RIGHTS_BY_OBJECT_TYPE } from '@/domain/rights/rights';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { DEFAULT_SEED } from '@/domain/scenario/contoso-stage';
import { DEFAULT_SCALE } from '@/domain/scenario/scale';
import {
  searchFolderCriteriaSchema,
  softwareUpdateFacets,
  type SearchFolderCriteriaInput,
} from '@/domain/search-folders/search-folder-criteria';
import { Backend } from '../backend';
import { MemorySiteStore, SAVED_SITE_SCHEMA_VERSION, type SavedSite } from '../persistence/saved-site';
import { startTestBackend } from '../test-harness';

type Harness = Awaited<ReturnType<typeof startTestBackend>>;

const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;
const CRITICAL_LAST_YEAR: SearchFolderCriteriaInput = {
  dateReleased: 'last-year',
  severities: ['Critical'],
  classifications: ['Security Updates'],
};

/** One harness per describe block, stopped after it, so no server listens between blocks or files. */
function useHarness(options: Parameters<typeof startTestBackend>[0] = {}) {
  const holder: { harness?: Harness } = {};
  beforeAll(async () => {
    holder.harness = await startTestBackend(options);
  });
  afterAll(() => {
    holder.harness?.stop();
  });
  return () => {
    if (!holder.harness) throw new Error('The harness has not started');
    return holder.harness;
  };
}

const send = (harness: Harness, method: string, path: string, body: unknown, admin?: string | null) =>
  harness.call(path, {
    method,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    ...(admin === undefined ? {} : { admin }),
  });
const createFolder = (harness: Harness, body: unknown, admin?: string | null) =>
  send(harness, 'POST', '/api/search-folders', body, admin);
const renameFolder = (harness: Harness, id: string, body: unknown, admin?: string | null) =>
  send(harness, 'PATCH', `/api/search-folders/${id}`, body, admin);
const deleteFolder = (harness: Harness, id: string, admin?: string | null) =>
  send(harness, 'DELETE', `/api/search-folders/${id}`, undefined, admin);

/** What a refused request must leave exactly as it was. */
async function snapshot(harness: Harness) {
  return {
    state: JSON.stringify(harness.backend.state),
    version: harness.backend.version,
    saved: JSON.stringify(await harness.store.load()),
  };
}

async function tree(harness: Harness, admin: string = smsadmin): Promise<ConsoleTreeNode> {
  const { status, body } = await harness.call('/api/console-tree', { admin });
  expect(status).toBe(200);
  return body as unknown as ConsoleTreeNode;
}

async function searchFolderNodes(harness: Harness, admin: string = smsadmin) {
  return findNode(await tree(harness, admin), NODE_IDS.searchFolders)?.children ?? [];
}

async function listIds(harness: Harness, path: string, admin: string = smsadmin) {
  const { status, body } = await harness.call(`${path}${path.includes('?') ? '&' : '?'}limit=1000`, { admin });
  expect(status, JSON.stringify(body.error)).toBe(200);
  return { ids: (body.items ?? []).map((item) => String(item.id)), total: body.total ?? 0 };
}

const folderList = (nodeId: string) => `/api/software-updates?node=${encodeURIComponent(nodeId)}`;

describe('POST /api/search-folders: create', () => {
  const harness = useHarness();

  it('creates the folder, answers it with the rights its creator holds and its node, and saves it in the log', async () => {
    const { status, body } = await createFolder(harness(), {
      name: 'Critical - last 12 months',
      criteria: CRITICAL_LAST_YEAR,
    });
    expect(status, JSON.stringify(body.error)).toBe(200);
    const answer = searchFolderResponseSchema.parse(body);
    expect(answer).toEqual({
      item: {
        id: 'SF000001',
        name: 'Critical - last 12 months',
        owner: smsadmin,
        criteria: searchFolderCriteriaSchema.parse(CRITICAL_LAST_YEAR),
        criteriaText:
          'Date Released in the last year (12 months); Severity is Critical; Update Classification is Security Updates',
      },
      rights: [...RIGHTS_BY_OBJECT_TYPE.SearchFolder],
      nodeId: 'software-updates/update-repository/search-folders/SF000001',
    });
    const saved = (await harness().store.load()) as SavedSite;
    expect(saved.log.at(-1)).toEqual({
      type: 'create-search-folder',
      id: 'SF000001',
      name: 'Critical - last 12 months',
      criteria: searchFolderCriteriaSchema.parse(CRITICAL_LAST_YEAR),
      by: smsadmin,
      // Stamped with the site clock, so a replay does it at the same site time.
      at: harness().backend.now(),
    });
    // The creator's instance grant is in the state, so the log gives it back on replay.
    expect(harness().backend.state.grants.at(-1)).toEqual({
      account: smsadmin,
      objectType: 'SearchFolder',
      instanceIds: ['SF000001'],
      rights: [...RIGHTS_BY_OBJECT_TYPE.SearchFolder],
    });
  });

  it('shows the folder under Search Folders and in the Search Folders list', async () => {
    expect((await searchFolderNodes(harness())).map((node) => [node.id, node.name, node.kind, node.resource])).toEqual([
      [searchFolderNodeId('SF000001'), 'Critical - last 12 months', 'search-folder', 'software-updates'],
    ]);
    const { status, body } = await harness().call('/api/search-folders');
    expect(status).toBe(200);
    expect(body.items?.map((item) => [item.id, item.name, item.owner])).toEqual([
      ['SF000001', 'Critical - last 12 months', smsadmin],
    ]);
  });

  it('lists, on its node, exactly the updates its criteria match on the site clock', async () => {
    const { ids, total } = await listIds(harness(), folderList(searchFolderNodeId('SF000001')));
    const state = harness().backend.state;
    const filter = softwareUpdateFilterForNode(searchFolderNodeId('SF000001'), state);
    const expected = state.softwareUpdates.filter((update) => filter?.(update)).map((update) => update.id);
    expect(total).toBeGreaterThan(10);
    expect([...ids].sort()).toEqual([...expected].sort());
    for (const update of state.softwareUpdates.filter((u) => ids.includes(u.id))) {
      expect(update).toMatchObject({ severity: 'Critical', classification: 'Security Updates' });
      expect(update.dateReleased >= '2007-12-18').toBe(true);
    }
    // Fewer than the whole repository, and sorted and searched like any list.
    expect(total).toBeLessThan((await listIds(harness(), '/api/software-updates')).total);
    const searched = await listIds(harness(), `${folderList(searchFolderNodeId('SF000001'))}&q=Windows%20XP`);
    expect(searched.total).toBeGreaterThan(0);
    expect(searched.total).toBeLessThan(total);
  });

  it('exports a search folder the way it lists it', async () => {
    const response = await fetch(
      `http://console.test/api/export/software-updates.csv?node=${encodeURIComponent(searchFolderNodeId('SF000001'))}&columns=title`,
      { headers: { 'X-Admin': smsadmin } },
    );
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split(/\r\n/);
    const { total } = await listIds(harness(), folderList(searchFolderNodeId('SF000001')));
    expect(lines).toHaveLength(total + 1);
  });

  it('creates a folder of every update when the criteria are left out, with the next ID', async () => {
    const { status, body } = await createFolder(harness(), { name: 'Everything' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ item: { id: 'SF000002', criteriaText: 'Every software update' } });
    const everything = await listIds(harness(), folderList(searchFolderNodeId('SF000002')));
    expect(everything.total).toBe((await listIds(harness(), '/api/software-updates')).total);
  });

  it.each<[string, unknown, string, string]>([
    ['a missing name', { criteria: {} }, 'name', 'name is required'],
    ['an empty name', { name: '  ' }, 'name', 'name: the name cannot be empty'],
    ['a name too long', { name: 'x'.repeat(101) }, 'name', 'name: the name must be at most 100 characters'],
    ['a name that is not text', { name: 7 }, 'name', 'name: the name must be text'],
    ['a name with a line break', { name: 'Two\nlines' }, 'name', 'control characters'],
    [
      'an unknown period',
      { name: 'x', criteria: { dateReleased: 'last-decade' } },
      'criteria.dateReleased',
      'dateReleased must be one of',
    ],
    [
      'an unknown severity',
      { name: 'x', criteria: { severities: ['Urgent'] } },
      'criteria.severities.0',
      'each severity must be one of None, Low, Moderate, Important, Critical',
    ],
    [
      'an unknown classification',
      { name: 'x', criteria: { classifications: ['Drivers'] } },
      'criteria.classifications.0',
      'each classification must be one of',
    ],
    [
      'products that are not a list',
      { name: 'x', criteria: { products: 'Windows XP' } },
      'criteria.products',
      'products must be a list of products',
    ],
    [
      'an article ID with a space',
      { name: 'x', criteria: { articleId: 'KB 958644' } },
      'criteria.articleId',
      'may hold only letters, digits',
    ],
    [
      'a bulletin ID too long',
      { name: 'x', criteria: { bulletinId: 'MS08-067'.repeat(5) } },
      'criteria.bulletinId',
      'at most 32 characters',
    ],
    [
      'a yes/no that is neither',
      { name: 'x', criteria: { legacy: true } },
      'criteria.legacy',
      'legacy must be "any", "yes" or "no"',
    ],
    [
      'a criterion the dialog does not have',
      { name: 'x', criteria: { language: 'English' } },
      'criteria.language',
      'takes no field "language"',
    ],
    ['a field the endpoint does not take', { name: 'x', owner: patchadmin }, 'owner', 'takes no field "owner"'],
    ['criteria that are not an object', { name: 'x', criteria: 'critical' }, 'criteria', 'criteria'],
    ['a body that is not JSON', 'not json {', 'body', 'The request body is not valid JSON'],
    ['a JSON array', [], 'body', 'body'],
  ])('%s is 400 BAD_REQUEST naming "%s", and changes nothing', async (_label, requestBody, field, says) => {
    const before = await snapshot(harness());
    const { status, body } = await createFolder(harness(), requestBody);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'BAD_REQUEST', field });
    expect(body.error?.message).toContain(says);
    expect(await snapshot(harness())).toEqual(before);
  });

  it('refuses CONTOSO\\patchadmin, who has no Create right on Search Folders (403), and changes nothing', async () => {
    const before = await snapshot(harness());
    const { status, body } = await createFolder(harness(), { name: 'Mine' }, patchadmin);
    expect(status).toBe(403);
    expect(body.error).toEqual({
      code: 'FORBIDDEN',
      message: 'CONTOSO\\patchadmin has no Create right on Search Folders',
    });
    expect(await snapshot(harness())).toEqual(before);
  });

  it.each([lonadmin, auditor])('refuses %s too', async (account) => {
    const { status, body } = await createFolder(harness(), { name: 'Mine' }, account);
    expect(status).toBe(403);
    expect(body.error?.message).toBe(`${account} has no Create right on Search Folders`);
  });

  it('refuses a caller with no X-Admin (401)', async () => {
    const { status, body } = await createFolder(harness(), { name: 'Anyone' }, null);
    expect(status).toBe(401);
    expect(body.error?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a second folder of the same name for the same owner, case-blind (409), and changes nothing', async () => {
    const before = await snapshot(harness());
    const { status, body } = await createFolder(harness(), { name: 'critical - LAST 12 months ' });
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: 'CONFLICT', rule: 'search-folder-name-taken' });
    expect(body.error?.message).toContain(
      'CONTOSO\\smsadmin already has a search folder named "Critical - last 12 months"',
    );
    expect(await snapshot(harness())).toEqual(before);
  });
});

describe('what the criteria dialog needs: GET /api/software-updates/facets and GET /api/search-folders/rights', () => {
  const harness = useHarness();

  it('offers the products, vendors, classifications and severities of the updates the caller may read', async () => {
    const { status, body } = await harness().call('/api/software-updates/facets');
    expect(status).toBe(200);
    const visible = harness().backend.state.softwareUpdates.filter((update) => !update.hidden);
    expect(body).toEqual(softwareUpdateFacets(visible));
    expect(body).toMatchObject({
      severities: expect.arrayContaining(['Important', 'Critical']),
      vendors: expect.arrayContaining(['Microsoft']),
    });
  });

  it('offers nothing from updates the caller may not read', async () => {
    // lonadmin holds no right on software updates: the facets are refused like the list.
    const { status, body } = await harness().call('/api/software-updates/facets', { admin: lonadmin });
    expect(status).toBe(403);
    expect(body.error?.message).toBe('CONTOSO\\lonadmin has no Read right on Software Updates');
  });

  it.each<[string, boolean, string | null]>([
    [smsadmin, true, null],
    [patchadmin, false, 'CONTOSO\\patchadmin has no Create right on Search Folders'],
    [auditor, false, 'CONTOSO\\auditor has no Create right on Search Folders'],
  ])('%s may create: %s (%s)', async (account, canCreate, whyNot) => {
    const { status, body } = await harness().call('/api/search-folders/rights', { admin: account });
    expect(status).toBe(200);
    expect(searchFolderClassRightsSchema.parse(body)).toEqual({ canCreate, whyNot });
  });
});

describe('PATCH and DELETE /api/search-folders/:id: rename and delete', () => {
  const harness = useHarness();

  beforeAll(async () => {
    for (const name of ['Critical - last 12 months', 'Office']) {
      expect((await createFolder(harness(), { name, criteria: CRITICAL_LAST_YEAR })).status).toBe(200);
    }
  });

  it('renames: the tree and the list show the new name, and the folder still lists the same updates', async () => {
    const before = await listIds(harness(), folderList(searchFolderNodeId('SF000001')));
    const { status, body } = await renameFolder(harness(), 'SF000001', { name: 'Critical updates 2008' });
    expect(status, JSON.stringify(body.error)).toBe(200);
    expect(searchFolderResponseSchema.parse(body)).toMatchObject({
      item: { id: 'SF000001', name: 'Critical updates 2008', owner: smsadmin },
      nodeId: searchFolderNodeId('SF000001'),
    });
    expect((await searchFolderNodes(harness())).map((node) => node.name)).toEqual(['Critical updates 2008', 'Office']);
    expect(await listIds(harness(), folderList(searchFolderNodeId('SF000001')))).toEqual(before);
  });

  it.each<[string, string, unknown, number, Record<string, string>]>([
    [
      "a name taken by another of the owner's folders",
      'SF000001',
      { name: 'OFFICE' },
      409,
      { code: 'CONFLICT', rule: 'search-folder-name-taken' },
    ],
    ['an empty name', 'SF000001', { name: '' }, 400, { code: 'BAD_REQUEST', field: 'name' }],
    ['a missing name', 'SF000001', {}, 400, { code: 'BAD_REQUEST', field: 'name' }],
    ['another field', 'SF000001', { name: 'x', criteria: {} }, 400, { code: 'BAD_REQUEST', field: 'criteria' }],
    [
      'an unknown folder',
      'SF000099',
      { name: 'x' },
      404,
      { code: 'NOT_FOUND', message: 'There is no search folder with ID SF000099.' },
    ],
  ])('renaming with %s is refused (%s, %i) and changes nothing', async (_label, id, requestBody, status, error) => {
    const before = await snapshot(harness());
    const answer = await renameFolder(harness(), id, requestBody);
    expect(answer.status).toBe(status);
    expect(answer.body.error).toMatchObject(error);
    expect(await snapshot(harness())).toEqual(before);
  });

  it.each<[string, string, string]>([
    ['renaming', 'PATCH', 'CONTOSO\\patchadmin has no Read right on Search Folders'],
    ['deleting', 'DELETE', 'CONTOSO\\patchadmin has no Read right on Search Folders'],
  ])(
    'refuses %s to CONTOSO\\patchadmin, who holds no right on search folders (403), and changes nothing',
    async (_label, method, message) => {
      const before = await snapshot(harness());
      for (const id of ['SF000001', 'SF000099']) {
        // The same answer whether the folder exists or not: a refusal does not tell which folders exist.
        const answer = await send(
          harness(),
          method,
          `/api/search-folders/${id}`,
          method === 'PATCH' ? { name: 'x' } : undefined,
          patchadmin,
        );
        expect(answer.status).toBe(403);
        expect(answer.body.error).toEqual({ code: 'FORBIDDEN', message });
      }
      expect(await snapshot(harness())).toEqual(before);
    },
  );

  it("refuses to open a folder the caller may not read (403), and an unknown folder's node (400)", async () => {
    const refused = await harness().call(folderList(searchFolderNodeId('SF000001')), { admin: auditor });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe('CONTOSO\\auditor has no Read right on Search Folders');
    const unknown = await harness().call(folderList(searchFolderNodeId('SF000099')));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'BAD_REQUEST', field: 'node' });
    expect(unknown.body.error?.message).toContain('there is no search folder with ID SF000099');
  });

  it('shows no search folder to a caller who may not read them', async () => {
    expect(await searchFolderNodes(harness(), patchadmin)).toEqual([]);
    expect((await harness().call('/api/search-folders', { admin: auditor })).status).toBe(403);
  });

  it('deletes: gone from the tree, the list and the log, its node refused, its ID never given again', async () => {
    const { status, body } = await deleteFolder(harness(), 'SF000002');
    expect(status).toBe(200);
    expect(deleteSearchFolderResponseSchema.parse(body)).toEqual({ deleted: { id: 'SF000002', name: 'Office' } });
    expect((await searchFolderNodes(harness())).map((node) => node.id)).toEqual([searchFolderNodeId('SF000001')]);
    expect((await listIds(harness(), '/api/search-folders')).ids).toEqual(['SF000001']);
    expect((await harness().call(folderList(searchFolderNodeId('SF000002')))).status).toBe(400);
    expect(harness().backend.state.grants.some((grant) => grant.instanceIds?.includes('SF000002'))).toBe(false);
    const again = await deleteFolder(harness(), 'SF000002');
    expect(again.status).toBe(404);
    const next = await createFolder(harness(), { name: 'Office' });
    expect(next.body).toMatchObject({ item: { id: 'SF000003', name: 'Office' } });
  });
});

describe('the saved site: search folders are replayed from the log', () => {
  it('a new Backend on the same store shows the folders, renamed and deleted as they were', async () => {
    const store = new MemorySiteStore();
    const first = await startTestBackend({ store });
    let listed: Awaited<ReturnType<typeof listIds>>;
    let folders: unknown;
    try {
      await createFolder(first, { name: 'Critical - last 12 months', criteria: CRITICAL_LAST_YEAR });
      await createFolder(first, { name: 'Windows XP', criteria: { products: ['Windows XP'] } });
      await createFolder(first, { name: 'Doomed' });
      await renameFolder(first, 'SF000002', { name: 'Windows XP updates' });
      await deleteFolder(first, 'SF000003');
      listed = await listIds(first, folderList(searchFolderNodeId('SF000001')));
      folders = { searchFolders: first.backend.state.searchFolders, grants: first.backend.state.grants };
    } finally {
      first.stop();
    }

    const restarted = await Backend.start({ store });
    expect({ searchFolders: restarted.state.searchFolders, grants: restarted.state.grants }).toEqual(folders);
    expect(restarted.state.searchFolders.map((folder) => [folder.id, folder.name])).toEqual([
      ['SF000001', 'Critical - last 12 months'],
      ['SF000002', 'Windows XP updates'],
    ]);
    expect(restarted.notice).toBeNull();

    // Served by a restarted backend: the same tree and the same folder contents.
    const second = await startTestBackend({ store });
    try {
      expect((await searchFolderNodes(second)).map((node) => node.name)).toEqual([
        'Critical - last 12 months',
        'Windows XP updates',
      ]);
      expect(await listIds(second, folderList(searchFolderNodeId('SF000001')))).toEqual(listed);
      // The deleted folder's ID stays used.
      expect((await createFolder(second, { name: 'New' })).body).toMatchObject({ item: { id: 'SF000004' } });
    } finally {
      second.stop();
    }
  });
});

describe('a folder created by an administrator with instance rights only (replayed from a saved log)', () => {
  // patchadmin holds no Create right after the upgrade, but a folder he created (in a log, e.g. after a grant) gives
  // him every instance right on it, and only on it.
  const log: Operation[] = [
    {
      type: 'create-search-folder',
      id: 'SF000001',
      name: 'Admins only',
      criteria: searchFolderCriteriaSchema.parse({}),
      by: smsadmin,
    },
    {
      type: 'create-search-folder',
      id: 'SF000002',
      name: 'Patch Tuesday',
      criteria: searchFolderCriteriaSchema.parse({ bulletinId: 'MS08' }),
      by: patchadmin,
    },
  ];
  const saved: SavedSite = {
    schemaVersion: SAVED_SITE_SCHEMA_VERSION,
    scenario: 'contoso',
    seed: DEFAULT_SEED,
    scale: DEFAULT_SCALE,
    revision: 0,
    stage: 'just-upgraded',
    log,
    savedAt: null,
  };
  const harness = useHarness({ store: new MemorySiteStore(structuredClone(saved)) });

  it('shows patchadmin his folder only, and smsadmin both', async () => {
    expect((await searchFolderNodes(harness(), patchadmin)).map((node) => node.name)).toEqual(['Patch Tuesday']);
    expect((await searchFolderNodes(harness(), smsadmin)).map((node) => node.name)).toEqual([
      'Admins only',
      'Patch Tuesday',
    ]);
    expect((await listIds(harness(), '/api/search-folders', patchadmin)).ids).toEqual(['SF000002']);
  });

  it("lets patchadmin open, rename and delete his folder, but not smsadmin's, and still not create one", async () => {
    const mine = await listIds(harness(), folderList(searchFolderNodeId('SF000002')), patchadmin);
    expect(mine.total).toBeGreaterThan(0);
    const theirs = await harness().call(folderList(searchFolderNodeId('SF000001')), { admin: patchadmin });
    expect(theirs.status).toBe(403);
    expect(theirs.body.error?.message).toBe('CONTOSO\\patchadmin has no Read right on search folder SF000001');
    const renameTheirs = await renameFolder(harness(), 'SF000001', { name: 'Mine now' }, patchadmin);
    expect(renameTheirs.status).toBe(403);
    expect(renameTheirs.body.error?.message).toBe('CONTOSO\\patchadmin has no Read right on search folder SF000001');
    expect((await createFolder(harness(), { name: 'Another' }, patchadmin)).status).toBe(403);
    const renamed = await renameFolder(harness(), 'SF000002', { name: 'Second Tuesday' }, patchadmin);
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      item: { name: 'Second Tuesday', owner: patchadmin },
      rights: [...RIGHTS_BY_OBJECT_TYPE.SearchFolder],
    });
    expect((await deleteFolder(harness(), 'SF000002', patchadmin)).status).toBe(200);
    expect(await searchFolderNodes(harness(), patchadmin)).toEqual([]);
  });
});

describe('before the upgrade there are no search folders', () => {
  const harness = useHarness({ stage: 'before-upgrade' });

  it('refuses to create one (409 site-not-upgraded) and says why in the rights answer', async () => {
    const before = await snapshot(harness());
    const { status, body } = await createFolder(harness(), { name: 'Too early' });
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: 'CONFLICT', rule: 'site-not-upgraded' });
    expect(await snapshot(harness())).toEqual(before);
    const rights = await harness().call('/api/search-folders/rights');
    expect(rights.body).toEqual({
      canCreate: false,
      whyNot: 'Search folders come with Configuration Manager 2007: run Setup to upgrade the site first.',
    });
    expect((await renameFolder(harness(), 'SF000001', { name: 'x' })).status).toBe(409);
    expect((await deleteFolder(harness(), 'SF000001')).status).toBe(409);
    expect((await harness().call(folderList(searchFolderNodeId('SF000001')))).status).toBe(409);
  });
});
