/**
 * The audit log (issue "Per-administrator rights in full", item 5): "every change, whoever made it, with time,
 * administrator, right used, object, and before and after; refused attempts too". Each operation family is applied as
 * the console applies it, and its entries read from (site before, operation, site after).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITMU_SYNC_ADVERTISEMENT_ID } from '../after-upgrade/site-after-setup';
import {
  advanceWorld,
  applyOperation,
  operationSchema,
  type Operation,
  type SiteWorld,
} from '../operations/operations';
import { RightsIndex } from '../rights/rights';
import { CONTOSO } from '../scenario/contoso-names';
import { buildWorld, DEFAULT_SEED } from '../scenario/contoso-stage';
import { DEFAULT_SCALE } from '../scenario/scale';
import { searchFolderCriteriaSchema } from '../search-folders/search-folder-criteria';
import { DEFAULT_DEPLOYMENT_SETTINGS, defaultDeadline } from '../deployments/deployment-rules';
import {
  auditEntrySchema,
  auditText,
  auditTextInFull,
  changedFields,
  MAX_AUDIT_TEXT,
  type AuditChange,
  type SavedRefusal,
} from './audit-entry';
import {
  buildAuditedWorld,
  changeEntries,
  mayReadAuditEntry,
  mergeAuditLog,
  missingRightIn,
  operationInWords,
  placeChanges,
  refusalChange,
} from './audit-log';
import { AUDIT_RULES } from './audit-rules';

const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;
const scale = DEFAULT_SCALE;
const AT = '2008-12-18T12:00:00Z';

const justUpgraded = buildWorld('just-upgraded', DEFAULT_SEED, scale);
const configured = buildWorld('configured', DEFAULT_SEED, scale);

/** Applies an operation as the backend does (at its time) and reads its entries. */
function audited(world: SiteWorld, operation: Operation): { entries: AuditChange[]; after: SiteWorld } {
  const stamped = { at: AT, ...operation } as Operation;
  const reached = advanceWorld(world, stamped.at as string);
  const after = applyOperation(reached, stamped, scale);
  const entries = changeEntries(reached, stamped, after);
  for (const entry of entries)
    expect(auditEntrySchema.safeParse({ ...entry, id: 'X', sequence: 1 }).success).toBe(true);
  return { entries, after };
}

const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));

describe('every operation the log holds has a row of the table', () => {
  const types = operationSchema.options.map((option) => option.shape.type.value);
  it.each(types)('%s', (type) => {
    expect(AUDIT_RULES[type], type).toBeDefined();
  });
});

