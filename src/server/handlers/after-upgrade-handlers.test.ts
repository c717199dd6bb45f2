import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SITE_ACTIONS, type SiteAction } from '@/domain/after-upgrade/after-upgrade-actions';
import { DEFAULT_SUP_SETTINGS } from '@/domain/after-upgrade/software-update-point';
import { NODE_IDS } from '@/domain/console-tree/console-tree';
import {
  afterUpgradeStatusSchema,
  explanationResponseSchema,
  jobsResponseSchema,
  type AfterUpgradeStatus,
  type JobsResponse,
} from '@/domain/contract/after-upgrade-contract';
import { sessionSchema } from '@/domain/contract/api-contract';
import { minutesBetween } from '@/domain/site-clock/site-clock';
import { fieldText } from '@/domain/query/fields';
import { fieldOf, RESOURCES, type Identified } from '@/domain/query/resources';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { Backend } from '../backend';
import { startTestBackend } from '../test-harness';

/**
 * The endpoints of the site after the upgrade (src/server/handlers/after-upgrade-handlers.ts): the software update
 * point, site actions, jobs on the site clock, the clock itself, advertisements, migrated deployments, package
 * sources, client upgrades and explanations. The rules quoted are those of the planning topic, "Planning for Software
 * Updates Site Upgrade" (shared/reference/planning-for-software-updates-site-upgrade.txt).
 */

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
type Item = Record<string, unknown> & { id: string };

const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;
/** The harness's wall clock starts here (src/server/test-harness.ts) and stands still unless a test moves it. */
const HARNESS_WALL_START = Date.parse('2026-01-01T00:00:00Z');
/** At the default speed (60 site seconds per real second) a site minute is a real second. */
const REAL_MS_PER_SITE_MINUTE = 1000;
const SUP = {
  products: [...DEFAULT_SUP_SETTINGS.products],
  classifications: [...DEFAULT_SUP_SETTINGS.classifications],
  languages: [...DEFAULT_SUP_SETTINGS.languages],
};
const KB890830_TITLE = 'Windows Malicious Software Removal Tool - December 2008 (KB890830)';
const GOOD_SOURCE = '\\\\CEN-SMS01\\PkgSrc$\\OfficeQ1-Redownloaded';

/** A fresh site for every test (Just upgraded unless the options say), stopped after it. */
function useSite(options: Parameters<typeof startTestBackend>[0] = {}) {
  const holder: { harness?: Harness } = {};
  beforeEach(async () => {
    holder.harness = await startTestBackend(options);
  });
  afterEach(() => {
    holder.harness?.stop();
    holder.harness = undefined;
  });
  return () => {
    if (!holder.harness) throw new Error('The harness has not started');
    return holder.harness;
  };
}

/** A request as an administrator (CONTOSO\smsadmin unless told; null sends no X-Admin), with a JSON body if given. */
function send(h: Harness, method: string, path: string, body?: unknown, admin: string | null = smsadmin) {
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

async function afterUpgrade(h: Harness, admin: string = smsadmin): Promise<AfterUpgradeStatus> {
  const { status, body } = await send(h, 'GET', '/api/site/after-upgrade', undefined, admin);
  expect(status, JSON.stringify(body.error)).toBe(200);
  return afterUpgradeStatusSchema.parse(body);
}

async function siteJobs(h: Harness): Promise<JobsResponse> {
  const { status, body } = await send(h, 'GET', '/api/site/jobs');
  expect(status, JSON.stringify(body.error)).toBe(200);
  return jobsResponseSchema.parse(body);
}

async function jobById(h: Harness, id: string) {
  const job = (await siteJobs(h)).jobs.find((candidate) => candidate.id === id);
  if (!job) throw new Error(`There is no job ${id}`);
  return job;
}

async function sessionClock(h: Harness) {
  const { body } = await send(h, 'GET', '/api/session');
  return sessionSchema.parse(body);
}

async function expectOk(response: Promise<{ status: number; body: Record<string, unknown> }>) {
  const { status, body } = await response;
  expect(status, JSON.stringify(body.error)).toBe(200);
  return body;
}

const configureSup = (h: Harness) => expectOk(send(h, 'PUT', '/api/site/software-update-point', SUP));
const siteAction = (h: Harness, action: SiteAction | string, admin: string = smsadmin) =>
  send(h, 'POST', `/api/site/actions/${action}`, undefined, admin);
const fastForwardToEndOfJobs = (h: Harness) =>
  expectOk(send(h, 'POST', '/api/site/clock', { type: 'fast-forward-to-end-of-jobs' }));

/** Every item of a list, window by window; fails the test on anything but 200. */
async function listAll(h: Harness, path: string, admin: string = smsadmin): Promise<{ items: Item[]; total: number }> {
  const items: Item[] = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let offset = 0; ; offset += 1000) {
    const { status, body } = await send(h, 'GET', `${path}${separator}offset=${offset}&limit=1000`, undefined, admin);
    expect(status, JSON.stringify(body.error)).toBe(200);
    items.push(...((body.items ?? []) as Item[]));
    if (items.length >= (body.total ?? 0)) return { items, total: body.total ?? 0 };
  }
}

/** What a refused request must leave exactly as it was: the state, the saved site and the saved clock. */
async function snapshot(h: Harness) {
  return {
    state: JSON.stringify(h.backend.state),
    saved: JSON.stringify(await h.store.load()),
    clock: JSON.stringify(await h.store.loadClock()),
  };
}

/** A refusal: its status and error, and nothing changed. */
async function expectRefusedUnchanged(
  h: Harness,
  request: () => Promise<{ status: number; body: Record<string, unknown> & { error?: Record<string, unknown> } }>,
  status: number,
  error: Record<string, unknown>,
) {
  const before = await snapshot(h);
  const response = await request();
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.error).toMatchObject(error);
  expect(await snapshot(h)).toEqual(before);
  return response.body.error;
}

const updatesById = (h: Harness) => new Map(h.backend.state.softwareUpdates.map((update) => [update.id, update]));

// ---------------------------------------------------------------------------------------------------------------

