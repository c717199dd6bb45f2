import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposedSoftwareUpdatePoint } from '@/domain/after-upgrade/after-upgrade-actions';
import { SITE_ACTIONS } from '@/domain/after-upgrade/after-upgrade-actions';
import { buildConsoleTree, collectionNodeId, type ConsoleNode } from '@/domain/console-tree/console-tree';
import { DEFAULT_DEPLOYMENT_SETTINGS } from '@/domain/deployments/deployment-rules';
import { ADMIN_HEADER } from '@/domain/contract/api-contract';
import { RESOURCE_NAMES, RESOURCES, type Identified, type ResourceName } from '@/domain/query/resources';
import { canRead, RightsIndex } from '@/domain/rights/rights';
import { securityRightRowId } from '@/domain/rights/security-rights';
import { CONTOSO, type StageId } from '@/domain/scenario/contoso-names';
import { buildContosoStage, DEFAULT_SEED } from '@/domain/scenario/contoso-stage';
import { DEFAULT_SCALE } from '@/domain/scenario/scale';
import type { SiteState } from '@/domain/site-state';
import { createHandlers } from '.';
import { startTestBackend } from '../test-harness';

/**
 * The rights matrix: every endpoint of the handler set, for each of the scenario's administrators, at the stage where
 * it applies, answers with the outcome the Contoso rights table gives (shared/scenario-contoso.md, "Rights right after
 * the upgrade"). Then a property: no list, whatever its node, search or sort, holds an object the caller may not read.
 *
 * The table's columns are CONTOSO\smsadmin, CONTOSO\patchadmin, CONTOSO\lonadmin and CONTOSO\auditor. Every request is
 * valid: what decides the outcome is who asks (403), what the site holds (404) and the rules (409). A refused request
 * must leave the site exactly as it was.
 */

const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;
const ADMINS = [smsadmin, patchadmin, lonadmin, auditor] as const;
const SITE = CONTOSO.sites.central.code;

type Outcome = '2xx' | '403' | '404' | '409';
type Stage = Extract<StageId, 'before-upgrade' | 'just-upgraded' | 'configured'>;
const STAGES: Stage[] = ['before-upgrade', 'just-upgraded', 'configured'];

