import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_ACTIONS } from '@/domain/after-upgrade/after-upgrade-actions';
import { SUP_CLASSIFICATIONS, SUP_LANGUAGES, SUP_PRODUCTS } from '@/domain/after-upgrade/software-update-point';
import { ADMIN_HEADER } from '@/domain/contract/api-contract';
import { DOWNLOAD_OPTIONS, DURATION_UNITS, SMS2003_LOCAL_DP_OPTIONS } from '@/domain/model/site-objects';
import { RESOURCE_NAMES } from '@/domain/query/resources';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { startTestBackend } from '../test-harness';

/**
 * Fuzzing every endpoint (docs/api.md) with random and malformed parameters and bodies, for every administrator:
 * only 2xx or 4xx answers, never 5xx, and after each refused request the state is byte-for-byte unchanged.
 */

type Harness = Awaited<ReturnType<typeof startTestBackend>>;

interface FuzzRequest {
  method: string;
  path: string;
  admin: string | null;
  contentType: string | null;
  body: string | undefined;
}

const NUM_RUNS = 250;

const ADMINS = ['CONTOSO\\smsadmin', 'CONTOSO\\patchadmin', 'CONTOSO\\lonadmin', 'CONTOSO\\auditor'];
const adminArb: fc.Arbitrary<string | null> = fc.oneof(
  // CONTOSO\smsadmin twice as often as each other administrator: most changes are theirs to make.
  { weight: 6, arbitrary: fc.constantFrom(...ADMINS, 'CONTOSO\\smsadmin') },
  { weight: 1, arbitrary: fc.constantFrom('contoso\\SMSADMIN', 'CONTOSO\\nobody', '', ' ', 'smsadmin', 'CONTOSO\\') },
  // Header values must be ByteStrings without CR/LF: printable ASCII only.
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
  },
  { weight: 1, arbitrary: fc.constant(null) },
);

const hostileStrings = fc.constantFrom(
  '',
  ' ',
  '0',
  '-1',
  '-0',
  '1e3',
  '1.5',
  'NaN',
  'Infinity',
  '99999999999999999999999',
  String(Number.MAX_SAFE_INTEGER),
  '10000001',
  '<script>alert(1)</script>',
  '%00',
  '\u0000',
  'é€😀',
  '\u202e',
  '../../etc/passwd',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  'all',
  'name:asc',
  'name:desc',
  'title:up',
  ':',
  'x'.repeat(5000),
);

/** Ids: valid ones collected from the site, random strings, percent-escapes, very long strings. */
function idArb(validIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: validIds.length ? fc.constantFrom(...validIds) : fc.constant('1') },
    { weight: 2, arbitrary: fc.string().map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('%', '%zz', '%2', '%2F', '%00', '%FF', '%E2%82', '..', '.', '%2e%2e', 'SF000001%20'),
    },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.nat({ max: 20000 }).map((n) => 'a'.repeat(n)) },
    { weight: 1, arbitrary: hostileStrings.map(encodeURIComponent) },
  );
}

const QUERY_KEYS = ['node', 'q', 'searchIn', 'sort', 'offset', 'limit', 'columns', 'rows'];
const queryValueArb = fc.oneof(
  hostileStrings,
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.integer().map(String),
  fc.bigInt().map(String),
  fc.double().map(String),
  fc.constantFrom('0-4,10,12-13', '4-0', '1,,2', '-', 'a-b', 'title,bulletinId', 'name,id', 'nosuch', ','),
);
function queryArb(nodeIds: string[]): fc.Arbitrary<string> {
  const pair = fc.tuple(
    fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: fc.string() }),
    fc.oneof({ weight: 4, arbitrary: queryValueArb }, { weight: 1, arbitrary: fc.constantFrom(...nodeIds) }),
  );
  return fc.oneof(
    fc.array(pair, { maxLength: 5 }).map((pairs) => {
      const params = new URLSearchParams();
      for (const [k, v] of pairs) params.append(k, v);
      const s = params.toString();
      return s ? `?${s}` : '';
    }),
    // Raw, not URL-encoded: broken escapes and the like.
    fc.constantFrom('?', '?&&', '?limit', '?limit=%', '?q=%zz', '?q=%00', '?offset=%2D1', '?=', '?limit=1&limit=2'),
  );
}

const jsonValueArb: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });
const deepArb = fc.nat({ max: 3000 }).map((n) => {
  let v: unknown = {};
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
});
const stageArb = fc.oneof(
  fc.constantFrom('before-upgrade', 'just-upgraded', 'synchronized', 'configured', 'JUST-UPGRADED', ''),
  jsonValueArb,
);
const criteriaArb = fc.oneof(
  fc.record(
    {
      dateReleased: fc.oneof(fc.constantFrom('any', 'last-day', 'last-year', 'yesterday'), jsonValueArb),
      products: fc.oneof(fc.array(fc.constantFrom('Windows XP', 'Office 2003', '')), jsonValueArb),
      severities: fc.oneof(fc.array(fc.constantFrom('Critical', 'Low', 'Bogus')), jsonValueArb),
      classifications: fc.oneof(fc.array(fc.constantFrom('Security Updates', 'Tools', 'x')), jsonValueArb),
      vendors: fc.oneof(fc.array(fc.string()), jsonValueArb),
      articleId: fc.oneof(fc.string(), fc.constantFrom('KB958644', 'x'.repeat(40)), jsonValueArb),
      bulletinId: fc.oneof(fc.string(), fc.constant('MS08'), jsonValueArb),
      expired: fc.oneof(fc.constantFrom('any', 'yes', 'no', 'maybe'), jsonValueArb),
      legacy: fc.constantFrom('any', 'yes', 'no'),
      extra: jsonValueArb,
    },
    { requiredKeys: [] },
  ),
  jsonValueArb,
);
const nameArb = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  hostileStrings,
  fc.constantFrom('Critical', 'critical ', '\t', 'a\nb'),
  jsonValueArb,
);

