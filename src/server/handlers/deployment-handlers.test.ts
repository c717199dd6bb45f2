import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deploymentResponseSchema,
  deploymentTemplateClassRightsSchema,
  deploymentTemplateResponseSchema,
  eligibilityResponseSchema,
  type CreateDeploymentRequest,
  type DeploymentTemplateRequest,
} from '@/domain/contract/deployment-contract';
import { DEFAULT_DEPLOYMENT_SETTINGS } from '@/domain/deployments/deployment-rules';
import { RIGHTS_BY_OBJECT_TYPE, RightsIndex, type Grant } from '@/domain/rights/rights';
import { CONTOSO, type StageId } from '@/domain/scenario/contoso-names';
import { startTestBackend } from '../test-harness';

/**
 * The Deploy Software Updates Wizard's endpoints (src/server/handlers/deployment-handlers.ts), against the Configured
 * stage of the Contoso scenario: "the template will be available ... only when all software updates can be deployed
 * to SMS 2003 clients" (the planning topic, "Using Deployment Templates That Specify SMS 2003 Settings").
 */

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;
const { workstationsSms2003, serversStandard } = CONTOSO.templates;

let h: Harness;
beforeEach(async () => {
  h = await startTestBackend({ stage: 'configured' });
});
afterEach(() => h.stop());

/** The same test on another stage: the Configured site stops, a site at `stage` takes its place. */
async function restartAt(stage: StageId) {
  h.stop();
  h = await startTestBackend({ stage });
}