/** The sites the table's requests are written against (the backends build the same ones: one seed, one scale). */
const SITES: Record<Stage, SiteState> = {
  'before-upgrade': buildContosoStage('before-upgrade', DEFAULT_SEED, DEFAULT_SCALE),
  'just-upgraded': buildContosoStage('just-upgraded', DEFAULT_SEED, DEFAULT_SCALE),
  configured: buildContosoStage('configured', DEFAULT_SEED, DEFAULT_SCALE),
};
const JU = SITES['just-upgraded'];
const CF = SITES.configured;

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The Contoso site has no ${what}`);
  return value;
}
const legacyUpdate = must(
  JU.softwareUpdates.find((u) => u.legacy),
  'LEGACY update',
);
const newUpdate = must(
  CF.softwareUpdates.find((u) => !u.existedBeforeUpgrade),
  'update synchronized after the upgrade',
);
const ms08067 = CF.softwareUpdates.filter((u) => u.bulletinId === 'MS08-067' && !u.legacy && u.language === 'English');
const securityUpdates200801 = must(
  JU.sms2003Advertisements.find((a) => a.name === CONTOSO.distributions.securityUpdates200801),
  'advertisement Security Updates 2008-01',
);
const packageNamed = (name: string) =>
  must(
    JU.packages.find((p) => p.name === name),
    `package ${name}`,
  ).id;
const collectionNamed = (name: string) =>
  must(
    JU.collections.find((c) => c.name === name),
    `collection ${name}`,
  ).id;
const LON_PACKAGE = packageNamed(CONTOSO.distributions.lonCriticalUpdates200804);
const OFFICE_PACKAGE = packageNamed(CONTOSO.distributions.officeSecurityUpdates2008Q1);
const SECURITY_PACKAGE = packageNamed(CONTOSO.distributions.securityUpdates200801);
const SCAN_TOOL_PACKAGE = packageNamed('Microsoft Updates Tool');
const LON_WORKSTATIONS = collectionNamed(CONTOSO.collections.lonWorkstations);
const CEN_PILOT = collectionNamed(CONTOSO.collections.cenPilotWorkstations);
const ITMU_SYNC_ADVERTISEMENT = must(
  JU.advertisements.find((a) => a.name === CONTOSO.collections.microsoftUpdatesToolSync),
  'advertisement Microsoft Updates Tool Sync',
).id;
const lonClient = must(JU.collectionMembers[LON_WORKSTATIONS]?.[0], 'LON Workstations member');
const cenPilotClient = must(JU.collectionMembers[CEN_PILOT]?.[0], 'CEN Pilot Workstations member');
const legacyReportRow = must(
  JU.migrationReport.find((row) => row.guard.objectType === 'SoftwareUpdate' && row.guard.id === legacyUpdate.id),
  'migration report row of a LEGACY update',
);
const firstJob = must(
  JU.jobs.find((job) => job.state === 'Running'),
  'running job',
);
const template = must(CF.deploymentTemplates[0], 'deployment template');
const deployment = must(CF.deployments[0], 'deployment');
const deploymentPackage = must(CF.deploymentPackages[0], 'deployment package');

const templateBody = {
  name: 'Matrix template',
  description: '',
  settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: CEN_PILOT },
};
const deploymentBody = {
  name: 'MS08-067 to the pilot',
  description: '',
  updateIds: ms08067.map((u) => u.id),
  templateId: null,
  settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: CEN_PILOT },
  availableTime: null,
  deadline: null,
  deploymentPackage: {
    kind: 'new',
    name: 'MS08-067',
    description: '',
    sourcePath: '\\\\CEN-SMS01\\PkgSrc$\\Updates\\MS08-067',
  },
  downloadFrom: { kind: 'internet' },
  languages: ['English'],
  acknowledgeLegacy: false,
  saveAsTemplate: null,
};
const { serverName: _server, ...supBody } = proposedSoftwareUpdatePoint(JU);
const templatesForPatchadmin = {
  account: patchadmin,
  objectType: 'DeploymentTemplate',
  instanceIds: null,
  rights: ['Read', 'Create'],
};

interface Row {
  /** As the handler set declares it: method and path pattern. */
  endpoint: string;
  stage: Stage;
  /** The request's path (ids filled in) and body. */
  path: string;
  body?: unknown;
  /** Done by CONTOSO\smsadmin before the request, e.g. making the search folder it changes. */
  setup?: Array<{ method: string; path: string; body?: unknown }>;
  /** smsadmin, patchadmin, lonadmin, auditor. */
  expected: [Outcome, Outcome, Outcome, Outcome];
  /** The row of the rights table (or the rule) that decides it. */
  why: string;
}

const o = (text: string) => text.split(' ') as Row['expected'];
const ALL_2XX = o('2xx 2xx 2xx 2xx');
const SMSADMIN_ONLY = o('2xx 403 403 403');
const MAKE_SEARCH_FOLDER = [{ method: 'POST', path: '/api/search-folders', body: { name: 'Matrix folder' } }];
const MAKE_UPDATE_LIST = [
  { method: 'POST', path: '/api/update-lists', body: { name: 'Matrix list', updateIds: ms08067.map((u) => u.id) } },
];

/** What each resource's list and objects answer, by administrator (GET /api/<resource>, GET /api/<resource>/:id). */
const RESOURCE_ROWS: Array<{
  resource: ResourceName;
  stage: Stage;
  list: Row['expected'];
  objects: Array<[string, Row['expected'], string]>;
  why: string;
}> = [
  {
    resource: 'software-updates',
    stage: 'just-upgraded',
    list: o('2xx 2xx 403 2xx'),
    objects: [
      [legacyUpdate.id, o('2xx 2xx 403 2xx'), 'a LEGACY update: all (class), all (instance), none, Read (instance)'],
    ],
    why: 'software updates that existed before the upgrade: all (class), all (instance, on each), none, Read (instance, on each)',
  },
  {
    resource: 'software-updates',
    stage: 'configured',
    list: o('2xx 2xx 403 2xx'),
    objects: [
      [newUpdate.id, SMSADMIN_ONLY, 'an update synchronized after the upgrade: all (class), none until granted'],
    ],
    why: 'software updates synchronized after the upgrade: all (class), none until granted, none, none until granted',
  },
  {
    resource: 'update-lists',
    stage: 'configured',
    list: SMSADMIN_ONLY,
    objects: [
      [
        'UL999999',
        o('404 403 403 403'),
        'none exist: who may see the type learns it is not there, the others are refused first',
      ],
    ],
    why: 'update lists are new in 2007: all (class) for smsadmin, none until granted for the others',
  },
  {
    resource: 'deployment-templates',
    stage: 'configured',
    list: SMSADMIN_ONLY,
    objects: [[template.id, SMSADMIN_ONLY, 'Workstations - SMS 2003 Clients, created by smsadmin']],
    why: 'deployment templates are new in 2007: "will not have any rights to new object types such as deployment templates"',
  },
  {
    resource: 'deployments',
    stage: 'configured',
    list: SMSADMIN_ONLY,
    objects: [[deployment.id, SMSADMIN_ONLY, 'Critical Updates - December 2008']],
    why: 'deployments are new in 2007',
  },
  {
    resource: 'deployment-packages',
    stage: 'configured',
    list: SMSADMIN_ONLY,
    objects: [[deploymentPackage.id, SMSADMIN_ONLY, 'the package of Critical Updates - December 2008']],
    why: 'deployment packages are new in 2007',
  },
  {
    resource: 'deployment-package-access-accounts',
    stage: 'configured',
    list: SMSADMIN_ONLY,
    objects: [[`${deploymentPackage.id}:Users`, SMSADMIN_ONLY, 'Users - Read on the December 2008 package']],
    why: 'deployment packages are new in 2007 (a package guards its access accounts)',
  },
  {
    resource: 'deployment-package-distribution-points',
    stage: 'configured',
    list: SMSADMIN_ONLY,
    objects: [[`${deploymentPackage.id}:CEN-SMS01`, SMSADMIN_ONLY, 'CEN-SMS01 holding the December 2008 package']],
    why: 'deployment packages are new in 2007 (a package guards its distribution points)',
  },
  {
    resource: 'search-folders',
    stage: 'just-upgraded',
    list: SMSADMIN_ONLY,
    objects: [['SF999999', o('404 403 403 403'), 'none exist yet']],
    why: 'search folders are new in 2007',
  },
  {
    resource: 'sms2003-advertisements',
    stage: 'just-upgraded',
    list: o('2xx 2xx 403 2xx'),
    objects: [[securityUpdates200801.id, o('2xx 2xx 403 2xx'), 'Security Updates 2008-01']],
    why: 'SMS 2003 software update distributions: all (class), all (instance), only the LON package, Read (instance)',
  },
  {
    resource: 'collections',
    stage: 'just-upgraded',
    list: ALL_2XX,
    objects: [
      [LON_WORKSTATIONS, ALL_2XX, 'LON Workstations: lonadmin holds Read on it'],
      [CEN_PILOT, o('2xx 2xx 403 2xx'), 'CEN Pilot Workstations'],
    ],
    why: 'collections: all (class), Read (class), Read on LON Workstations (instance), Read (class)',
  },
  {
    resource: 'packages',
    stage: 'just-upgraded',
    list: ALL_2XX,
    objects: [
      [LON_PACKAGE, ALL_2XX, 'LON Critical Updates 2008-04: lonadmin holds Read, Modify, Distribute'],
      [SECURITY_PACKAGE, o('2xx 2xx 403 2xx'), 'Security Updates 2008-01'],
      [SCAN_TOOL_PACKAGE, SMSADMIN_ONLY, 'a scan tool package is not a software update distribution'],
    ],
    why: 'SMS 2003 software update distributions (package): all, all (instance), LON package only, Read (instance)',
  },
  {
    resource: 'sites',
    stage: 'just-upgraded',
    list: ALL_2XX,
    objects: [
      [SITE, ALL_2XX, 'site CEN: all, Read, Read, Read'],
      [CONTOSO.sites.london.code, SMSADMIN_ONLY, 'site LON: only the class right of the one who ran Setup covers it'],
    ],
    why: 'site CEN: all, Read, Read, Read',
  },
  {
    resource: 'security-rights',
    stage: 'just-upgraded',
    list: ALL_2XX,
    objects: [
      [securityRightRowId(smsadmin, 'Site', null), ALL_2XX, 'a class row: Read on site CEN'],
      [
        securityRightRowId(patchadmin, 'SoftwareUpdate', legacyUpdate.id),
        o('2xx 2xx 403 2xx'),
        'an instance row is shown to those who may read its object (a LEGACY update)',
      ],
    ],
    why: 'site CEN (its settings): Read for everyone',
  },
  {
    resource: 'setup-log',
    stage: 'just-upgraded',
    list: ALL_2XX,
    objects: [['1', ALL_2XX, 'the first line']],
    why: 'site CEN (its Setup): Read for everyone',
  },
  {
    resource: 'migration-report',
    stage: 'just-upgraded',
    list: ALL_2XX,
    objects: [[legacyReportRow.id, o('2xx 2xx 403 2xx'), 'a row is read with the object it became (a LEGACY update)']],
    why: 'site CEN (its Setup): Read for everyone; each row guarded by what it became',
  },
  {
    resource: 'clients',
    stage: 'just-upgraded',
    list: ALL_2XX,
    objects: [
      [lonClient, ALL_2XX, 'a member of LON Workstations'],
      [cenPilotClient, o('2xx 2xx 403 2xx'), 'a member of CEN Pilot Workstations only'],
    ],
    why: 'collections (their members): all, Read (class), Read on LON Workstations, Read (class)',
  },
  {
    resource: 'advertisements',
    stage: 'just-upgraded',
    list: o('2xx 2xx 403 2xx'),
    objects: [[ITMU_SYNC_ADVERTISEMENT, SMSADMIN_ONLY, 'Microsoft Updates Tool Sync: a scan tool advertisement']],
    why: 'advertisements: all (class); instance rights only on the software update distributions',
  },
  {
    resource: 'audit-log',
    stage: 'just-upgraded',
    list: ALL_2XX,
    objects: [
      ['no-such-entry', o('404 404 404 404'), 'none by that id: Read on the site shows which entries there are'],
    ],
    why: 'site CEN (its audit log): Read for everyone; each entry shown with its object (src/domain/audit)',
  },
  {
    resource: 'site-systems',
    stage: 'just-upgraded',
    list: ALL_2XX,
    objects: [[must(JU.siteSystems[0], 'site system').id, ALL_2XX, 'CEN-SMS01']],
    why: 'site CEN (its site systems): Read for everyone',
  },
  {
    resource: 'status-messages',
    stage: 'just-upgraded',
    list: ALL_2XX,
    objects: [[must(JU.statusMessages[0], 'status message').id, ALL_2XX, 'the first message of site CEN']],
    why: 'site CEN (its status): Read for everyone',
  },
  {
    resource: 'reports',
    stage: 'just-upgraded',
    list: ALL_2XX,
    objects: [['compliance-1', ALL_2XX, 'Compliance 1 - Overall compliance']],
    why: 'site CEN (its reports): Read for everyone; what a report counts is narrowed when it runs',
  },
];

const resourceRows: Row[] = RESOURCE_ROWS.flatMap(({ resource, stage, list, objects, why }) => [
  { endpoint: `GET */api/${resource}`, stage, path: `/api/${resource}?limit=5`, expected: list, why },
  // The export and the selection's IDs are the list, as the console shows it: the same rights.
  { endpoint: 'GET */api/export/:file', stage, path: `/api/export/${resource}.csv`, expected: list, why },
  { endpoint: 'GET */api/ids/:resource', stage, path: `/api/ids/${resource}?rows=0-4`, expected: list, why },
  ...objects.map(([id, expected, what]) => ({
    endpoint: `GET */api/${resource}/:id`,
    stage,
    path: `/api/${resource}/${encodeURIComponent(id)}`,
    expected,
    why: `${why}; ${what}`,
  })),
]);

/** The site-wide actions: only smsadmin holds Modify (Administer) on site CEN; the rules decide the rest. */
const SITE_ACTION_OUTCOMES: Record<(typeof SITE_ACTIONS)[number], Row['expected']> = {
  'synchronize-software-updates': o('409 403 403 403'),
  'install-kb954474': SMSADMIN_ONLY,
  'run-microsoft-updates-tool-sync': o('409 403 403 403'),
  'republish-custom-catalog': o('409 403 403 403'),
  'run-legacy-cleanup-script': SMSADMIN_ONLY,
  'upgrade-lon': SMSADMIN_ONLY,
  'remove-itmu': o('409 403 403 403'),
};

const otherRows: Row[] = [
  // The console itself: open to every administrator.
  {
    endpoint: 'GET */api/session',
    stage: 'just-upgraded',
    path: '/api/session',
    expected: ALL_2XX,
    why: 'open: the console lists whom to connect as',
  },
  {
    endpoint: 'POST */api/session/notice/dismiss',
    stage: 'just-upgraded',
    path: '/api/session/notice/dismiss',
    expected: ALL_2XX,
    why: 'any connected administrator',
  },
  {
    endpoint: 'GET */api/console-tree',
    stage: 'just-upgraded',
    path: '/api/console-tree',
    expected: ALL_2XX,
    why: 'each sees the nodes of what they may read',
  },
  {
    endpoint: 'POST */api/demo/reset',
    stage: 'just-upgraded',
    path: '/api/demo/reset',
    body: { stage: 'just-upgraded' },
    expected: ALL_2XX,
    why: 'the demo, not the site: any administrator',
  },
  {
    endpoint: 'GET */api/site/export',
    stage: 'just-upgraded',
    path: '/api/site/export',
    expected: ALL_2XX,
    why: 'the demo file: any administrator',
  },
  {
    endpoint: 'POST */api/site/import',
    stage: 'just-upgraded',
    path: '/api/site/import',
    body: 'EXPORTED_SITE',
    expected: ALL_2XX,
    why: 'the demo file: any administrator',
  },
  {
    endpoint: 'POST */api/site/clock',
    stage: 'just-upgraded',
    path: '/api/site/clock',
    body: { type: 'speed', speed: 600 },
    expected: ALL_2XX,
    why: "the demo's clock: any administrator",
  },
  // The training walkthroughs: a demo tool; a step's node is opened only by who may read it.
  {
    endpoint: 'GET */api/walkthroughs',
    stage: 'just-upgraded',
    path: '/api/walkthroughs',
    expected: ALL_2XX,
    why: 'the walkthroughs and your own progress: any administrator',
  },
  {
    endpoint: 'GET */api/walkthroughs/:id',
    stage: 'just-upgraded',
    path: '/api/walkthroughs/bring-updates-back',
    expected: ALL_2XX,
    why: 'the walkthroughs and your own progress: any administrator',
  },
  {
    endpoint: 'POST */api/walkthroughs/:id/start',
    stage: 'just-upgraded',
    path: '/api/walkthroughs/tour-the-upgrade/start',
    body: {},
    expected: ALL_2XX,
    why: 'starting one resets the demo, as Reset demo does: any administrator',
  },
  {
    endpoint: 'POST */api/walkthroughs/:id/viewed',
    stage: 'just-upgraded',
    path: '/api/walkthroughs/tour-the-upgrade/viewed',
    body: { stepId: 'update-repository', nodeId: 'software-updates/update-repository' },
    expected: o('2xx 409 403 409'),
    why: "Update Repository opened: Read on some software update (lonadmin has none); the step is smsadmin's",
  },
  // Setup.
  {
    endpoint: 'GET */api/site/upgrade/checks',
    stage: 'before-upgrade',
    path: '/api/site/upgrade/checks',
    expected: ALL_2XX,
    why: 'site CEN: Read for everyone',
  },
  {
    endpoint: 'POST */api/site/upgrade',
    stage: 'before-upgrade',
    path: '/api/site/upgrade',
    body: { catalogSource: 'internet' },
    expected: SMSADMIN_ONLY,
    why: 'site CEN (Setup): Administer, smsadmin only',
  },
  {
    endpoint: 'POST */api/site/upgrade',
    stage: 'just-upgraded',
    path: '/api/site/upgrade',
    body: { catalogSource: 'internet' },
    expected: o('409 403 403 403'),
    why: 'the right first, then: already upgraded',
  },
  // Search folders (new in 2007).
  {
    endpoint: 'GET */api/software-updates/facets',
    stage: 'just-upgraded',
    path: '/api/software-updates/facets',
    expected: o('2xx 2xx 403 2xx'),
    why: 'software updates: lonadmin has none',
  },
  {
    endpoint: 'GET */api/search-folders/rights',
    stage: 'just-upgraded',
    path: '/api/search-folders/rights',
    expected: ALL_2XX,
    why: 'says whether one may create them',
  },
  {
    endpoint: 'POST */api/search-folders',
    stage: 'just-upgraded',
    path: '/api/search-folders',
    body: { name: 'Matrix' },
    expected: SMSADMIN_ONLY,
    why: 'search folders: all (class), none until granted',
  },
  {
    endpoint: 'PATCH */api/search-folders/:id',
    stage: 'just-upgraded',
    setup: MAKE_SEARCH_FOLDER,
    path: '/api/search-folders/SF000001',
    body: { name: 'Renamed' },
    expected: SMSADMIN_ONLY,
    why: 'search folders: all (class), none until granted',
  },
  {
    endpoint: 'DELETE */api/search-folders/:id',
    stage: 'just-upgraded',
    setup: MAKE_SEARCH_FOLDER,
    path: '/api/search-folders/SF000001',
    expected: SMSADMIN_ONLY,
    why: 'search folders: all (class), none until granted',
  },
  {
    endpoint: 'DELETE */api/search-folders/:id',
    stage: 'just-upgraded',
    path: '/api/search-folders/SF000099',
    expected: o('404 403 403 403'),
    why: 'none: who may see the type learns so',
  },
  // Reporting > Reports: Read on the site opens them; a parameter naming an object needs Read on that object.
  {
    endpoint: 'GET */api/reports/:id/parameters',
    stage: 'just-upgraded',
    path: '/api/reports/compliance-1/parameters',
    expected: ALL_2XX,
    why: 'site CEN (its reports): Read for everyone; each picker offers what the caller may read',
  },
  {
    endpoint: 'GET */api/reports/:id/values/:parameter',
    stage: 'just-upgraded',
    path: '/api/reports/compliance-4/values/computer?q=LON',
    expected: ALL_2XX,
    why: 'site CEN (its reports): Read for everyone; only computers of readable collections are found',
  },
  {
    endpoint: 'GET */api/reports/:id/run',
    stage: 'just-upgraded',
    path: `/api/reports/scan-1/run?collection=${LON_WORKSTATIONS}`,
    expected: ALL_2XX,
    why: 'LON Workstations: Read for every administrator',
  },
  {
    endpoint: 'GET */api/reports/:id/run',
    stage: 'just-upgraded',
    path: `/api/reports/scan-1/run?collection=${CEN_PILOT}`,
    expected: o('2xx 2xx 403 2xx'),
    why: 'collections: all (class), Read (class), Read on LON Workstations only, Read (class)',
  },
  {
    endpoint: 'GET */api/reports/:id/run',
    stage: 'configured',
    path: `/api/reports/states-1/run?deployment=${deployment.id}`,
    expected: SMSADMIN_ONLY,
    why: 'deployments are new in 2007',
  },
  {
    endpoint: 'GET */api/reports/:id/run',
    stage: 'just-upgraded',
    path: '/api/reports/sms2003-compliance-by-bulletin/run',
    expected: o('409 409 409 409'),
    why: 'a deprecated SMS 2003 report warns first',
  },
  {
    endpoint: 'GET */api/reports/:id/run',
    stage: 'before-upgrade',
    path: '/api/reports/scan-2/run',
    expected: o('409 409 409 409'),
    why: 'no reports before Configuration Manager 2007',
  },
  {
    endpoint: 'GET */api/reports/:id/result.csv',
    stage: 'just-upgraded',
    path: `/api/reports/scan-1/result.csv?collection=${CEN_PILOT}`,
    expected: o('2xx 2xx 403 2xx'),
    why: 'the export is the run: collections as above',
  },
  // The Software Updates home page: read with Read on software updates; summarized with Modify on site CEN.
  {
    endpoint: 'GET */api/homepage-summary',
    stage: 'just-upgraded',
    path: '/api/homepage-summary?vendor=Microsoft&month=3&year=2008',
    expected: o('2xx 2xx 403 2xx'),
    why: 'software updates: lonadmin has none',
  },
  {
    endpoint: 'GET */api/homepage-summary',
    stage: 'before-upgrade',
    path: '/api/homepage-summary',
    expected: o('409 409 403 409'),
    why: 'software updates (lonadmin has none), then: no home page before Configuration Manager 2007',
  },
  {
    endpoint: 'POST */api/homepage-summary/run',
    stage: 'just-upgraded',
    path: '/api/homepage-summary/run',
    body: {},
    expected: SMSADMIN_ONLY,
    why: 'site CEN: Modify, smsadmin only',
  },
  {
    endpoint: 'POST */api/homepage-summary/run',
    stage: 'before-upgrade',
    path: '/api/homepage-summary/run',
    body: {},
    expected: o('409 403 403 403'),
    why: 'the right first, then: not upgraded yet',
  },
  {
    endpoint: 'PUT */api/homepage-summary/schedule',
    stage: 'configured',
    path: '/api/homepage-summary/schedule',
    body: { recurEvery: 2, unit: 'Hours' },
    expected: SMSADMIN_ONLY,
    why: 'site CEN: Modify, smsadmin only',
  },
  // After the upgrade: the site's settings and roles need Modify (Administer for Setup on LON and retiring ITMU).
  {
    endpoint: 'GET */api/site/after-upgrade',
    stage: 'just-upgraded',
    path: '/api/site/after-upgrade',
    expected: ALL_2XX,
    why: 'site CEN: Read for everyone',
  },
  {
    endpoint: 'PUT */api/site/software-update-point',
    stage: 'just-upgraded',
    path: '/api/site/software-update-point',
    body: supBody,
    expected: SMSADMIN_ONLY,
    why: 'site CEN (its roles): all, Read, Read, Read',
  },
  ...SITE_ACTIONS.map((action): Row => ({
    endpoint: 'POST */api/site/actions/:action',
    stage: 'just-upgraded',
    path: `/api/site/actions/${action}`,
    expected: SITE_ACTION_OUTCOMES[action],
    why: `site CEN (${action}): only smsadmin holds the right; then the rules`,
  })),
  // System Center Updates Publisher publishes to the WSUS server of the software update point.
  {
    endpoint: 'POST */api/site/custom-updates',
    stage: 'just-upgraded',
    path: '/api/site/custom-updates',
    body: {
      title: 'Matrix fix',
      description: 'A fix.',
      classification: 'Updates',
      vendor: 'Contoso',
      product: 'Matrix',
    },
    expected: o('409 403 403 403'),
    why: 'site CEN: Modify, smsadmin only; then: no software update point yet',
  },
  {
    endpoint: 'POST */api/site/custom-updates',
    stage: 'configured',
    path: '/api/site/custom-updates',
    body: {
      title: 'Matrix fix',
      description: 'A fix.',
      classification: 'Updates',
      vendor: 'Contoso',
      product: 'Matrix',
    },
    expected: SMSADMIN_ONLY,
    why: 'site CEN: Modify, smsadmin only',
  },
  {
    endpoint: 'GET */api/site/jobs',
    stage: 'just-upgraded',
    path: '/api/site/jobs',
    expected: ALL_2XX,
    why: 'site CEN: Read for everyone',
  },
  {
    endpoint: 'POST */api/site/jobs/:id/cancel',
    stage: 'just-upgraded',
    path: `/api/site/jobs/${firstJob.id}/cancel`,
    expected: SMSADMIN_ONLY,
    why: 'site CEN: Modify, smsadmin only',
  },
  {
    endpoint: 'POST */api/site/jobs/:id/cancel',
    stage: 'just-upgraded',
    path: '/api/site/jobs/99/cancel',
    expected: o('404 404 404 404'),
    why: 'Read on the site shows which jobs there are',
  },
  {
    endpoint: 'POST */api/advertisements/:id/run',
    stage: 'just-upgraded',
    path: `/api/advertisements/${ITMU_SYNC_ADVERTISEMENT}/run`,
    body: { acknowledgeConfigMgrClients: true },
    expected: o('409 403 403 403'),
    why: 'a scan tool advertisement: smsadmin only; Setup already runs it',
  },
  {
    endpoint: 'DELETE */api/sms2003-advertisements/:id',
    stage: 'just-upgraded',
    path: `/api/sms2003-advertisements/${securityUpdates200801.id}`,
    expected: o('2xx 2xx 403 403'),
    why: 'distributions: all, all (instance), none, Read',
  },
  {
    endpoint: 'POST */api/sms2003-advertisements/:id/remove-updates',
    stage: 'just-upgraded',
    path: `/api/sms2003-advertisements/${securityUpdates200801.id}/remove-updates`,
    body: { updateIds: securityUpdates200801.updateIds.slice(0, 1) },
    expected: o('2xx 2xx 403 403'),
    why: 'distributions: all, all (instance), none, Read',
  },
  {
    endpoint: 'PATCH */api/packages/:id',
    stage: 'just-upgraded',
    path: `/api/packages/${OFFICE_PACKAGE}`,
    body: { sourcePath: '\\\\CEN-SMS01\\PkgSrc$\\OfficeQ1New' },
    expected: o('2xx 2xx 403 403'),
    why: 'distributions (package): all, all (instance), none, Read',
  },
  {
    endpoint: 'PATCH */api/packages/:id',
    stage: 'just-upgraded',
    path: `/api/packages/${LON_PACKAGE}`,
    body: { sourcePath: '\\\\CEN-SMS01\\PkgSrc$\\LonNew' },
    expected: o('2xx 2xx 2xx 403'),
    why: 'LON Critical Updates 2008-04: lonadmin holds Modify',
  },
  {
    endpoint: 'POST */api/packages/:id/update-distribution-points',
    stage: 'just-upgraded',
    path: `/api/packages/${LON_PACKAGE}/update-distribution-points`,
    expected: o('2xx 2xx 2xx 403'),
    why: 'LON Critical Updates 2008-04: lonadmin holds Distribute',
  },
  {
    endpoint: 'POST */api/collections/:id/upgrade-clients',
    stage: 'just-upgraded',
    path: `/api/collections/${CEN_PILOT}/upgrade-clients`,
    expected: SMSADMIN_ONLY,
    why: 'collections: Modify is smsadmin’s only',
  },
  {
    endpoint: 'POST */api/collections/:id/upgrade-clients',
    stage: 'just-upgraded',
    path: `/api/collections/${LON_WORKSTATIONS}/upgrade-clients`,
    expected: o('409 403 403 403'),
    why: 'LON clients: only once LON itself is upgraded',
  },
  {
    endpoint: 'GET */api/software-updates/:id/explanation',
    stage: 'just-upgraded',
    path: `/api/software-updates/${legacyUpdate.id}/explanation`,
    expected: o('2xx 2xx 403 2xx'),
    why: 'a LEGACY update: Read for smsadmin, patchadmin, auditor',
  },
  {
    endpoint: 'GET */api/software-updates/:id/explanation',
    stage: 'configured',
    path: `/api/software-updates/${newUpdate.id}/explanation`,
    expected: SMSADMIN_ONLY,
    why: 'a new update: none until granted',
  },
  // A software update's Properties, its Maximum Run Time and the clients behind its compliance counts.
  {
    endpoint: 'GET */api/software-updates/:id/properties',
    stage: 'just-upgraded',
    path: `/api/software-updates/${legacyUpdate.id}/properties`,
    expected: o('2xx 2xx 403 2xx'),
    why: 'a LEGACY update: Read for smsadmin, patchadmin, auditor',
  },
  {
    endpoint: 'GET */api/software-updates/:id/properties',
    stage: 'configured',
    path: `/api/software-updates/${newUpdate.id}/properties`,
    expected: SMSADMIN_ONLY,
    why: 'a new update: none until granted',
  },
  {
    endpoint: 'PUT */api/software-updates/:id/max-run-time',
    stage: 'just-upgraded',
    path: `/api/software-updates/${legacyUpdate.id}/max-run-time`,
    body: { maxRunTimeMinutes: 30 },
    expected: o('2xx 2xx 403 403'),
    why: 'a LEGACY update: all (class), all (instance), none, Read (no Modify)',
  },
  {
    endpoint: 'PUT */api/software-updates/:id/max-run-time',
    stage: 'configured',
    path: `/api/software-updates/${newUpdate.id}/max-run-time`,
    body: { maxRunTimeMinutes: 30 },
    expected: SMSADMIN_ONLY,
    why: 'a new update: none until granted',
  },
  {
    endpoint: 'PUT */api/software-updates/:id/max-run-time',
    stage: 'before-upgrade',
    path: `/api/software-updates/${legacyUpdate.id}/max-run-time`,
    body: { maxRunTimeMinutes: 30 },
    expected: o('409 409 403 403'),
    why: 'the right first, then: the SMS 2003 site has no Maximum Run Time to change',
  },
  {
    endpoint: 'GET */api/software-updates/:id/clients',
    stage: 'just-upgraded',
    path: `/api/software-updates/${legacyUpdate.id}/clients?state=required`,
    expected: o('2xx 2xx 403 2xx'),
    why: 'the update: Read as above; each client listed only through a collection one may read',
  },
  {
    endpoint: 'GET */api/software-updates/:id/clients',
    stage: 'configured',
    path: `/api/software-updates/${newUpdate.id}/clients?state=all`,
    expected: SMSADMIN_ONLY,
    why: 'a new update: none until granted',
  },
  ...(['csv', 'tsv'] as const).map((format): Row => ({
    endpoint: `GET */api/export/software-update-clients.${format}`,
    stage: 'just-upgraded',
    path: `/api/export/software-update-clients.${format}?update=${legacyUpdate.id}&state=all`,
    expected: o('2xx 2xx 403 2xx'),
    why: 'the drill-down as the console shows it: the same rights',
  })),
  // Deployments and templates (new in 2007), in the Configured stage.
  {
    endpoint: 'POST */api/deployments/eligibility',
    stage: 'configured',
    path: '/api/deployments/eligibility',
    body: { updateIds: deploymentBody.updateIds },
    expected: SMSADMIN_ONLY,
    why: 'new updates: none until granted',
  },
  {
    endpoint: 'POST */api/deployments',
    stage: 'configured',
    path: '/api/deployments',
    body: deploymentBody,
    expected: SMSADMIN_ONLY,
    why: 'deployments: all (class), none until granted',
  },
  {
    endpoint: 'POST */api/deployments/:id/disable-sms2003',
    stage: 'configured',
    path: `/api/deployments/${deployment.id}/disable-sms2003`,
    expected: SMSADMIN_ONLY,
    why: 'deployments: all (class), none until granted',
  },
  {
    endpoint: 'POST */api/deployments/:id/disable-sms2003',
    stage: 'configured',
    path: '/api/deployments/999/disable-sms2003',
    expected: o('404 403 403 403'),
    why: 'none: who may see the type learns so',
  },
  {
    endpoint: 'PATCH */api/deployments/:id',
    stage: 'configured',
    path: `/api/deployments/${deployment.id}`,
    body: {
      name: deployment.name,
      description: 'Changed by the matrix',
      availableTime: deployment.availableTime,
      deadline: '2008-12-30T12:00:00Z',
      useUtc: false,
    },
    expected: SMSADMIN_ONLY,
    why: 'deployments (Modify): all (class), none until granted',
  },
  {
    endpoint: 'PATCH */api/deployments/:id',
    stage: 'configured',
    path: '/api/deployments/999',
    body: { name: 'None', description: '', availableTime: deployment.availableTime, deadline: null, useUtc: false },
    expected: o('404 403 403 403'),
    why: 'none: who may see the type learns so',
  },
  {
    endpoint: 'POST */api/deployments/:id/remove-updates',
    stage: 'configured',
    path: `/api/deployments/${deployment.id}/remove-updates`,
    body: { updateIds: deployment.updateIds.slice(0, 1) },
    expected: SMSADMIN_ONLY,
    why: 'deployments (Modify): all (class), none until granted',
  },
  {
    endpoint: 'PATCH */api/collections/:id',
    stage: 'just-upgraded',
    path: `/api/collections/${LON_WORKSTATIONS}`,
    body: { comment: 'Changed by the matrix' },
    expected: SMSADMIN_ONLY,
    why: 'collections (Modify): all (class), Read (class), Read on LON Workstations, Read (class)',
  },
  {
    endpoint: 'PATCH */api/collections/:id',
    stage: 'before-upgrade',
    path: `/api/collections/${CEN_PILOT}`,
    body: { comment: 'Changed by the matrix' },
    expected: o('409 403 403 403'),
    why: 'the SMS 2003 site is read-only in this console; the right is checked first',
  },
  {
    endpoint: 'GET */api/deployment-templates/rights',
    stage: 'configured',
    path: '/api/deployment-templates/rights',
    expected: ALL_2XX,
    why: 'says whether one may create them',
  },
  {
    endpoint: 'POST */api/deployment-templates',
    stage: 'configured',
    path: '/api/deployment-templates',
    body: templateBody,
    expected: SMSADMIN_ONLY,
    why: 'deployment templates: all (class), none until granted',
  },
  {
    endpoint: 'POST */api/deployment-packages/download-eligibility',
    stage: 'configured',
    path: '/api/deployment-packages/download-eligibility',
    body: { updateIds: ms08067.map((u) => u.id) },
    expected: SMSADMIN_ONLY,
    why: 'software updates synchronized after the upgrade: all (class), none until granted',
  },
  {
    endpoint: 'POST */api/deployment-packages/download',
    stage: 'configured',
    path: '/api/deployment-packages/download',
    body: {
      updateIds: ms08067.map((u) => u.id),
      deploymentPackage: { ...deploymentBody.deploymentPackage, distributionPointIds: ['CEN-SMS01'] },
      downloadFrom: { kind: 'internet' },
      languages: ['English'],
    },
    expected: SMSADMIN_ONLY,
    why: 'deployment packages (Create) and synchronized updates (Read): all (class), none until granted',
  },
  {
    endpoint: 'GET */api/deployment-packages/:id/properties',
    stage: 'configured',
    path: `/api/deployment-packages/${deploymentPackage.id}/properties`,
    expected: SMSADMIN_ONLY,
    why: 'deployment packages are new in 2007',
  },
  {
    endpoint: 'PATCH */api/deployment-packages/:id',
    stage: 'configured',
    path: `/api/deployment-packages/${deploymentPackage.id}`,
    body: { name: deploymentPackage.name, description: 'Changed by the rights matrix' },
    expected: SMSADMIN_ONLY,
    why: 'deployment packages: all (class), none until granted',
  },
  {
    endpoint: 'PATCH */api/deployment-templates/:id',
    stage: 'configured',
    path: `/api/deployment-templates/${template.id}`,
    body: { ...templateBody, name: template.name },
    expected: SMSADMIN_ONLY,
    why: 'deployment templates: all (class), none until granted',
  },
  {
    endpoint: 'DELETE */api/deployment-templates/:id',
    stage: 'configured',
    path: `/api/deployment-templates/${template.id}`,
    expected: SMSADMIN_ONLY,
    why: 'deployment templates: all (class), none until granted',
  },
  {
    endpoint: 'DELETE */api/deployment-templates/:id',
    stage: 'configured',
    path: '/api/deployment-templates/DT000099',
    expected: o('404 403 403 403'),
    why: 'none: who may see the type learns so',
  },
  // Update lists (new in 2007), in the Configured stage: MS08-067 is active there.
  {
    endpoint: 'GET */api/update-lists/rights',
    stage: 'configured',
    path: '/api/update-lists/rights',
    expected: ALL_2XX,
    why: 'says whether one may create them',
  },
  {
    endpoint: 'POST */api/update-lists/eligibility',
    stage: 'configured',
    path: '/api/update-lists/eligibility',
    body: { updateIds: ms08067.map((u) => u.id) },
    expected: SMSADMIN_ONLY,
    why: 'new updates: none until granted',
  },
  {
    endpoint: 'POST */api/update-lists',
    stage: 'configured',
    path: '/api/update-lists',
    body: { name: 'Matrix list', updateIds: ms08067.map((u) => u.id) },
    expected: SMSADMIN_ONLY,
    why: 'update lists: all (class), none until granted',
  },
  {
    endpoint: 'POST */api/update-lists',
    stage: 'before-upgrade',
    path: '/api/update-lists',
    body: { name: 'Matrix list', updateIds: ['1'] },
    expected: o('409 409 409 409'),
    why: 'no update lists before the upgrade',
  },
  {
    endpoint: 'POST */api/update-lists/:id/add-updates',
    stage: 'configured',
    path: '/api/update-lists/UL000001/add-updates',
    setup: MAKE_UPDATE_LIST,
    body: { updateIds: ms08067.map((u) => u.id) },
    expected: SMSADMIN_ONLY,
    why: 'update lists: Modify, all (class) for smsadmin, none until granted',
  },
  {
    endpoint: 'POST */api/update-lists/:id/add-updates',
    stage: 'configured',
    path: '/api/update-lists/UL000099/add-updates',
    body: { updateIds: ms08067.map((u) => u.id) },
    expected: o('404 403 403 403'),
    why: 'none: who may see the type learns so',
  },
  {
    endpoint: 'POST */api/update-lists/:id/remove-updates',
    stage: 'configured',
    path: '/api/update-lists/UL000001/remove-updates',
    setup: MAKE_UPDATE_LIST,
    body: { updateIds: ms08067.slice(0, 1).map((u) => u.id) },
    expected: SMSADMIN_ONLY,
    why: 'update lists: Modify, all (class) for smsadmin, none until granted',
  },
  {
    endpoint: 'PATCH */api/update-lists/:id',
    stage: 'configured',
    path: '/api/update-lists/UL000001',
    setup: MAKE_UPDATE_LIST,
    body: { name: 'Matrix list, renamed' },
    expected: SMSADMIN_ONLY,
    why: 'update lists: Modify, all (class) for smsadmin, none until granted',
  },
  {
    endpoint: 'DELETE */api/update-lists/:id',
    stage: 'configured',
    path: '/api/update-lists/UL000001',
    setup: MAKE_UPDATE_LIST,
    expected: SMSADMIN_ONLY,
    why: 'update lists: Delete, all (class) for smsadmin, none until granted',
  },
  {
    endpoint: 'DELETE */api/update-lists/:id',
    stage: 'configured',
    path: '/api/update-lists/UL000099',
    expected: o('404 403 403 403'),
    why: 'none: who may see the type learns so',
  },
  // Security rights: granting needs Administer or Delegate where the rights go.
  {
    endpoint: 'GET */api/security-rights/delegation',
    stage: 'just-upgraded',
    path: '/api/security-rights/delegation',
    expected: ALL_2XX,
    why: 'says whether one may grant',
  },
  {
    endpoint: 'POST */api/security-rights/review',
    stage: 'just-upgraded',
    path: '/api/security-rights/review',
    body: { action: 'grant', ...templatesForPatchadmin },
    expected: ALL_2XX,
    why: 'says why a grant would be refused',
  },
  {
    endpoint: 'POST */api/security-rights/grant',
    stage: 'just-upgraded',
    path: '/api/security-rights/grant',
    body: templatesForPatchadmin,
    expected: SMSADMIN_ONLY,
    why: 'deployment templates: Administer is smsadmin’s only',
  },
  {
    endpoint: 'POST */api/security-rights/grant',
    stage: 'just-upgraded',
    path: '/api/security-rights/grant',
    body: { account: auditor, objectType: 'SoftwareUpdate', instanceIds: [legacyUpdate.id], rights: ['Modify'] },
    expected: o('2xx 2xx 403 403'),
    why: 'a LEGACY update: all (class), all (instance: Administer), none, Read',
  },
  {
    endpoint: 'POST */api/security-rights/grant',
    stage: 'before-upgrade',
    path: '/api/security-rights/grant',
    body: templatesForPatchadmin,
    expected: o('409 409 409 409'),
    why: 'the SMS 2003 site is read-only in this console',
  },
  {
    endpoint: 'POST */api/security-rights/revoke',
    stage: 'just-upgraded',
    path: '/api/security-rights/revoke',
    body: { account: auditor, objectType: 'SoftwareUpdate', instanceIds: [legacyUpdate.id], rights: ['Read'] },
    expected: o('2xx 2xx 403 403'),
    why: 'a LEGACY update: all (class), all (instance: Administer), none, Read',
  },
  {
    endpoint: 'POST */api/security-rights/revoke',
    stage: 'just-upgraded',
    path: '/api/security-rights/revoke',
    body: { account: smsadmin, objectType: 'Site', instanceIds: null, rights: ['Administer'] },
    expected: o('409 403 403 403'),
    why: 'site CEN: the one who ran the upgrade keeps Administer',
  },
];

const TABLE: Row[] = [...resourceRows, ...otherRows];
/** The rows in the order they run: stage by stage, so the site is built again only when a row changed it. */
const BY_STAGE = [...TABLE].sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
/**
 * One backend for the whole file (msw/node intercepts every fetch: two listening backends would answer each other's
 * requests). It is reset to the stage a row needs whenever a row changed it.
 */
let harness: Harness;
let current: { stage: Stage; dirty: boolean };

beforeAll(async () => {
  harness = await startTestBackend({ stage: 'just-upgraded' });
  current = { stage: 'just-upgraded', dirty: false };
});
afterAll(() => harness.stop());

/** A request as the console makes it; a CSV answer (an export) is read as text. */
async function send(admin: string, method: string, path: string, body?: unknown) {
  const headers = new Headers({ [ADMIN_HEADER]: admin });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(`http://console.test${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = (response.headers.get('Content-Type') ?? '').includes('json') ? (JSON.parse(text) as unknown) : null;
  return {
    status: response.status,
    body: (json ?? {}) as { error?: { code: string; message: string }; items?: Identified[] },
  };
}