describe('the stage is audited as it replays: Setup, then each step by CONTOSO\\smsadmin', () => {
  it('Just upgraded: Setup, with the site before and after', () => {
    const { changes } = buildAuditedWorld('just-upgraded', DEFAULT_SEED, scale);
    const [setup] = mergeAuditLog(changes, []);
    expect(changes).toHaveLength(1);
    expect(setup).toMatchObject({
      id: 'S1',
      sequence: 1,
      administrator: smsadmin,
      action: 'Upgrade site to Configuration Manager 2007 (Setup)',
      right: 'Administer on site CEN',
      objectType: 'Site',
      objectId: 'CEN',
      objectName: 'CEN - Contoso Central Site',
      outcome: 'Succeeded',
      reason: null,
      guard: { objectType: 'Site', id: 'CEN' },
    });
    expect(parse(setup?.before ?? null)).toMatchObject({ version: 'SMS 2003 SP3' });
    expect(parse(setup?.after ?? null)).toMatchObject({ version: 'Configuration Manager 2007' });
  });

  it('Configured: every step in order, with its right and object', () => {
    const { changes } = buildAuditedWorld('configured', DEFAULT_SEED, scale);
    const rows = mergeAuditLog(changes, []).map((entry) => [entry.id, entry.action, entry.right, entry.objectName]);
    expect(rows).toEqual([
      [
        'S1',
        'Upgrade site to Configuration Manager 2007 (Setup)',
        'Administer on site CEN',
        'CEN - Contoso Central Site',
      ],
      ['S2', 'Configure software update point', 'Modify on site CEN', 'CEN-SMS01'],
      ['S3', 'Run synchronization', 'Modify on site CEN', 'CEN-SMS01'],
      ['S4', 'Install update KB954474 on site server', 'Modify on site CEN', 'CEN-SMS01'],
      [
        'S5',
        'Run advertisement',
        `Modify on advertisement ${ITMU_SYNC_ADVERTISEMENT_ID}`,
        'Microsoft Updates Tool Sync',
      ],
      ['S6', 'Republish custom updates catalog', 'Modify on site CEN', CONTOSO.customCatalog],
      ['S7', 'Run synchronization', 'Modify on site CEN', 'CEN-SMS01'],
      [
        'S8',
        'Upgrade clients to Configuration Manager 2007',
        'Modify on collection CEN00011',
        'CEN Pilot Workstations',
      ],
      [
        'S9',
        'Upgrade clients to Configuration Manager 2007',
        'Modify on collection SMS000ES',
        'All Windows Server 2003 Systems',
      ],
      ['S10', 'Run LEGACY clean-up script', 'Modify on site CEN', 'LEGACY software updates'],
      ['S11', 'Create deployment template', 'Create on Deployment Templates', CONTOSO.templates.workstationsSms2003],
      ['S12', 'Create deployment template', 'Create on Deployment Templates', CONTOSO.templates.serversStandard],
      ['S13', 'Deploy software updates', 'Create on Deployments', CONTOSO.deployments.criticalUpdatesDecember2008],
      ['S13-2', 'Create deployment package', 'Create on Deployment Packages', 'Critical Updates - December 2008'],
    ]);
  });

  it('the world is the one buildWorld builds', () => {
    const { world } = buildAuditedWorld('configured', DEFAULT_SEED, scale);
    expect(JSON.stringify(world)).toBe(JSON.stringify(configured));
  });

  it('a synchronization says the job it started; KB 954474 says what was installed', () => {
    const { changes } = buildAuditedWorld('synchronized', DEFAULT_SEED, scale);
    const byId = new Map(mergeAuditLog(changes, []).map((entry) => [entry.id, entry]));
    expect(parse(byId.get('S3')?.after ?? null)).toMatchObject({ jobsStarted: ['Software updates synchronization'] });
    expect(parse(byId.get('S4')?.before ?? null)).toEqual({ siteServerUpdates: [] });
    expect(parse(byId.get('S4')?.after ?? null)).toEqual({ siteServerUpdates: ['954474'] });
  });
});

describe('search folders', () => {
  const criteria = searchFolderCriteriaSchema.parse({});
  const created = audited(justUpgraded, {
    type: 'create-search-folder',
    id: 'SF000001',
    name: 'December',
    criteria,
    by: smsadmin,
  });

  it('create: Create on Search Folders, no Before, the folder as After', () => {
    const [entry] = created.entries;
    expect(entry).toMatchObject({
      time: AT,
      administrator: smsadmin,
      action: 'Create search folder',
      right: 'Create on Search Folders',
      objectType: 'Search Folder',
      objectId: 'SF000001',
      objectName: 'December',
      before: null,
      guard: { objectType: 'SearchFolder', id: 'SF000001' },
    });
    expect(parse(entry?.after ?? null)).toMatchObject({ id: 'SF000001', name: 'December', owner: smsadmin });
  });

  it('rename: Modify on the folder, Before and After only the name', () => {
    const { entries } = audited(created.after, {
      type: 'rename-search-folder',
      id: 'SF000001',
      name: 'Dec',
      by: smsadmin,
    });
    expect(entries[0]).toMatchObject({ right: 'Modify on search folder SF000001', objectName: 'Dec' });
    expect(parse(entries[0]?.before ?? null)).toEqual({ name: 'December' });
    expect(parse(entries[0]?.after ?? null)).toEqual({ name: 'Dec' });
  });

  it('delete: Delete on the folder, the folder as Before, no After', () => {
    const { entries } = audited(created.after, { type: 'delete-search-folder', id: 'SF000001', by: smsadmin });
    expect(entries[0]).toMatchObject({ action: 'Delete search folder', right: 'Delete on search folder SF000001' });
    expect(entries[0]?.objectName).toBe('December');
    expect(parse(entries[0]?.before ?? null)).toMatchObject({ name: 'December' });
    expect(entries[0]?.after).toBeNull();
  });
});