function send(method: string, path: string, body?: unknown, admin: string | null = smsadmin) {
  return h.call(path, {
    method,
    admin,
    ...(body === undefined
      ? {}
      : {
          headers: { 'Content-Type': 'application/json' },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
  });
}

const updateIdsWhere = (test: (update: (typeof h.backend.state.softwareUpdates)[number]) => boolean) =>
  h.backend.state.softwareUpdates.filter(test).map((update) => update.id);
const ms08067 = () => updateIdsWhere((u) => u.bulletinId === 'MS08-067' && !u.legacy && u.language === 'English');
const kb890830 = () => updateIdsWhere((u) => u.title === CONTOSO.notDeployableToSms2003[0]);

async function offered(updateIds: string[]) {
  const { status, body } = await send('POST', '/api/deployments/eligibility', { updateIds });
  expect(status, JSON.stringify(body)).toBe(200);
  const answer = eligibilityResponseSchema.parse(body);
  return answer.templates.filter((template) => template.offered).map((template) => template.name);
}

function request(updateIds: string[], templateName: string | null): CreateDeploymentRequest {
  const template = h.backend.state.deploymentTemplates.find((t) => t.name === templateName) ?? null;
  const {
    id: _i,
    name: _n,
    description: _d,
    createdBy: _c,
    createdAt: _a,
    ...settings
  } = template ?? {
    id: '',
    name: '',
    description: '',
    createdBy: '',
    createdAt: '',
    ...DEFAULT_DEPLOYMENT_SETTINGS,
    collectionId: 'CEN00011',
  };
  return {
    name: 'MS08-067 to the pilot',
    description: '',
    updateIds,
    templateId: template?.id ?? null,
    settings: { ...settings, collectionId: 'CEN00011' },
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
}

describe('Template Selection obeys the SMS 2003 rule', () => {
  it('offers both templates for MS08-067 updates, and only Servers - Standard once KB890830 is added', async () => {
    expect(ms08067().length).toBeGreaterThan(0);
    expect((await offered(ms08067())).sort()).toEqual([serversStandard, workstationsSms2003].sort());
    expect(await offered([...ms08067(), ...kb890830()])).toEqual([serversStandard]);
  });

  it('refuses a deployment with a template the selection does not allow (409), and changes nothing', async () => {
    const before = JSON.stringify(h.backend.exportSite());
    const { status, body } = await send(
      'POST',
      '/api/deployments',
      request([...ms08067(), ...kb890830()], workstationsSms2003),
    );
    expect(status).toBe(409);
    expect((body.error as { rule?: string } | undefined)?.rule).toBe('template-not-offered');
    expect(body.error?.message).toContain(CONTOSO.notDeployableToSms2003[0]);
    expect(JSON.stringify(h.backend.exportSite())).toBe(before);
  });

  it('makes the deployment with a template the selection allows; compliance moves on the site clock', async () => {
    const { status, body } = await send('POST', '/api/deployments', request(ms08067(), workstationsSms2003));
    expect(status, JSON.stringify(body)).toBe(200);
    const answer = deploymentResponseSchema.parse(body);
    expect(answer.item).toMatchObject({
      name: 'MS08-067 to the pilot',
      collectionId: 'CEN00011',
      deployToSms2003Clients: true,
    });
    expect(answer.jobId).not.toBeNull();
    const installed = () =>
      h.backend.state.softwareUpdates
        .filter((u) => ms08067().includes(u.id))
        .reduce((n, u) => n + u.compliance.installed, 0);
    const start = installed();
    await h.backend.changeClock({ type: 'fast-forward-to-end-of-jobs' });
    expect(installed()).toBeGreaterThan(start);
  });

  it('refuses CONTOSO\\patchadmin, who has no right on new object types', async () => {
    const { status, body } = await send('POST', '/api/deployments', request(ms08067(), serversStandard), patchadmin);
    expect(status).toBe(403);
    expect(body.error?.message).toContain('CONTOSO\\patchadmin');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Helpers of the tests below.

type Answer = Awaited<ReturnType<typeof send>>;

/** What a refused request must leave exactly as it was: the state, the saved site and the saved clock. */
async function snapshot() {
  return {
    state: JSON.stringify(h.backend.state),
    saved: JSON.stringify(await h.store.load()),
    clock: JSON.stringify(await h.store.loadClock()),
  };
}

/** A refusal: its status and error, and nothing changed, byte for byte. */
async function expectRefusedUnchanged(request: () => Promise<Answer>, status: number, error: Record<string, unknown>) {
  const before = await snapshot();
  const response = await request();
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.error).toMatchObject(error);
  expect(await snapshot()).toEqual(before);
  return response.body.error;
}

async function expectOk(response: Promise<Answer>) {
  const { status, body } = await response;
  expect(status, JSON.stringify(body.error)).toBe(200);
  return body;
}

/**
 * Rights that Security Rights would grant (this console cannot grant them yet): the backend answers with the site's
 * grants plus these, so a test can give an administrator Read without Modify, and the like.
 */
function grantAlso(...extra: Grant[]) {
  const backend = h.backend;
  Object.defineProperty(backend, 'rights', {
    configurable: true,
    get: () => new RightsIndex([...backend.state.grants, ...extra]),
  });
}
const instanceGrant = (account: string, objectType: Grant['objectType'], id: string, ...rights: Grant['rights']) => ({
  account,
  objectType,
  instanceIds: [id],
  rights,
});

const legacyIds = () => updateIdsWhere((u) => u.legacy && !u.expired).slice(0, 2);
const otherScanToolId = () =>
  updateIdsWhere(
    (u) => u.sourceCatalog === CONTOSO.scanTools.suit || u.sourceCatalog === CONTOSO.scanTools.officeInventory,
  )[0] ?? '';
const downloadedIds = () => updateIdsWhere((u) => u.downloaded && !u.legacy);
const templateId = (name: string) => h.backend.state.deploymentTemplates.find((t) => t.name === name)?.id ?? '';
const CRITICAL_DEPLOYMENT_ID = '1';

/** A deployment that is accepted: MS08-067 to CEN Pilot Workstations, without a template. */
const valid = (changes: Partial<CreateDeploymentRequest> = {}): CreateDeploymentRequest => ({
  ...request(ms08067(), null),
  name: 'MS08-067 - pilot',
  ...changes,
});

const templateBody = (changes: Partial<DeploymentTemplateRequest> = {}): DeploymentTemplateRequest => ({
  name: 'Pilot Workstations',
  description: 'The pilot first',
  settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: 'CEN00011' },
  ...changes,
});

const OTHER_ADMINS = [patchadmin, auditor, lonadmin];

// ---------------------------------------------------------------------------------------------------------------

describe('The issue\'s scenario: CONTOSO\\smsadmin in the Configured stage, "If the software updates that are being deployed have a value of No for the Deployable to SMS 2003 setting, the Deploy Software Updates Wizard will not show templates that have the SMS 2003 settings configured."', () => {
  /** The MS08-067 updates the issue selects: bulletin MS08-067, synchronized (not migrated), English. */
  const selection = () =>
    updateIdsWhere((u) => u.bulletinId === 'MS08-067' && !u.existedBeforeUpgrade && u.language === 'English');

  it('selecting only the MS08-067 updates offers both Workstations - SMS 2003 Clients and Servers - Standard', async () => {
    expect(selection()).toEqual(ms08067());
    const { body } = await send('POST', '/api/deployments/eligibility', { updateIds: selection() });
    const answer = eligibilityResponseSchema.parse(body);
    expect(answer.templates.map(({ name, offered: on, whyNot }) => ({ name, offered: on, whyNot }))).toEqual([
      { name: workstationsSms2003, offered: true, whyNot: null },
      { name: serversStandard, offered: true, whyNot: null },
    ]);
    expect(answer).toMatchObject({
      cannotDeploy: null,
      legacyWarning: null,
      sms2003SettingsWhyNot: null,
      cannotCreate: null,
      cannotSaveTemplate: null,
      cannotCreatePackage: null,
    });
    expect(answer.updates.every((update) => update.deployableToSms2003 && !update.legacy && !update.expired)).toBe(
      true,
    );
  });

  it('adding "Windows Malicious Software Removal Tool - December 2008 (KB890830)" leaves only Servers - Standard, and says why', async () => {
    const { body } = await send('POST', '/api/deployments/eligibility', { updateIds: [...selection(), ...kb890830()] });
    const answer = eligibilityResponseSchema.parse(body);
    expect(answer.templates).toEqual([
      expect.objectContaining({
        name: workstationsSms2003,
        deployToSms2003Clients: true,
        collectionId: 'SMS000GS',
        offered: false,
        whyNot:
          'The deployment template Workstations - SMS 2003 Clients deploys software updates to SMS 2003 clients, so it ' +
          'is offered only when every software update is Deployable to SMS 2003; Windows Malicious Software Removal ' +
          'Tool - December 2008 (KB890830) is not.',
      }),
      expect.objectContaining({ name: serversStandard, deployToSms2003Clients: false, offered: true, whyNot: null }),
    ]);
    expect(answer.sms2003SettingsWhyNot).toBe(
      'Software updates only from Microsoft Update and published custom updates can be deployed to SMS 2003 clients: ' +
        'Windows Malicious Software Removal Tool - December 2008 (KB890830) is not Deployable to SMS 2003.',
    );
  });

  it('creating the deployment with the template the selection does not allow is a 409 template-not-offered, and the state is unchanged', async () => {
    await expectRefusedUnchanged(
      () => send('POST', '/api/deployments', request([...selection(), ...kb890830()], workstationsSms2003)),
      409,
      {
        code: 'CONFLICT',
        rule: 'template-not-offered',
        message: expect.stringContaining('Windows Malicious Software Removal Tool - December 2008 (KB890830) is not.'),
      },
    );
    expect(h.backend.state.deployments).toHaveLength(1);
  });

  it('the same selection with Servers - Standard is accepted', async () => {
    const body = await expectOk(
      send('POST', '/api/deployments', request([...selection(), ...kb890830()], serversStandard)),
    );
    expect(deploymentResponseSchema.parse(body).item).toMatchObject({
      templateId: templateId(serversStandard),
      deployToSms2003Clients: false,
      sms2003: null,
    });
  });
});

describe('POST /api/deployments/eligibility', () => {
  it('answers for the caller and changes nothing', async () => {
    const before = await snapshot();
    const body = await expectOk(send('POST', '/api/deployments/eligibility', { updateIds: legacyIds() }));
    const answer = eligibilityResponseSchema.parse(body);
    expect(answer.legacyWarning).toContain('are LEGACY updates');
    expect(answer.cannotDeploy).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it("says why updates cannot be deployed at all: another scan tool's update", async () => {
    const answer = eligibilityResponseSchema.parse(
      await expectOk(send('POST', '/api/deployments/eligibility', { updateIds: [otherScanToolId()] })),
    );
    expect(answer.cannotDeploy).toContain('new deployments are not supported for software updates in catalogs');
  });

  it.each([
    [{ updateIds: ['16777504'], extra: 1 }, 'extra', 'extra: POST /api/deployments/eligibility takes no field "extra"'],
    [{ updateIds: [] }, 'updateIds', 'updateIds: select at least one software update'],
    [{ updateIds: 'x' }, 'updateIds', 'updateIds: Invalid input: expected array, received string'],
    [{ updateIds: [1] }, 'updateIds.0', undefined],
    [{}, 'updateIds', undefined],
    [[], 'body', undefined],
    ['{"updateIds":', 'body', 'The request body is not valid JSON'],
    [{ updateIds: ['16777504', 'nope'] }, 'updateIds.1', 'updateIds.1: there is no software update nope'],
  ])('%j is a 400 naming %s', async (body, field, message) => {
    await expectRefusedUnchanged(() => send('POST', '/api/deployments/eligibility', body), 400, {
      code: 'BAD_REQUEST',
      field,
      ...(message ? { message } : {}),
    });
  });

  it.each(OTHER_ADMINS)('%s may not read a synchronized update: 403 naming the Read right on it', async (admin) => {
    const [id] = ms08067();
    await expectRefusedUnchanged(() => send('POST', '/api/deployments/eligibility', { updateIds: [id] }, admin), 403, {
      code: 'FORBIDDEN',
      message: `${admin} has no Read right on software update ${id ?? ''}`,
    });
  });

  it.each([patchadmin, auditor])(
    '%s reads the LEGACY updates: 200, no template listed (it may read none), and each right it lacks named',
    async (admin) => {
      const answer = eligibilityResponseSchema.parse(
        await expectOk(send('POST', '/api/deployments/eligibility', { updateIds: legacyIds() }, admin)),
      );
      expect(answer.templates).toEqual([]);
      expect(answer).toMatchObject({
        cannotCreate: `${admin} has no Create right on Deployments`,
        cannotSaveTemplate: `${admin} has no Create right on Deployment Templates`,
        cannotCreatePackage: `${admin} has no Create right on Deployment Packages`,
      });
    },
  );

  it('never lists a template the caller cannot read: Read on Servers - Standard alone lists just it', async () => {
    grantAlso(instanceGrant(patchadmin, 'DeploymentTemplate', templateId(serversStandard), 'Read'));
    const answer = eligibilityResponseSchema.parse(
      await expectOk(send('POST', '/api/deployments/eligibility', { updateIds: legacyIds() }, patchadmin)),
    );
    expect(answer.templates.map((template) => template.name)).toEqual([serversStandard]);
  });

  it('without X-Admin is a 401', async () => {
    await expectRefusedUnchanged(
      () => send('POST', '/api/deployments/eligibility', { updateIds: ms08067() }, null),
      401,
      { code: 'UNAUTHENTICATED' },
    );
  });

  it('Before upgrade is a 409 site-not-upgraded', async () => {
    await restartAt('before-upgrade');
    await expectRefusedUnchanged(() => send('POST', '/api/deployments/eligibility', { updateIds: ['1'] }), 409, {
      code: 'CONFLICT',
      rule: 'site-not-upgraded',
    });
  });
});

describe('POST /api/deployments: 400 naming the field', () => {
  const pkg = (changes: Record<string, unknown>) => ({ ...valid().deploymentPackage, ...changes });
  const settings = (changes: Record<string, unknown>) => ({ ...valid().settings, ...changes });
  const cases: Array<[string, () => unknown, string, string?]> = [
    ['an unknown field', () => ({ ...valid(), id: '7' }), 'id', 'id: POST /api/deployments takes no field "id"'],
    ['who made it', () => ({ ...valid(), by: patchadmin }), 'by', 'by: POST /api/deployments takes no field "by"'],
    ['empty updateIds', () => valid({ updateIds: [] }), 'updateIds', 'updateIds: select at least one software update'],
    ['updateIds not a list', () => ({ ...valid(), updateIds: '16777504' }), 'updateIds'],
    ['an unknown update', () => valid({ updateIds: ['16777504', '99999999'] }), 'updateIds.1'],
    ['a name that is a number', () => ({ ...valid(), name: 7 }), 'name'],
    ['no name', () => ({ ...valid(), name: undefined }), 'name'],
    ['acknowledgeLegacy a string', () => ({ ...valid(), acknowledgeLegacy: 'yes' }), 'acknowledgeLegacy'],
    ['languages a string', () => ({ ...valid(), languages: 'English' }), 'languages'],
    ['a deadline that is not a date', () => ({ ...valid(), deadline: 'tomorrow' }), 'deadline'],
    ['an availableTime that is not a date', () => ({ ...valid(), availableTime: 12 }), 'availableTime'],
    [
      'bad duration units',
      () => ({ ...valid(), settings: settings({ durationUnits: 'Fortnights' }) }),
      'settings.durationUnits',
    ],
    ['a duration of 0', () => ({ ...valid(), settings: settings({ duration: 0 }) }), 'settings.duration'],
    ['a duration of 1.5', () => ({ ...valid(), settings: settings({ duration: 1.5 }) }), 'settings.duration'],
    ['no settings', () => ({ ...valid(), settings: undefined }), 'settings'],
    [
      'a collection that is a number',
      () => ({ ...valid(), settings: settings({ collectionId: 11 }) }),
      'settings.collectionId',
    ],
    [
      'a package source that is not a UNC path',
      () => ({ ...valid(), deploymentPackage: pkg({ sourcePath: 'C:\\Updates' }) }),
      'deploymentPackage.sourcePath',
      'deploymentPackage.sourcePath: the path must be a UNC path such as \\\\CEN-SMS01\\Updates',
    ],
    [
      'a package source of 300 characters',
      () => ({ ...valid(), deploymentPackage: pkg({ sourcePath: `\\\\CEN-SMS01\\${'x'.repeat(290)}` }) }),
      'deploymentPackage.sourcePath',
    ],
    [
      'a package kind that does not exist',
      () => ({ ...valid(), deploymentPackage: pkg({ kind: 'old' }) }),
      'deploymentPackage.kind',
    ],
    [
      'a download location that is not a UNC path',
      () => ({ ...valid(), downloadFrom: { kind: 'network', path: 'updates' } }),
      'downloadFrom.path',
    ],
    [
      'saveAsTemplate without a name',
      () => ({ ...valid(), saveAsTemplate: { description: '' } }),
      'saveAsTemplate.name',
    ],
    ['a body that is a list', () => [valid()], 'body'],
    ['a body that is not JSON', () => '{"name":', 'body', 'The request body is not valid JSON'],
  ];

  it.each(cases)('%s', async (_what, body, field, message) => {
    await expectRefusedUnchanged(() => send('POST', '/api/deployments', body()), 400, {
      code: 'BAD_REQUEST',
      field,
      ...(message ? { message } : {}),
    });
  });

  it('a 400 comes before rights: CONTOSO\\lonadmin sending an unknown field gets the 400', async () => {
    await expectRefusedUnchanged(() => send('POST', '/api/deployments', { ...valid(), id: '7' }, lonadmin), 400, {
      field: 'id',
    });
  });

  // Regression test for a fixed bug.
  it('a field the settings do not take is a 400 naming settings.extra', async () => {
    await expectRefusedUnchanged(
      () => send('POST', '/api/deployments', { ...valid(), settings: { ...valid().settings, extra: 1 } }),
      400,
      { code: 'BAD_REQUEST', field: 'settings.extra' },
    );
  });
});

describe('POST /api/deployments: 409 naming the rule, and nothing changed', () => {
  const settings = (changes: Record<string, unknown>) => ({ ...valid().settings, ...changes });
  const now = '2008-12-18T11:50:00Z';
  const cases: Array<[string, () => unknown, string, string?]> = [
    [
      "another scan tool's update",
      () => valid({ updateIds: [otherScanToolId()], acknowledgeLegacy: true }),
      'update-not-deployable',
    ],
    ['a LEGACY update not acknowledged', () => valid({ updateIds: legacyIds() }), 'legacy-not-acknowledged'],
    [
      'a template the selection does not allow',
      () => request([...ms08067(), ...kb890830()], workstationsSms2003),
      'template-not-offered',
    ],
    [
      'the SMS 2003 setting with an update not Deployable to SMS 2003',
      () =>
        valid({
          updateIds: [...ms08067(), ...kb890830()],
          settings: { ...valid().settings, deployToSms2003Clients: true },
        }),
      'not-deployable-to-sms2003',
    ],
    ['no collection', () => valid({ settings: { ...valid().settings, collectionId: null } }), 'collection-required'],
    [
      'an unknown collection',
      () => valid({ settings: { ...valid().settings, collectionId: 'CEN09999' } }),
      'unknown-collection',
      'There is no collection CEN09999.',
    ],
    ['a deadline before availability', () => valid({ deadline: now }), 'deadline-before-available'],
    ['no package for updates not downloaded', () => valid({ deploymentPackage: null }), 'deployment-package-required'],
    [
      'a package name of 51 characters',
      () => valid({ deploymentPackage: { ...valid().deploymentPackage, name: 'p'.repeat(51) } as never }),
      'package-name-invalid',
      'The package name must be at most 50 characters.',
    ],
    [
      'a package description of 128 characters',
      () => valid({ deploymentPackage: { ...valid().deploymentPackage, description: 'd'.repeat(128) } as never }),
      'package-description-invalid',
      'The package description must be at most 127 characters.',
    ],
    [
      'a package name taken',
      () =>
        valid({
          deploymentPackage: { ...valid().deploymentPackage, name: 'critical updates - december 2008' } as never,
        }),
      'package-name-taken',
    ],
    [
      'an unknown package',
      () => valid({ deploymentPackage: { kind: 'existing', id: 'CEN09999' } }),
      'unknown-deployment-package',
    ],
    ['an unknown language', () => valid({ languages: ['Klingon'] }), 'unknown-language'],
    ['no language', () => valid({ languages: [] }), 'language-required'],
    [
      'a deployment name taken',
      () => valid({ name: 'CRITICAL UPDATES - DECEMBER 2008' }),
      'deployment-name-taken',
      'There is already a deployment named "Critical Updates - December 2008" (1): choose another name.',
    ],
    ['an empty deployment name', () => valid({ name: '  ' }), 'deployment-name-invalid'],
    [
      'a template name taken (saved from the wizard)',
      () => valid({ saveAsTemplate: { name: serversStandard, description: '' } }),
      'template-name-taken',
    ],
    [
      'an update listed twice',
      () => valid({ updateIds: [...ms08067(), ...ms08067().slice(0, 1)] }),
      'duplicate-software-update',
    ],
    ['an unknown template', () => valid({ templateId: 'DT000099' }), 'unknown-deployment-template'],
    [
      "a duration out of its unit's range",
      () => valid({ settings: settings({ duration: 25, durationUnits: 'Hours' }) as never }),
      'duration-invalid',
    ],
  ];

  it.each(cases)('%s', async (_what, body, rule, message) => {
    await expectRefusedUnchanged(() => send('POST', '/api/deployments', body()), 409, {
      code: 'CONFLICT',
      rule,
      ...(message ? { message } : {}),
    });
  });

  it('an expired update (Just upgraded) is a 409 update-not-deployable', async () => {
    await restartAt('just-upgraded');
    const [id] = updateIdsWhere((u) => u.sourceCatalog === 'Microsoft Update');
    await expectRefusedUnchanged(
      () => send('POST', '/api/deployments', valid({ updateIds: [id ?? ''], acknowledgeLegacy: true })),
      409,
      { code: 'CONFLICT', rule: 'update-not-deployable', message: expect.stringContaining('is expired') },
    );
  });

  it('Before upgrade is a 409 site-not-upgraded', async () => {
    const body = valid();
    await restartAt('before-upgrade');
    await expectRefusedUnchanged(() => send('POST', '/api/deployments', body), 409, { rule: 'site-not-upgraded' });
  });
});

describe('POST /api/deployments: rights ("will not have any rights to new object types such as deployment templates")', () => {
  it.each([patchadmin, auditor])(
    '%s may read the LEGACY updates but not create a deployment: 403 naming the Create right on Deployments',
    async (admin) => {
      await expectRefusedUnchanged(
        () => send('POST', '/api/deployments', valid({ updateIds: legacyIds(), acknowledgeLegacy: true }), admin),
        403,
        { code: 'FORBIDDEN', message: `${admin} has no Create right on Deployments` },
      );
    },
  );

  it.each(OTHER_ADMINS)('%s selecting synchronized updates: 403 naming the Read right on the first', async (admin) => {
    await expectRefusedUnchanged(() => send('POST', '/api/deployments', valid(), admin), 403, {
      code: 'FORBIDDEN',
      message: `${admin} has no Read right on software update ${ms08067()[0] ?? ''}`,
    });
  });

  it('a 403 comes before a 409: patchadmin with a template the selection does not allow gets the 403', async () => {
    await expectRefusedUnchanged(
      () => send('POST', '/api/deployments', request([...ms08067(), ...kb890830()], workstationsSms2003), patchadmin),
      403,
      { code: 'FORBIDDEN' },
    );
  });

  it('once granted Create on deployments, patchadmin still needs Read on the template it names', async () => {
    grantAlso({ account: patchadmin, objectType: 'Deployment', instanceIds: null, rights: ['Create'] });
    const legacy = legacyIds();
    await expectRefusedUnchanged(
      () =>
        send('POST', '/api/deployments', { ...request(legacy, serversStandard), acknowledgeLegacy: true }, patchadmin),
      403,
      { message: `${patchadmin} has no Read right on deployment template ${templateId(serversStandard)}` },
    );
    await expectRefusedUnchanged(
      () => send('POST', '/api/deployments', valid({ updateIds: legacy, acknowledgeLegacy: true }), patchadmin),
      403,
      { message: `${patchadmin} has no Create right on Deployment Packages` },
    );
  });

  it('without X-Admin is a 401', async () => {
    await expectRefusedUnchanged(() => send('POST', '/api/deployments', valid(), null), 401, {
      code: 'UNAUTHENTICATED',
    });
  });
});

describe('POST /api/deployments: the deployment made', () => {
  it("answers the deployment, the creator's rights and its rollout job; it is listed; its updates are Deployed", async () => {
    const ids = ms08067();
    const answer = deploymentResponseSchema.parse(await expectOk(send('POST', '/api/deployments', valid())));
    expect(answer.item).toMatchObject({
      id: '2',
      name: 'MS08-067 - pilot',
      collectionId: 'CEN00011',
      collectionName: CONTOSO.collections.cenPilotWorkstations,
      createdBy: smsadmin,
      availableTime: '2008-12-18T11:50:00Z',
      deadline: null,
      updateIds: ids,
      deploymentPackageId: 'CEN00011',
      sms2003: null,
    });
    expect(answer.rights).toEqual([...RIGHTS_BY_OBJECT_TYPE.Deployment]);
    expect(answer.savedTemplateId).toBeNull();
    const job = h.backend.state.jobs.find((candidate) => candidate.id === answer.jobId);
    expect(job).toMatchObject({ kind: 'deployment-rollout', targetId: '2', state: 'Running' });
    expect(h.backend.log.at(-1)).toMatchObject({ type: 'create-deployment', id: '2', by: smsadmin });

    const list = await expectOk(send('GET', '/api/deployments'));
    expect((list.items ?? []).map((item) => item.id)).toEqual([CRITICAL_DEPLOYMENT_ID, '2']);
    const pkg = await expectOk(send('GET', '/api/deployment-packages/CEN00011'));
    expect(pkg.item).toMatchObject({ name: 'MS08-067', updateIds: ids, createdBy: smsadmin });
    for (const update of h.backend.state.softwareUpdates.filter((u) => ids.includes(u.id))) {
      expect(update).toMatchObject({ deployed: true, downloaded: true });
    }
  });

  it('as real time passes, Installed rises and Required falls by the same number, hour by hour', async () => {
    const ids = ms08067();
    const counts = () =>
      h.backend.state.softwareUpdates
        .filter((u) => ids.includes(u.id))
        .reduce(
          (sum, u) => ({
            required: sum.required + u.compliance.required,
            installed: sum.installed + u.compliance.installed,
          }),
          { required: 0, installed: 0 },
        );
    const answer = deploymentResponseSchema.parse(await expectOk(send('POST', '/api/deployments', valid())));
    const expected = Object.values(answer.item.expectedInstalls).reduce((sum, n) => sum + n, 0);
    const start = counts();
    h.passTime(59_000); // 59 site minutes at 60x
    expect(counts()).toEqual(start);
    h.passTime(1_000);
    const first = counts();
    expect(first.installed).toBeGreaterThan(start.installed);
    expect(first.installed + first.required).toBe(start.installed + start.required);
    h.passTime(3 * 60_000);
    expect(counts()).toEqual({ required: start.required - expected, installed: start.installed + expected });
    const jobs = await expectOk(send('GET', '/api/site/jobs'));
    expect((jobs.jobs as Array<{ id: string; state: string }>).find((job) => job.id === answer.jobId)?.state).toBe(
      'Succeeded',
    );
  });

  it('saves the settings as a template when asked: savedTemplateId, listed for its creator', async () => {
    const answer = deploymentResponseSchema.parse(
      await expectOk(
        send('POST', '/api/deployments', valid({ saveAsTemplate: { name: 'Pilot - MS08-067', description: 'x' } })),
      ),
    );
    expect(answer.savedTemplateId).toBe('DT000003');
    const template = deploymentTemplateResponseSchema.parse(
      await expectOk(send('GET', '/api/deployment-templates/DT000003')),
    );
    expect(template.item).toMatchObject({ name: 'Pilot - MS08-067', collectionId: 'CEN00011', createdBy: smsadmin });
    expect(template.rights).toEqual([...RIGHTS_BY_OBJECT_TYPE.DeploymentTemplate]);
  });

  it('with every update downloaded and no SMS 2003 clients, no package is needed: the one holding them is used', async () => {
    const before = h.backend.state.deploymentPackages;
    const answer = deploymentResponseSchema.parse(
      await expectOk(send('POST', '/api/deployments', valid({ updateIds: downloadedIds(), deploymentPackage: null }))),
    );
    expect(answer.item.deploymentPackageId).toBe('CEN00010');
    expect(h.backend.state.deploymentPackages).toEqual(before);
  });
});

describe('POST /api/deployments/:id/disable-sms2003: "If turned off ... it cannot be turned on again"', () => {
  const disable = (id: string, admin: string = smsadmin, body?: unknown) =>
    send('POST', `/api/deployments/${id}/disable-sms2003`, body, admin);

  it('turns SMS 2003 clients off on Critical Updates - December 2008; a second request is a 409 and changes nothing', async () => {
    const answer = deploymentResponseSchema.parse(await expectOk(disable(CRITICAL_DEPLOYMENT_ID)));
    expect(answer.item).toMatchObject({
      id: CRITICAL_DEPLOYMENT_ID,
      deployToSms2003Clients: false,
      sms2003: { enabled: false },
    });
    expect(answer.jobId).toBeNull();
    await expectRefusedUnchanged(() => disable(CRITICAL_DEPLOYMENT_ID), 409, {
      code: 'CONFLICT',
      rule: 'sms2003-already-off',
      message:
        'Critical Updates - December 2008 (1) does not deploy to SMS 2003 clients any more: it was switched off and cannot be turned on again.',
    });
  });

  it('a deployment that does not deploy to SMS 2003 clients is a 409', async () => {
    await expectOk(send('POST', '/api/deployments', valid()));
    await expectRefusedUnchanged(() => disable('2'), 409, { rule: 'sms2003-already-off' });
  });

  it('an unknown deployment is a 404', async () => {
    await expectRefusedUnchanged(() => disable('99'), 404, {
      code: 'NOT_FOUND',
      message: 'There is no deployment with ID 99.',
    });
  });

  it.each(OTHER_ADMINS)('%s, with no right on Deployments, is refused naming the type', async (admin) => {
    await expectRefusedUnchanged(() => disable(CRITICAL_DEPLOYMENT_ID, admin), 403, {
      code: 'FORBIDDEN',
      message: `${admin} has no Read right on Deployments`,
    });
  });

  it.each(OTHER_ADMINS)('%s, with no right on Deployments, gets the 403 before the 404', async (admin) => {
    await expectRefusedUnchanged(() => disable('99', admin), 403, {
      code: 'FORBIDDEN',
      message: `${admin} has no Read right on Deployments`,
    });
  });

  // Regression test for a fixed bug.
  it('gives a caller with no right on Deployments the same answer for an existing deployment and a missing one', async () => {
    const existing = await disable(CRITICAL_DEPLOYMENT_ID, patchadmin);
    const missing = await disable('99', patchadmin);
    expect(existing).toEqual(missing);
  });

  it('needs Modify: Read alone is a 403 naming the Modify right', async () => {
    grantAlso(instanceGrant(patchadmin, 'Deployment', CRITICAL_DEPLOYMENT_ID, 'Read'));
    await expectRefusedUnchanged(() => disable(CRITICAL_DEPLOYMENT_ID, patchadmin), 403, {
      message: `${patchadmin} has no Modify right on deployment 1`,
    });
  });

  it('a body that is not JSON is a 400; any JSON body is ignored', async () => {
    await expectRefusedUnchanged(() => disable(CRITICAL_DEPLOYMENT_ID, smsadmin, '{x'), 400, { field: 'body' });
    await expectOk(disable(CRITICAL_DEPLOYMENT_ID, smsadmin, { anything: 1 }));
  });

  it('without X-Admin is a 401; Before upgrade a 409', async () => {
    await expectRefusedUnchanged(() => send('POST', '/api/deployments/1/disable-sms2003', undefined, null), 401, {
      code: 'UNAUTHENTICATED',
    });
    await restartAt('before-upgrade');
    await expectRefusedUnchanged(() => disable('1'), 409, { rule: 'site-not-upgraded' });
  });
});

describe('GET /api/deployment-templates/rights', () => {
  it('CONTOSO\\smsadmin may create templates', async () => {
    expect(
      deploymentTemplateClassRightsSchema.parse(await expectOk(send('GET', '/api/deployment-templates/rights'))),
    ).toEqual({
      canCreate: true,
      whyNot: null,
    });
  });

  it.each(OTHER_ADMINS)('%s may not, and is told which right it lacks', async (admin) => {
    const body = await expectOk(send('GET', '/api/deployment-templates/rights', undefined, admin));
    expect(body).toEqual({ canCreate: false, whyNot: `${admin} has no Create right on Deployment Templates` });
  });

  it('Before upgrade nobody may', async () => {
    await restartAt('before-upgrade');
    expect(await expectOk(send('GET', '/api/deployment-templates/rights'))).toEqual({
      canCreate: false,
      whyNot: 'Deployment templates come with Configuration Manager 2007: run Setup to upgrade the site first.',
    });
  });
});

describe('POST /api/deployment-templates', () => {
  const post = (body: unknown, admin: string | null = smsadmin) =>
    send('POST', '/api/deployment-templates', body, admin);

  it('creates the template with the next ID; its creator holds every right on it; it is listed', async () => {
    const answer = deploymentTemplateResponseSchema.parse(await expectOk(post(templateBody())));
    expect(answer.item).toEqual({
      ...DEFAULT_DEPLOYMENT_SETTINGS,
      collectionId: 'CEN00011',
      id: 'DT000003',
      name: 'Pilot Workstations',
      description: 'The pilot first',
      createdBy: smsadmin,
      createdAt: '2008-12-18T11:50:00Z',
    });
    expect(answer.rights).toEqual([...RIGHTS_BY_OBJECT_TYPE.DeploymentTemplate]);
    const list = await expectOk(send('GET', '/api/deployment-templates'));
    // Listed by name, as the Deployment Templates node sorts them.
    expect((list.items ?? []).map((item) => item.name)).toEqual([
      'Pilot Workstations',
      serversStandard,
      workstationsSms2003,
    ]);
  });

  it.each([
    [{ ...templateBody(), owner: patchadmin }, 'owner', 'owner: POST /api/deployment-templates takes no field "owner"'],
    [{ ...templateBody(), id: 'DT000009' }, 'id', undefined],
    [{ ...templateBody(), name: 3 }, 'name', undefined],
    [{ name: 'x', description: '' }, 'settings', undefined],
    [
      { ...templateBody(), settings: { ...templateBody().settings, durationUnits: 'Years' } },
      'settings.durationUnits',
      undefined,
    ],
    [
      { ...templateBody(), settings: { ...templateBody().settings, deployToSms2003Clients: 'yes' } },
      'settings.deployToSms2003Clients',
      undefined,
    ],
    [
      { ...templateBody(), settings: { ...templateBody().settings, slowBoundary: 'maybe' } },
      'settings.slowBoundary',
      undefined,
    ],
    ['not json', 'body', 'The request body is not valid JSON'],
  ])('%j is a 400 naming %s', async (body, field, message) => {
    await expectRefusedUnchanged(() => post(body), 400, {
      code: 'BAD_REQUEST',
      field,
      ...(message ? { message } : {}),
    });
  });

  it.each([
    [templateBody({ name: 'servers - standard' }), 'template-name-taken'],
    [templateBody({ name: ' ' }), 'template-name-invalid'],
    [templateBody({ name: 't'.repeat(101) }), 'template-name-invalid'],
    [templateBody({ description: 'd'.repeat(257) }), 'description-invalid'],
    [templateBody({ settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: 'NOPE' } }), 'unknown-collection'],
    [
      templateBody({ settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, duration: 5, durationUnits: 'Weeks' } }),
      'duration-invalid',
    ],
  ])('%j is a 409 %s', async (body, rule) => {
    await expectRefusedUnchanged(() => post(body), 409, { code: 'CONFLICT', rule });
  });

  it.each(OTHER_ADMINS)('%s: 403 naming the Create right on Deployment Templates', async (admin) => {
    await expectRefusedUnchanged(() => post(templateBody(), admin), 403, {
      code: 'FORBIDDEN',
      message: `${admin} has no Create right on Deployment Templates`,
    });
  });

  it('a caller with Create on templates still needs Read on the collection it names', async () => {
    grantAlso({ account: lonadmin, objectType: 'DeploymentTemplate', instanceIds: null, rights: ['Create'] });
    await expectRefusedUnchanged(() => post(templateBody(), lonadmin), 403, {
      message: `${lonadmin} has no Read right on collection CEN00011`,
    });
    const answer = deploymentTemplateResponseSchema.parse(
      await expectOk(
        post(templateBody({ settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: 'CEN00012' } }), lonadmin),
      ),
    );
    expect(answer.item.createdBy).toBe(lonadmin);
    expect(answer.rights).toEqual([...RIGHTS_BY_OBJECT_TYPE.DeploymentTemplate]);
  });

  // Regression test for a fixed bug.
  it('a field the settings do not take is a 400 naming settings.extra', async () => {
    await expectRefusedUnchanged(
      () => post({ ...templateBody(), settings: { ...templateBody().settings, extra: 1 } }),
      400,
      {
        field: 'settings.extra',
      },
    );
  });

  it('without X-Admin is a 401; Before upgrade a 409', async () => {
    await expectRefusedUnchanged(() => post(templateBody(), null), 401, { code: 'UNAUTHENTICATED' });
    await restartAt('before-upgrade');
    await expectRefusedUnchanged(() => post(templateBody()), 409, { rule: 'site-not-upgraded' });
  });
});

describe('PATCH /api/deployment-templates/:id', () => {
  const patch = (id: string, body: unknown, admin: string = smsadmin) =>
    send('PATCH', `/api/deployment-templates/${id}`, body, admin);

  it('changes the name, description and settings; who made it and when stay', async () => {
    const id = templateId(serversStandard);
    const answer = deploymentTemplateResponseSchema.parse(
      await expectOk(patch(id, templateBody({ name: 'Servers - Weekend', description: 'Saturday night' }))),
    );
    expect(answer.item).toMatchObject({
      id,
      name: 'Servers - Weekend',
      description: 'Saturday night',
      collectionId: 'CEN00011',
      createdBy: smsadmin,
      createdAt: '2008-12-18T11:50:00Z',
    });
    expect(h.backend.log.at(-1)).toMatchObject({ type: 'update-deployment-template', id, by: smsadmin });
  });

  it('a body that is not valid is a 400 naming the field, even for an unknown template', async () => {
    await expectRefusedUnchanged(() => patch('DT000099', { ...templateBody(), createdBy: patchadmin }), 400, {
      field: 'createdBy',
      message: 'createdBy: PATCH /api/deployment-templates/:id takes no field "createdBy"',
    });
    await expectRefusedUnchanged(() => patch(templateId(serversStandard), { name: 'x' }), 400, {
      field: 'description',
    });
  });

  it('an unknown template is a 404', async () => {
    await expectRefusedUnchanged(() => patch('DT000099', templateBody()), 404, {
      code: 'NOT_FOUND',
      message: 'There is no deployment template with ID DT000099.',
    });
  });

  it.each(OTHER_ADMINS)(
    '%s, with no right on Deployment Templates: 403 before 404, the same for both',
    async (admin) => {
      for (const id of [templateId(serversStandard), 'DT000099']) {
        await expectRefusedUnchanged(() => patch(id, templateBody(), admin), 403, {
          code: 'FORBIDDEN',
          message: `${admin} has no Read right on Deployment Templates`,
        });
      }
    },
  );

  it('needs Modify: Read alone is a 403 naming it; with Modify it is accepted', async () => {
    const id = templateId(serversStandard);
    grantAlso(instanceGrant(patchadmin, 'DeploymentTemplate', id, 'Read'));
    await expectRefusedUnchanged(() => patch(id, templateBody(), patchadmin), 403, {
      message: `${patchadmin} has no Modify right on deployment template ${id}`,
    });
    // A template it may not read at all is named by its ID only.
    await expectRefusedUnchanged(() => patch(templateId(workstationsSms2003), templateBody(), patchadmin), 403, {
      message: `${patchadmin} has no Read right on deployment template ${templateId(workstationsSms2003)}`,
    });
    grantAlso(instanceGrant(patchadmin, 'DeploymentTemplate', id, 'Read', 'Modify'));
    await expectOk(patch(id, templateBody(), patchadmin));
  });

  // Regression test for a fixed bug.
  it('needs Read on the collection it sets, as creating does', async () => {
    const id = templateId(serversStandard);
    grantAlso(instanceGrant(lonadmin, 'DeploymentTemplate', id, 'Read', 'Modify'));
    await expectRefusedUnchanged(
      () =>
        patch(id, templateBody({ settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: 'SMS00001' } }), lonadmin),
      403,
      { message: `${lonadmin} has no Read right on collection SMS00001` },
    );
  });

  it.each([
    [() => templateBody({ name: workstationsSms2003 }), 'template-name-taken'],
    [() => templateBody({ name: '' }), 'template-name-invalid'],
    [() => templateBody({ settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: 'NOPE' } }), 'unknown-collection'],
  ])('a rule broken is a 409 (%#)', async (body, rule) => {
    await expectRefusedUnchanged(() => patch(templateId(serversStandard), body()), 409, { code: 'CONFLICT', rule });
  });
});

describe('DELETE /api/deployment-templates/:id', () => {
  const remove = (id: string, admin: string = smsadmin) =>
    send('DELETE', `/api/deployment-templates/${id}`, undefined, admin);

  it('deletes it; it is no longer listed, and a second request is a 404', async () => {
    const id = templateId(workstationsSms2003);
    expect(await expectOk(remove(id))).toEqual({ deleted: id });
    const list = await expectOk(send('GET', '/api/deployment-templates'));
    expect((list.items ?? []).map((item) => item.name)).toEqual([serversStandard]);
    await expectRefusedUnchanged(() => remove(id), 404, { code: 'NOT_FOUND' });
    // The deployment made with it keeps its settings.
    expect(h.backend.state.deployments[0]).toMatchObject({ templateId: id, deployToSms2003Clients: true });
  });

  it.each(OTHER_ADMINS)('%s, with no right on Deployment Templates: 403 before 404', async (admin) => {
    for (const id of [templateId(serversStandard), 'DT000099']) {
      await expectRefusedUnchanged(() => remove(id, admin), 403, {
        message: `${admin} has no Read right on Deployment Templates`,
      });
    }
  });

  it('needs Delete: Read and Modify are not enough', async () => {
    const id = templateId(serversStandard);
    grantAlso(instanceGrant(auditor, 'DeploymentTemplate', id, 'Read', 'Modify'));
    await expectRefusedUnchanged(() => remove(id, auditor), 403, {
      message: `${auditor} has no Delete right on deployment template ${id}`,
    });
    await expectRefusedUnchanged(() => remove('DT000099', auditor), 404, { code: 'NOT_FOUND' });
    grantAlso(instanceGrant(auditor, 'DeploymentTemplate', id, 'Read', 'Delete'));
    expect(await expectOk(remove(id, auditor))).toEqual({ deleted: id });
  });

  it('without X-Admin is a 401; Before upgrade a 409', async () => {
    await expectRefusedUnchanged(() => send('DELETE', '/api/deployment-templates/DT000001', undefined, null), 401, {
      code: 'UNAUTHENTICATED',
    });
    await restartAt('before-upgrade');
    await expectRefusedUnchanged(() => remove('DT000001'), 409, { rule: 'site-not-upgraded' });
  });
});