/** The stage's site as it starts, with the row's setup done. */
async function siteFor(row: Pick<Row, 'stage' | 'setup'>): Promise<void> {
  if (current.dirty || current.stage !== row.stage || row.setup) {
    await harness.backend.reset(row.stage);
    current = { stage: row.stage, dirty: false };
  }
  for (const step of row.setup ?? []) {
    const { status } = await send(smsadmin, step.method, step.path, step.body);
    expect(status, `setup ${step.method} ${step.path}`).toBeLessThan(300);
    current.dirty = true;
  }
}

const outcomeOf = (status: number): Outcome | `other ${number}` =>
  status >= 200 && status < 300
    ? '2xx'
    : status === 403 || status === 404 || status === 409
      ? (String(status) as Outcome)
      : `other ${status}`;

describe('the rights matrix', () => {
  it('covers every endpoint of the handler set', async () => {
    await siteFor({ stage: 'just-upgraded' });
    const declared = createHandlers(harness.backend)
      .map((handler) => handler.info as { method?: unknown; path?: unknown })
      // Not the catch-alls (a path with a broken %-escape, an unknown path) nor handlers that only pass requests on.
      .filter((info) => typeof info.path === 'string' && typeof info.method === 'string' && info.method !== 'ALL')
      .map((info) => `${String(info.method)} ${String(info.path)}`);
    const covered = new Set(TABLE.map((row) => row.endpoint));
    expect(declared.filter((endpoint) => !covered.has(endpoint))).toEqual([]);
    expect([...covered].filter((endpoint) => !declared.includes(endpoint))).toEqual([]);
    expect(declared.length).toBeGreaterThan(60);
  });

  it.each(BY_STAGE.map((row) => [`${row.endpoint} (${row.stage}) ${row.path.slice(0, 70)}`, row] as const))(
    '%s',
    async (_, row) => {
      const answers: string[] = [];
      for (const [index, admin] of ADMINS.entries()) {
        await siteFor(row);
        const before = JSON.stringify(harness.backend.exportSite());
        const body = row.body === 'EXPORTED_SITE' ? harness.backend.exportSite() : row.body;
        const method = row.endpoint.split(' ')[0] as string;
        const { status, body: answer } = await send(admin, method, row.path, body);
        const outcome = outcomeOf(status);
        answers.push(`${admin}: ${outcome}${outcome === '2xx' ? '' : ` ${answer.error?.message ?? ''}`}`);
        if (outcome === '2xx') {
          if (method !== 'GET') current.dirty = true;
        } else {
          // A refusal changes nothing, and says why in DESIGN.md's error body; a 403 names who, which right and what.
          expect(JSON.stringify(harness.backend.exportSite()), `${admin}: a refusal changed the site`).toBe(before);
          expect(answer.error?.message, `${admin}: the refusal says why`).toBeTruthy();
          if (outcome === '403')
            expect(answer.error?.message).toMatch(new RegExp(`^${admin.replace('\\', '\\\\')} has no `));
        }
        if (index === ADMINS.length - 1) {
          expect(
            answers.map((line) => line.split(': ')[1]?.split(' ')[0]),
            `${row.why}\n${answers.join('\n')}`,
          ).toEqual(row.expected);
        }
      }
    },
  );
});

