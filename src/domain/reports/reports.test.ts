import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPLOYMENT_SETTINGS } from '../deployments/deployment-rules';
import type { Client, Deployment } from '../model/site-objects';
import type { SoftwareUpdate } from '../model/software-update';
import { RightsIndex, OBJECT_TYPES, type Grant } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import type { SiteState } from '../site-state';
import { ReportAccessError, ReportParameterError } from './report-context';
import { REPORT_CATALOG } from './report-catalog';
import { reportsOf } from './report-list';
import type { ReportResult, ReportTable } from './report-result';
import { REPORT_DEFS, reportDefOf, reportParameters, reportParameterValues, runReport } from './reports';

/**
 * Each report's query on a small site built by hand, with the figures worked out by hand below.
 *
 * Clients: XP1 and XP2 (Windows XP, Configuration Manager clients, catalog revision 31), XP3 (Windows XP, SMS 2003
 * client, revision 30), SRV1 (Windows Server 2003, Configuration Manager client, revision 31).
 * Collections: All Systems (all four), XP (XP1, XP2, XP3), SRV (SRV1).
 *
 * How the site's counts become states (src/domain/software-updates/client-compliance.ts): clients are ordered by tier
 * (0: the update applies and the client scans for it, 1: an SMS 2003 client and an update synchronized after the
 * upgrade, 2: the rest) and cut into Installed, Required, Unknown, Not Required by the counts. The counts below are
 * chosen so that each tier falls in one band, so no hash decides anything:
 * - U1 Windows XP, new, Required 2 / Unknown 1 / Not Required 1: XP1, XP2 Required; XP3 Unknown; SRV1 Not Required.
 * - U2 Windows XP, new, Installed 2 / Unknown 1 / Not Required 1: XP1, XP2 Installed; XP3 Unknown; SRV1 Not Required.
 * - U3 Windows Server 2003, new, Installed 1 / Unknown 1 / Not Required 2: SRV1 Installed; XP3 Unknown; XP1, XP2 NR.
 * - U4 Windows XP, LEGACY and expired, Required 3 / Not Required 1: XP1-3 Required, SRV1 NR; reported as Not Required.
 * - U5 like U4 but hidden by the LEGACY clean-up script: left out of every Configuration Manager report.
 * - U6 Windows XP, new, not deployed, Required 2 / Unknown 1 / Not Required 1 (like U1).
 */

const ADMIN = 'A\\admin';
const LIMITED = 'A\\limited';
const CLOCK = '2008-12-18T12:00:00Z';

function update(id: string, fields: Partial<SoftwareUpdate>): SoftwareUpdate {
  return {
    id,
    uniqueId: `guid-${id}`,
    title: `Security Update for Windows XP (KB9000${id.slice(1)})`,
    description: '',
    bulletinId: `MS08-0${id.slice(1)}0`,
    articleId: `9000${id.slice(1)}`,
    infoUrl: '',
    applicability: '',
    sourcePath: '',
    vendor: 'Microsoft',
    product: 'Windows XP',
    classification: 'Security Updates',
    severity: 'Critical',
    language: 'English',
    dateReleased: '2008-12-09',
    dateRevised: '2008-12-09',
    sizeKb: 100,
    maxRunTimeMinutes: 10,
    sourceCatalog: 'Microsoft Update',
    existedBeforeUpgrade: false,
    legacy: false,
    expired: false,
    superseded: false,
    supersededBy: null,
    hidden: false,
    deployableToSms2003: true,
    deployed: false,
    downloaded: false,
    compliance: { total: 4, installed: 0, required: 0, notRequired: 0, unknown: 0 },
    ...fields,
  };
}

const client = (id: string, os: string, type: Client['clientType'], revision: number): Client => ({
  id,
  name: id,
  siteCode: 'CEN',
  clientType: type,
  operatingSystem: os,
  catalogRevision: revision,
});

const XP = 'Microsoft Windows XP Professional';
const SERVER = 'Microsoft Windows Server 2003';

