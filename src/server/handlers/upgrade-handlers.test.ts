import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_IDS } from '@/domain/console-tree/console-tree';
import { ADMIN_HEADER, sessionSchema, type ConsoleTreeNode } from '@/domain/contract/api-contract';
import { fieldOf, RESOURCE_NAMES, RESOURCES } from '@/domain/query/resources';
import { fieldText } from '@/domain/query/fields';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import type { MigrationReportRow, SetupLogLine } from '@/domain/site-state';
import { LEGACY_SUFFIX } from '@/domain/upgrade/legacy-title';
import { preUpgradeChecks } from '@/domain/upgrade/pre-upgrade-checks';
import { Backend } from '../backend';
import { MemorySiteStore } from '../persistence/saved-site';
import { startTestBackend } from '../test-harness';

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
type Item = Record<string, unknown> & { id: string };

const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;
const CONFIGMGR_ONLY = RESOURCE_NAMES.filter((resource) => RESOURCES[resource].configMgrOnly);
const GOOD_UNC = '\\\\CEN-SMS01\\Catalog\\wsusscn2.cab';
/** How the 409 names each list that exists only after the upgrade. */
const NOUNS: Record<string, string> = {
  'update-lists': 'update lists',
  'deployment-templates': 'deployment templates',
  deployments: 'deployments',
  'deployment-packages': 'deployment packages',
  'search-folders': 'search folders',
  'setup-log': 'ConfigMgrSetup.log lines',
  'migration-report': 'migration report rows',
  advertisements: 'advertisements',
  'site-systems': 'site systems',
  'status-messages': 'status messages',
  'deployment-package-access-accounts': 'package access accounts',
  'deployment-package-distribution-points': 'package distribution points',
  reports: 'reports',
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

/** Every item of a list, window by window; fails the test on anything but 200. */
async function listAll(harness: Harness, path: string, admin?: string): Promise<{ items: Item[]; total: number }> {
  const items: Item[] = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let offset = 0; ; offset += 1000) {
    const { status, body } = await harness.call(
      `${path}${separator}offset=${offset}&limit=1000`,
      admin === undefined ? {} : { admin },
    );
    expect(status, JSON.stringify(body.error)).toBe(200);
    items.push(...((body.items ?? []) as Item[]));
    if (items.length >= (body.total ?? 0)) return { items, total: body.total ?? 0 };
  }
}

function allNodes(node: ConsoleTreeNode): ConsoleTreeNode[] {
  return [node, ...node.children.flatMap(allNodes)];
}

const runSetup = (harness: Harness, body: unknown, admin?: string | null) =>
  harness.call('/api/site/upgrade', {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(admin === undefined ? {} : { admin }),
  });

/** What a refused request must leave exactly as it was. */
async function snapshot(harness: Harness) {
  return {
    state: JSON.stringify(harness.backend.state),
    version: harness.backend.version,
    saved: JSON.stringify(await harness.store.load()),
  };
}

/**
 * GET a CSV export: the harness's `call` reads JSON, so this one reads bytes. The body starts with a UTF-8 byte order
 * mark (so that Excel reads it as UTF-8), which `text` leaves out, as a TextDecoder does.
 */
async function exportCsv(path: string, admin: string | null = smsadmin) {
  const headers = new Headers();
  if (admin !== null) headers.set(ADMIN_HEADER, admin);
  const response = await fetch(`http://console.test${path}`, { headers });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { response, text, hasBom };
}