// ---------------------------------------------------------------------------------------------------------------------
// No list holds an object the caller may not read, whatever its node, search or sort.

/** The Configured site after rights changed hands: folders of two owners, grants and a revoke. */
const RIGHTS_CHANGE_HANDS: Array<[string, string, string, unknown]> = [
  [smsadmin, 'POST', '/api/search-folders', { name: 'Critical, by smsadmin', criteria: { severities: ['Critical'] } }],
  [
    smsadmin,
    'POST',
    '/api/security-rights/grant',
    { account: patchadmin, objectType: 'SearchFolder', instanceIds: null, rights: ['Create'] },
  ],
  [patchadmin, 'POST', '/api/search-folders', { name: 'Mine, by patchadmin' }],
  // An update list of new updates, readable by the auditor, who may not read the updates it holds.
  [smsadmin, 'POST', '/api/update-lists', { name: 'MS08-067', updateIds: ms08067.map((u) => u.id) }],
  [
    smsadmin,
    'POST',
    '/api/security-rights/grant',
    { account: auditor, objectType: 'UpdateList', instanceIds: ['UL000001'], rights: ['Read'] },
  ],
  [
    smsadmin,
    'POST',
    '/api/security-rights/grant',
    { account: lonadmin, objectType: 'SoftwareUpdate', instanceIds: ms08067.map((u) => u.id), rights: ['Read'] },
  ],
  [
    smsadmin,
    'POST',
    '/api/security-rights/grant',
    { account: auditor, objectType: 'DeploymentTemplate', instanceIds: [template.id], rights: ['Read'] },
  ],
  [
    smsadmin,
    'POST',
    '/api/security-rights/grant',
    { account: lonadmin, objectType: 'Collection', instanceIds: [CEN_PILOT], rights: ['Read'] },
  ],
  [
    patchadmin,
    'POST',
    '/api/security-rights/revoke',
    { account: auditor, objectType: 'SoftwareUpdate', instanceIds: [legacyUpdate.id], rights: ['Read'] },
  ],
  [
    smsadmin,
    'POST',
    '/api/security-rights/grant',
    { account: lonadmin, objectType: 'Site', instanceIds: [CONTOSO.sites.london.code], rights: ['Read'] },
  ],
];