/** A body as text: valid shapes with random values, wrong types, extra fields, null, arrays, deep nesting, non-JSON. */
function bodyArb(shape: fc.Arbitrary<unknown>): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 6, arbitrary: shape.map((v) => JSON.stringify(v)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(shape, fc.string(), jsonValueArb)
        .map(([v, k, x]) =>
          JSON.stringify(v !== null && typeof v === 'object' && !Array.isArray(v) ? { ...v, [k]: x } : v),
        ),
    },
    { weight: 2, arbitrary: jsonValueArb.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: deepArb.map((v) => JSON.stringify(v)) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.string(),
        fc.constantFrom('', '{', '{"stage":', 'null', '[]', 'undefined', '<xml/>', '\u0000', '{"a":1}}', '"str"'),
      ),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

interface SiteFacts {
  idsByResource: Record<string, string[]>;
  nodeIds: string[];
  siteFile: Record<string, unknown>;
  jobIds: string[];
  /** Software updates worth deploying or refusing: MS08-067, KB890830, LEGACY, another scan tool's, downloaded. */
  deploymentUpdateIds: string[];
}

/** A list drawn from the values offered, with a stranger now and then; or any JSON value. */
function pickedFrom(values: readonly string[], strangers: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.subarray([...values], { minLength: 1 }) },
    {
      weight: 1,
      arbitrary: fc.array(fc.oneof(fc.constantFrom(...values, ...strangers), fc.string()), { maxLength: 4 }),
    },
    { weight: 1, arbitrary: jsonValueArb },
  );
}

/** The bodies of the endpoints of the site after the upgrade (docs/api.md, "After the upgrade"). */
const softwareUpdatePointBodyArb = fc.record(
  {
    serverName: fc.oneof(
      { weight: 3, arbitrary: fc.constant('CEN-SMS01') },
      { weight: 1, arbitrary: fc.constantFrom('cen-sms01', 'LON-SMS01', 'WSUS-01', '') },
      { weight: 1, arbitrary: nameArb },
    ),
    products: pickedFrom(SUP_PRODUCTS, ['Windows 95', 'windows xp', '']),
    classifications: pickedFrom(SUP_CLASSIFICATIONS, ['Drivers', 'security updates']),
    languages: pickedFrom(SUP_LANGUAGES, ['Klingon', 'english']),
  },
  // bodyArb adds the bodies with fields left out, wrong or extra.
  { requiredKeys: ['products', 'classifications', 'languages'] },
);
const clockBodyArb = fc.oneof(
  fc.record(
    { type: fc.constant('speed'), speed: fc.oneof(fc.constantFrom(1, 60, 600, 0, -60, 7, 1e308), jsonValueArb) },
    { requiredKeys: ['type'] },
  ),
  fc.record({ type: fc.constant('pause'), paused: fc.oneof(fc.boolean(), jsonValueArb) }, { requiredKeys: ['type'] }),
  fc.record(
    {
      type: fc.constant('fast-forward'),
      minutes: fc.oneof(fc.integer({ min: -5, max: 60 * 24 * 31 }), fc.double(), jsonValueArb),
    },
    { requiredKeys: ['type'] },
  ),
  fc.constant({ type: 'fast-forward-to-end-of-jobs' }),
  fc.record({ type: fc.oneof(fc.constantFrom('rewind', 'SPEED', ''), jsonValueArb) }),
);
/** POST /api/site/custom-updates: the Create Update Wizard's Information page (docs/api.md, "Custom updates"). */
const customUpdateBodyArb = fc.record(
  {
    title: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('Contoso Fix', '<b>Fix</b>', 'Fix 2') }, nameArb),
    description: fc.oneof(fc.constantFrom('A fix.', 'Line one\nline two', ''), nameArb),
    classification: fc.oneof(fc.constantFrom('Updates', 'Critical Updates', 'Drivers', ''), jsonValueArb),
    vendor: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('Contoso', 'contoso', 'Fabrikam') }, nameArb),
    product: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('Contoso Payroll', 'Fuzz Tool') }, nameArb),
    bulletinId: fc.oneof(fc.constantFrom('', 'CTS-2008-020'), nameArb),
    articleId: fc.oneof(fc.constantFrom('', 'CTS-2008-020'), nameArb),
    severity: fc.oneof(fc.constantFrom('None', 'Critical', 'Urgent'), jsonValueArb),
    infoUrl: fc.oneof(
      fc.constantFrom('', 'http://contoso.com/fix', 'https://x', 'javascript:alert(1)', 'ftp://x', 'http://a b'),
      fc.string(),
      jsonValueArb,
    ),
  },
  { requiredKeys: ['title', 'description', 'classification', 'vendor', 'product'] },
);
const sourcePathArb = fc.oneof(
  fc.constantFrom(
    '\\\\CEN-SMS01\\PkgSrc$\\OfficeQ1',
    '\\\\CEN-SMS01\\PkgSrc$\\OfficeQ1-New',
    '\\\\LON-SMS01\\PkgSrc$\\OfficeQ1',
    'C:\\PkgSrc\\OfficeQ1',
    'not a path',
    '\\\\' + 'x'.repeat(300),
  ),
  fc.string(),
  jsonValueArb,
);