describe('GET /api/site/after-upgrade: what each administrator may do on site CEN after the upgrade', () => {
  const harness = useSite();

  it('CONTOSO\\smsadmin, "the user who ran the upgrade", may configure the software update point; an action a rule refuses says which rule', async () => {
    const status = await afterUpgrade(harness(), smsadmin);
    expect(status.softwareUpdatePoint).toBeNull();
    expect(status.configureSoftwareUpdatePoint).toEqual({ enabled: true, why: null });
    expect(status.proposedSoftwareUpdatePoint).toEqual({ serverName: 'CEN-SMS01', ...SUP });
    for (const action of ['install-kb954474', 'run-legacy-cleanup-script', 'upgrade-lon'] as const) {
      expect(status.actions[action], action).toEqual({ enabled: true, why: null });
    }
    expect(status.actions['synchronize-software-updates']).toEqual({
      enabled: false,
      why: expect.stringContaining('There is no software update point'),
    });
    expect(status.actions['run-microsoft-updates-tool-sync']).toEqual({
      enabled: false,
      why: 'Microsoft Updates Tool Sync (JOB00001) is already running.',
    });
    expect(status.actions['republish-custom-catalog'].why).toContain('create the software update point first');
    expect(status.itmu).toMatchObject({ installed: true, sms2003ClientsRemaining: 1500, canRemove: false });
    expect(status.actions['remove-itmu']).toEqual({ enabled: false, why: status.itmu.message });
  });

  /** The right each site action needs (rightNeededFor), written out here so that the test does not restate the code. */
  const MISSING: Record<SiteAction, string> = {
    'synchronize-software-updates': 'Modify right on site CEN',
    'install-kb954474': 'Modify right on site CEN',
    'run-microsoft-updates-tool-sync': 'Modify right on advertisement CEN2000B',
    'republish-custom-catalog': 'Modify right on site CEN',
    'run-legacy-cleanup-script': 'Modify right on site CEN',
    'upgrade-lon': 'Administer right on site CEN',
    'remove-itmu': 'Administer right on site CEN',
  };

  it.each([patchadmin, lonadmin, auditor])(
    '%s sees the software update point and every site action disabled, each saying which right is missing on site CEN',
    async (admin) => {
      const status = await afterUpgrade(harness(), admin);
      expect(status.configureSoftwareUpdatePoint).toEqual({
        enabled: false,
        why: `${admin} has no Modify right on site CEN`,
      });
      expect(Object.keys(status.actions).sort()).toEqual([...SITE_ACTIONS].sort());
      for (const action of SITE_ACTIONS) {
        expect(status.actions[action], action).toEqual({ enabled: false, why: `${admin} has no ${MISSING[action]}` });
      }
    },
  );

  it('without an X-Admin header it is a 401', async () => {
    const { status, body } = await send(harness(), 'GET', '/api/site/after-upgrade', undefined, null);
    expect(status).toBe(401);
    expect(body.error?.code).toBe('UNAUTHENTICATED');
  });
});

describe('GET /api/site/after-upgrade Before upgrade', () => {
  const harness = useSite({ stage: 'before-upgrade' });

  it('every action is disabled until Setup has upgraded site CEN, and the site actions are a 409 site-not-upgraded', async () => {
    const status = await afterUpgrade(harness(), smsadmin);
    const why = 'Site CEN still runs SMS 2003 SP3: run Setup to upgrade it first.';
    expect(status.configureSoftwareUpdatePoint).toEqual({ enabled: false, why });
    for (const action of SITE_ACTIONS) expect(status.actions[action], action).toEqual({ enabled: false, why });
    await expectRefusedUnchanged(harness(), () => siteAction(harness(), 'install-kb954474'), 409, {
      rule: 'site-not-upgraded',
    });
  });
});

describe('Every new endpoint needs a known administrator', () => {
  const harness = useSite();

  it.each([
    ['GET', '/api/site/jobs'],
    ['PUT', '/api/site/software-update-point'],
    ['POST', '/api/site/actions/install-kb954474'],
    ['POST', '/api/site/jobs/JOB00001/cancel'],
    ['POST', '/api/site/clock'],
    ['POST', '/api/advertisements/CEN2000B/run'],
    ['DELETE', '/api/sms2003-advertisements/CEN20001'],
    ['POST', '/api/sms2003-advertisements/CEN20002/remove-updates'],
    ['PATCH', '/api/packages/CEN00002'],
    ['POST', '/api/packages/CEN00002/update-distribution-points'],
    ['POST', '/api/collections/CEN00011/upgrade-clients'],
    ['GET', '/api/software-updates/16777217/explanation'],
    ['GET', '/api/clients?node=collections/CEN00011'],
    ['GET', '/api/advertisements'],
    ['GET', '/api/site-systems'],
    ['GET', '/api/status-messages'],
  ])('%s %s without X-Admin is a 401 and changes nothing', async (method, path) => {
    await expectRefusedUnchanged(
      harness(),
      () => send(harness(), method, path, method === 'GET' ? undefined : {}, null),
      401,
      { code: 'UNAUTHENTICATED' },
    );
  });
});

describe('The software update point: "the software update point site role must be created and configured and then synchronized with the Windows Server Update Services (WSUS) server"', () => {
  const harness = useSite();
  const put = (body: unknown, admin: string = smsadmin) =>
    send(harness(), 'PUT', '/api/site/software-update-point', body, admin);

  it('a product WSUS does not offer is a 400 naming the field products.N, and nothing is saved', async () => {
    await expectRefusedUnchanged(harness(), () => put({ ...SUP, products: ['Windows XP', 'Windows 95'] }), 400, {
      code: 'BAD_REQUEST',
      field: 'products.1',
      message: 'products.1: is not one of the products WSUS offers',
    });
  });

  it('a field the endpoint does not take is a 400 that names it, and nothing is saved', async () => {
    await expectRefusedUnchanged(harness(), () => put({ ...SUP, createdBy: patchadmin }), 400, {
      code: 'BAD_REQUEST',
      field: 'body',
      message: 'body: Unrecognized key: "createdBy"',
    });
  });

  it.each([
    [{ ...SUP, languages: [] }, 'languages'],
    [{ ...SUP, classifications: ['Security Updates', 'Security Updates'] }, 'classifications'],
    [{ products: SUP.products, classifications: SUP.classifications }, 'languages'],
    [{ ...SUP, serverName: '' }, 'serverName'],
    ['{"products":', 'body'],
  ])('%j is a 400 naming %s, and nothing is saved', async (body, field) => {
    await expectRefusedUnchanged(harness(), () => put(body), 400, { code: 'BAD_REQUEST', field });
  });

  it('CONTOSO\\patchadmin gets a 403 naming the Modify right on site CEN, and the state and saved site are unchanged', async () => {
    await expectRefusedUnchanged(harness(), () => put(SUP, patchadmin), 403, {
      code: 'FORBIDDEN',
      message: 'CONTOSO\\patchadmin has no Modify right on site CEN',
    });
    expect(harness().backend.state.softwareUpdatePoint).toBeNull();
  });

  it('a server that is not a site system of CEN is a 409 unknown-site-system, and nothing is saved', async () => {
    await expectRefusedUnchanged(harness(), () => put({ ...SUP, serverName: 'WSUS-01' }), 409, {
      code: 'CONFLICT',
      rule: 'unknown-site-system',
    });
  });

  it('CONTOSO\\smsadmin creates it: 200 with the role, and Site Systems shows the software update point role on \\\\CEN-SMS01', async () => {
    const { status, body } = await put(SUP);
    expect(status, JSON.stringify(body.error)).toBe(200);
    const answer = afterUpgradeStatusSchema.parse(body);
    expect(answer.softwareUpdatePoint).toEqual({
      serverName: 'CEN-SMS01',
      createdAt: '2008-12-18T09:00:00Z',
      createdBy: smsadmin,
      ...SUP,
      lastSynchronizedAt: null,
    });
    expect(answer.actions['synchronize-software-updates']).toEqual({ enabled: true, why: null });
    expect(harness().backend.log.at(-1)).toMatchObject({ type: 'configure-software-update-point', by: smsadmin });

    const systems = await listAll(harness(), '/api/site-systems');
    expect(systems.items).toEqual([
      expect.objectContaining({
        id: 'CEN-SMS01',
        name: '\\\\CEN-SMS01',
        siteCode: 'CEN',
        roles: expect.arrayContaining(['ConfigMgr site server', 'ConfigMgr software update point']),
      }),
    ]);
    const roles = fieldOf(RESOURCES['site-systems'], 'roles');
    if (!roles) throw new Error('site-systems has no Roles column');
    expect(fieldText(roles, systems.items[0] as Identified)).toContain('ConfigMgr software update point');
  });
});