const PROPERTY_SITES: Array<{ name: string; stage: Stage; steps: typeof RIGHTS_CHANGE_HANDS }> = [
  { name: 'Just upgraded', stage: 'just-upgraded', steps: [] },
  { name: 'Configured', stage: 'configured', steps: [] },
  { name: 'Configured, after rights changed hands', stage: 'configured', steps: RIGHTS_CHANGE_HANDS },
];

describe('no list holds an object the caller may not read', () => {
  /** Every node id of a tree. */
  const nodeIds = (node: ConsoleNode): string[] => [node.id, ...node.children.flatMap(nodeIds)];
  const SOFTWARE_UPDATE_NODES = [
    ...new Set(
      [JU, CF].flatMap((site) =>
        nodeIds(
          buildConsoleTree(site, {
            updates: site.softwareUpdates,
            searchFolders: site.searchFolders,
            collections: site.collections,
          }),
        ),
      ),
    ),
  ].filter((id) => id.startsWith('software-updates'));

  const query = fc.record({
    admin: fc.constantFrom(...ADMINS),
    resource: fc.constantFrom(...RESOURCE_NAMES),
    updateNode: fc.constantFrom(
      ...SOFTWARE_UPDATE_NODES,
      'software-updates/update-repository/search-folders/SF000001',
      'software-updates/update-repository/search-folders/SF000002',
      'software-updates/update-lists/UL000001',
    ),
    collectionNode: fc.option(fc.constantFrom(...JU.collections.map((c) => collectionNodeId(c.id))), {
      nil: undefined,
    }),
    q: fc.oneof(
      fc.constantFrom(
        '',
        'LEGACY',
        'CEN',
        'LON',
        'Security',
        'MS08-0',
        'KB9',
        'Read',
        'patchadmin',
        'Instance',
        'Critical',
        'Workstations',
      ),
      fc.string({ maxLength: 3 }),
    ),
    searchInAll: fc.boolean(),
    sortPick: fc.nat(),
    descending: fc.boolean(),
    offset: fc.constantFrom(0, 0, 0, 50, 200),
  });

  it.each(PROPERTY_SITES)(
    '$name: every resource, node, Look for and sort (RightsIndex over the site decides)',
    async ({ stage, steps }) => {
      await siteFor({ stage });
      for (const [admin, method, path, body] of steps) {
        const { status, body: answer } = await send(admin, method, path, body);
        expect(status, `${admin} ${method} ${path}: ${JSON.stringify(answer.error)}`).toBe(200);
        current.dirty = true;
      }
      const state = harness.backend.state;
      const rights = new RightsIndex(state.grants);
      let checkedItems = 0;
      await fc.assert(
        fc.asyncProperty(query, async (p) => {
          const def = RESOURCES[p.resource];
          const field = def.fields[p.sortPick % def.fields.length] as { key: string };
          const params = new URLSearchParams({
            q: p.q,
            sort: `${field.key}:${p.descending ? 'desc' : 'asc'}`,
            offset: String(p.offset),
            limit: '1000',
          });
          if (!p.searchInAll) params.set('searchIn', field.key);
          const node =
            p.resource === 'software-updates' ? p.updateNode : p.resource === 'clients' ? p.collectionNode : undefined;
          if (node) params.set('node', node);
          const { status, body } = await send(p.admin, 'GET', `/api/${p.resource}?${params.toString()}`);
          expect([200, 400, 403, 409], JSON.stringify(body.error)).toContain(status);
          if (status !== 200) return;
          for (const item of (body.items ?? []) as Identified[]) {
            expect(
              mayReadIndependently(state, rights, p.admin, p.resource, item),
              `${p.admin} ${p.resource} ${item.id}`,
            ).toBe(true);
            checkedItems += 1;
          }
        }),
        { numRuns: 150, seed: 20081218 },
      );
      expect(checkedItems).toBeGreaterThan(300);
    },
  );
});