describe('after the upgrade', () => {
  it('changing a package source: the path before and after', () => {
    const pkg = justUpgraded.configMgr?.packages.find(
      (candidate) => candidate.sourcePath === CONTOSO.invalidPackageSource,
    );
    const { entries } = audited(justUpgraded, {
      type: 'change-package-source',
      packageId: pkg?.id ?? '',
      sourcePath: '\\\\CEN-SMS01\\PkgSrc$\\OfficeQ1-New',
      by: smsadmin,
    });
    expect(entries[0]).toMatchObject({ action: 'Change package source path', right: `Modify on package ${pkg?.id}` });
    expect(parse(entries[0]?.before ?? null)).toMatchObject({ sourcePath: CONTOSO.invalidPackageSource });
    expect(parse(entries[0]?.after ?? null)).toMatchObject({ sourcePath: '\\\\CEN-SMS01\\PkgSrc$\\OfficeQ1-New' });
  });

  it('cancelling a job: Modify on site CEN, the job Running before and Cancelled after', () => {
    const job = justUpgraded.configMgr?.jobs.find((candidate) => candidate.state === 'Running');
    const { entries } = audited(advanceWorld(justUpgraded, '2008-12-18T09:05:00Z'), {
      type: 'cancel-job',
      jobId: job?.id ?? '',
      by: smsadmin,
      at: '2008-12-18T09:05:00Z',
    });
    expect(entries[0]).toMatchObject({ action: 'Cancel job', objectType: 'Job', right: 'Modify on site CEN' });
    expect(parse(entries[0]?.before ?? null)).toMatchObject({ state: 'Running' });
    expect(parse(entries[0]?.after ?? null)).toMatchObject({ state: 'Cancelled' });
  });
});