describe('Synchronizing the software update point: "Before Configuration Manager client computers are able to scan for software update compliance ... the updates must be put back into an active state by running software updates synchronization"', () => {
  const harness = useSite();

  it('synchronizing before there is a software update point is a 409 no-software-update-point, and changes nothing', async () => {
    await expectRefusedUnchanged(harness(), () => siteAction(harness(), 'synchronize-software-updates'), 409, {
      code: 'CONFLICT',
      rule: 'no-software-update-point',
    });
    expect((await siteJobs(harness())).jobs.map((job) => job.kind)).toEqual(['itmu-catalog-sync']);
  });

  it('once the software update point exists, the synchronization is a job of GET /api/site/jobs that runs on the site clock and Succeeds as real time passes', async () => {
    const h = harness();
    await configureSup(h);
    await expectOk(siteAction(h, 'synchronize-software-updates'));
    const started = (await siteJobs(h)).jobs.find((job) => job.kind === 'software-update-point-sync');
    expect(started).toMatchObject({
      name: 'Software updates synchronization',
      requestedBy: smsadmin,
      startedAt: '2008-12-18T09:00:00Z',
      state: 'Running',
      percent: 0,
      canCancel: true,
    });
    if (!started) throw new Error('no synchronization job');
    await expectRefusedUnchanged(h, () => siteAction(h, 'synchronize-software-updates'), 409, {
      rule: 'synchronization-running',
    });

    const minutes = minutesBetween(started.startedAt, started.endsAt);
    h.passTime((minutes / 2) * REAL_MS_PER_SITE_MINUTE);
    expect(await jobById(h, started.id)).toMatchObject({ state: 'Running', percent: 50 });
    h.passTime((minutes / 2) * REAL_MS_PER_SITE_MINUTE);
    expect(await jobById(h, started.id)).toMatchObject({
      state: 'Succeeded',
      percent: 100,
      finishedAt: started.endsAt,
      canCancel: false,
    });
    expect((await afterUpgrade(h)).softwareUpdatePoint?.lastSynchronizedAt).toBe(started.endsAt);
  });

  it('after a fast-forward the synchronization Succeeded and brought "Windows Malicious Software Removal Tool - December 2008 (KB890830)", active and not deployable to SMS 2003', async () => {
    const h = harness();
    await configureSup(h);
    await expectOk(siteAction(h, 'synchronize-software-updates'));
    await fastForwardToEndOfJobs(h);
    const sync = (await siteJobs(h)).jobs.find((job) => job.kind === 'software-update-point-sync');
    expect(sync?.state).toBe('Succeeded');

    const found = await listAll(h, '/api/software-updates?q=KB890830');
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({
      title: KB890830_TITLE,
      deployableToSms2003: false,
      legacy: false,
      expired: false,
      existedBeforeUpgrade: false,
    });
    const id = String(found.items[0]?.id);
    const explanation = explanationResponseSchema.parse(
      await expectOk(send(h, 'GET', `/api/software-updates/${id}/explanation`)),
    );
    expect(explanation.reasons.join(' ')).toContain(
      'Deployable to SMS 2003 is No because the ITMU catalog does not hold it',
    );
  });

  it('"other administrators have access only to objects that existed prior to upgrade": CONTOSO\\patchadmin does not see the synchronized update, and still sees every LEGACY one', async () => {
    const h = harness();
    await configureSup(h);
    await expectOk(siteAction(h, 'synchronize-software-updates'));
    await fastForwardToEndOfJobs(h);
    const id = String((await listAll(h, '/api/software-updates?q=KB890830')).items[0]?.id);

    expect((await listAll(h, '/api/software-updates?q=KB890830', patchadmin)).total).toBe(0);
    const forbiddenMessage = `CONTOSO\\patchadmin has no Read right on software update ${id}`;
    for (const path of [`/api/software-updates/${id}`, `/api/software-updates/${id}/explanation`]) {
      const { status, body } = await send(h, 'GET', path, undefined, patchadmin);
      expect(status, path).toBe(403);
      expect(body.error?.message).toBe(forbiddenMessage);
    }

    const legacy = h.backend.state.softwareUpdates.filter((update) => update.legacy);
    const mine = await listAll(h, '/api/software-updates', patchadmin);
    expect(mine.items.map((item) => item.id).sort()).toEqual(legacy.map((update) => update.id).sort());
    // The user who ran the upgrade sees both.
    expect((await listAll(h, '/api/software-updates')).total).toBe(h.backend.state.softwareUpdates.length);
    expect(h.backend.state.softwareUpdates.length).toBeGreaterThan(legacy.length);
  });
});