/**
 * Whether the caller may read an item of a list, decided from the rights table's rules over the site's grants, apart
 * from the server's code: the object itself (or the object it stands for: a log line, a report row, a status message
 * are the site's), a client through any collection holding it the caller may read, a security right through the site
 * (and, for an instance row, its object).
 */
function mayReadIndependently(
  state: SiteState,
  rights: RightsIndex,
  admin: string,
  resource: ResourceName,
  item: Identified,
): boolean {
  const def = RESOURCES[resource];
  switch (resource) {
    case 'clients':
      return Object.entries(state.collectionMembers).some(
        ([collectionId, members]) => members.includes(item.id) && canRead(rights, admin, 'Collection', collectionId),
      );
    case 'security-rights': {
      const row = item as unknown as { objectType: Parameters<typeof canRead>[2]; instanceId: string | null };
      return (
        canRead(rights, admin, 'Site', SITE) &&
        (row.instanceId === null || canRead(rights, admin, row.objectType, row.instanceId))
      );
    }
    default: {
      // A resource whose items say who else may read them (an audit entry: whoever acted) uses its own rule.
      const visibleTo = (def as { visibleTo?: (item: Identified, account: string, rights: RightsIndex) => boolean })
        .visibleTo;
      if (visibleTo) return visibleTo(item, admin, rights);
      const guard = def.guard ? def.guard(item) : { objectType: def.objectType, id: item.id };
      return canRead(rights, admin, guard.objectType, guard.id);
    }
  }
}