/**
 * The bodies of the deployment endpoints (docs/api.md, "Deployments and deployment templates"). A body is mostly
 * well-formed, so that the requests reach the rights and the domain's rules (and now and then succeed); now and then
 * one of its fields is wrong or left out (and bodyArb adds the rest: extra fields, wrong types, not JSON).
 */
function sometimesBroken(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof(
    { weight: 6, arbitrary: valid },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.nat(), jsonValueArb).map(([value, index, wrong]) => {
        const keys = Object.keys(value);
        return { ...value, [keys[index % keys.length] ?? 'x']: wrong };
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.nat()).map(([value, index]) => {
        const keys = Object.keys(value);
        const copy = { ...value };
        delete copy[keys[index % keys.length] ?? 'x'];
        return copy;
      }),
    },
  );
}
const uncPathArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '\\\\CEN-SMS01\\PkgSrc$\\Updates\\Fuzz',
      '\\\\CEN-SMS01\\Updates',
      '\\\\LON-SMS01\\PkgSrc$\\X',
    ),
  },
  { weight: 1, arbitrary: sourcePathArb },
);
function deploymentSettingsArb(collectionIds: fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> {
  return sometimesBroken(
    fc.record({
      collectionId: fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom('CEN00011', 'SMS000GS', 'SMS000ES', 'CEN00012', 'SMS00001', null) },
        { weight: 1, arbitrary: collectionIds },
      ),
      includeSubCollections: fc.boolean(),
      showNotifications: fc.boolean(),
      useUtc: fc.boolean(),
      duration: fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 1, max: 4 }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 400 }) },
      ),
      durationUnits: fc.constantFrom(...DURATION_UNITS),
      suppressRestartServers: fc.boolean(),
      suppressRestartWorkstations: fc.boolean(),
      allowRestartOutsideMaintenanceWindows: fc.boolean(),
      disableOperationsManagerAlerts: fc.boolean(),
      generateOperationsManagerAlertOnFailure: fc.boolean(),
      slowBoundary: fc.constantFrom(...DOWNLOAD_OPTIONS),
      unprotectedDistributionPoint: fc.constantFrom(...DOWNLOAD_OPTIONS),
      deployToSms2003Clients: fc.boolean(),
      collectInventoryImmediately: fc.boolean(),
      sms2003LocalDistributionPoint: fc.constantFrom(...SMS2003_LOCAL_DP_OPTIONS),
    }),
  );
}
const deploymentNameArb = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 12 }).map((suffix) => `Fuzz ${suffix}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      CONTOSO.deployments.criticalUpdatesDecember2008,
      CONTOSO.templates.serversStandard,
      'workstations - sms 2003 clients',
      'x'.repeat(257),
      '',
      'a\nb',
    ),
  },
);
function deploymentTemplateBodyArb(collectionIds: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return sometimesBroken(
    fc.record({
      name: deploymentNameArb,
      description: fc.oneof(
        { weight: 8, arbitrary: fc.string({ maxLength: 40 }) },
        { weight: 1, arbitrary: fc.constant('d'.repeat(257)) },
      ),
      settings: deploymentSettingsArb(collectionIds),
    }),
  );
}
function createDeploymentBodyArb(facts: SiteFacts, collectionIds: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const templateIds = facts.idsByResource['deployment-templates'] ?? [];
  const updateIds = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.subarray(facts.deploymentUpdateIds, {
        minLength: 1,
        maxLength: Math.min(6, facts.deploymentUpdateIds.length),
      }),
    },
    { weight: 1, arbitrary: pickedFrom(facts.deploymentUpdateIds, ['99999999', '', '16777217']) },
  );
  return sometimesBroken(
    fc.record({
      name: deploymentNameArb,
      description: fc.string({ maxLength: 40 }),
      updateIds,
      templateId: fc.constantFrom(null, null, null, ...templateIds, 'DT000003', 'DT000099'),
      settings: deploymentSettingsArb(collectionIds),
      availableTime: fc.constantFrom(
        null,
        null,
        null,
        '2008-12-18T13:00:00Z',
        '2008-12-01T00:00:00Z',
        '2009-01-01T00:00:00Z',
      ),
      deadline: fc.constantFrom(null, null, '2008-12-25T12:00:00Z', '2008-12-18T09:00:00Z', '2008-12-18T13:30:00Z'),
      deploymentPackage: fc.oneof(
        {
          weight: 6,
          arbitrary: fc.record({
            kind: fc.constant('new'),
            name: fc.oneof(
              { weight: 6, arbitrary: fc.string({ maxLength: 12 }).map((suffix) => `Fuzz package ${suffix}`) },
              { weight: 1, arbitrary: fc.constantFrom('Critical Updates - December 2008', 'p'.repeat(51), '', ' ') },
            ),
            description: fc.oneof(
              { weight: 6, arbitrary: fc.string({ maxLength: 40 }) },
              { weight: 1, arbitrary: fc.constant('d'.repeat(128)) },
            ),
            sourcePath: uncPathArb,
          }),
        },
        {
          weight: 2,
          arbitrary: fc.record({
            kind: fc.constant('existing'),
            id: fc.constantFrom('CEN00010', 'CEN00011', 'CEN00001', 'CEN09999'),
          }),
        },
        { weight: 2, arbitrary: fc.constant(null) },
      ),
      downloadFrom: fc.oneof(
        { weight: 4, arbitrary: fc.constant({ kind: 'internet' }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('network'), path: uncPathArb }) },
      ),
      languages: fc.oneof(
        { weight: 6, arbitrary: fc.subarray(['English', 'German', 'French'], { minLength: 1 }) },
        { weight: 1, arbitrary: pickedFrom(['English', 'German'], ['Klingon', 'english', '']) },
      ),
      acknowledgeLegacy: fc.boolean(),
      saveAsTemplate: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.record({ name: deploymentNameArb, description: fc.string({ maxLength: 20 }) }) },
      ),
    }),
  );
}

function siteFileArb(facts: SiteFacts): fc.Arbitrary<unknown> {
  const file = facts.siteFile;
  const keys = Object.keys(file);
  return fc.oneof(
    fc.constant(file),
    fc.tuple(fc.constantFrom(...keys), jsonValueArb).map(([k, v]) => ({ ...file, [k]: v })),
    fc.tuple(fc.constantFrom(...keys)).map(([k]) => {
      const copy = { ...file };
      delete copy[k];
      return copy;
    }),
    fc
      .tuple(
        fc.oneof(
          fc.record({
            type: fc.constantFrom('run-setup', 'create-search-folder', 'nope'),
            runBy: fc.oneof(fc.constantFrom(...ADMINS), fc.string()),
            catalogSource: fc.constantFrom('internet', 'local', 'ftp'),
          }),
          jsonValueArb,
        ),
      )
      .map(([op]) => ({ ...file, log: [op] })),
    fc.constantFrom('synchronized', 'configured', 'before-upgrade', 'x').map((stage) => ({ ...file, stage })),
  );
}

/** Which requests a suite draws most. */
interface FuzzFocus {
  /** How much more often than the others the deployment endpoints are drawn. */
  deploymentWeight: number;
  /** Leave out Reset demo and Import Site, which replace the whole site (so the stage stays the suite's). */
  keepStage: boolean;
}

/** A random request. */
function requestArb(
  facts: SiteFacts,
  focus: FuzzFocus = { deploymentWeight: 1, keepStage: false },
): fc.Arbitrary<FuzzRequest> {
  const query = queryArb(facts.nodeIds);
  const allIds = Object.values(facts.idsByResource).flat();
  const resource = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...RESOURCE_NAMES) },
    { weight: 1, arbitrary: fc.constantFrom('nosuch', 'Software-Updates', '', 'export', '%00') },
  );
  const resourceAndId = resource.chain((r) =>
    fc.tuple(fc.constant(r), idArb([...(facts.idsByResource[r] ?? []), ...allIds.slice(0, 5)])),
  );
  const folderIds = idArb(
    facts.idsByResource['search-folders']?.length ? facts.idsByResource['search-folders'] : ['SF000001'],
  );
  const anyMethod = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE');
  const idsOf = (resource: string, fallback: string) =>
    idArb(facts.idsByResource[resource]?.length ? (facts.idsByResource[resource] as string[]) : [fallback]);
  const updateIds = idsOf('software-updates', '16777217');
  const sms2003AdvertisementIds = idArb(['CEN20001', 'CEN20002', 'CEN20004', 'LON20001']);
  const advertisementIds = idArb(['CEN2000A', 'CEN2000B', 'CEN2000C', 'CEN2000D', 'CEN2000E']);
  const packageIds = idsOf('packages', 'CEN00002');
  const collectionIds = idsOf('collections', 'CEN00011');
  const jobIds = idArb([...facts.jobIds, 'JOB00001', 'JOB00002', 'JOB00099']);
  const siteActions = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...SITE_ACTIONS) },
    { weight: 1, arbitrary: idArb(['reboot', 'INSTALL-KB954474', 'install-kb954474%20']) },
  );

  type Endpoint = fc.Arbitrary<{ method: string; path: string; body?: string | undefined }>;
  const get = (path: fc.Arbitrary<string>): Endpoint =>
    fc.tuple(path, query).map(([p, q]) => ({ method: 'GET', path: p + q }));
  const withBody = (method: string, path: fc.Arbitrary<string>, shape: fc.Arbitrary<unknown>): Endpoint =>
    fc.tuple(path, query, bodyArb(shape)).map(([p, q, body]) => ({ method, path: p + q, body }));

  const generalEndpoints: Endpoint[] = [
    // The Software Updates home page: its filter, its summarization and its schedule.
    fc
      .tuple(
        fc.constantFrom('Microsoft', 'all', 'Sun Microsystems', '', '<b>x</b>'),
        fc.constantFrom('Security Updates', 'all', 'Patches', ''),
        fc.constantFrom('3', '12', '13', 'all', 'May', '-1'),
        fc.constantFrom('2008', 'all', '08', '99999'),
      )
      .map(([vendor, classification, month, year]) => {
        const filter = `vendor=${encodeURIComponent(vendor)}&classification=${encodeURIComponent(classification)}`;
        return { method: 'GET', path: `/api/homepage-summary?${filter}&month=${month}&year=${year}` };
      }),
    withBody('POST', fc.constant('/api/homepage-summary/run'), fc.oneof(fc.constant({}), jsonValueArb)),
    withBody(
      'PUT',
      fc.constant('/api/homepage-summary/schedule'),
      fc.record({
        recurEvery: fc.oneof(fc.integer({ min: -5, max: 70 }), jsonValueArb),
        unit: fc.constantFrom('Minutes', 'Hours', 'Days', 'Weeks', ''),
      }),
    ),
    // Reporting > Reports: a report's parameter form, the values of a parameter, and runs with random parameters.
    fc
      .tuple(
        fc.constantFrom(
          'compliance-1',
          'compliance-4',
          'compliance-5',
          'states-1',
          'scan-1',
          'sms2003-compliance-by-bulletin',
          'contoso-lon-missing-critical',
          'nosuch',
          '%00',
        ),
        fc.constantFrom('parameters', 'values/computer', 'values/collection', 'values/x', 'run', 'result.csv'),
        fc.array(
          fc.tuple(
            fc.constantFrom(
              'updateList',
              'collection',
              'vendor',
              'year',
              'computer',
              'deployment',
              'acknowledgeDeprecated',
              'q',
              'colour',
            ),
            fc.oneof(
              fc.constantFrom('SMS00001', 'CEN00012', 'UL000001', 'Microsoft', '2008', 'yes', 'CEN-WS00001', '1', ''),
              hostileStrings,
              fc.string({ maxLength: 300 }),
            ),
          ),
          { maxLength: 5 },
        ),
      )
      .map(([id, what, params]) => ({
        method: 'GET',
        path: `/api/reports/${id}/${what}?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`,
      })),
    get(fc.constant('/api/session')),
    withBody('POST', fc.constant('/api/session/notice/dismiss'), jsonValueArb),
    get(fc.constant('/api/console-tree')),
    ...(focus.keepStage
      ? []
      : [withBody('POST', fc.constant('/api/demo/reset'), fc.record({ stage: stageArb }, { requiredKeys: [] }))]),
    get(fc.constant('/api/site/upgrade/checks')),
    withBody(
      'POST',
      fc.constant('/api/site/upgrade'),
      fc.record(
        {
          catalogSource: fc.oneof(fc.constantFrom('internet', 'local', 'ftp', ''), jsonValueArb),
          localCatalogPath: fc.oneof(
            fc.constantFrom(
              '\\\\CEN-SMS01\\Catalog\\wsusscn2.cab',
              'C:\\Catalog\\wsusscn2.cab',
              '\\\\' + 'x'.repeat(300),
            ),
            fc.string(),
            jsonValueArb,
          ),
          runBy: fc.constantFrom(...ADMINS),
        },
        { requiredKeys: [] },
      ),
    ),
    get(fc.constant('/api/site/export')),
    ...(focus.keepStage ? [] : [withBody('POST', fc.constant('/api/site/import'), siteFileArb(facts))]),
    get(resource.map((r) => `/api/${r}`)),
    get(resourceAndId.map(([r, id]) => `/api/${r}/${id}`)),
    get(fc.constant('/api/software-updates/facets')),
    get(fc.constant('/api/search-folders/rights')),
    // Update lists (update-list-handlers.ts): the wizard's questions, making, changing and deleting a list.
    get(fc.constant('/api/update-lists/rights')),
    ...['/api/update-lists/eligibility', '/api/update-lists'].map((path) =>
      withBody(
        'POST',
        fc.constant(path),
        fc.record(
          { name: nameArb, description: fc.oneof(fc.string(), jsonValueArb), updateIds: fc.array(updateIds) },
          { requiredKeys: [] },
        ),
      ),
    ),
    ...['add-updates', 'remove-updates'].map((change) =>
      withBody(
        'POST',
        idsOf('update-lists', 'UL000001').map((id) => `/api/update-lists/${id}/${change}`),
        fc.record({ updateIds: fc.oneof(fc.array(updateIds), jsonValueArb) }, { requiredKeys: [] }),
      ),
    ),
    withBody(
      'PATCH',
      idsOf('update-lists', 'UL000001').map((id) => `/api/update-lists/${id}`),
      fc.record({ name: nameArb, description: fc.oneof(fc.string(), jsonValueArb) }, { requiredKeys: [] }),
    ),
    withBody(
      'DELETE',
      idsOf('update-lists', 'UL000001').map((id) => `/api/update-lists/${id}`),
      jsonValueArb,
    ),
    withBody(
      'POST',
      fc.constant('/api/search-folders'),
      fc.record({ name: nameArb, criteria: criteriaArb }, { requiredKeys: [] }),
    ),
    withBody(
      'PATCH',
      folderIds.map((id) => `/api/search-folders/${id}`),
      fc.record({ name: nameArb, criteria: criteriaArb }, { requiredKeys: [] }),
    ),
    withBody(
      'DELETE',
      folderIds.map((id) => `/api/search-folders/${id}`),
      jsonValueArb,
    ),
    get(fc.tuple(resource, fc.constantFrom('.csv', '.tsv', '.txt', '')).map(([r, ext]) => `/api/export/${r}${ext}`)),
    // After the upgrade: the software update point, site actions, jobs, the clock and the actions on objects.
    get(fc.constant('/api/site/after-upgrade')),
    withBody('PUT', fc.constant('/api/site/software-update-point'), softwareUpdatePointBodyArb),
    withBody(
      'POST',
      siteActions.map((action) => `/api/site/actions/${action}`),
      fc.oneof(fc.constant({}), jsonValueArb),
    ),
    get(fc.constant('/api/site/jobs')),
    withBody('POST', fc.constant('/api/site/custom-updates'), customUpdateBodyArb),
    withBody(
      'POST',
      jobIds.map((id) => `/api/site/jobs/${id}/cancel`),
      jsonValueArb,
    ),
    withBody('POST', fc.constant('/api/site/clock'), clockBodyArb),
    withBody(
      'POST',
      advertisementIds.map((id) => `/api/advertisements/${id}/run`),
      fc.record(
        {
          collectionId: fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom('CEN00010', 'CEN00011', 'CEN00012', 'SMS00001') },
            { weight: 1, arbitrary: collectionIds },
            { weight: 1, arbitrary: jsonValueArb },
          ),
          acknowledgeConfigMgrClients: fc.oneof(fc.boolean(), jsonValueArb),
        },
        { requiredKeys: [] },
      ),
    ),
    withBody(
      'DELETE',
      sms2003AdvertisementIds.map((id) => `/api/sms2003-advertisements/${id}`),
      jsonValueArb,
    ),
    withBody(
      'POST',
      sms2003AdvertisementIds.map((id) => `/api/sms2003-advertisements/${id}/remove-updates`),
      fc.record({
        updateIds: fc.oneof(
          fc.array(
            fc.oneof(
              { weight: 3, arbitrary: fc.constantFrom('16777302', '16777323', '16777324', '16777267') },
              { weight: 1, arbitrary: updateIds },
            ),
            { minLength: 1, maxLength: 3 },
          ),
          jsonValueArb,
        ),
      }),
    ),
    withBody(
      'PATCH',
      packageIds.map((id) => `/api/packages/${id}`),
      fc.record({ sourcePath: sourcePathArb }),
    ),
    withBody(
      'POST',
      packageIds.map((id) => `/api/packages/${id}/update-distribution-points`),
      jsonValueArb,
    ),
    withBody(
      'POST',
      collectionIds.map((id) => `/api/collections/${id}/upgrade-clients`),
      jsonValueArb,
    ),
    get(updateIds.map((id) => `/api/software-updates/${id}/explanation`)),
    // A software update's Properties, Maximum Run Time and compliance drill-down (software-update-handlers.ts).
    get(updateIds.map((id) => `/api/software-updates/${id}/properties`)),
    get(updateIds.map((id) => `/api/software-updates/${id}/clients`)),
    get(fc.constantFrom('/api/export/software-update-clients.csv', '/api/export/software-update-clients.tsv')),
    withBody(
      'PUT',
      updateIds.map((id) => `/api/software-updates/${id}/max-run-time`),
      fc.record(
        { maxRunTimeMinutes: fc.oneof(fc.integer({ min: -10, max: 20_000 }), jsonValueArb) },
        { requiredKeys: [] },
      ),
    ),
    // Security Rights: granting, revoking and the dialogs' review (src/server/handlers/security-rights-handlers.ts).
    get(fc.constant('/api/security-rights/delegation')),
    ...['grant', 'revoke', 'review'].map((action) =>
      withBody(
        'POST',
        fc.constant(`/api/security-rights/${action}`),
        fc.record(
          {
            action: fc.oneof(fc.constantFrom('grant', 'revoke'), jsonValueArb),
            account: fc.oneof(fc.constantFrom(...ADMINS, 'contoso\\AUDITOR', 'CONTOSO\\nobody'), jsonValueArb),
            objectType: fc.oneof(
              fc.constantFrom('DeploymentTemplate', 'SoftwareUpdate', 'Collection', 'Package', 'Site', 'Printer'),
              jsonValueArb,
            ),
            instanceIds: fc.oneof(
              fc.constant(null),
              fc.array(fc.oneof(updateIds, fc.constantFrom('CEN', 'CEN00003', 'CEN00011', 'DT000001')), {
                maxLength: 3,
              }),
              jsonValueArb,
            ),
            rights: fc.oneof(
              fc.subarray(['Read', 'Modify', 'Delete', 'Administer', 'Create', 'Delegate', 'Distribute', 'Fly']),
              jsonValueArb,
            ),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
    // The walkthroughs (walkthrough-handlers.ts); a start resets the site, so only an unknown one is started here.
    get(fc.constantFrom('/api/walkthroughs', '/api/walkthroughs/tour-the-upgrade', '/api/walkthroughs/nosuch')),
    withBody('POST', fc.constant('/api/walkthroughs/nosuch/start'), jsonValueArb),
    withBody(
      'POST',
      fc.constantFrom('/api/walkthroughs/tour-the-upgrade/viewed', '/api/walkthroughs/bring-updates-back/viewed'),
      fc.record(
        {
          stepId: fc.oneof(fc.constantFrom('update-repository', 'packages', 'itmu-failure', 'nosuch'), jsonValueArb),
          nodeId: fc.oneof(
            fc.constantFrom('software-updates/update-repository', 'system-status/status-messages', 'sms2003'),
            jsonValueArb,
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    // Wrong methods and unknown paths.
    fc
      .tuple(
        anyMethod,
        fc.constantFrom(
          '/api/session',
          '/api/console-tree',
          '/api/site/upgrade',
          '/api/nosuch',
          '/api/',
          '/api/software-updates',
          '/api/site/after-upgrade',
          '/api/site/software-update-point',
          '/api/site/actions/install-kb954474',
          '/api/site/jobs',
          '/api/site/clock',
          '/api/advertisements/CEN2000B/run',
          '/api/packages/CEN00002',
        ),
        bodyArb(jsonValueArb),
      )
      .map(([method, path, body]) => ({ method, path, body: method === 'GET' ? undefined : body })),
  ];

  // Deployments and deployment templates: the Deploy Software Updates Wizard and the Deployment Template Wizard.
  const deploymentIds = idArb([...(facts.idsByResource.deployments ?? []), '1', '2', '99']);
  const templateIds = idArb([...(facts.idsByResource['deployment-templates'] ?? []), 'DT000001', 'DT000003']);
  const templateBody = deploymentTemplateBodyArb(collectionIds);
  const deploymentBody = createDeploymentBodyArb(facts, collectionIds);
  const asIs = (method: string, path: fc.Arbitrary<string>, shape: fc.Arbitrary<unknown>): Endpoint =>
    fc.tuple(path, shape).map(([p, body]) => ({ method, path: p, body: JSON.stringify(body) }));
  const deploymentEndpoints: Endpoint[] = [
    withBody(
      'POST',
      fc.constant('/api/deployments/eligibility'),
      fc.record({ updateIds: pickedFrom(facts.deploymentUpdateIds, ['99999999', '']) }),
    ),
    withBody('POST', fc.constant('/api/deployments'), deploymentBody),
    // The same bodies as they are, without bodyArb's damage: more of them reach the rules, and some succeed.
    asIs('POST', fc.constant('/api/deployments'), deploymentBody),
    asIs('POST', fc.constant('/api/deployment-templates'), templateBody),
    asIs(
      'PATCH',
      templateIds.map((id) => `/api/deployment-templates/${id}`),
      templateBody,
    ),
    withBody(
      'POST',
      deploymentIds.map((id) => `/api/deployments/${id}/disable-sms2003`),
      fc.oneof(fc.constant({}), jsonValueArb),
    ),
    get(fc.constant('/api/deployment-templates/rights')),
    withBody('POST', fc.constant('/api/deployment-templates'), templateBody),
    withBody(
      'PATCH',
      templateIds.map((id) => `/api/deployment-templates/${id}`),
      templateBody,
    ),
    withBody(
      'DELETE',
      templateIds.map((id) => `/api/deployment-templates/${id}`),
      jsonValueArb,
    ),
    get(deploymentIds.map((id) => `/api/deployments/${id}`)),
    // A deployment's Properties (General, Schedule) and Remove Software Updates; a collection's comment.
    withBody(
      'PATCH',
      deploymentIds.map((id) => `/api/deployments/${id}`),
      fc.record({
        name: fc.oneof(hostileStrings, fc.constant('Critical Updates - December 2008')),
        description: hostileStrings,
        availableTime: fc.constantFrom('2008-12-18T11:50:00Z', '2008-12-30T00:00:00Z', 'soon', ''),
        deadline: fc.constantFrom(null, '2008-12-26T21:00:00Z', '2008-12-01T00:00:00Z', 'never'),
        useUtc: fc.oneof(fc.boolean(), jsonValueArb),
      }),
    ),
    withBody(
      'POST',
      deploymentIds.map((id) => `/api/deployments/${id}/remove-updates`),
      fc.record({ updateIds: pickedFrom(facts.deploymentUpdateIds, ['99999999', '']) }),
    ),
    withBody(
      'PATCH',
      collectionIds.map((id) => `/api/collections/${id}`),
      fc.record({ comment: fc.oneof(hostileStrings, fc.string({ maxLength: 200 })) }),
    ),
    // Wrong methods.
    fc
      .tuple(
        anyMethod,
        fc.constantFrom(
          '/api/deployments/eligibility',
          '/api/deployments/1/disable-sms2003',
          '/api/deployment-templates/rights',
          '/api/deployment-templates/DT000001',
          '/api/deployment-templates',
        ),
        bodyArb(jsonValueArb),
      )
      .map(([method, path, body]) => ({ method, path, body: method === 'GET' ? undefined : body })),
  ];

  const endpoint: Endpoint = fc.oneof(
    { weight: generalEndpoints.length, arbitrary: fc.oneof(...generalEndpoints) },
    { weight: deploymentEndpoints.length * focus.deploymentWeight, arbitrary: fc.oneof(...deploymentEndpoints) },
  );

  return fc
    .record({
      endpoint,
      admin: adminArb,
      contentType: fc.constantFrom<string | null>('application/json', 'application/json', 'text/plain', null),
    })
    .map(({ endpoint: e, admin, contentType }) => ({
      method: e.method,
      path: e.path,
      admin,
      contentType,
      body: e.body,
    }));
}

async function send(request: FuzzRequest): Promise<number> {
  const headers = new Headers();
  if (request.admin !== null) headers.set(ADMIN_HEADER, request.admin);
  if (request.contentType !== null && request.body !== undefined) headers.set('Content-Type', request.contentType);
  const response = await fetch(`http://console.test${request.path}`, {
    method: request.method,
    headers,
    body: request.method === 'GET' ? undefined : request.body,
  });
  await response.text();
  return response.status;
}