describe('The KB 954474 trap: "synchronization for the Inventory Tool for Microsoft Updates fails and the latest updates are not available to SMS 2003 clients"', () => {
  const harness = useSite();
  const runSyncAdvertisement = (admin: string = smsadmin) =>
    send(harness(), 'POST', '/api/advertisements/CEN2000B/run', {}, admin);

  it('in Just upgraded the Microsoft Updates Tool Sync job runs, started by Setup: "After the Inventory Tool for Microsoft Updates is upgraded, the Microsoft Updates catalog is automatically synchronized"', async () => {
    const { jobs, now } = await siteJobs(harness());
    expect(now).toBe('2008-12-18T09:00:00Z');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      id: 'JOB00001',
      kind: 'itmu-catalog-sync',
      name: 'Microsoft Updates Tool Sync',
      requestedBy: smsadmin,
      startedAt: '2008-12-18T09:00:00Z',
      state: 'Running',
    });
    // "The synchronization task for the Inventory Tool for Microsoft Updates might take longer than an hour complete."
    const job = jobs[0];
    if (!job) throw new Error('no job');
    expect(minutesBetween(job.startedAt, job.endsAt)).toBeGreaterThan(60);
  });

  it('after a fast-forward it Failed, and Status Messages hold an Error that names Knowledge Base article 954474', async () => {
    const h = harness();
    await fastForwardToEndOfJobs(h);
    expect(await jobById(h, 'JOB00001')).toMatchObject({ state: 'Failed', percent: 100, canCancel: false });

    const messages = await listAll(h, '/api/status-messages');
    const errors = messages.items.filter((message) => message.severity === 'Error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ component: 'Microsoft Updates Tool Sync', jobId: 'JOB00001', siteCode: 'CEN' });
    expect(String(errors[0]?.description)).toContain('954474');
    expect((await listAll(h, '/api/status-messages?q=954474')).items.map((message) => message.id)).toContain(
      errors[0]?.id,
    );

    const advertisement = await expectOk(send(h, 'GET', '/api/advertisements/CEN2000B'));
    expect(advertisement.item).toMatchObject({ lastRunStatus: 'Failed: see Knowledge Base article 954474.' });
    // The migrated Microsoft updates stay expired.
    const microsoft = h.backend.state.softwareUpdates.filter((u) => u.legacy && u.sourceCatalog === 'Microsoft Update');
    expect(microsoft.length).toBeGreaterThan(0);
    expect(microsoft.every((update) => update.expired)).toBe(true);
  });

  it('running the Microsoft Updates Tool Sync advertisement while the synchronization runs is a 409, and changes nothing', async () => {
    await expectRefusedUnchanged(harness(), () => runSyncAdvertisement(), 409, {
      code: 'CONFLICT',
      rule: 'synchronization-running',
      message: 'Microsoft Updates Tool Sync (JOB00001) is already running.',
    });
  });

  it('"The update must be installed on the Configuration Manager site server, and then catalog synchronization must be manually run": the new run Succeeds and the migrated Microsoft updates are active again', async () => {
    const h = harness();
    await fastForwardToEndOfJobs(h);
    const installed = afterUpgradeStatusSchema.parse(await expectOk(siteAction(h, 'install-kb954474')));
    expect(installed.facts.siteServerUpdates).toEqual(['954474']);

    const ran = await expectOk(runSyncAdvertisement());
    expect(ran.item).toMatchObject({ id: 'CEN2000B', lastRunStatus: 'Running: catalog synchronization started.' });
    const rerun = (await siteJobs(h)).jobs[0];
    expect(rerun).toMatchObject({ kind: 'itmu-catalog-sync', state: 'Running', willSucceed: true });

    await fastForwardToEndOfJobs(h);
    expect(await jobById(h, String(rerun?.id))).toMatchObject({ state: 'Succeeded' });
    // "When it is complete, the synchronized software updates from the Microsoft Updates catalog are reset to an active
    // state." The other catalogs' updates stay expired.
    const migrated = h.backend.state.softwareUpdates.filter((update) => update.legacy);
    const microsoft = migrated.filter((update) => update.sourceCatalog === 'Microsoft Update');
    expect(microsoft.length).toBeGreaterThan(0);
    expect(microsoft.filter((update) => update.expired)).toEqual([]);
    expect(migrated.filter((update) => update.sourceCatalog !== 'Microsoft Update').every((u) => u.expired)).toBe(true);
  });

  it('a synchronization that started before KB 954474 was installed still fails: its outcome is decided when it starts', async () => {
    const h = harness();
    await expectOk(siteAction(h, 'install-kb954474'));
    await fastForwardToEndOfJobs(h);
    expect(await jobById(h, 'JOB00001')).toMatchObject({ state: 'Failed' });
  });

  it('installing the update of KB 954474 twice is a 409 update-already-installed, and changes nothing', async () => {
    const h = harness();
    await expectOk(siteAction(h, 'install-kb954474'));
    await expectRefusedUnchanged(h, () => siteAction(h, 'install-kb954474'), 409, {
      code: 'CONFLICT',
      rule: 'update-already-installed',
      message: 'The update of Knowledge Base article 954474 is already installed on CEN-SMS01.',
    });
  });

  it('CONTOSO\\patchadmin may neither install the update nor run the advertisement: 403 naming the right, and nothing changes', async () => {
    await expectRefusedUnchanged(harness(), () => siteAction(harness(), 'install-kb954474', patchadmin), 403, {
      message: 'CONTOSO\\patchadmin has no Modify right on site CEN',
    });
    await fastForwardToEndOfJobs(harness());
    // The site action needs Modify on the advertisement; the advertisement's own endpoint first needs Read on it.
    await expectRefusedUnchanged(
      harness(),
      () => siteAction(harness(), 'run-microsoft-updates-tool-sync', patchadmin),
      403,
      { message: 'CONTOSO\\patchadmin has no Modify right on advertisement CEN2000B' },
    );
    await expectRefusedUnchanged(harness(), () => runSyncAdvertisement(patchadmin), 403, {
      message: 'CONTOSO\\patchadmin has no Read right on advertisement CEN2000B',
    });
  });
});