describe('deployments and templates', () => {
  const templateId = 'DT000003';
  const created = audited(configured, {
    type: 'create-deployment-template',
    id: templateId,
    name: 'Pilot',
    description: 'Pilot workstations',
    settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: 'CEN00011' },
    by: smsadmin,
  });

  it('create template: Create on Deployment Templates, the template as After', () => {
    expect(created.entries).toHaveLength(1);
    expect(created.entries[0]).toMatchObject({
      action: 'Create deployment template',
      right: 'Create on Deployment Templates',
      objectId: templateId,
      objectName: 'Pilot',
      before: null,
    });
    expect(Object.keys(parse(created.entries[0]?.after ?? null) ?? {}).slice(0, 2)).toEqual(['id', 'name']);
  });

  it('modify template: only what changed, with the name', () => {
    const { entries } = audited(created.after, {
      type: 'update-deployment-template',
      id: templateId,
      name: 'Pilot',
      description: 'Pilot workstations',
      settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: 'CEN00011', duration: 3, durationUnits: 'Days' },
      by: smsadmin,
    });
    expect(entries[0]).toMatchObject({ right: `Modify on deployment template ${templateId}` });
    expect(parse(entries[0]?.before ?? null)).toEqual({ name: 'Pilot', duration: 2, durationUnits: 'Weeks' });
    expect(parse(entries[0]?.after ?? null)).toEqual({ name: 'Pilot', duration: 3, durationUnits: 'Days' });
  });

  it('delete template: the template as Before', () => {
    const { entries } = audited(created.after, { type: 'delete-deployment-template', id: templateId, by: smsadmin });
    expect(entries[0]).toMatchObject({ action: 'Delete deployment template', objectName: 'Pilot', after: null });
  });

  it('a deployment that makes a package and saves a template: three entries, each with its own right', () => {
    const site = configured.configMgr;
    const updateIds = (site?.softwareUpdates ?? [])
      .filter((update) => update.bulletinId === 'MS08-067' && !update.legacy && !update.expired)
      .slice(0, 2)
      .map((update) => update.id);
    const { entries } = audited(configured, {
      type: 'create-deployment',
      id: '2',
      name: 'MS08-067 servers',
      description: '',
      updateIds,
      templateId: null,
      settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: 'SMS000ES' },
      availableTime: null,
      deadline: defaultDeadline(AT, DEFAULT_DEPLOYMENT_SETTINGS),
      deploymentPackage: {
        kind: 'new',
        id: 'CEN00011',
        name: 'MS08-067',
        description: '',
        sourcePath: '\\\\CEN-SMS01\\PkgSrc$\\MS08-067',
      },
      downloadFrom: { kind: 'internet' },
      languages: ['English'],
      acknowledgeLegacy: false,
      saveAsTemplate: { id: 'DT000003', name: 'Servers MS08-067', description: '' },
      by: smsadmin,
    });
    expect(entries.map((entry) => [entry.action, entry.right, entry.objectId])).toEqual([
      ['Deploy software updates', 'Create on Deployments', '2'],
      ['Create deployment package', 'Create on Deployment Packages', 'CEN00011'],
      ['Create deployment template', 'Create on Deployment Templates', 'DT000003'],
    ]);
    expect(parse(entries[0]?.after ?? null)).toMatchObject({
      name: 'MS08-067 servers',
      jobsStarted: expect.any(Array),
    });
  });

  it('switching SMS 2003 clients off: Modify on the deployment, its program enabled before and disabled after', () => {
    const { entries } = audited(configured, { type: 'disable-deployment-sms2003', id: '1', by: smsadmin });
    expect(entries[0]).toMatchObject({ action: 'Stop deploying to SMS 2003 clients', right: 'Modify on deployment 1' });
    expect(parse(entries[0]?.before ?? null)).toMatchObject({ deployToSms2003Clients: true });
    expect(parse(entries[0]?.after ?? null)).toMatchObject({ deployToSms2003Clients: false });
  });
});

describe('security rights', () => {
  it('granting: Administer on the class used, the rights the account holds there before and after', () => {
    const { entries, after } = audited(configured, {
      type: 'grant-rights',
      by: smsadmin,
      account: patchadmin,
      objectType: 'DeploymentTemplate',
      instanceIds: null,
      rights: ['Read', 'Create'],
    });
    expect(entries[0]).toMatchObject({
      action: `Grant Read, Create to ${patchadmin}`,
      right: 'Administer on Deployment Templates',
      objectType: 'Security Rights',
      objectName: 'Deployment Templates (class)',
      guard: { objectType: 'DeploymentTemplate', id: null },
    });
    expect(parse(entries[0]?.before ?? null)).toEqual({ account: patchadmin, rights: [] });
    expect(parse(entries[0]?.after ?? null)).toEqual({ account: patchadmin, rights: ['Read', 'Create'] });
    const revoked = audited(after, {
      type: 'revoke-rights',
      by: smsadmin,
      account: patchadmin,
      objectType: 'DeploymentTemplate',
      instanceIds: null,
      rights: ['Create'],
    });
    expect(revoked.entries[0]?.action).toBe(`Revoke Create from ${patchadmin}`);
    expect(parse(revoked.entries[0]?.after ?? null)).toEqual({ account: patchadmin, rights: ['Read'] });
  });
});