async function snapshot(harness: Harness): Promise<{ state: string; saved: string; clock: string }> {
  return {
    state: JSON.stringify(harness.backend.state),
    saved: JSON.stringify(await harness.store.load()),
    clock: JSON.stringify(await harness.store.loadClock()),
  };
}

async function collectFacts(harness: Harness): Promise<SiteFacts> {
  const idsByResource: Record<string, string[]> = {};
  // A search folder or two, so that PATCH and DELETE sometimes find one (ignored before the upgrade: 409).
  for (const name of ['Fuzz A', 'Fuzz B']) {
    await harness.call('/api/search-folders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name }),
    });
  }
  for (const resource of RESOURCE_NAMES) {
    const { status, body } = await harness.call(`/api/${resource}?limit=5`);
    idsByResource[resource] = status === 200 ? (body.items ?? []).map((item) => String(item.id)) : [];
  }
  const tree = await harness.call('/api/console-tree');
  const nodeIds: string[] = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.id === 'string') nodeIds.push(record.id);
    for (const value of Object.values(record)) {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') walk(value);
    }
  };
  walk(tree.body);
  const exported = await harness.call('/api/site/export');
  const jobs = await harness.call('/api/site/jobs');
  const jobIds = ((jobs.body.jobs ?? []) as Array<{ id: string }>).map((job) => job.id);
  const updates = harness.backend.state.softwareUpdates;
  const some = (test: (update: (typeof updates)[number]) => boolean, count: number) =>
    updates
      .filter(test)
      .slice(0, count)
      .map((update) => update.id);
  const deploymentUpdateIds = [
    ...some((update) => update.bulletinId === 'MS08-067' && !update.legacy, 6),
    ...some((update) => !update.deployableToSms2003 && !update.legacy, 2),
    ...some((update) => update.legacy && !update.expired, 2),
    ...some((update) => update.expired, 2),
    ...some((update) => update.downloaded && !update.legacy, 2),
  ];
  return {
    idsByResource,
    nodeIds: nodeIds.length ? nodeIds : ['software-updates'],
    siteFile: exported.body,
    jobIds,
    deploymentUpdateIds: deploymentUpdateIds.length ? deploymentUpdateIds : ['16777217'],
  };
}