describe('Retiring ITMU: "When all client computers in the hierarchy have been upgraded to Configuration Manager 2007, the Inventory Tool for Microsoft Updates should be removed from the site server"', () => {
  const harness = useSite();

  it('while SMS 2003 clients remain, remove-itmu is a 409 sms2003-clients-remain with the reason, and the state and saved site are byte-for-byte unchanged', async () => {
    const h = harness();
    const advice = (await afterUpgrade(h)).itmu;
    const error = await expectRefusedUnchanged(h, () => siteAction(h, 'remove-itmu'), 409, {
      code: 'CONFLICT',
      rule: 'sms2003-clients-remain',
      message: advice.message,
    });
    expect(error?.message).toContain('1500 SMS 2003 clients remain in the hierarchy (at CEN and LON)');
  });

  it('CONTOSO\\patchadmin may not remove it: 403 naming the Administer right on site CEN', async () => {
    await expectRefusedUnchanged(harness(), () => siteAction(harness(), 'remove-itmu', patchadmin), 403, {
      message: 'CONTOSO\\patchadmin has no Administer right on site CEN',
    });
  });

  it('once LON is upgraded and every client with it, the tool can be removed, and its advertisements go with it', async () => {
    const h = harness();
    await expectOk(siteAction(h, 'upgrade-lon'));
    const all = await expectOk(send(h, 'POST', '/api/collections/SMS00001/upgrade-clients'));
    expect(all.item).toMatchObject({ memberCount: 1500, sms2003ClientCount: 0, configMgrClientCount: 1500 });
    expect((await afterUpgrade(h)).itmu).toMatchObject({ sms2003ClientsRemaining: 0, canRemove: true });

    const removed = afterUpgradeStatusSchema.parse(await expectOk(siteAction(h, 'remove-itmu')));
    expect(removed.itmu.installed).toBe(false);
    expect(removed.facts.itmuRemovedAt).toBe('2008-12-18T09:00:00Z');
    const advertisements = await listAll(h, '/api/advertisements');
    expect(advertisements.items.map((ad) => ad.id)).not.toContain('CEN2000A');
    expect(advertisements.items.map((ad) => ad.id)).not.toContain('CEN2000B');
    await expectRefusedUnchanged(h, () => siteAction(h, 'remove-itmu'), 409, { rule: 'itmu-not-installed' });
  });
});

describe('Other scan tools and LEGACY updates', () => {
  const harness = useSite();
  const hiddenNode = `/api/software-updates?node=${encodeURIComponent(NODE_IDS.hiddenSoftwareUpdates)}`;
  const explain = async (id: string, admin: string = smsadmin) =>
    explanationResponseSchema
      .parse(await expectOk(send(harness(), 'GET', `/api/software-updates/${id}/explanation`, undefined, admin)))
      .reasons.join(' ');
  const advertisementNamed = async (name: string) => {
    const found = await listAll(
      harness(),
      `/api/sms2003-advertisements?q=${encodeURIComponent(name)}&searchIn=name`,
      patchadmin,
    );
    expect(found.total).toBe(1);
    return found.items[0] as Item & { updateIds: string[] };
  };

  it('"New deployments are not supported for software updates that are in catalogs from other inventory scan tools": the explanation of a Security Update Inventory Tool update says it cannot be deployed and names its catalog', async () => {
    const found = await listAll(
      harness(),
      `/api/software-updates?q=${encodeURIComponent('Security Update Inventory Tool')}&searchIn=sourceCatalog`,
    );
    expect(found.total).toBeGreaterThan(0);
    for (const update of found.items) {
      const reasons = await explain(update.id, patchadmin);
      expect(reasons).toContain('From the Security Update Inventory Tool catalog');
      expect(reasons).toContain('cannot be deployed');
    }
  });

  it('"You can run a script to hide these software updates": after the LEGACY clean-up script, a LEGACY update no migrated deployment holds is explained as hidden', async () => {
    const h = harness();
    const hidable = h.backend.state.softwareUpdates.find(
      (update) =>
        update.legacy && !h.backend.state.sms2003Advertisements.some((ad) => ad.updateIds.includes(update.id)),
    );
    if (!hidable) throw new Error('no LEGACY update outside the migrated deployments');
    expect(await explain(hidable.id)).not.toContain('Hidden:');
    await expectOk(siteAction(h, 'run-legacy-cleanup-script'));
    expect(await explain(hidable.id)).toContain('Hidden: Setup appended (LEGACY) to this migrated update');
  });

  it('the Hidden Software Updates node lists exactly the hidden updates, and the Update Repository no longer lists them', async () => {
    const h = harness();
    expect((await listAll(h, hiddenNode)).total).toBe(0);
    const preview = (await afterUpgrade(h)).legacyCleanup;
    expect(preview).toMatchObject({ legacyCount: 138, willHide: 120, staysVisible: 18 });

    await expectOk(siteAction(h, 'run-legacy-cleanup-script'));
    const hiddenInState = h.backend.state.softwareUpdates.filter((update) => update.hidden).map((update) => update.id);
    expect(hiddenInState).toHaveLength(preview.willHide);
    const hidden = await listAll(h, hiddenNode);
    expect(hidden.items.map((item) => item.id).sort()).toEqual([...hiddenInState].sort());
    expect(hidden.items.every((item) => item.hidden === true)).toBe(true);

    const repository = await listAll(h, '/api/software-updates');
    expect(repository.total).toBe(preview.staysVisible);
    const hiddenIds = new Set(hiddenInState);
    expect(repository.items.filter((item) => hiddenIds.has(item.id))).toEqual([]);
  });

  it('"Migrated software updates that are in a software update deployment that was also migrated will not be hidden until the migrated deployment is deleted": CONTOSO\\patchadmin deletes Security Updates 2008-01 (instance rights on migrated objects), and its LEGACY updates are hidden', async () => {
    const h = harness();
    const advertisement = await advertisementNamed(CONTOSO.distributions.securityUpdates200801);
    await expectOk(siteAction(h, 'run-legacy-cleanup-script'));
    const byId = updatesById(h);
    expect(advertisement.updateIds.length).toBeGreaterThan(0);
    for (const id of advertisement.updateIds) expect(byId.get(id)).toMatchObject({ legacy: true, hidden: false });
    expect(await explain(advertisement.updateIds[0] as string)).toContain(
      `the migrated deployment ${CONTOSO.distributions.securityUpdates200801} holds it`,
    );

    const deleted = await expectOk(
      send(h, 'DELETE', `/api/sms2003-advertisements/${advertisement.id}`, undefined, patchadmin),
    );
    expect(deleted).toEqual({ deleted: { id: advertisement.id, name: CONTOSO.distributions.securityUpdates200801 } });
    const after = updatesById(h);
    for (const id of advertisement.updateIds) expect(after.get(id)?.hidden, id).toBe(true);
    const hidden = new Set((await listAll(h, hiddenNode)).items.map((item) => item.id));
    for (const id of advertisement.updateIds) expect(hidden.has(id), id).toBe(true);
    const { status } = await send(h, 'GET', `/api/sms2003-advertisements/${advertisement.id}`, undefined, patchadmin);
    expect(status).toBe(404);
  });

  it('CONTOSO\\auditor may not delete the migrated deployment: 403 naming the Delete right on the advertisement, and nothing changes', async () => {
    const advertisement = await advertisementNamed(CONTOSO.distributions.securityUpdates200801);
    await expectRefusedUnchanged(
      harness(),
      () => send(harness(), 'DELETE', `/api/sms2003-advertisements/${advertisement.id}`, undefined, auditor),
      403,
      { code: 'FORBIDDEN', message: `CONTOSO\\auditor has no Delete right on advertisement ${advertisement.id}` },
    );
  });

  it('"... or the updates are removed from the deployment": removing one update from Office Security Updates 2008-Q1 hides just that one', async () => {
    const h = harness();
    const advertisement = await advertisementNamed(CONTOSO.distributions.officeSecurityUpdates2008Q1);
    await expectOk(siteAction(h, 'run-legacy-cleanup-script'));
    const [removed, ...kept] = advertisement.updateIds;
    if (!removed) throw new Error('the deployment holds no update');
    const answer = await expectOk(
      send(
        h,
        'POST',
        `/api/sms2003-advertisements/${advertisement.id}/remove-updates`,
        { updateIds: [removed] },
        patchadmin,
      ),
    );
    expect(answer.item).toMatchObject({ id: advertisement.id, updateIds: kept });
    const byId = updatesById(h);
    expect(byId.get(removed)?.hidden).toBe(true);
    for (const id of kept) expect(byId.get(id)?.hidden, id).toBe(false);

    await expectRefusedUnchanged(
      h,
      () => send(h, 'POST', `/api/sms2003-advertisements/${advertisement.id}/remove-updates`, { updateIds: [removed] }),
      409,
      { rule: 'update-not-in-deployment' },
    );
    await expectRefusedUnchanged(
      h,
      () => send(h, 'POST', `/api/sms2003-advertisements/${advertisement.id}/remove-updates`, { updateIds: [] }),
      400,
      { field: 'updateIds' },
    );
  });
});