describe('an operation the table does not know', () => {
  it('is audited by the fallback, never throwing', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
        (type, fields) => {
          const operation = { ...fields, type };
          const entries = changeEntries(configured, operation, configured);
          expect(entries.length).toBeGreaterThan(0);
          for (const entry of entries) {
            expect(auditEntrySchema.safeParse({ ...entry, id: 'X', sequence: 1 }).success).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names it from its type', () => {
    const [entry] = changeEntries(configured, { type: 'rebuild-site-index', by: lonadmin, note: 'x' }, configured);
    expect(entry).toMatchObject({ action: 'Rebuild site index', administrator: lonadmin, right: null });
    expect(parse(entry?.after ?? null)).toEqual({ note: 'x' });
    expect(operationInWords('')).toBe('Unknown operation');
  });
});

describe('refused attempts', () => {
  it('a missing Create right: the right it lacked, the reason, what was asked for, shown on the object type', () => {
    const reason = `${patchadmin} has no Create right on Deployment Templates`;
    const change = refusalChange({
      operation: { type: 'create-deployment-template' },
      endpoint: 'POST /api/deployment-templates',
      administrator: patchadmin,
      time: AT,
      reason,
      requested: { name: 'Patch Tuesday', description: '' },
      world: configured,
    });
    expect(change).toMatchObject({
      time: AT,
      administrator: patchadmin,
      action: 'Create deployment template',
      right: 'Create on Deployment Templates',
      objectType: 'Deployment Template',
      objectId: null,
      objectName: 'Patch Tuesday',
      outcome: 'Refused',
      reason,
      before: null,
      guard: { objectType: 'DeploymentTemplate', id: null },
    });
    expect(parse(change.after)).toEqual({ name: 'Patch Tuesday', description: '' });
  });

  it('a rule (409): the right it would have used, and the object as it stands', () => {
    const change = refusalChange({
      operation: { type: 'delete-deployment-template', id: 'DT000001' },
      endpoint: 'DELETE /api/deployment-templates/DT000001',
      administrator: smsadmin,
      time: AT,
      reason: 'The template is in use.',
      requested: null,
      world: configured,
    });
    expect(change).toMatchObject({
      right: 'Delete on deployment template DT000001',
      objectName: CONTOSO.templates.workstationsSms2003,
      after: null,
      guard: { objectType: 'DeploymentTemplate', id: 'DT000001' },
    });
    expect(parse(change.before)).toMatchObject({ id: 'DT000001' });
  });

  it('an endpoint the table does not know: named by its method and path, shown to those who read the site', () => {
    const change = refusalChange({
      operation: null,
      endpoint: 'POST /api/something-new',
      administrator: lonadmin,
      time: AT,
      reason: 'No.',
      requested: {},
      world: justUpgraded,
    });
    expect(change).toMatchObject({ action: 'POST /api/something-new', right: null, after: null });
    expect(change.guard).toEqual({ objectType: 'Site', id: 'CEN' });
  });

  it.each([
    [`${patchadmin} has no Create right on Deployment Templates`, 'Create on Deployment Templates'],
    [`${lonadmin} has no Read right on package CEN00001`, 'Read on package CEN00001'],
    [
      `${patchadmin} has no Administer or Delegate right on collection SMS000GS`,
      'Administer or Delegate on collection SMS000GS',
    ],
    [
      `${patchadmin} has no Modify right on Collections: Delegate lets an administrator grant only the rights they hold`,
      'Modify on Collections',
    ],
    ['Site CEN already runs Configuration Manager 2007.', null],
  ])('the missing right of "%s" is %s', (reason, right) => {
    expect(missingRightIn(reason)).toBe(right);
  });
});

describe('the log in order', () => {
  const change = (action: string): AuditChange => ({
    time: AT,
    administrator: smsadmin,
    action,
    right: null,
    objectType: 'Site',
    objectId: null,
    objectName: null,
    outcome: 'Succeeded',
    reason: null,
    before: null,
    after: null,
    guard: { objectType: 'Site', id: 'CEN' },
  });
  const refusal = (number: number, logPosition: number): SavedRefusal => ({
    ...change(`refused ${number}`),
    outcome: 'Refused',
    reason: 'no',
    number,
    logPosition,
  });

  it('puts each refusal after the operations the log held when it was refused', () => {
    const changes = [
      ...placeChanges([change('stage')], { kind: 'stage', index: 0 }),
      ...placeChanges([change('first'), change('first, package')], { kind: 'log', index: 0 }),
      ...placeChanges([change('second')], { kind: 'log', index: 1 }),
    ];
    const log = mergeAuditLog(changes, [refusal(3, 2), refusal(1, 0), refusal(2, 1)]);
    expect(log.map((entry) => [entry.id, entry.sequence, entry.action])).toEqual([
      ['S1', 1, 'stage'],
      ['R1', 2, 'refused 1'],
      ['L1', 3, 'first'],
      ['L1-2', 4, 'first, package'],
      ['R2', 5, 'refused 2'],
      ['L2', 6, 'second'],
      ['R3', 7, 'refused 3'],
    ]);
  });
});

describe('who reads an entry', () => {
  const rights = new RightsIndex(configured.configMgr?.grants ?? []);
  const entry = (administrator: string, guard: AuditChange['guard']) => ({ administrator, guard });

  it('the administrator who acted, always', () => {
    expect(mayReadAuditEntry(rights, lonadmin, entry(lonadmin, { objectType: 'DeploymentTemplate', id: null }))).toBe(
      true,
    );
  });

  it('others with Read on its object, or on its object type for a refused attempt to create one', () => {
    const template = entry(smsadmin, { objectType: 'DeploymentTemplate', id: 'DT000001' });
    expect(mayReadAuditEntry(rights, smsadmin, entry(patchadmin, template.guard))).toBe(true);
    expect(mayReadAuditEntry(rights, patchadmin, template)).toBe(false);
    expect(mayReadAuditEntry(rights, auditor, template)).toBe(false);
    const site = entry(smsadmin, { objectType: 'Site', id: 'CEN' });
    for (const account of [patchadmin, lonadmin, auditor]) expect(mayReadAuditEntry(rights, account, site)).toBe(true);
    const createRefused = entry(patchadmin, { objectType: 'DeploymentTemplate', id: null });
    expect(mayReadAuditEntry(rights, smsadmin, createRefused)).toBe(true);
    expect(mayReadAuditEntry(rights, auditor, createRefused)).toBe(false);
  });
});

describe('Before and After as text', () => {
  it('cuts long lists, long strings and the whole text, saying how much was left out', () => {
    const text = auditText({ ids: Array.from({ length: 25 }, (_, i) => i), note: 'x'.repeat(400) }) ?? '';
    const value = JSON.parse(text) as { ids: unknown[]; note: string };
    expect(value.ids).toHaveLength(11);
    expect(value.ids.at(-1)).toBe('… 15 more');
    expect(value.note.endsWith('…')).toBe(true);
    const huge = auditText(Object.fromEntries(Array.from({ length: 39 }, (_, i) => [`k${i}`, 'y'.repeat(290)])));
    expect(huge?.length).toBe(MAX_AUDIT_TEXT);
    expect(auditText(undefined)).toBeNull();
    expect(auditText(null)).toBeNull();
  });

  it('shows only what changed, with the name; the whole object when one side is missing', () => {
    expect(changedFields({ name: 'A', x: 1, y: 2 }, { name: 'A', x: 1, y: 3 })).toEqual({
      before: { name: 'A', y: 2 },
      after: { name: 'A', y: 3 },
    });
    expect(changedFields(undefined, { name: 'A' })).toEqual({ before: undefined, after: { name: 'A' } });
  });

  it('Properties indent the JSON, and show other text as it is', () => {
    expect(auditTextInFull('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(auditTextInFull('{"a":1…')).toBe('{"a":1…');
    expect(auditTextInFull(null)).toBe('');
  });
});