const deployment: Deployment = {
  ...DEFAULT_DEPLOYMENT_SETTINGS,
  id: '1',
  name: 'December to XP',
  description: '',
  collectionId: 'COLXP',
  collectionName: 'XP',
  templateId: null,
  createdBy: ADMIN,
  createdAt: CLOCK,
  availableTime: CLOCK,
  deadline: null,
  updateIds: ['U1', 'U2'],
  deploymentPackageId: 'CEN00100',
  languages: ['English'],
  legacyAcknowledged: false,
  sms2003: null,
  expectedInstalls: { U1: 2, U2: 0 },
};

function site(): SiteState {
  return {
    phase: 'configmgr',
    scenario: 'contoso',
    seed: 1,
    scale: { softwareUpdates: 0, clients: 4, distributions: 1 },
    stage: 'configured',
    clock: CLOCK,
    upgradedBy: ADMIN,
    sites: [
      {
        id: 'CEN',
        code: 'CEN',
        name: 'Central',
        serverName: 'CEN-SMS01',
        version: 'Configuration Manager 2007',
        parentCode: null,
        itmuInstalled: true,
      },
    ],
    administrators: [
      { account: ADMIN, story: '' },
      { account: LIMITED, story: '' },
    ],
    clients: [
      client('XP1', XP, 'Configuration Manager 2007', 31),
      client('XP2', XP, 'Configuration Manager 2007', 31),
      client('XP3', XP, 'SMS 2003', 30),
      client('SRV1', SERVER, 'Configuration Manager 2007', 31),
    ],
    collections: [
      {
        id: 'SMS00001',
        name: 'All Systems',
        comment: '',
        membershipRule: '',
        memberCount: 4,
        sms2003ClientCount: 1,
        configMgrClientCount: 3,
      },
      {
        id: 'COLXP',
        name: 'XP',
        comment: '',
        membershipRule: '',
        memberCount: 3,
        sms2003ClientCount: 1,
        configMgrClientCount: 2,
      },
      {
        id: 'COLSRV',
        name: 'SRV',
        comment: '',
        membershipRule: '',
        memberCount: 1,
        sms2003ClientCount: 0,
        configMgrClientCount: 1,
      },
    ],
    collectionMembers: { SMS00001: ['XP1', 'XP2', 'XP3', 'SRV1'], COLXP: ['XP1', 'XP2', 'XP3'], COLSRV: ['SRV1'] },
    scanTools: [],
    softwareUpdates: [
      update('U1', { deployed: true, compliance: { total: 4, installed: 0, required: 2, notRequired: 1, unknown: 1 } }),
      update('U2', {
        deployed: true,
        downloaded: true,
        compliance: { total: 4, installed: 2, required: 0, notRequired: 1, unknown: 1 },
      }),
      update('U3', {
        title: 'Security Update for Windows Server 2003 (KB90003)',
        product: 'Windows Server 2003',
        dateReleased: '2008-11-11',
        compliance: { total: 4, installed: 1, required: 0, notRequired: 2, unknown: 1 },
      }),
      update('U4', {
        title: 'Security Update for Windows XP (KB90004) (LEGACY)',
        dateReleased: '2008-05-13',
        existedBeforeUpgrade: true,
        legacy: true,
        expired: true,
        deployed: true,
        compliance: { total: 4, installed: 0, required: 3, notRequired: 1, unknown: 0 },
      }),
      update('U5', {
        title: 'Security Update for Windows XP (KB90005) (LEGACY)',
        dateReleased: '2008-04-08',
        existedBeforeUpgrade: true,
        legacy: true,
        expired: true,
        hidden: true,
        compliance: { total: 4, installed: 1, required: 2, notRequired: 1, unknown: 0 },
      }),
      update('U6', {
        classification: 'Critical Updates',
        compliance: { total: 4, installed: 0, required: 2, notRequired: 1, unknown: 1 },
      }),
    ],
    updateLists: [
      {
        id: 'UL000001',
        name: 'December',
        description: '',
        createdBy: ADMIN,
        dateCreated: CLOCK,
        updateIds: ['U1', 'U2', 'U3'],
      },
    ],
    deploymentTemplates: [],
    deployments: [deployment],
    sms2003Advertisements: [
      {
        id: 'CEN20001',
        name: 'Security Updates 2008-05',
        packageId: 'CEN00001',
        packageName: 'Security Updates 2008-05',
        programName: 'Software Updates Program',
        collectionId: 'COLXP',
        collectionName: 'XP',
        createdAtSite: 'CEN',
        availableAfter: '2008-05-14T00:00:00Z',
        mandatory: true,
        updateIds: ['U4'],
      },
    ],
    deploymentPackages: [
      {
        id: 'CEN00100',
        name: 'December package',
        description: '',
        sourcePath: '\\\\CEN-SMS01\\Dec',
        createdBy: ADMIN,
        updateIds: ['U2'],
      },
    ],
    searchFolders: [],
    packages: [
      {
        id: 'CEN00001',
        name: 'Security Updates 2008-05',
        manufacturer: 'Microsoft',
        version: '1',
        programName: 'Software Updates Program',
        sourcePath: '\\\\CEN-SMS01\\Gone',
        sourceValid: false,
        contentStatus: 'Content invalidated',
        createdAtSite: 'CEN',
        purpose: 'Software update distribution',
        updateIds: ['U4'],
        migrationNote: 'Migrated',
      },
    ],
    advertisements: [],
    siteSystems: [{ id: 'CEN-SMS01', name: '\\\\CEN-SMS01', siteCode: 'CEN', roles: ['ConfigMgr distribution point'] }],
    softwareUpdatePoint: {
      serverName: 'CEN-SMS01',
      createdAt: CLOCK,
      createdBy: ADMIN,
      products: [],
      classifications: [],
      languages: [],
      lastSynchronizedAt: '2008-12-18T11:00:00Z',
    },
    jobs: [],
    statusMessages: [
      {
        id: '1',
        time: '2008-12-18T10:15:00Z',
        siteCode: 'CEN',
        component: 'Microsoft Updates Tool Sync',
        severity: 'Error',
        messageId: 10006,
        description: 'The catalog synchronization failed (KB 954474).',
        jobId: null,
      },
      {
        id: '2',
        time: '2008-12-18T11:00:00Z',
        siteCode: 'CEN',
        component: 'SMS_WSUS_SYNC_MANAGER',
        severity: 'Informational',
        messageId: 6702,
        description: 'Synchronization done.',
        jobId: null,
      },
    ],
    facts: {
      siteServerUpdates: [],
      itmuCatalogDate: '2008-05-13',
      itmuRemovedAt: null,
      customCatalogRepublishedAt: null,
      legacyScriptRunAt: null,
      otherScanToolUpdatesRemovalAt: null,
      otherScanToolUpdatesRemovedAt: null,
      lastJobNumber: 0,
      lastMessageNumber: 2,
      publishedCustomUpdates: [],
    },
    grants: [],
    setupLog: [{ id: '1', time: '2008-12-18T09:00:00Z', component: 'Setup', message: 'Done' }],
    migrationReport: [],
  };
}