describe('Package source: "If the package source is not valid, you must re-download all of the content in the package source or the package source validation check will fail"', () => {
  const harness = useSite();
  const sourceValidation = async (id: string) => {
    const column = fieldOf(RESOURCES.packages, 'sourceValidation');
    if (!column) throw new Error('packages has no Source Validation column');
    const { item } = (await expectOk(send(harness(), 'GET', `/api/packages/${id}`))) as { item: Identified };
    return fieldText(column, item);
  };

  it('a source path that is not a UNC path is a 400 naming sourcePath, and nothing is saved', async () => {
    await expectRefusedUnchanged(
      harness(),
      () => send(harness(), 'PATCH', '/api/packages/CEN00002', { sourcePath: 'not a path' }),
      400,
      { code: 'BAD_REQUEST', field: 'sourcePath' },
    );
  });

  it('CONTOSO\\auditor may read the package but not change it: 403 naming the Modify right on package CEN00002', async () => {
    await expectRefusedUnchanged(
      harness(),
      () => send(harness(), 'PATCH', '/api/packages/CEN00002', { sourcePath: GOOD_SOURCE }, auditor),
      403,
      { message: 'CONTOSO\\auditor has no Modify right on package CEN00002' },
    );
  });

  it('a valid source, then Update Distribution Points: a content download job, and after a fast-forward Source Validation is "Passed"', async () => {
    const h = harness();
    expect(await sourceValidation('CEN00002')).toBe('Failed');
    const changed = await expectOk(send(h, 'PATCH', '/api/packages/CEN00002', { sourcePath: GOOD_SOURCE }));
    expect(changed.item).toMatchObject({ sourcePath: GOOD_SOURCE, sourceValid: false });

    await expectOk(send(h, 'POST', '/api/packages/CEN00002/update-distribution-points'));
    const download = (await siteJobs(h)).jobs[0];
    expect(download).toMatchObject({
      kind: 'package-content-download',
      targetId: 'CEN00002',
      state: 'Running',
      requestedBy: smsadmin,
    });
    await expectRefusedUnchanged(
      h,
      () => send(h, 'PATCH', '/api/packages/CEN00002', { sourcePath: GOOD_SOURCE }),
      409,
      { rule: 'content-download-running' },
    );

    await fastForwardToEndOfJobs(h);
    expect(await jobById(h, String(download?.id))).toMatchObject({ state: 'Succeeded' });
    expect(await sourceValidation('CEN00002')).toBe('Passed');
  });

  it('downloading again from the folder that was removed fails, and Source Validation stays "Failed"', async () => {
    const h = harness();
    await expectOk(send(h, 'POST', '/api/packages/CEN00002/update-distribution-points'));
    await fastForwardToEndOfJobs(h);
    const download = (await siteJobs(h)).jobs.find((job) => job.kind === 'package-content-download');
    expect(download?.state).toBe('Failed');
    expect(await sourceValidation('CEN00002')).toBe('Failed');
  });
});