function parseCsv({ text, hasBom }: { text: string; hasBom: boolean }): string[][] {
  expect(hasBom).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------------------------

describe('the Before upgrade stage: the SMS 2003 site, read-only', () => {
  const harness = useHarness({ stage: 'before-upgrade' });

  it('GET /api/session: phase sms2003, the SMS 2003 Software Updates node first, site CEN on SMS 2003 SP3', async () => {
    const { status, body } = await harness().call('/api/session');
    expect(status).toBe(200);
    expect(sessionSchema.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({
      site: { code: 'CEN', name: 'Contoso Central Site', version: 'SMS 2003 SP3' },
      phase: 'sms2003',
      defaultNodeId: 'sms2003/software-updates',
      stage: 'before-upgrade',
      notice: null,
    });
    expect(body.defaultNodeId).toBe(NODE_IDS.sms2003SoftwareUpdates);
    expect(Date.parse(String(body.clock))).toBe(Date.parse(CONTOSO.beforeUpgradeClock));
    expect((body.stages as Array<{ id: string; available: boolean }>).filter((s) => s.available)).toEqual([
      { id: 'before-upgrade', name: 'Before upgrade', available: true },
      { id: 'just-upgraded', name: 'Just upgraded', available: true },
      { id: 'synchronized', name: 'Synchronized', available: true },
      { id: 'configured', name: 'Configured', available: true },
    ]);
  });

  it('GET /api/console-tree is the SMS 2003 Administrator Console’s tree: the NODE_IDS.sms2003* nodes and no other', async () => {
    const { status, body } = await harness().call('/api/console-tree', { admin: auditor });
    expect(status).toBe(200);
    const root = body as unknown as ConsoleTreeNode;
    expect(root.name).toBe('Systems Management Server');
    const ids = allNodes(root).map((node) => node.id);
    const sms2003Ids = Object.values(NODE_IDS).filter((id) => id === 'sms2003' || id.startsWith('sms2003/'));
    expect([...ids].sort()).toEqual([...sms2003Ids].sort());
    const siteDatabase = root.children[0];
    expect(siteDatabase?.name).toBe('Site Database (CEN - Contoso Central Site)');
    expect(siteDatabase?.children.map((node) => [node.id, node.name, node.resource])).toEqual([
      ['sms2003/site-hierarchy', 'Site Hierarchy', 'sites'],
      ['sms2003/collections', 'Collections', 'collections'],
      ['sms2003/packages', 'Packages', 'packages'],
      ['sms2003/advertisements', 'Advertisements', 'sms2003-advertisements'],
      ['sms2003/software-updates', 'Software Updates', 'software-updates'],
    ]);
  });

  it('GET /api/software-updates lists the SMS 2003 updates: active, without " (LEGACY)"', async () => {
    const { items, total } = await listAll(harness(), `/api/software-updates?node=${NODE_IDS.sms2003SoftwareUpdates}`);
    expect(total).toBe(harness().backend.sms2003.updates.length);
    expect(total).toBeGreaterThan(100);
    for (const update of items) {
      expect(String(update.title).endsWith(LEGACY_SUFFIX), String(update.title)).toBe(false);
      expect(update.expired).toBe(false);
      expect(update.legacy).toBe(false);
    }
    const titles = items.map((update) => update.title);
    expect(titles).toContain('Security Update for Windows XP (KB941644)');
    expect(titles).toContain('Contoso Payroll Client 4.2 Hotfix 3');
    // Without `node`, the same list.
    expect((await listAll(harness(), '/api/software-updates')).total).toBe(total);
  });

  it('GET /api/sms2003-advertisements lists every advertisement, LON’s included', async () => {
    const { items } = await listAll(harness(), '/api/sms2003-advertisements');
    expect(items.map((a) => [a.name, a.createdAtSite])).toEqual(
      expect.arrayContaining([
        ['LON Critical Updates 2008-04', 'LON'],
        ['Security Updates 2008-01', 'CEN'],
      ]),
    );
    expect(items).toHaveLength(4);
  });

  it('the resources of Configuration Manager 2007 are deployment-templates, setup-log, migration-report and the other new object types', () => {
    expect(CONFIGMGR_ONLY).toEqual(
      expect.arrayContaining(['deployment-templates', 'setup-log', 'migration-report', 'update-lists']),
    );
  });

  it.each(CONFIGMGR_ONLY)('GET /api/%s is 409 CONFLICT rule site-not-upgraded', async (resource) => {
    const { status, body } = await harness().call(`/api/${resource}`);
    expect(status).toBe(409);
    expect(body.error).toEqual({
      code: 'CONFLICT',
      rule: 'site-not-upgraded',
      message: `Site CEN still runs SMS 2003 SP3: there are no ${NOUNS[resource]} until Setup has upgraded it to Configuration Manager 2007.`,
    });
  });

  it('GET /api/deployment-templates is 409 for CONTOSO\\patchadmin too: the phase is told before the rights', async () => {
    const { status, body } = await harness().call('/api/deployment-templates', { admin: patchadmin });
    expect(status).toBe(409);
    expect((body.error as { rule?: string }).rule).toBe('site-not-upgraded');
  });

  it('GET /api/site/upgrade/checks: the pre-upgrade checks, and CONTOSO\\smsadmin may run Setup', async () => {
    const { status, body } = await harness().call('/api/site/upgrade/checks');
    expect(status).toBe(200);
    expect(body).toEqual({
      checks: preUpgradeChecks(harness().backend.sms2003, 'CEN'),
      canRun: true,
      whyNot: null,
    });
    const checks = body.checks as Array<{ id: string; status: string; detail: string }>;
    expect(checks.map((check) => [check.id, check.status])).toEqual([
      ['site-version', 'Passed'],
      ['upgrade-order', 'Passed'],
      ['package-sources', 'Warning'],
      ['itmu', 'Passed'],
      ['feature-packs', 'Warning'],
      ['distributions', 'Warning'],
    ]);
    expect(checks.find((check) => check.id === 'package-sources')?.detail).toContain(
      '\\\\CEN-SMS01\\PkgSrc$\\OfficeQ1',
    );
    expect(checks.find((check) => check.id === 'distributions')?.detail).toContain('LON Critical Updates 2008-04');
  });

  it.each([patchadmin, lonadmin, auditor])(
    'GET /api/site/upgrade/checks as %s: the checks, but Setup is not theirs to run',
    async (admin) => {
      const { status, body } = await harness().call('/api/site/upgrade/checks', { admin });
      expect(status).toBe(200);
      expect(body.canRun).toBe(false);
      expect(body.whyNot).toBe(`${admin} has no Administer right on site CEN`);
    },
  );

  it('GET /api/site/upgrade/checks without X-Admin is 401', async () => {
    expect((await harness().call('/api/site/upgrade/checks', { admin: null })).status).toBe(401);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('POST /api/site/upgrade: running Setup from the Before upgrade stage', () => {
  const harness = useHarness({ stage: 'before-upgrade' });

  it.each<[string, unknown, string, string]>([
    [
      'a catalogSource that is not internet or local',
      { catalogSource: 'ftp' },
      'catalogSource',
      'catalogSource must be "internet" or "local"',
    ],
    ['no catalogSource', {}, 'catalogSource', 'catalogSource must be "internet" or "local"'],
    [
      'local without localCatalogPath',
      { catalogSource: 'local' },
      'localCatalogPath',
      'localCatalogPath is needed when the catalog comes from a local location',
    ],
    [
      'a localCatalogPath that is not a UNC path',
      { catalogSource: 'local', localCatalogPath: 'C:\\Catalog\\wsusscn2.cab' },
      'localCatalogPath',
      'localCatalogPath: the path must be a UNC path such as \\\\CEN-SMS01\\Catalog\\wsusscn2.cab',
    ],
    [
      'a localCatalogPath of more than 260 characters',
      { catalogSource: 'local', localCatalogPath: `\\\\CEN-SMS01\\${'x'.repeat(260)}` },
      'localCatalogPath',
      'localCatalogPath: the path must be at most 260 characters',
    ],
    ['an unknown field', { catalogSource: 'internet', runBy: patchadmin }, 'body', 'runBy'],
    ['a body that is not JSON', 'not json {', 'body', 'The request body is not valid JSON'],
    ['a JSON array', [], 'body', 'body'],
  ])('%s is 400 BAD_REQUEST naming "%s", and changes nothing', async (_label, requestBody, field, says) => {
    const before = await snapshot(harness());
    const { status, body } = await runSetup(harness(), requestBody);
    expect(status).toBe(400);
    expect(body.error?.code).toBe('BAD_REQUEST');
    expect(body.error?.field).toBe(field);
    expect(body.error?.message).toContain(says);
    expect(await snapshot(harness())).toEqual(before);
  });

  it('is 403 for CONTOSO\\patchadmin, who has no Administer right on site CEN, and changes nothing', async () => {
    const before = await snapshot(harness());
    const { status, body } = await runSetup(harness(), { catalogSource: 'internet' }, patchadmin);
    expect(status).toBe(403);
    expect(body.error).toEqual({
      code: 'FORBIDDEN',
      message: 'CONTOSO\\patchadmin has no Administer right on site CEN',
    });
    expect(await snapshot(harness())).toEqual(before);
  });

  it('is 401 without X-Admin', async () => {
    expect((await runSetup(harness(), { catalogSource: 'internet' }, null)).status).toBe(401);
  });

  it('is 200 for CONTOSO\\smsadmin: the site now runs Configuration Manager 2007', async () => {
    const version = harness().backend.version;
    const { status, body } = await runSetup(harness(), { catalogSource: 'internet' });
    expect(status).toBe(200);
    const session = sessionSchema.parse(body.session);
    expect(session).toMatchObject({
      phase: 'configmgr',
      defaultNodeId: NODE_IDS.updateRepository,
      site: { code: 'CEN', version: 'Configuration Manager 2007' },
      stage: 'before-upgrade',
    });
    expect(Date.parse(session.clock)).toBe(Date.parse('2008-12-18T09:00:00Z'));
    const setupLog = body.setupLog as SetupLogLine[];
    expect(setupLog).toEqual(harness().backend.state.setupLog);
    expect(setupLog[0]?.message).toContain('Setup started by CONTOSO\\smsadmin');
    expect(harness().backend.version).toBe(version + 1);
    expect((await harness().call('/api/session')).body).toEqual(body.session);
  });

  it('makes exactly the Just upgraded site: that stage is Before upgrade plus Setup with its default choices', async () => {
    const justUpgraded = await Backend.start({ store: new MemorySiteStore(), stage: 'just-upgraded' });
    expect(JSON.stringify(harness().backend.state)).toBe(JSON.stringify(justUpgraded.state));
  });

  it('every update is now LEGACY and expired', async () => {
    const { items, total } = await listAll(harness(), '/api/software-updates');
    expect(total).toBe(harness().backend.sms2003.updates.length);
    for (const update of items) {
      expect(String(update.title).endsWith(LEGACY_SUFFIX)).toBe(true);
      expect(update.expired).toBe(true);
    }
  });

  it('the tree is Configuration Manager’s, with ConfigMgrSetup.log and the Migration Report under Site Management', async () => {
    const { body } = await harness().call('/api/console-tree');
    const nodes = allNodes(body as unknown as ConsoleTreeNode);
    expect(nodes[0]?.name).toBe('System Center Configuration Manager');
    expect(nodes.find((node) => node.id === NODE_IDS.setupLog)?.resource).toBe('setup-log');
    expect(nodes.find((node) => node.id === NODE_IDS.migrationReport)?.resource).toBe('migration-report');
    expect(nodes.some((node) => node.id.startsWith('sms2003'))).toBe(false);
  });

  it('GET /api/setup-log lists ConfigMgrSetup.log, line by line', async () => {
    const { items, total } = await listAll(harness(), '/api/setup-log');
    expect(total).toBe(harness().backend.state.setupLog.length);
    expect(total).toBeGreaterThan(10);
    expect(items.map((line) => line.id)).toEqual(items.map((_line, index) => String(index + 1)));
    expect(items.some((line) => String(line.message).startsWith('LON Critical Updates 2008-04: not migrated.'))).toBe(
      true,
    );
    const patchadminView = await listAll(harness(), '/api/setup-log', patchadmin);
    expect(patchadminView.total).toBe(total);
  });

  it('GET /api/migration-report?q=LON%20Critical finds the LON program and advertisement, not migrated, with the reason', async () => {
    const { items } = await listAll(harness(), '/api/migration-report?q=LON%20Critical');
    const rows = items as unknown as MigrationReportRow[];
    const notMigrated = rows.filter((row) => row.outcome === 'Not migrated');
    expect(notMigrated.map((row) => [row.objectKind, row.name, row.sms2003Id])).toEqual([
      [
        'Program',
        'Software Updates Installation (LON Critical Updates 2008-04)',
        'CEN00003:Software Updates Installation',
      ],
      ['Advertisement', 'LON Critical Updates 2008-04', 'LON20001'],
    ]);
    for (const row of notMigrated) expect(row.reason).toContain('was created at child site LON');
    expect(rows.find((row) => row.objectKind === 'Package')?.outcome).toBe('Migrated');
    // CONTOSO\lonadmin reads the LON package, so the rows about its program and advertisement too.
    const lon = await listAll(harness(), '/api/migration-report?q=LON%20Critical', lonadmin);
    expect(lon.items.map((row) => row.objectKind)).toEqual(
      expect.arrayContaining(['Package', 'Program', 'Advertisement']),
    );
  });

  it('a second POST is 409 CONFLICT rule site-already-upgraded, and changes nothing', async () => {
    const before = await snapshot(harness());
    const { status, body } = await runSetup(harness(), { catalogSource: 'local', localCatalogPath: GOOD_UNC });
    expect(status).toBe(409);
    expect(body.error).toEqual({
      code: 'CONFLICT',
      rule: 'site-already-upgraded',
      message: 'Site CEN already runs Configuration Manager 2007: Setup cannot upgrade it again.',
    });
    expect(await snapshot(harness())).toEqual(before);
    const checks = await harness().call('/api/site/upgrade/checks');
    expect(checks.body).toMatchObject({ canRun: false, whyNot: 'Site CEN already runs Configuration Manager 2007.' });
  });

  it('saves the run-setup operation in the log, and a new backend on the same store rebuilds the upgraded site', async () => {
    expect(await harness().store.load()).toMatchObject({
      stage: 'before-upgrade',
      log: [{ type: 'run-setup', runBy: smsadmin, catalogSource: 'internet' }],
    });
    const rebuilt = await Backend.start({ store: harness().store });
    expect(rebuilt.notice).toBeNull();
    expect(JSON.stringify(rebuilt.state)).toBe(JSON.stringify(harness().backend.state));
  });

  it('POST /api/demo/reset {stage:"before-upgrade"} returns to the SMS 2003 site', async () => {
    const { status, body } = await harness().call('/api/demo/reset', {
      method: 'POST',
      body: JSON.stringify({ stage: 'before-upgrade' }),
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ phase: 'sms2003', stage: 'before-upgrade', site: { version: 'SMS 2003 SP3' } });
    expect(await harness().store.load()).toMatchObject({ stage: 'before-upgrade', log: [] });
    expect((await harness().call('/api/setup-log')).status).toBe(409);
    const { items } = await listAll(harness(), '/api/software-updates');
    expect(items.every((update) => !String(update.title).endsWith(LEGACY_SUFFIX) && update.expired === false)).toBe(
      true,
    );
  });
});

describe('POST /api/site/upgrade with the catalog from a local location', () => {
  const harness = useHarness({ stage: 'before-upgrade' });

  it('writes the local location in ConfigMgrSetup.log, and the caller, by the site’s spelling, as who ran Setup', async () => {
    const { status } = await runSetup(
      harness(),
      { catalogSource: 'local', localCatalogPath: GOOD_UNC },
      'contoso\\SMSADMIN',
    );
    expect(status).toBe(200);
    const { items } = await listAll(harness(), `/api/setup-log?q=${encodeURIComponent(GOOD_UNC)}`);
    expect(items.map((line) => line.component)).toEqual(['Inventory Tool for Microsoft Updates']);
    expect(String(items[0]?.message)).toContain(
      `the latest Microsoft Update catalog from the local location ${GOOD_UNC}`,
    );
    expect(harness().backend.state.upgradedBy).toBe(smsadmin);
    expect(await harness().store.load()).toMatchObject({
      log: [{ type: 'run-setup', runBy: smsadmin, catalogSource: 'local', localCatalogPath: GOOD_UNC }],
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('guarded items: the migration report and ConfigMgrSetup.log show each administrator what they may read', () => {
  const harness = useHarness();
  const rowAbout = (kind: string, sms2003Id: string) => {
    const row = harness().backend.state.migrationReport.find((r) => r.objectKind === kind && r.sms2003Id === sms2003Id);
    if (!row) throw new Error(`No row about ${kind} ${sms2003Id}`);
    return row;
  };

  it.each([smsadmin, patchadmin, lonadmin, auditor])(
    'GET /api/migration-report/:id of the LON advertisement answers %s, whose Read on package CEN00003 shows it',
    async (admin) => {
      const row = rowAbout('Advertisement', 'LON20001');
      expect(row.guard).toEqual({ objectType: 'Package', id: 'CEN00003' });
      const { status, body } = await harness().call(`/api/migration-report/${row.id}`, { admin });
      expect(status).toBe(200);
      expect(body.item).toEqual(row);
    },
  );

  it('GET /api/migration-report/:id of a software update row is 403 for CONTOSO\\lonadmin, who reads no update', async () => {
    const row = rowAbout('Software update', harness().backend.sms2003.updates[0]?.key ?? '');
    const { status, body } = await harness().call(`/api/migration-report/${row.id}`, { admin: lonadmin });
    expect(status).toBe(403);
    expect(body.error?.code).toBe('FORBIDDEN');
  });

  // BUG (src/server/handlers/resource-handlers.ts, objectWithRights): for a resource with a `guard` (setup-log,
  // migration-report) the `rights` of GET /api/<resource>/:id are computed as rightsOn(account, def.objectType, id),
  // i.e. on a *site* whose id is the row or line number ("1657"). CONTOSO\patchadmin, auditor and lonadmin, who may
  // read row 1657 through their Read right on package CEN00003, get `"rights": []` with the item they were allowed to
  // read, and CONTOSO\smsadmin gets the Site rights of a site "1657" through his class rights. Expected: the rights on
  // the guard object (here Package CEN00003), which always include Read when the item is answered.
  it('GET /api/migration-report/:id answers the rights the caller holds on the row’s guard object', async () => {
    const row = rowAbout('Advertisement', 'LON20001');
    for (const admin of [patchadmin, lonadmin, auditor]) {
      const { body } = await harness().call(`/api/migration-report/${row.id}`, { admin });
      expect(body.rights, admin).toEqual(harness().backend.rights.rightsOn(admin, 'Package', 'CEN00003'));
      expect(body.rights, admin).toContain('Read');
    }
    const line = await harness().call('/api/setup-log/1', { admin: auditor });
    expect(line.status).toBe(200);
    expect(line.body.rights).toContain('Read');
  });

  // BUG (same function): the 403 for a guarded item names the object type of the resource and the row number, e.g.
  // "CONTOSO\lonadmin has no Read right on site 1" for migration report row 1, although there is no site 1: the right
  // missing is Read on the row's guard, software update 16777217. Expected: the message of missingRightOnObjectMessage
  // for the guard object (by its id, as every other refusal).
  it('a refused migration report row names the object whose Read right is missing', async () => {
    const row = rowAbout('Software update', harness().backend.sms2003.updates[0]?.key ?? '');
    const { body } = await harness().call(`/api/migration-report/${row.id}`, { admin: lonadmin });
    expect(body.error?.message).toBe(`CONTOSO\\lonadmin has no Read right on software update ${row.guard.id}`);
  });

  // BUG (src/domain/upgrade/upgrade-site.ts, the 'Security right' rows of the migration report): every such row is
  // guarded by site CEN, which every administrator may read, but its name and result spell out the SMS 2003 grant,
  // including the names of the distributions it was on ("CONTOSO\patchadmin: all rights on Security Updates 2008-01,
  // Office Security Updates 2008-Q1, ..."). So CONTOSO\lonadmin, who may read only the package LON Critical Updates
  // 2008-04 (GET /api/packages?q=Security finds nothing), finds "Security Updates 2008-01" through
  // GET /api/migration-report?q=Security, against MigrationReportRow.guard's own rule ("a report never reveals what the
  // caller may not read") and scenario-contoso.md. Expected: such a row names only what its guard lets the reader
  // see (e.g. a count of distributions, or one row per distribution guarded by its package).
  it('CONTOSO\\lonadmin finds no row naming a package lonadmin may not read', async () => {
    // The software update distributions lonadmin may not read (scan tools share their packages' names: left out).
    const unreadable = harness()
      .backend.state.packages.filter((p) => p.purpose === 'Software update distribution')
      .filter((p) => !harness().backend.rights.hasRight(lonadmin, 'Package', p.id, 'Read'))
      .map((p) => p.name);
    expect(unreadable).toContain('Security Updates 2008-01');
    expect((await listAll(harness(), '/api/packages?q=Security', lonadmin)).total).toBe(0);
    const { items } = await listAll(harness(), '/api/migration-report', lonadmin);
    const leaks = items.filter((row) =>
      unreadable.some((name) => String(row.name).includes(name) || String(row.result).includes(name)),
    );
    expect(leaks.map((row) => row.name)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('GET /api/export/<resource>.csv', () => {
  const harness = useHarness();
  const columns = ['objectKind', 'name', 'outcome', 'reason'];

  it('exports migration-report.csv?q=LON&columns=objectKind,name,outcome,reason: the captions, then the rows of the list', async () => {
    const csv = await exportCsv(`/api/export/migration-report.csv?q=LON&columns=${columns.join(',')}`);
    const { response, text } = csv;
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="migration-report.csv"');
    expect(text).toContain('\r\n');
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual(['Object Type', 'Name', 'Outcome', 'Reason']);
    const def = RESOURCES['migration-report'];
    const listed = await listAll(harness(), '/api/migration-report?q=LON');
    expect(rows).toEqual(
      listed.items.map((item) => columns.map((key) => fieldText(fieldOf(def, key) ?? def.fields[0]!, item))),
    );
    expect(rows.length).toBeGreaterThan(300);
    expect(rows).toContainEqual([
      'Advertisement',
      'LON Critical Updates 2008-04',
      'Not migrated',
      expect.stringContaining('was created at child site LON'),
    ]);
  });

  it('exports every column by default, and keeps the list’s search, sort and rights', async () => {
    const [header, ...rows] = parseCsv(await exportCsv('/api/export/packages.csv?sort=name:desc', lonadmin));
    expect(header).toEqual(RESOURCES.packages.fields.map((field) => field.caption));
    expect(rows.map((row) => row[0])).toEqual(['LON Critical Updates 2008-04']);
    const all = parseCsv(await exportCsv('/api/export/packages.csv?sort=name:desc')).slice(1);
    const names = all.map((row) => row[0] ?? '');
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'en-US', { sensitivity: 'base' })));
    expect(names).toHaveLength(9);
  });

  // papaparse's escapeFormulae (a cell starting with =, +, -, @, tab or carriage return gets a leading ') cannot be
  // reached through the API yet: no generated object has such a value at any scale, and no operation can name one.
  // The part of the brief that asks for it is left out until an operation can create a named object.

  it.each<[string, string, string]>([
    [
      '/api/export/migration-report.csv?columns=objectKind,nosuch',
      'columns',
      'columns: "nosuch" is not a column of migration-report',
    ],
    [
      '/api/export/migration-report.csv?columns=objectKind,,name',
      'columns',
      'columns must be column keys separated by commas',
    ],
    ['/api/export/nosuch.csv', 'resource', 'resource: "nosuch.csv" is not an export'],
    ['/api/export/migration-report.json', 'resource', 'resource: "migration-report.json" is not an export'],
    ['/api/export/migration-report.csv?sort=nosuch:asc', 'sort', 'sort: "nosuch" is not a column of migration-report'],
  ])('%s is 400 naming "%s"', async (path, field, says) => {
    const { response, text } = await exportCsv(path);
    expect(response.status).toBe(400);
    const body = JSON.parse(text) as { error: { code: string; field: string; message: string } };
    expect(body.error).toMatchObject({ code: 'BAD_REQUEST', field });
    expect(body.error.message).toContain(says);
  });

  it('is 403 where the list is: CONTOSO\\patchadmin and deployment-templates.csv', async () => {
    const { response, text } = await exportCsv('/api/export/deployment-templates.csv', patchadmin);
    expect(response.status).toBe(403);
    const list = await harness().call('/api/deployment-templates', { admin: patchadmin });
    expect(JSON.parse(text)).toEqual(list.body);
  });

  it('is 401 without X-Admin', async () => {
    expect((await exportCsv('/api/export/migration-report.csv', null)).response.status).toBe(401);
  });
});

describe('GET /api/export/<resource>.csv in the Before upgrade stage', () => {
  const harness = useHarness({ stage: 'before-upgrade' });

  it('is 409 CONFLICT rule site-not-upgraded for migration-report.csv, as the list is', async () => {
    const { response, text } = await exportCsv('/api/export/migration-report.csv?q=LON');
    expect(response.status).toBe(409);
    const list = await harness().call('/api/migration-report?q=LON');
    expect(list.status).toBe(409);
    expect(JSON.parse(text)).toEqual(list.body);
  });

  it('exports the SMS 2003 software updates', async () => {
    const [header, ...rows] = parseCsv(await exportCsv('/api/export/software-updates.csv?columns=title,expired'));
    expect(header).toEqual(['Title', 'Expired']);
    expect(rows).toHaveLength(harness().backend.sms2003.updates.length);
    expect(rows.every(([title, expired]) => !title?.endsWith(LEGACY_SUFFIX) && expired === 'No')).toBe(true);
  });
});