const ALL = ['Read', 'Modify', 'Delete', 'Administer', 'Create', 'Delegate'] as const;
const GRANTS: Grant[] = [
  ...OBJECT_TYPES.map((objectType): Grant => ({ account: ADMIN, objectType, instanceIds: null, rights: [...ALL] })),
  { account: LIMITED, objectType: 'Site', instanceIds: null, rights: ['Read'] },
  { account: LIMITED, objectType: 'Collection', instanceIds: ['COLSRV'], rights: ['Read'] },
  { account: LIMITED, objectType: 'SoftwareUpdate', instanceIds: ['U1', 'U3', 'U4'], rights: ['Read'] },
  { account: LIMITED, objectType: 'UpdateList', instanceIds: ['UL000001'], rights: ['Read'] },
];
const RIGHTS = new RightsIndex(GRANTS);

function run(id: string, params: Record<string, string> = {}, as = ADMIN, state = site(), acknowledge = false) {
  const def = reportDefOf(id);
  if (!def) throw new Error(`no report ${id}`);
  return runReport(state, as, RIGHTS, def, params, acknowledge);
}

/** A table's rows as { id: { column: value } }, for comparing with the figures worked out by hand. */
function cells(result: ReportResult, tableId: string, keys: string[]) {
  const found = result.tables.find((t) => t.id === tableId) as ReportTable;
  expect(found, `table ${tableId}`).toBeDefined();
  return Object.fromEntries(
    found.rows.map((row) => [row.id, Object.fromEntries(keys.map((key) => [key, row.cells[key]]))]),
  );
}