describe('Clients: the members of a collection', () => {
  const harness = useSite();

  it('GET /api/clients?node=collections/CEN00011 lists the 150 members of CEN Pilot Workstations', async () => {
    const members = await listAll(harness(), '/api/clients?node=collections/CEN00011');
    expect(members.total).toBe(150);
    expect(members.items).toHaveLength(150);
    expect(members.items.every((client) => client.siteCode === 'CEN' && client.clientType === 'SMS 2003')).toBe(true);
  });

  it('CONTOSO\\lonadmin may not open CEN Pilot Workstations: 403 naming collection CEN00011, but lists LON Workstations', async () => {
    const { status, body } = await send(
      harness(),
      'GET',
      '/api/clients?node=collections/CEN00011',
      undefined,
      lonadmin,
    );
    expect(status).toBe(403);
    expect(body.error).toEqual({
      code: 'FORBIDDEN',
      message: 'CONTOSO\\lonadmin has no Read right on collection CEN00011',
    });
    expect((await listAll(harness(), '/api/clients?node=collections/CEN00012', lonadmin)).total).toBe(300);
  });

  it.each([
    ['collections/NOPE', 'names no collection'],
    ['software-updates', "is not a collection's node"],
    ['collections/CEN00011/x', "is not a collection's node"],
  ])('node=%s is a 400 on node (%s)', async (node, message) => {
    const { status, body } = await send(harness(), 'GET', `/api/clients?node=${encodeURIComponent(node)}`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ field: 'node', message: expect.stringContaining(message) });
  });

  it('upgrading the clients of LON Workstations is a 409 while LON still runs SMS 2003, and changes nothing', async () => {
    await expectRefusedUnchanged(
      harness(),
      () => send(harness(), 'POST', '/api/collections/CEN00012/upgrade-clients'),
      409,
      { code: 'CONFLICT', rule: 'client-site-not-upgraded', message: expect.stringContaining('LON') },
    );
  });

  it('upgrading CEN Pilot Workstations makes its 150 members Configuration Manager 2007 clients; a second time is a 409', async () => {
    const h = harness();
    const upgraded = await expectOk(send(h, 'POST', '/api/collections/CEN00011/upgrade-clients'));
    expect(upgraded.item).toMatchObject({ id: 'CEN00011', sms2003ClientCount: 0, configMgrClientCount: 150 });
    const members = await listAll(h, '/api/clients?node=collections/CEN00011');
    expect(members.items.every((client) => client.clientType === 'Configuration Manager 2007')).toBe(true);
    expect((await afterUpgrade(h)).itmu.sms2003ClientsRemaining).toBe(1350);
    await expectRefusedUnchanged(h, () => send(h, 'POST', '/api/collections/CEN00011/upgrade-clients'), 409, {
      rule: 'no-sms2003-clients',
    });
  });

  it('"Only SMS 2003 clients should be in the target collection for the Microsoft Updates Tool advertisement": running it on a collection of ConfigMgr clients is a 409 until the warning is acknowledged', async () => {
    const h = harness();
    await expectOk(send(h, 'POST', '/api/collections/CEN00011/upgrade-clients'));
    const run = (body: unknown) => send(h, 'POST', '/api/advertisements/CEN2000A/run', body);
    await expectRefusedUnchanged(h, () => run({ collectionId: 'CEN00011' }), 409, {
      rule: 'configmgr-clients-in-itmu-collection',
      message: expect.stringContaining('holds 150 Configuration Manager 2007 clients'),
    });
    const ran = await expectOk(run({ collectionId: 'CEN00011', acknowledgeConfigMgrClients: true }));
    expect(ran.item).toMatchObject({ id: 'CEN2000A', lastRunAt: '2008-12-18T09:00:00Z' });
  });

  // Regression test for a fixed bug.
  it('CONTOSO\\lonadmin may open a member of LON Workstations that the collection lists to them', async () => {
    const members = await listAll(harness(), '/api/clients?node=collections/CEN00012&limit=1', lonadmin);
    const first = members.items[0];
    expect(first?.id).toBe('LON-WS00001');
    const { status } = await send(harness(), 'GET', `/api/clients/${String(first?.id)}`, undefined, lonadmin);
    expect(status).toBe(200);
  });
});

describe('Site actions and jobs', () => {
  const harness = useSite();

  it('a job is cancelled by CONTOSO\\smsadmin, not by CONTOSO\\auditor; an unknown job is a 404 and an ended one a 409', async () => {
    const h = harness();
    await expectRefusedUnchanged(h, () => send(h, 'POST', '/api/site/jobs/JOB00001/cancel', undefined, auditor), 403, {
      message: 'CONTOSO\\auditor has no Modify right on site CEN',
    });
    await expectRefusedUnchanged(h, () => send(h, 'POST', '/api/site/jobs/JOB09999/cancel'), 404, {
      code: 'NOT_FOUND',
    });
    const answer = jobsResponseSchema.parse(await expectOk(send(h, 'POST', '/api/site/jobs/JOB00001/cancel')));
    expect(answer.jobs[0]).toMatchObject({ id: 'JOB00001', state: 'Cancelled', canCancel: false });
    await expectRefusedUnchanged(h, () => send(h, 'POST', '/api/site/jobs/JOB00001/cancel'), 409, {
      rule: 'job-not-running',
    });
  });

  // Regression test for a fixed bug.
  it('cancelling the Microsoft Updates Tool Sync job leaves its advertisement no longer "Running"', async () => {
    const h = harness();
    await fastForwardToEndOfJobs(h);
    await expectOk(siteAction(h, 'install-kb954474'));
    await expectOk(send(h, 'POST', '/api/advertisements/CEN2000B/run', {}));
    const run = (await siteJobs(h)).jobs[0];
    await expectOk(send(h, 'POST', `/api/site/jobs/${String(run?.id)}/cancel`));
    expect(await jobById(h, String(run?.id))).toMatchObject({ state: 'Cancelled' });
    const { item } = (await expectOk(send(h, 'GET', '/api/advertisements/CEN2000B'))) as { item: Item };
    expect(String(item.lastRunStatus)).not.toMatch(/^Running/);
  });

  // Regression test for a fixed bug.
  it('cancelling a content download leaves the package no longer "Downloading"', async () => {
    const h = harness();
    await expectOk(send(h, 'PATCH', '/api/packages/CEN00002', { sourcePath: GOOD_SOURCE }));
    await expectOk(send(h, 'POST', '/api/packages/CEN00002/update-distribution-points'));
    const download = (await siteJobs(h)).jobs[0];
    await expectOk(send(h, 'POST', `/api/site/jobs/${String(download?.id)}/cancel`));
    expect(await jobById(h, String(download?.id))).toMatchObject({ state: 'Cancelled' });
    const { item } = (await expectOk(send(h, 'GET', '/api/packages/CEN00002'))) as { item: Item };
    expect(String(item.contentStatus)).not.toMatch(/^Downloading/);
  });

  // Regression test for a fixed bug.
  it('an unknown site action is a 400 naming the field action', async () => {
    const { status, body } = await siteAction(harness(), 'reboot-site-server');
    expect(status).toBe(400);
    expect(body.error?.field).toBe('action');
  });

  it('an unknown site action is a 400 that lists the actions, and changes nothing', async () => {
    const error = await expectRefusedUnchanged(harness(), () => siteAction(harness(), 'reboot-site-server'), 400, {
      code: 'BAD_REQUEST',
    });
    for (const action of SITE_ACTIONS) expect(error?.message).toContain(action);
  });
});