function fuzzSuite(
  title: string,
  options: Parameters<typeof startTestBackend>[0],
  numRuns = NUM_RUNS,
  focus?: FuzzFocus,
) {
  describe(title, () => {
    let harness: Harness;
    let facts: SiteFacts;
    beforeAll(async () => {
      harness = await startTestBackend(options);
      facts = await collectFacts(harness);
    });
    afterAll(() => harness.stop());

    it('answers every random or malformed request with 2xx or 4xx, and a refusal changes nothing', async () => {
      // The snapshot taken after a refused request is the one before the next request: nothing runs in between, and
      // serializing the whole site is most of the time a run takes.
      let unchangedSince: Awaited<ReturnType<typeof snapshot>> | null = null;
      await fc.assert(
        fc.asyncProperty(requestArb(facts, focus), async (request) => {
          const before = unchangedSince ?? (await snapshot(harness));
          unchangedSince = null;
          const status = await send(request);
          expect(status, `${request.method} ${request.path}`).toBeLessThan(500);
          expect(status).toBeGreaterThanOrEqual(200);
          if (status >= 400) {
            const after = await snapshot(harness);
            expect(after.state, 'state changed by a refused request').toBe(before.state);
            expect(after.saved, 'saved site changed by a refused request').toBe(before.saved);
            expect(after.clock, 'saved clock changed by a refused request').toBe(before.clock);
            unchangedSince = after;
          }
        }),
        { numRuns },
      );
    }, 60_000);
  });
}

fuzzSuite('fuzzing every endpoint (Just upgraded)', {});
fuzzSuite('fuzzing every endpoint (Before upgrade)', { stage: 'before-upgrade' });
// With a software update point, synchronized updates, KB 954474 installed and jobs that ended: the actions get further.
fuzzSuite('fuzzing every endpoint (Synchronized)', { stage: 'synchronized' }, 150);
// With the two templates and Critical Updates - December 2008: the deployment endpoints are drawn more than half of the
// time, and the site is never replaced, so that they work on the Configured site throughout.
fuzzSuite('fuzzing every endpoint (Configured)', { stage: 'configured' }, 300, {
  deploymentWeight: 4,
  keepStage: true,
});