const COUNTS = ['required', 'installed', 'notRequired', 'unknown', 'percentCompliant'];

describe('the Reports node', () => {
  it('lists at least three reports in each of the six categories of the planning topic, in the product’s style', () => {
    const categories = [
      'Software Updates - A. Compliance',
      'Software Updates - B. Deployment Management',
      'Software Updates - C. Deployment States',
      'Software Updates - D. Scan',
      'Software Updates - E. Troubleshooting',
      'Software Updates - F. Distribution Status',
    ];
    for (const category of categories) {
      expect(REPORT_CATALOG.filter((r) => r.category === category).length, category).toBeGreaterThanOrEqual(3);
    }
    expect(reportDefOf('compliance-1')?.name).toBe('Compliance 1 - Overall compliance');
    expect(reportDefOf('compliance-1')?.parameters.map((p) => p.kind)).toEqual(['updateList', 'collection']);
    expect(reportDefOf('compliance-5')?.name).toBe('Compliance 5 - Updates by vendor/month/year');
    expect(
      reportDefOf('compliance-5')
        ?.parameters.filter((p) => p.required)
        .map((p) => p.kind),
    ).toEqual(['collection', 'vendor', 'year']);
  });

  it('has a query for every report, and none before the upgrade', () => {
    expect(REPORT_DEFS.map((d) => d.id)).toEqual(REPORT_CATALOG.map((m) => m.id));
    expect(new Set(REPORT_DEFS.map((d) => d.id)).size).toBe(REPORT_DEFS.length);
    expect(reportsOf({ phase: 'sms2003' })).toEqual([]);
    expect(reportsOf({ phase: 'configmgr' })).toHaveLength(REPORT_DEFS.length);
  });

  it('marks the migrated SMS 2003 reports deprecated, each naming an existing Configuration Manager 2007 report', () => {
    const migrated = REPORT_CATALOG.filter((r) => r.origin !== 'Configuration Manager 2007');
    expect(migrated.length).toBeGreaterThanOrEqual(4);
    expect(migrated.some((r) => r.origin === 'Customized SMS 2003 report')).toBe(true);
    expect(new Set(migrated.map((r) => r.deprecation?.behaviour))).toEqual(new Set(['stale', 'partial', 'fails']));
    for (const report of migrated) {
      const replacement = reportDefOf(report.deprecation?.replacementId ?? '');
      expect(replacement?.origin, report.name).toBe('Configuration Manager 2007');
      expect(report.deprecation?.replacementName).toBe(replacement?.name);
      expect(report.deprecation?.warning).toContain(replacement?.name);
    }
    expect(REPORT_CATALOG.filter((r) => r.origin === 'Configuration Manager 2007').every((r) => !r.deprecation)).toBe(
      true,
    );
  });

  it('links only to reports that exist, with parameters they take', () => {
    const result = run('compliance-1', { updateList: 'UL000001', collection: 'SMS00001' });
    const links = [
      ...result.related.map((r) => r.link),
      ...result.tables.flatMap((t) => t.rows.flatMap((row) => Object.values(row.links ?? {}))),
    ];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const def = reportDefOf(link.reportId);
      expect(def, link.reportId).toBeDefined();
      for (const name of Object.keys(link.params)) expect(def?.parameters.map((p) => p.name)).toContain(name);
    }
  });
});