describe('The site clock: POST /api/site/clock', () => {
  const harness = useSite();

  it.each([
    [{ type: 'speed', speed: 7 }, 'speed'],
    [{ type: 'speed', speed: '60' }, 'speed'],
    [{ type: 'pause', paused: 'yes' }, 'paused'],
    [{ type: 'pause' }, 'paused'],
    [{ type: 'fast-forward', minutes: 0 }, 'minutes'],
    [{ type: 'fast-forward', minutes: 1.5 }, 'minutes'],
    [{ type: 'fast-forward', minutes: 60 * 24 * 30 + 1 }, 'minutes'],
    [{ type: 'rewind', minutes: 5 }, 'type'],
    [{}, 'type'],
    [{ type: 'speed', speed: 60, by: smsadmin }, 'body'],
    [[], 'body'],
    ['null', 'body'],
    ['not json', 'body'],
  ])('%j is a 400 naming %s, and the clock does not change', async (body, field) => {
    const h = harness();
    const before = await sessionClock(h);
    await expectRefusedUnchanged(h, () => send(h, 'POST', '/api/site/clock', body), 400, {
      code: 'BAD_REQUEST',
      field,
    });
    expect(await sessionClock(h)).toEqual(before);
  });

  it('a change of speed shows in GET /api/session (clockSpeed) and in GET /api/site/jobs', async () => {
    const h = harness();
    expect((await sessionClock(h)).clockSpeed).toBe(60);
    const answer = jobsResponseSchema.parse(
      await expectOk(send(h, 'POST', '/api/site/clock', { type: 'speed', speed: 600 })),
    );
    expect(answer.clockSpeed).toBe(600);
    expect(await sessionClock(h)).toMatchObject({ clockSpeed: 600, clockPaused: false });
    expect((await siteJobs(h)).clockSpeed).toBe(600);
  });

  it('at the default speed of 60, passTime(60_000) moves the clock of GET /api/session on by one hour', async () => {
    const h = harness();
    const before = await sessionClock(h);
    expect(before.clock).toBe('2008-12-18T09:00:00Z');
    h.passTime(60_000);
    const after = await sessionClock(h);
    expect(minutesBetween(before.clock, after.clock)).toBe(60);
  });

  it('at speed 600 a real minute is ten site hours; paused, the clock stands still', async () => {
    const h = harness();
    await expectOk(send(h, 'POST', '/api/site/clock', { type: 'speed', speed: 600 }));
    h.passTime(60_000);
    expect((await sessionClock(h)).clock).toBe('2008-12-18T19:00:00Z');
    await expectOk(send(h, 'POST', '/api/site/clock', { type: 'pause', paused: true }));
    h.passTime(60_000);
    expect(await sessionClock(h)).toMatchObject({ clock: '2008-12-18T19:00:00Z', clockPaused: true });
  });

  it('any administrator may fast-forward it by some minutes (it is the demo clock, not a site setting)', async () => {
    const h = harness();
    const answer = jobsResponseSchema.parse(
      await expectOk(send(h, 'POST', '/api/site/clock', { type: 'fast-forward', minutes: 30 }, auditor)),
    );
    expect(answer.now).toBe('2008-12-18T09:30:00Z');
    expect(answer.jobs[0]).toMatchObject({ id: 'JOB00001', state: 'Running', percent: 40 });
    expect((await sessionClock(h)).clock).toBe('2008-12-18T09:30:00Z');
  });
});

describe('Reload: the site clock and its jobs survive a new backend on the same store', () => {
  const harness = useSite();

  it('a new Backend.start on the same MemorySiteStore during a running job still has it Running with the same progress, and after a fast-forward both reach the same state', async () => {
    const h = harness();
    await configureSup(h);
    await expectOk(siteAction(h, 'synchronize-software-updates'));
    const sync = (await siteJobs(h)).jobs[0];
    if (!sync) throw new Error('no synchronization job');
    // Six real seconds pass, the console saves the clock's reading (as the browser does every few seconds), and three
    // seconds later the page is reloaded: a new backend on the same store.
    h.passTime(6000);
    await h.backend.keepClock();
    h.passTime(3000);
    const reloaded = await Backend.start({ store: h.store, wallClock: () => HARNESS_WALL_START + 9000 });

    const running = await jobById(h, sync.id);
    expect(running).toMatchObject({ state: 'Running', percent: 45 });
    expect(reloaded.now()).toBe((await siteJobs(h)).now);
    const reloadedJob = reloaded.state.jobs.find((job) => job.id === sync.id);
    expect(reloadedJob).toMatchObject({ state: 'Running', reported: running.reported });
    expect(JSON.stringify(reloaded.state)).toBe(JSON.stringify(h.backend.state));

    await fastForwardToEndOfJobs(h);
    await reloaded.changeClock({ type: 'fast-forward-to-end-of-jobs' });
    expect(reloaded.now()).toBe(h.backend.now());
    expect(h.backend.state.jobs.map((job) => job.state)).toEqual(['Failed', 'Succeeded']);
    expect(JSON.stringify(reloaded.state.jobs)).toBe(JSON.stringify(h.backend.state.jobs));
    expect(JSON.stringify(reloaded.state.softwareUpdates)).toBe(JSON.stringify(h.backend.state.softwareUpdates));
  });

  it('a console closed for longer than a reload finds the clock where it left it: it stood still meanwhile', async () => {
    const h = harness();
    h.passTime(10_000);
    await h.backend.keepClock();
    const later = await Backend.start({ store: h.store, wallClock: () => HARNESS_WALL_START + 10_000 + 3_600_000 });
    expect(later.now()).toBe('2008-12-18T09:10:00Z');
    expect(later.state.jobs[0]).toMatchObject({ id: 'JOB00001', state: 'Running' });
  });

  // Regression test for a fixed bug.
  it('Reset demo after the clock passed the end of a job starts the stage again, and its job still ends', async () => {
    const h = harness();
    await fastForwardToEndOfJobs(h);
    expect((await jobById(h, 'JOB00001')).state).toBe('Failed');
    await expectOk(send(h, 'POST', '/api/demo/reset', { stage: 'just-upgraded' }));
    expect(await jobById(h, 'JOB00001')).toMatchObject({ state: 'Running', percent: 0 });

    await fastForwardToEndOfJobs(h);
    expect((await siteJobs(h)).now).toBe('2008-12-18T10:15:00Z');
    expect((await jobById(h, 'JOB00001')).state).toBe('Failed');
  });

  // Regression test for a fixed bug.
  it("a tab that takes another tab's save shows the jobs that ended meanwhile as ended", async () => {
    const h = harness();
    const otherTab = await Backend.start({ store: h.store, wallClock: () => HARNESS_WALL_START });
    await otherTab.apply({ type: 'install-site-server-update', articleId: '954474', by: smsadmin, at: otherTab.now() });
    await h.backend.changeClock({ type: 'fast-forward', minutes: 80 });
    expect(await h.backend.reloadFromStore()).toBe(true);

    const fresh = await Backend.start({ store: h.store, wallClock: () => HARNESS_WALL_START });
    expect(fresh.state.jobs[0]?.state).toBe('Failed');
    expect((await jobById(h, 'JOB00001')).state).toBe('Failed');
  });
});