describe('Software Updates - A. Compliance', () => {
  it('Compliance 1 for All Systems: 1 compliant (SRV1), 2 non-compliant (XP1, XP2), 1 unknown (XP3)', () => {
    const result = run('compliance-1', { updateList: 'UL000001', collection: 'SMS00001' });
    expect(cells(result, 'overall', ['computers', 'percent'])).toEqual({
      compliant: { computers: 1, percent: 25 },
      'non-compliant': { computers: 2, percent: 50 },
      unknown: { computers: 1, percent: 25 },
    });
    // Over All Systems the update rows are the updates' own counts, as Update Repository shows them.
    expect(cells(result, 'updates', COUNTS)).toEqual({
      U1: { required: 2, installed: 0, notRequired: 1, unknown: 1, percentCompliant: 25 },
      U2: { required: 0, installed: 2, notRequired: 1, unknown: 1, percentCompliant: 75 },
      U3: { required: 0, installed: 1, notRequired: 2, unknown: 1, percentCompliant: 75 },
    });
    expect(result.chart?.data.map((d) => d.values.computers)).toEqual([1, 2, 1]);
    expect(result.parameters.map((p) => p.text)).toEqual(['December (UL000001)', 'All Systems (SMS00001)']);
  });

  it('Compliance 1 for one collection counts only its members: XP1, XP2 non-compliant, XP3 unknown', () => {
    const result = run('compliance-1', { updateList: 'UL000001', collection: 'COLXP' });
    expect(cells(result, 'overall', ['computers'])).toEqual({
      compliant: { computers: 0 },
      'non-compliant': { computers: 2 },
      unknown: { computers: 1 },
    });
    expect(cells(result, 'updates', COUNTS)).toEqual({
      U1: { required: 2, installed: 0, notRequired: 0, unknown: 1, percentCompliant: 0 },
      U2: { required: 0, installed: 2, notRequired: 0, unknown: 1, percentCompliant: 67 },
      U3: { required: 0, installed: 0, notRequired: 2, unknown: 1, percentCompliant: 67 },
    });
  });

  it('Compliance 1 never counts what the caller cannot read, and says what it left out', () => {
    // LIMITED reads U1 and U3 (not U2) and only the collection SRV.
    const result = run('compliance-1', { updateList: 'UL000001', collection: 'COLSRV' }, LIMITED);
    expect(Object.keys(cells(result, 'updates', []))).toEqual(['U1', 'U3']);
    expect(cells(result, 'overall', ['computers'])).toEqual({
      compliant: { computers: 1 },
      'non-compliant': { computers: 0 },
      unknown: { computers: 0 },
    });
    expect(result.notes.join(' ')).toContain('1 software update of the update list is not counted');
    expect(() => run('compliance-1', { updateList: 'UL000001', collection: 'COLXP' }, LIMITED)).toThrow(
      new ReportAccessError('A\\limited has no Read right on collection COLXP'),
    );
  });

  it('Compliance 1 refuses a missing or unknown parameter, naming it', () => {
    const refusal = (params: Record<string, string>): [string, string] | null => {
      try {
        run('compliance-1', params);
      } catch (error) {
        if (error instanceof ReportParameterError) return [error.parameter, error.message];
        throw error;
      }
      return null;
    };
    expect(refusal({ collection: 'SMS00001' })).toEqual(['updateList', 'updateList: Update List ID is required']);
    expect(refusal({ updateList: 'UL000001', collection: 'NOPE' })).toEqual([
      'collection',
      'collection: there is no collection with ID NOPE (see Collections for the IDs)',
    ]);
    expect(refusal({ updateList: 'UL000001', collection: 'SMS00001', colection: 'x' })?.[0]).toBe('colection');
  });

  it('Compliance 2 counts one article in a collection', () => {
    const result = run('compliance-2', { articleId: '90001', collection: 'COLXP' });
    expect(cells(result, 'updates', COUNTS)).toEqual({
      U1: { required: 2, installed: 0, notRequired: 0, unknown: 1, percentCompliant: 0 },
    });
  });

  it('Compliance 3 lists the computers of a state, with the updates each requires', () => {
    const result = run('compliance-3', {
      updateList: 'UL000001',
      collection: 'SMS00001',
      complianceState: 'non-compliant',
    });
    expect(cells(result, 'computers', ['required', 'unknown'])).toEqual({
      XP1: { required: 1, unknown: 0 },
      XP2: { required: 1, unknown: 0 },
    });
  });

  it('Compliance 4 gives each update’s state on one computer (an SMS 2003 client: new updates Unknown)', () => {
    const result = run('compliance-4', { computer: 'XP3', year: '2008' });
    expect(cells(result, 'updates', ['state'])).toEqual({
      U1: { state: 'Unknown' },
      U2: { state: 'Unknown' },
      U6: { state: 'Unknown' },
      U3: { state: 'Unknown' },
      // Expired: reported as Not Required.
      U4: { state: 'Not Required' },
    });
  });

  it('Compliance 5 by month: expired updates reported as Not Required, hidden ones left out', () => {
    const result = run('compliance-5', { collection: 'SMS00001', vendor: 'Microsoft', year: '2008' });
    expect(result.chart?.data).toEqual([
      { label: 'May 2008', values: { installed: 0, required: 0, notRequired: 4, unknown: 0 } },
      { label: 'November 2008', values: { installed: 1, required: 0, notRequired: 2, unknown: 1 } },
      { label: 'December 2008', values: { installed: 2, required: 4, notRequired: 3, unknown: 3 } },
    ]);
    expect(Object.keys(cells(result, 'updates', []))).toEqual(['U4', 'U3', 'U1', 'U2', 'U6']);
    expect(result.notes.join(' ')).toContain('1 of these software updates is expired');
    const criticalOnly = run('compliance-5', {
      collection: 'SMS00001',
      vendor: 'Microsoft',
      year: '2008',
      classification: 'Critical Updates',
    });
    expect(Object.keys(cells(criticalOnly, 'updates', []))).toEqual(['U6']);
    expect(() => run('compliance-5', { collection: 'SMS00001', vendor: 'Microsoft', year: '1999' })).toThrow(
      ReportParameterError,
    );
  });

  it('changes as the administrator acts: an update hidden by the LEGACY script leaves Compliance 5', () => {
    const state = site();
    state.softwareUpdates = state.softwareUpdates.map((u) => (u.id === 'U4' ? { ...u, hidden: true } : u));
    const result = run('compliance-5', { collection: 'SMS00001', vendor: 'Microsoft', year: '2008' }, ADMIN, state);
    expect(result.chart?.data.map((d) => d.label)).toEqual(['November 2008', 'December 2008']);
  });
});

describe('Software Updates - B. Deployment Management and C. Deployment States', () => {
  it('Management 1 lists the deployments holding updates of the list', () => {
    const result = run('management-1', { updateList: 'UL000001' });
    expect(cells(result, 'deployments', ['fromList', 'updates'])).toEqual({ '1': { fromList: 2, updates: 2 } });
  });

  it('Management 2 lists required updates no deployment holds, and drops one once it is deployed', () => {
    const result = run('management-2', { collection: 'SMS00001' });
    expect(cells(result, 'updates', ['required'])).toEqual({ U6: { required: 2 } });
    const state = site();
    state.softwareUpdates = state.softwareUpdates.map((u) => (u.id === 'U6' ? { ...u, deployed: true } : u));
    expect(run('management-2', { collection: 'SMS00001' }, ADMIN, state).tables[0]?.rows).toEqual([]);
  });

  it('Management 3 counts the deployment’s updates in its collection', () => {
    const result = run('management-3', { deployment: '1' });
    expect(cells(result, 'updates', ['expected', 'required', 'installed', 'unknown'])).toEqual({
      U1: { expected: 2, required: 2, installed: 0, unknown: 1 },
      U2: { expected: 0, required: 0, installed: 2, unknown: 1 },
    });
  });

  it('Management 4 finds deployments and migrated SMS 2003 advertisements by article', () => {
    expect(Object.keys(cells(run('management-4', { articleId: '90004' }), 'deployments', []))).toEqual([
      'advertisement:CEN20001',
    ]);
    expect(Object.keys(cells(run('management-4', { articleId: '90001' }), 'deployments', []))).toEqual([
      'deployment:1',
    ]);
  });

  it('States 1: XP1 and XP2 pending (U1 required), XP3 unknown (an SMS 2003 client)', () => {
    const result = run('states-1', { deployment: '1' });
    expect(cells(result, 'states', ['computers', 'percent'])).toEqual({
      compliant: { computers: 0, percent: 0 },
      pending: { computers: 2, percent: 67 },
      unknown: { computers: 1, percent: 33 },
    });
    expect(result.notes.join(' ')).toContain('1 of them are SMS 2003 clients');
    expect(result.tables[0]?.rows[1]?.links?.computers).toEqual({
      reportId: 'states-2',
      params: { deployment: '1', deploymentState: 'pending' },
    });
  });

  it('States 2 and States 3 drill down to the computers and each update on one', () => {
    expect(
      Object.keys(cells(run('states-2', { deployment: '1', deploymentState: 'unknown' }), 'computers', [])),
    ).toEqual(['XP3']);
    expect(cells(run('states-3', { deployment: '1', computer: 'XP1' }), 'updates', ['state'])).toEqual({
      U1: { state: 'Required' },
      U2: { state: 'Installed' },
    });
  });

  it('refuses a deployment the caller may not read, and one that does not exist', () => {
    expect(() => run('states-1', { deployment: '1' }, LIMITED)).toThrow(
      new ReportAccessError('A\\limited has no Read right on Deployments'),
    );
    expect(() => run('states-1', { deployment: '7' })).toThrow(ReportParameterError);
  });
});

describe('Software Updates - D. Scan, E. Troubleshooting and F. Distribution Status', () => {
  it('Scan 1: three Configuration Manager clients scanned, one SMS 2003 client on an old catalog', () => {
    const result = run('scan-1', { collection: 'SMS00001' });
    expect(cells(result, 'states', ['computers'])).toEqual({
      completed: { computers: 3 },
      'no-update-point': { computers: 0 },
      'itmu-current': { computers: 0 },
      'itmu-out-of-date': { computers: 1 },
    });
  });

  it('Scan 1 before the software update point synchronized: nothing to scan against', () => {
    const state = { ...site(), softwareUpdatePoint: null };
    expect(cells(run('scan-1', { collection: 'COLXP' }, ADMIN, state), 'states', ['computers'])).toMatchObject({
      'no-update-point': { computers: 2 },
      'itmu-out-of-date': { computers: 1 },
    });
  });

  it('Scan 2 by site, and Scan 3 lists the computers of a scan state', () => {
    expect(cells(run('scan-2'), 'sites', ['completed', 'itmuOutOfDate', 'total'])).toEqual({
      CEN: { completed: 3, itmuOutOfDate: 1, total: 4 },
    });
    expect(
      Object.keys(cells(run('scan-3', { collection: 'SMS00001', scanState: 'itmu-out-of-date' }), 'computers', [])),
    ).toEqual(['XP3']);
  });

  it('Troubleshooting 1, 2 and 3 name the problems and what to do', () => {
    expect(cells(run('troubleshooting-1', { collection: 'SMS00001' }), 'errors', ['computers'])).toEqual({
      'itmu-out-of-date': { computers: 1 },
    });
    expect(Object.keys(cells(run('troubleshooting-2'), 'messages', []))).toEqual(['1']);
    expect(cells(run('troubleshooting-3', { deployment: '1' }), 'issues', ['count'])).toEqual({
      'not-downloaded': { count: 1 },
      'sms2003-clients': { count: 1 },
    });
  });

  it('Distribution Status 1 to 4: packages, their distribution points, a deployment’s content, SMS 2003 sources', () => {
    expect(cells(run('distribution-1'), 'packages', ['updates', 'installed'])).toEqual({
      CEN00100: { updates: 1, installed: 1 },
    });
    expect(Object.keys(cells(run('distribution-2', { deploymentPackage: 'CEN00100' }), 'points', []))).toEqual([
      'CEN00100:CEN-SMS01',
    ]);
    expect(cells(run('distribution-3', { deployment: '1' }), 'content', ['downloaded', 'packages'])).toEqual({
      U1: { downloaded: 'No', packages: null },
      U2: { downloaded: 'Yes', packages: 'December package (CEN00100)' },
    });
    expect(cells(run('distribution-4'), 'packages', ['validation'])).toEqual({ CEN00001: { validation: 'Failed' } });
  });
});

describe('the migrated SMS 2003 reports', () => {
  it('warn first: a deprecated report runs only once its warning is acknowledged', () => {
    expect(() => run('sms2003-compliance-by-bulletin')).toThrow(RuleViolation);
    try {
      run('sms2003-compliance-by-bulletin');
    } catch (error) {
      expect((error as RuleViolation).rule).toBe('deprecated-report');
      expect((error as RuleViolation).message).toContain('Compliance 5 - Updates by vendor/month/year');
    }
  });

  it('stale: the SMS 2003 inventory as the upgrade found it, hidden and expired updates with their old counts', () => {
    const result = run('sms2003-compliance-by-bulletin', {}, ADMIN, site(), true);
    expect(cells(result, 'bulletins', ['required', 'installed'])).toEqual({
      'MS08-050': { required: 2, installed: 1 },
      'MS08-040': { required: 3, installed: 0 },
    });
    expect(result.deprecatedResult).toMatch(/^Stale data/);
  });

  it('partial: only SMS 2003 clients, saying how many Configuration Manager clients it left out', () => {
    const result = run('sms2003-computers-missing-update', { articleId: '90004' }, ADMIN, site(), true);
    expect(Object.values(cells(result, 'computers', ['name']))).toEqual([{ name: 'XP3' }]);
    expect(result.deprecatedResult).toContain('Partial data: only SMS 2003 clients are listed');
    expect(result.deprecatedResult).toContain(' 2 requirements reported by Configuration Manager clients');
  });

  it('fails clearly, naming the report to use instead', () => {
    expect(() => run('sms2003-distribution-status', { sms2003Advertisement: 'CEN20001' }, ADMIN, site(), true)).toThrow(
      /Invalid object name .*Use States 1 - Enforcement states for a deployment instead/,
    );
    expect(() => run('contoso-lon-missing-critical', {}, ADMIN, site(), true)).toThrow(
      /Use Compliance 1 - Overall compliance instead/,
    );
  });
});

describe('parameter pickers', () => {
  it('offer only what the caller may read', () => {
    const def = reportDefOf('compliance-1');
    if (!def) throw new Error('no compliance-1');
    const forAdmin = reportParameters(site(), ADMIN, RIGHTS, def);
    expect(forAdmin[1]?.options?.map((o) => o.value)).toEqual(['SMS00001', 'COLSRV', 'COLXP']);
    const forLimited = reportParameters(site(), LIMITED, RIGHTS, def);
    expect(forLimited[1]?.options?.map((o) => o.value)).toEqual(['COLSRV']);
    const computers = reportParameterValues(
      site(),
      LIMITED,
      RIGHTS,
      reportDefOf('compliance-4') ?? def,
      'computer',
      '',
    );
    expect(computers.map((o) => o.value)).toEqual(['SRV1']);
  });
});
