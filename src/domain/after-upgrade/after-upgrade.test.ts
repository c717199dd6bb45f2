/**
 * What the administrator does after the upgrade, rule by rule: the planning topic's sections from "Inventory Tool for
 * Microsoft Updates" to "Republishing the Custom Updates Catalog"
 * (shared/reference/planning-for-software-updates-site-upgrade.txt), each describe quoting the sentence it tests. The
 * domain is driven as the console drives it: operations applied with applyOperation on the Contoso site at its
 * Just upgraded stage, and the site clock moved on with advanceWorld.
 */
import { describe, expect, it } from 'vitest';
import type { Job, JobKind } from '../model/after-upgrade-objects';
import type { SoftwareUpdate } from '../model/software-update';
import {
  advanceWorld,
  applyOperation,
  operationSchema,
  type Operation,
  type SiteWorld,
} from '../operations/operations';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import { buildWorld, DEFAULT_SEED } from '../scenario/contoso-stage';
import { DEFAULT_SCALE } from '../scenario/scale';
import { addMinutes } from '../site-clock/site-clock';
import type { SiteState } from '../site-state';
import {
  KB954474,
  OTHER_SCAN_TOOL_CATALOGS,
  OTHER_SCAN_TOOL_RETENTION_DAYS,
  whyUpdateCannotBeDeployed,
} from './catalog-rules';
import { itmuRetirementAdvice } from './client-upgrade';
import { installSiteServerUpdateSchema, ITMU_SYNC_MINUTES } from './itmu-catalog';
import { jobDurationMinutes, jobPercent, jobStatusText, nextMilestoneAt } from './jobs';
import { explainSoftwareUpdate, previewLegacyScript } from './legacy-cleanup';
import { CONTENT_DOWNLOAD_MINUTES, changePackageSourceSchema } from './package-source';
import { ITMU_SCAN_ADVERTISEMENT_ID, ITMU_SYNC_ADVERTISEMENT_ID, SOFTWARE_UPDATE_POINT_ROLE } from './site-after-setup';
import { configureSoftwareUpdatePointSchema, DEFAULT_SUP_SETTINGS } from './software-update-point';

const { smsadmin } = CONTOSO.administrators;
const scale = DEFAULT_SCALE;
const T0 = CONTOSO.clockStart;
/** When the ITMU catalog synchronization that Setup starts ends. */
const SETUP_SYNC_END = addMinutes(T0, ITMU_SYNC_MINUTES);
const MAY_2008_CATALOG = CONTOSO.lastWorkingItmuCatalog;
const DECEMBER_2008_CATALOG = '2008-12-17';

const ALL_SYSTEMS = 'SMS00001';
const ALL_WINDOWS_SERVER_2003 = 'SMS000ES';
const CEN_PILOT_WORKSTATIONS = 'CEN00011';
const LON_WORKSTATIONS = 'CEN00012';
const NEW_OFFICE_SOURCE = '\\\\CEN-SMS01\\PkgSrc$\\OfficeQ1-Restored';

/** The Contoso site at its Just upgraded stage. The domain is immutable: every test starts from this one world. */
const justUpgraded: SiteWorld = buildWorld('just-upgraded', DEFAULT_SEED, scale);

// Operations, as the console logs them.
const configureSup = (at?: string): Operation => ({
  at,
  type: 'configure-software-update-point',
  serverName: CONTOSO.sites.central.serverName,
  ...DEFAULT_SUP_SETTINGS,
  by: smsadmin,
});
const synchronize = (at?: string): Operation => ({ at, type: 'synchronize-software-updates', by: smsadmin });
const installKb954474 = (at?: string): Operation => ({
  at,
  type: 'install-site-server-update',
  articleId: KB954474,
  by: smsadmin,
});
const runItmuSync = (at?: string, extra: { collectionId?: string; acknowledgeConfigMgrClients?: boolean } = {}) =>
  ({ at, type: 'run-advertisement', advertisementId: ITMU_SYNC_ADVERTISEMENT_ID, ...extra, by: smsadmin }) as const;
const republish = (at?: string): Operation => ({ at, type: 'republish-custom-catalog', by: smsadmin });
const runLegacyScript = (at?: string): Operation => ({ at, type: 'run-legacy-cleanup-script', by: smsadmin });
const upgradeClients = (collectionId: string, at?: string): Operation => ({
  at,
  type: 'upgrade-clients',
  collectionId,
  by: smsadmin,
});
const upgradeLon: Operation = { type: 'upgrade-child-site', siteCode: CONTOSO.sites.london.code, by: smsadmin };
const removeItmu: Operation = { type: 'remove-itmu', by: smsadmin };
const cancel = (jobId: string, at?: string): Operation => ({ at, type: 'cancel-job', jobId, by: smsadmin });

function apply(world: SiteWorld, ...operations: Operation[]): SiteWorld {
  return operations.reduce((current, operation) => applyOperation(current, operation, scale), world);
}

function site(world: SiteWorld): SiteState {
  if (!world.configMgr) throw new Error('The site has not been upgraded');
  return world.configMgr;
}

/** The latest job (of a kind). */
function lastJob(world: SiteWorld, kind?: JobKind): Job {
  const jobs = site(world).jobs.filter((job) => kind === undefined || job.kind === kind);
  const job = jobs[jobs.length - 1];
  if (!job) throw new Error(`No ${kind ?? ''} job`);
  return job;
}

function jobById(world: SiteWorld, id: string): Job {
  const job = site(world).jobs.find((candidate) => candidate.id === id);
  if (!job) throw new Error(`No job ${id}`);
  return job;
}

/** The world once the latest job (of a kind) has ended. */
function untilLastJobEnds(world: SiteWorld, kind?: JobKind): SiteWorld {
  return advanceWorld(world, lastJob(world, kind).endsAt);
}

function messagesOf(world: SiteWorld, jobId: string) {
  return site(world).statusMessages.filter((message) => message.jobId === jobId);
}

function updatesWhere(world: SiteWorld, predicate: (update: SoftwareUpdate) => boolean): SoftwareUpdate[] {
  return site(world).softwareUpdates.filter(predicate);
}

function updateTitled(world: SiteWorld, title: string): SoftwareUpdate {
  const found = updatesWhere(world, (update) => update.title === title);
  expect(found, title).toHaveLength(1);
  return found[0] as SoftwareUpdate;
}

const isLegacyMicrosoft = (update: SoftwareUpdate) => update.legacy && update.sourceCatalog === 'Microsoft Update';
const isLegacyCustom = (update: SoftwareUpdate) => update.legacy && update.sourceCatalog === 'Custom Updates';
const isOtherScanTool = (update: SoftwareUpdate) => OTHER_SCAN_TOOL_CATALOGS.includes(update.sourceCatalog);
const isSynchronizedMs08067 = (update: SoftwareUpdate) => update.bulletinId === 'MS08-067' && !update.legacy;

function sms2003AdvertisementNamed(world: SiteWorld, name: string) {
  const found = site(world).sms2003Advertisements.find((advertisement) => advertisement.name === name);
  if (!found) throw new Error(`No migrated SMS 2003 advertisement ${name}`);
  return found;
}

function packageNamed(world: SiteWorld, name: string) {
  const found = site(world).packages.find((pkg) => pkg.name === name);
  if (!found) throw new Error(`No package ${name}`);
  return found;
}

function collection(world: SiteWorld, id: string) {
  const found = site(world).collections.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No collection ${id}`);
  return found;
}

/**
 * The operation is refused: it throws RuleViolation for `rule`, and the world passed in is exactly as it was.
 * Returns the violation so that a test can read its message.
 */
function expectRefused(world: SiteWorld, operation: Operation, rule: string): RuleViolation {
  const before = JSON.stringify(world);
  let caught: unknown = null;
  try {
    apply(world, operation);
  } catch (error) {
    caught = error;
  }
  expect(caught, `${operation.type} should be refused`).toBeInstanceOf(RuleViolation);
  expect((caught as RuleViolation).rule).toBe(rule);
  expect(JSON.stringify(world)).toBe(before);
  return caught as RuleViolation;
}

// Worlds the describes share (each built from justUpgraded; none is ever changed).

/** KB 954474 installed once Setup's synchronization has failed, and the sync advertisement run again: succeeded. */
const itmuSyncRunning = apply(justUpgraded, installKb954474(SETUP_SYNC_END), runItmuSync(SETUP_SYNC_END));
const itmuSynced = untilLastJobEnds(itmuSyncRunning, 'itmu-catalog-sync');

/** The software update point created and synchronized while Setup's ITMU synchronization still runs. */
const supSyncRunning = apply(justUpgraded, configureSup(), synchronize());
const supSynced = untilLastJobEnds(supSyncRunning, 'software-update-point-sync');

// ---------------------------------------------------------------------------------------------------------------

describe('"After the Inventory Tool for Microsoft Updates is upgraded, the Microsoft Updates catalog is automatically synchronized using the Microsoft Updates Tool Sync advertisement."', () => {
  const setupJob = lastJob(justUpgraded);

  it('Setup starts the Microsoft Updates Tool Sync job itself, as the upgraded site comes up at 9:00', () => {
    expect(site(justUpgraded).clock).toBe(T0);
    expect(site(justUpgraded).jobs).toHaveLength(1);
    expect(setupJob).toMatchObject({
      kind: 'itmu-catalog-sync',
      name: 'Microsoft Updates Tool Sync',
      requestedBy: smsadmin,
      startedAt: T0,
      state: 'Running',
      finishedAt: null,
    });
    // Its first status message is reported as it starts.
    expect(messagesOf(justUpgraded, setupJob.id)).toHaveLength(1);
  });

  it('"The synchronization task for the Inventory Tool for Microsoft Updates might take longer than an hour complete": it runs 75 minutes', () => {
    expect(jobDurationMinutes(setupJob)).toBe(75);
    expect(setupJob.endsAt).toBe('2008-12-18T10:15:00Z');
    expect(jobById(advanceWorld(justUpgraded, addMinutes(T0, 74)), setupJob.id).state).toBe('Running');
    expect(jobById(advanceWorld(justUpgraded, SETUP_SYNC_END), setupJob.id).state).not.toBe('Running');
  });

  it('fails at its end with an Error status message naming Knowledge Base article 954474 (the June 10, 2008 catalog)', () => {
    const ended = advanceWorld(justUpgraded, SETUP_SYNC_END);
    const job = jobById(ended, setupJob.id);
    expect(job.state).toBe('Failed');
    expect(job.finishedAt).toBe(SETUP_SYNC_END);
    const errors = messagesOf(ended, setupJob.id).filter((message) => message.severity === 'Error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.time).toBe(SETUP_SYNC_END);
    expect(errors[0]?.description).toContain('Knowledge Base article 954474');
    const itmu = site(ended).scanTools.find((tool) => tool.name === CONTOSO.scanTools.itmu);
    expect(itmu?.lastSyncStatus).toContain('954474');
    const advertisement = site(ended).advertisements.find((ad) => ad.id === ITMU_SYNC_ADVERTISEMENT_ID);
    expect(advertisement?.lastRunStatus).toContain('954474');
  });

  it('resets no migrated update to active: the ITMU catalog stays the May 2008 one', () => {
    const ended = advanceWorld(justUpgraded, addMinutes(SETUP_SYNC_END, 24 * 60));
    expect(site(ended).softwareUpdates.every((update) => update.expired)).toBe(true);
    expect(site(ended).facts.itmuCatalogDate).toBe(MAY_2008_CATALOG);
  });

  it('cannot be started again while it runs', () => {
    const violation = expectRefused(justUpgraded, runItmuSync(addMinutes(T0, 30)), 'synchronization-running');
    expect(violation.message).toContain(setupJob.id);
  });
});

describe('"The update must be installed on the Configuration Manager site server, and then catalog synchronization must be manually run before a client using the Inventory Tool for Microsoft Updates will successfully scan for software updates." (KB 954474)', () => {
  const job = lastJob(itmuSyncRunning, 'itmu-catalog-sync');

  it('records the update on the site server with an Informational status message', () => {
    const installed = apply(justUpgraded, installKb954474());
    expect(site(installed).facts.siteServerUpdates).toEqual([KB954474]);
    expect(site(installed).statusMessages.at(-1)?.description).toContain('Knowledge Base article 954474');
  });

  it('runs the Microsoft Updates Tool Sync advertisement (CEN2000B) as a new 75-minute job that will succeed', () => {
    expect(job.id).not.toBe(lastJob(justUpgraded).id);
    expect(job).toMatchObject({ startedAt: SETUP_SYNC_END, state: 'Running', willSucceed: true });
    expect(jobDurationMinutes(job)).toBe(ITMU_SYNC_MINUTES);
    expect(jobById(advanceWorld(itmuSyncRunning, addMinutes(job.endsAt, -1)), job.id).state).toBe('Running');
    expect(jobById(itmuSynced, job.id)).toMatchObject({ state: 'Succeeded', finishedAt: job.endsAt });
    expect(messagesOf(itmuSynced, job.id).some((message) => message.severity === 'Error')).toBe(false);
  });

  it('"When it is complete, the synchronized software updates from the Microsoft Updates catalog are reset to an active state"', () => {
    const legacyMicrosoft = updatesWhere(itmuSynced, isLegacyMicrosoft);
    expect(legacyMicrosoft.length).toBeGreaterThan(100);
    expect(legacyMicrosoft.every((update) => !update.expired)).toBe(true);
    // Still the migrated (LEGACY) objects: the ITMU synchronization brings no new update objects.
    expect(site(itmuSynced).softwareUpdates).toHaveLength(site(justUpgraded).softwareUpdates.length);
    expect(site(itmuSynced).facts.itmuCatalogDate).toBe(DECEMBER_2008_CATALOG);
    // ... but not before it is complete.
    const almost = advanceWorld(itmuSyncRunning, addMinutes(job.endsAt, -1));
    expect(updatesWhere(almost, isLegacyMicrosoft).every((update) => update.expired)).toBe(true);
  });

  it('leaves the custom updates and the other scan tools\u2019 updates expired', () => {
    const others = updatesWhere(itmuSynced, (update) => isLegacyCustom(update) || isOtherScanTool(update));
    expect(others.length).toBeGreaterThanOrEqual(3 + 2);
    expect(others.every((update) => update.expired)).toBe(true);
  });

  it('does not rescue the synchronization already running: installed during Setup\u2019s job, that job still fails', () => {
    const installedEarly = apply(justUpgraded, installKb954474(addMinutes(T0, 10)));
    const ended = advanceWorld(installedEarly, SETUP_SYNC_END);
    expect(jobById(ended, lastJob(justUpgraded).id).state).toBe('Failed');
    expect(updatesWhere(ended, isLegacyMicrosoft).every((update) => update.expired)).toBe(true);
    // Run manually afterwards, it succeeds.
    const rerun = untilLastJobEnds(apply(ended, runItmuSync()));
    expect(lastJob(rerun).state).toBe('Succeeded');
  });

  it('without the update, running the advertisement again fails the same way', () => {
    const rerun = untilLastJobEnds(apply(justUpgraded, runItmuSync(SETUP_SYNC_END)));
    const again = lastJob(rerun);
    expect(again.id).not.toBe(lastJob(justUpgraded).id);
    expect(again.state).toBe('Failed');
    expect(messagesOf(rerun, again.id).find((m) => m.severity === 'Error')?.description).toContain('954474');
    expect(updatesWhere(rerun, isLegacyMicrosoft).every((update) => update.expired)).toBe(true);
  });

  it('installing it twice is refused and changes nothing', () => {
    const installed = apply(justUpgraded, installKb954474());
    expectRefused(installed, installKb954474(), 'update-already-installed');
    expectRefused(installed, installKb954474(addMinutes(T0, 600)), 'update-already-installed');
  });

  it('is the only site server update the console installs (the operation schema refuses others)', () => {
    const parsed = installSiteServerUpdateSchema.safeParse({
      type: 'install-site-server-update',
      articleId: '123456',
      by: smsadmin,
    });
    expect(parsed.success).toBe(false);
  });
});

describe('jobs on the site clock: "might take longer than an hour" is seen as it happens', () => {
  const setupJob = lastJob(justUpgraded);
  const halfway = advanceWorld(justUpgraded, addMinutes(T0, 30));

  it('reports how far a running job is (jobPercent)', () => {
    expect(jobPercent(setupJob, T0)).toBe(0);
    expect(jobPercent(setupJob, addMinutes(T0, 30))).toBe(40);
    expect(jobPercent(setupJob, addMinutes(T0, 60))).toBe(80);
    expect(jobPercent(setupJob, addMinutes(T0, 500))).toBe(100);
  });

  it('reports each milestone as a status message when the clock passes it, not before', () => {
    const job = jobById(halfway, setupJob.id);
    expect(job.state).toBe('Running');
    expect(job.reported).toBe(2);
    const messages = messagesOf(halfway, job.id);
    expect(messages.map((message) => message.time)).toEqual([T0, addMinutes(T0, 20)]);
    expect(messages.every((message) => message.severity === 'Informational')).toBe(true);
    expect(jobStatusText(job)).toBe('UpdateWUSCatalog.exe is processing the catalog.');
    expect(nextMilestoneAt(job)).toBe(SETUP_SYNC_END);
    // Just before the 20-minute milestone only the first is reported.
    expect(jobById(advanceWorld(justUpgraded, addMinutes(T0, 19)), setupJob.id).reported).toBe(1);
  });

  it('leaves the world it advanced untouched, and gives the same world back when nothing happened', () => {
    expect(jobById(justUpgraded, setupJob.id).reported).toBe(1);
    expect(advanceWorld(justUpgraded, addMinutes(T0, 10))).toBe(justUpgraded);
  });

  it('a finished job is at 100%', () => {
    const ended = jobById(itmuSynced, lastJob(itmuSynced).id);
    expect(jobPercent(ended, addMinutes(ended.endsAt, 60))).toBe(100);
  });

  describe('cancel-job', () => {
    const job = lastJob(itmuSyncRunning);
    const cancelAt = addMinutes(job.startedAt, 30);
    const cancelled = apply(itmuSyncRunning, cancel(job.id, cancelAt));
    const later = advanceWorld(cancelled, addMinutes(job.endsAt, 60));

    it('stops the job where it is, with a Warning status message', () => {
      const stopped = jobById(cancelled, job.id);
      expect(stopped).toMatchObject({ state: 'Cancelled', finishedAt: cancelAt });
      expect(jobPercent(stopped, addMinutes(job.endsAt, 60))).toBe(40);
      const warning = messagesOf(cancelled, job.id).at(-1);
      expect(warning?.severity).toBe('Warning');
      expect(warning?.time).toBe(cancelAt);
      expect(warning?.description).toContain('cancelled by CONTOSO\\smsadmin at 40%');
    });

    it('has none of the job\u2019s effects, even once the clock passes its end', () => {
      expect(jobById(later, job.id).state).toBe('Cancelled');
      expect(updatesWhere(later, isLegacyMicrosoft).every((update) => update.expired)).toBe(true);
      expect(site(later).facts.itmuCatalogDate).toBe(MAY_2008_CATALOG);
      expect(messagesOf(later, job.id)).toEqual(messagesOf(cancelled, job.id));
    });

    it('refuses to cancel a job that has ended, or one that does not exist', () => {
      expectRefused(later, cancel(job.id), 'job-not-running');
      expectRefused(itmuSynced, cancel(job.id), 'job-not-running');
      expectRefused(justUpgraded, cancel('JOB99999'), 'unknown-job');
    });
  });
});

describe('"After a site upgrade, the software update point site role must be created and configured and then synchronized with the Windows Server Update Services (WSUS) server."', () => {
  const syncJob = lastJob(supSyncRunning, 'software-update-point-sync');
  const newUpdates = updatesWhere(supSynced, (update) => !update.existedBeforeUpgrade);

  it('refuses to synchronize before the software update point exists', () => {
    expect(site(justUpgraded).softwareUpdatePoint).toBeNull();
    expectRefused(justUpgraded, synchronize(), 'no-software-update-point');
  });

  it('creates the role on the site server with the chosen products, classifications and languages', () => {
    const configured = apply(justUpgraded, configureSup());
    expect(site(configured).softwareUpdatePoint).toMatchObject({
      serverName: CONTOSO.sites.central.serverName,
      createdBy: smsadmin,
      classifications: DEFAULT_SUP_SETTINGS.classifications,
      languages: ['English'],
      lastSynchronizedAt: null,
    });
    const server = site(configured).siteSystems.find((system) => system.id === CONTOSO.sites.central.serverName);
    expect(server?.roles).toContain(SOFTWARE_UPDATE_POINT_ROLE);
  });

  it('refuses a server that is not a site system of CEN', () => {
    expectRefused(justUpgraded, { ...configureSup(), serverName: 'LON-SMS01' } as Operation, 'unknown-site-system');
  });

  it('refuses, in the operation schema, a product WSUS does not offer', () => {
    const operation = { ...configureSup(), products: ['Windows 95'] };
    expect(configureSoftwareUpdatePointSchema.safeParse(operation).success).toBe(false);
    expect(operationSchema.safeParse(operation).success).toBe(false);
    expect(configureSoftwareUpdatePointSchema.safeParse(configureSup()).success).toBe(true);
    expect(configureSoftwareUpdatePointSchema.safeParse({ ...configureSup(), languages: [] }).success).toBe(false);
  });

  it('synchronizes as a job on the site clock, then records when', () => {
    expect(syncJob).toMatchObject({ startedAt: T0, state: 'Running' });
    expect(jobById(supSynced, syncJob.id).state).toBe('Succeeded');
    expect(site(supSynced).softwareUpdatePoint?.lastSynchronizedAt).toBe(syncJob.endsAt);
    // Nothing arrives before the job ends.
    const before = advanceWorld(supSyncRunning, addMinutes(syncJob.endsAt, -1));
    expect(site(before).softwareUpdates).toHaveLength(site(justUpgraded).softwareUpdates.length);
  });

  it('brings new software updates that are neither LEGACY nor expired', () => {
    expect(newUpdates.length).toBeGreaterThan(100);
    for (const update of newUpdates) {
      expect(update.legacy).toBe(false);
      expect(update.expired).toBe(false);
      expect(update.title.endsWith('(LEGACY)')).toBe(false);
    }
  });

  it.each(CONTOSO.notDeployableToSms2003)(
    'brings "%s", not deployable to SMS 2003 (not in the ITMU catalog)',
    (title) => {
      expect(updateTitled(supSynced, title)).toMatchObject({
        legacy: false,
        expired: false,
        deployableToSms2003: false,
      });
      expect(
        updateTitled(untilLastJobEnds(apply(itmuSynced, configureSup(), synchronize())), title).deployableToSms2003,
      ).toBe(false);
    },
  );

  it('MS08-067 (October 2008) synchronized before the ITMU catalog is not deployable to SMS 2003: the ITMU catalog is stuck at May 2008', () => {
    const ms08067 = updatesWhere(supSynced, isSynchronizedMs08067);
    expect(ms08067.map((update) => update.title)).toContain('Security Update for Windows XP (KB958644)');
    expect(ms08067.map((update) => update.title)).toContain('Security Update for Windows Server 2003 (KB958644)');
    expect(ms08067.every((update) => !update.deployableToSms2003)).toBe(true);
    expect(site(supSynced).facts.itmuCatalogDate).toBe(MAY_2008_CATALOG);
  });

  it('MS08-067 becomes deployable to SMS 2003 once the ITMU catalog synchronizes (after KB 954474); KB890830 never does', () => {
    const fixed = untilLastJobEnds(
      apply(supSynced, installKb954474(SETUP_SYNC_END), runItmuSync(SETUP_SYNC_END)),
      'itmu-catalog-sync',
    );
    const ms08067 = updatesWhere(fixed, isSynchronizedMs08067);
    expect(ms08067.length).toBeGreaterThanOrEqual(2);
    expect(ms08067.every((update) => update.deployableToSms2003)).toBe(true);
    for (const title of CONTOSO.notDeployableToSms2003)
      expect(updateTitled(fixed, title).deployableToSms2003).toBe(false);
  });

  it('MS08-067 synchronized after the ITMU catalog synchronized is deployable to SMS 2003 at once', () => {
    const later = untilLastJobEnds(apply(itmuSynced, configureSup(), synchronize()));
    const ms08067 = updatesWhere(later, isSynchronizedMs08067);
    expect(ms08067.length).toBeGreaterThanOrEqual(2);
    expect(ms08067.every((update) => update.deployableToSms2003)).toBe(true);
  });

  it('a second synchronization adds no duplicates', () => {
    const twice = untilLastJobEnds(apply(supSynced, synchronize()), 'software-update-point-sync');
    expect(lastJob(twice).id).not.toBe(syncJob.id);
    expect(site(twice).softwareUpdates).toHaveLength(site(supSynced).softwareUpdates.length);
    const uniqueIds = site(twice).softwareUpdates.map((update) => update.uniqueId);
    expect(new Set(uniqueIds).size).toBe(uniqueIds.length);
    const ids = site(twice).softwareUpdates.map((update) => update.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(site(twice).statusMessages.at(-1)?.description).toContain('0 new software updates');
  });

  it('refuses to start a synchronization, or change the role, while one runs', () => {
    expectRefused(supSyncRunning, synchronize(), 'synchronization-running');
    expectRefused(supSyncRunning, configureSup(), 'synchronization-running');
  });
});

describe('"Until the custom catalog is republished, the custom updates will not be synchronized to the site database and the updates will remain in an expired state."', () => {
  const republished = apply(supSynced, republish());
  const synchronizedAfter = untilLastJobEnds(apply(republished, synchronize()), 'software-update-point-sync');
  const customCopies = (world: SiteWorld) =>
    updatesWhere(world, (update) => update.sourceCatalog === 'Custom Updates' && !update.legacy);

  it('stay expired after a synchronization without republishing', () => {
    const custom = updatesWhere(supSynced, isLegacyCustom);
    expect(custom.length).toBeGreaterThanOrEqual(3);
    expect(custom.every((update) => update.expired)).toBe(true);
    expect(customCopies(supSynced)).toEqual([]);
    // ... and after the ITMU catalog synchronization.
    expect(updatesWhere(itmuSynced, isLegacyCustom).every((update) => update.expired)).toBe(true);
  });

  it('stay expired once republished, until the software update point synchronizes', () => {
    expect(site(republished).facts.customCatalogRepublishedAt).toBe(site(supSynced).clock);
    expect(updatesWhere(republished, isLegacyCustom).every((update) => update.expired)).toBe(true);
    expect(customCopies(republished)).toEqual([]);
  });

  it('"the custom catalog must be republished ... and then the software update point must be synchronized": then they are active', () => {
    const migrated = updatesWhere(synchronizedAfter, isLegacyCustom);
    expect(migrated.length).toBeGreaterThanOrEqual(3);
    expect(migrated.every((update) => !update.expired)).toBe(true);
    const copies = customCopies(synchronizedAfter);
    expect(copies).toHaveLength(migrated.length);
    for (const copy of copies) {
      expect(copy).toMatchObject({
        legacy: false,
        expired: false,
        existedBeforeUpgrade: false,
        deployableToSms2003: true,
      });
      expect(copy.title.endsWith('(LEGACY)')).toBe(false);
    }
    expect(copies.map((copy) => copy.title)).toContain('Contoso Payroll Client 4.2 Hotfix 3');
  });

  it('refuses to republish without a software update point (Updates Publisher publishes to its WSUS server)', () => {
    expectRefused(justUpgraded, republish(), 'no-software-update-point');
  });

  it('refuses to republish twice', () => {
    expectRefused(republished, republish(), 'custom-catalog-already-republished');
  });

  // Regression test for a fixed bug.
  it('a synchronization that started before the republish does not bring the custom updates', () => {
    const configured = apply(justUpgraded, configureSup());
    const raced = untilLastJobEnds(
      apply(configured, synchronize(T0), republish(addMinutes(T0, 5))),
      'software-update-point-sync',
    );
    expect(updatesWhere(raced, isLegacyCustom).every((update) => update.expired)).toBe(true);
    expect(customCopies(raced)).toEqual([]);
  });
});

describe('"All other software updates will remain in an expired state, ... cannot be deployed to client computers from the Configuration Manager site server, and will eventually be removed from the Configuration Manager site database."', () => {
  const firstSyncEnd = lastJob(supSynced, 'software-update-point-sync').endsAt;
  const removalAt = addMinutes(firstSyncEnd, OTHER_SCAN_TOOL_RETENTION_DAYS * 24 * 60);
  /** Every synchronization there is: software update point twice (custom catalog republished), ITMU catalog once. */
  const everySync = untilLastJobEnds(
    apply(
      supSynced,
      installKb954474(SETUP_SYNC_END),
      runItmuSync(SETUP_SYNC_END),
      republish(SETUP_SYNC_END),
      synchronize(SETUP_SYNC_END),
    ),
    'itmu-catalog-sync',
  );

  it.each(OTHER_SCAN_TOOL_CATALOGS)('%s updates stay expired after every synchronization', (catalog) => {
    const before = updatesWhere(justUpgraded, (update) => update.sourceCatalog === catalog);
    expect(before.length).toBeGreaterThan(0);
    for (const world of [supSynced, itmuSynced, everySync]) {
      const after = updatesWhere(world, (update) => update.sourceCatalog === catalog);
      expect(after.map((update) => update.id)).toEqual(before.map((update) => update.id));
      expect(after.every((update) => update.expired)).toBe(true);
    }
    // everySync did synchronize the rest.
    expect(updatesWhere(everySync, isLegacyMicrosoft).every((update) => !update.expired)).toBe(true);
    expect(updatesWhere(everySync, isLegacyCustom).every((update) => !update.expired)).toBe(true);
  });

  it('whyUpdateCannotBeDeployed names the catalog the update comes from', () => {
    for (const update of updatesWhere(everySync, isOtherScanTool)) {
      const why = whyUpdateCannotBeDeployed(update);
      expect(why).toContain(update.sourceCatalog);
      expect(why).toContain('other inventory scan tools');
    }
    // An active synchronized update has nothing stopping it.
    const active = updatesWhere(everySync, (update) => !update.legacy && !update.expired)[0] as SoftwareUpdate;
    expect(whyUpdateCannotBeDeployed(active)).toBeNull();
  });

  it(`are removed ${OTHER_SCAN_TOOL_RETENTION_DAYS} days after the first synchronization, not before`, () => {
    expect(site(supSynced).facts.otherScanToolUpdatesRemovalAt).toBe(removalAt);
    // A later synchronization does not put the removal off.
    expect(site(everySync).facts.otherScanToolUpdatesRemovalAt).toBe(removalAt);
    const almost = advanceWorld(everySync, addMinutes(removalAt, -1));
    expect(updatesWhere(almost, isOtherScanTool).length).toBe(updatesWhere(justUpgraded, isOtherScanTool).length);
    const removed = advanceWorld(everySync, addMinutes(removalAt, 60));
    expect(updatesWhere(removed, isOtherScanTool)).toEqual([]);
    expect(site(removed).facts.otherScanToolUpdatesRemovedAt).toBe(removalAt);
    const message = site(removed).statusMessages.find((m) => m.messageId === 6708);
    expect(message?.time).toBe(removalAt);
    // Nothing else leaves the site database.
    expect(site(removed).softwareUpdates.length).toBe(
      site(everySync).softwareUpdates.length - updatesWhere(everySync, isOtherScanTool).length,
    );
  });

  it('are not removed while no synchronization has happened', () => {
    const weeksLater = advanceWorld(justUpgraded, addMinutes(T0, 60 * 24 * 60));
    expect(updatesWhere(weeksLater, isOtherScanTool).length).toBe(updatesWhere(justUpgraded, isOtherScanTool).length);
  });
});

describe('"You can run a script to hide these software updates in the Configuration Manager console so only deployable software updates are displayed." / "Migrated software updates that are in a software update deployment that was also migrated will not be hidden until the migrated deployment is deleted or the updates are removed from the deployment."', () => {
  const securityUpdates = sms2003AdvertisementNamed(justUpgraded, CONTOSO.distributions.securityUpdates200801);
  const scriptRun = apply(justUpgraded, runLegacyScript());
  const heldByAny = new Set(site(justUpgraded).sms2003Advertisements.flatMap((ad) => ad.updateIds));
  const hiddenIds = (world: SiteWorld) =>
    new Set(updatesWhere(world, (update) => update.hidden).map((update) => update.id));

  it('hides nothing before the script runs', () => {
    expect(updatesWhere(justUpgraded, (update) => update.hidden)).toEqual([]);
  });

  it('hides every LEGACY update that no migrated deployment holds', () => {
    const hidden = hiddenIds(scriptRun);
    for (const update of site(scriptRun).softwareUpdates) {
      expect(hidden.has(update.id), update.title).toBe(update.legacy && !heldByAny.has(update.id));
    }
    expect(hidden.size).toBe(previewLegacyScript(site(justUpgraded)).willHide);
    expect(site(scriptRun).facts.legacyScriptRunAt).toBe(T0);
  });

  it(`keeps the updates of the migrated deployment "${CONTOSO.distributions.securityUpdates200801}" visible`, () => {
    expect(securityUpdates.updateIds.length).toBeGreaterThan(1);
    const hidden = hiddenIds(scriptRun);
    for (const id of securityUpdates.updateIds) expect(hidden.has(id)).toBe(false);
  });

  it('hides them once the migrated deployment is deleted', () => {
    const deleted = apply(scriptRun, {
      type: 'delete-sms2003-advertisement',
      advertisementId: securityUpdates.id,
      by: smsadmin,
    });
    expect(site(deleted).sms2003Advertisements.map((ad) => ad.id)).not.toContain(securityUpdates.id);
    const hidden = hiddenIds(deleted);
    for (const id of securityUpdates.updateIds) expect(hidden.has(id)).toBe(true);
  });

  it('hides just the updates removed from the migrated deployment', () => {
    const [first, second, ...rest] = securityUpdates.updateIds as [string, string, ...string[]];
    const removed = apply(scriptRun, {
      type: 'remove-updates-from-sms2003-advertisement',
      advertisementId: securityUpdates.id,
      updateIds: [first, second],
      by: smsadmin,
    });
    const hidden = hiddenIds(removed);
    expect(hidden.has(first)).toBe(true);
    expect(hidden.has(second)).toBe(true);
    for (const id of rest) expect(hidden.has(id)).toBe(false);
    expect(sms2003AdvertisementNamed(removed, securityUpdates.name).updateIds).toEqual(rest);
  });

  it('is a rule, not a one-off: a deployment deleted before the script runs has its updates hidden by it', () => {
    const deletedFirst = apply(justUpgraded, {
      type: 'delete-sms2003-advertisement',
      advertisementId: securityUpdates.id,
      by: smsadmin,
    });
    expect(hiddenIds(deletedFirst).size).toBe(0);
    const hidden = hiddenIds(apply(deletedFirst, runLegacyScript()));
    for (const id of securityUpdates.updateIds) expect(hidden.has(id)).toBe(true);
  });

  it('never hides a software update synchronized after the upgrade', () => {
    const synced = apply(supSynced, runLegacyScript());
    expect(updatesWhere(synced, (update) => !update.legacy && update.hidden)).toEqual([]);
  });

  it('refuses to remove an update the deployment does not hold, or to touch a deployment that does not exist', () => {
    const notHeld = site(justUpgraded).softwareUpdates.find((update) => !securityUpdates.updateIds.includes(update.id));
    expectRefused(
      scriptRun,
      {
        type: 'remove-updates-from-sms2003-advertisement',
        advertisementId: securityUpdates.id,
        updateIds: [securityUpdates.updateIds[0] as string, notHeld?.id as string],
        by: smsadmin,
      },
      'update-not-in-deployment',
    );
    expectRefused(
      scriptRun,
      { type: 'delete-sms2003-advertisement', advertisementId: 'LON20001', by: smsadmin },
      'unknown-advertisement',
    );
  });

  it('explainSoftwareUpdate names the rule for a hidden update and the deployment for a kept one', () => {
    const hidden = updatesWhere(scriptRun, (update) => update.hidden)[0] as SoftwareUpdate;
    const hiddenWhy = explainSoftwareUpdate(hidden, site(scriptRun)).join(' ');
    expect(hiddenWhy).toContain('LEGACY clean-up script hides LEGACY updates');
    expect(hiddenWhy).toContain('LEGACY Appended to Migrated Software Updates Metadata');
    const kept = updatesWhere(scriptRun, (update) => update.id === securityUpdates.updateIds[0])[0] as SoftwareUpdate;
    expect(kept.hidden).toBe(false);
    const keptWhy = explainSoftwareUpdate(kept, site(scriptRun)).join(' ');
    expect(keptWhy).toContain(`the migrated deployment ${CONTOSO.distributions.securityUpdates200801} holds it`);
    expect(keptWhy).toContain('until that deployment is deleted or the update is removed from it');
  });
});

describe('package sources (shared/scenario-contoso.md: "its package source path \\\\CEN-SMS01\\PkgSrc$\\OfficeQ1 no longer exists: source validation fails and the content is invalidated until re-downloaded")', () => {
  const office = packageNamed(justUpgraded, CONTOSO.distributions.officeSecurityUpdates2008Q1);
  const updateDps = (at?: string): Operation => ({
    at,
    type: 'update-distribution-points',
    packageId: office.id,
    by: smsadmin,
  });
  const changeSource = (sourcePath: string, at?: string): Operation => ({
    at,
    type: 'change-package-source',
    packageId: office.id,
    sourcePath,
    by: smsadmin,
  });
  const failedDownload = untilLastJobEnds(apply(justUpgraded, updateDps()), 'package-content-download');
  const restoredRunning = apply(failedDownload, changeSource(NEW_OFFICE_SOURCE), updateDps());
  const restored = untilLastJobEnds(restoredRunning, 'package-content-download');

  it('the Office package starts with its source invalid', () => {
    expect(office.sourcePath).toBe(CONTOSO.invalidPackageSource);
    expect(office.sourceValid).toBe(false);
  });

  it('updating the distribution points from the old path runs a job that fails: the directory does not exist', () => {
    const job = lastJob(failedDownload, 'package-content-download');
    expect(job).toMatchObject({ targetId: office.id, state: 'Failed' });
    expect(jobDurationMinutes(job)).toBe(CONTENT_DOWNLOAD_MINUTES);
    const error = messagesOf(failedDownload, job.id).find((message) => message.severity === 'Error');
    expect(error?.description).toContain(`the source directory ${CONTOSO.invalidPackageSource} does not exist`);
    expect(packageNamed(failedDownload, office.name).sourceValid).toBe(false);
  });

  it(`after changing the source, the content is downloaded again in ${CONTENT_DOWNLOAD_MINUTES} minutes and the source is valid`, () => {
    const job = lastJob(restoredRunning, 'package-content-download');
    expect(packageNamed(restoredRunning, office.name).sourcePath).toBe(NEW_OFFICE_SOURCE);
    expect(packageNamed(restoredRunning, office.name).sourceValid).toBe(false);
    const almost = advanceWorld(restoredRunning, addMinutes(job.startedAt, CONTENT_DOWNLOAD_MINUTES - 1));
    expect(packageNamed(almost, office.name).sourceValid).toBe(false);
    const done = advanceWorld(restoredRunning, addMinutes(job.startedAt, CONTENT_DOWNLOAD_MINUTES));
    expect(packageNamed(done, office.name).sourceValid).toBe(true);
    expect(jobById(done, job.id).state).toBe('Succeeded');
    expect(JSON.stringify(done)).toBe(JSON.stringify(restored));
    for (const id of office.updateIds) {
      expect(updatesWhere(restored, (update) => update.id === id)[0]?.downloaded).toBe(true);
    }
  });

  it('changing the source alone does not make it valid', () => {
    const changed = apply(justUpgraded, changeSource(NEW_OFFICE_SOURCE));
    expect(packageNamed(changed, office.name).sourceValid).toBe(false);
    expect(packageNamed(changed, office.name).contentStatus).toContain('update the distribution points');
  });

  it('refuses to change the source or update again while the content is being downloaded', () => {
    expectRefused(restoredRunning, changeSource('\\\\CEN-SMS01\\PkgSrc$\\Other'), 'content-download-running');
    expectRefused(restoredRunning, updateDps(), 'content-download-running');
    expectRefused(justUpgraded, { ...updateDps(), packageId: 'CEN99999' } as Operation, 'unknown-package');
  });

  it('the operation schema refuses a source that is not a UNC path', () => {
    const parse = (sourcePath: string) => changePackageSourceSchema.safeParse(changeSource(sourcePath)).success;
    expect(parse(NEW_OFFICE_SOURCE)).toBe(true);
    expect(parse('C:\\PkgSrc\\OfficeQ1')).toBe(false);
    expect(parse('OfficeQ1')).toBe(false);
  });

  // Regression test for a fixed bug.
  it('a folder inside the removed folder does not exist either', () => {
    const inside = untilLastJobEnds(
      apply(justUpgraded, changeSource(`${CONTOSO.invalidPackageSource}\\Excel`), updateDps()),
      'package-content-download',
    );
    expect(lastJob(inside, 'package-content-download').state).toBe('Failed');
    expect(packageNamed(inside, office.name).sourceValid).toBe(false);
  });
});

describe('"When all client computers in the hierarchy have been upgraded to Configuration Manager 2007, the Inventory Tool for Microsoft Updates should be removed from the site server."', () => {
  const pilotUpgraded = apply(justUpgraded, upgradeClients(CEN_PILOT_WORKSTATIONS));
  const lonUpgraded = apply(justUpgraded, upgradeLon);
  const everyClient = apply(lonUpgraded, upgradeClients(ALL_SYSTEMS));
  const configMgrClients = (world: SiteWorld) =>
    site(world).clients.filter((client) => client.clientType === 'Configuration Manager 2007');

  it('upgrade-clients makes the 150 clients of CEN Pilot Workstations Configuration Manager 2007 clients', () => {
    const members = new Set(site(justUpgraded).collectionMembers[CEN_PILOT_WORKSTATIONS]);
    expect(members.size).toBe(150);
    const upgraded = configMgrClients(pilotUpgraded);
    expect(upgraded).toHaveLength(150);
    expect(upgraded.every((client) => members.has(client.id))).toBe(true);
  });

  it('recounts every collection', () => {
    const typeById = new Map(site(pilotUpgraded).clients.map((client) => [client.id, client.clientType]));
    for (const c of site(pilotUpgraded).collections) {
      const members = site(pilotUpgraded).collectionMembers[c.id] ?? [];
      const configMgr = members.filter((id) => typeById.get(id) === 'Configuration Manager 2007').length;
      expect([c.name, c.configMgrClientCount, c.sms2003ClientCount]).toEqual([
        c.name,
        configMgr,
        members.length - configMgr,
      ]);
    }
    expect(collection(pilotUpgraded, CEN_PILOT_WORKSTATIONS)).toMatchObject({
      configMgrClientCount: 150,
      sms2003ClientCount: 0,
    });
    expect(collection(pilotUpgraded, ALL_SYSTEMS)).toMatchObject({
      configMgrClientCount: 150,
      sms2003ClientCount: 1350,
    });
  });

  it('rescans the synchronized updates: the upgraded clients report compliance, no longer unknown', () => {
    const synced = updatesWhere(supSynced, (update) => !update.legacy)[0] as SoftwareUpdate;
    expect(synced.compliance.unknown).toBe(1500);
    const rescanned = apply(supSynced, upgradeClients(CEN_PILOT_WORKSTATIONS));
    const after = updatesWhere(rescanned, (update) => update.id === synced.id)[0] as SoftwareUpdate;
    expect(after.compliance.unknown).toBe(1350);
    const { total, required, installed, notRequired, unknown } = after.compliance;
    expect(required + installed + notRequired + unknown).toBe(total);
  });

  it('refuses to upgrade a collection that holds no SMS 2003 client any more', () => {
    expectRefused(pilotUpgraded, upgradeClients(CEN_PILOT_WORKSTATIONS), 'no-sms2003-clients');
    expectRefused(justUpgraded, upgradeClients('CEN99999'), 'unknown-collection');
  });

  it('refuses to upgrade LON Workstations while LON runs SMS 2003, and upgrades them after Setup runs on LON', () => {
    const violation = expectRefused(justUpgraded, upgradeClients(LON_WORKSTATIONS), 'client-site-not-upgraded');
    expect(violation.message).toContain('LON');
    const lon = site(lonUpgraded).sites.find((s) => s.code === 'LON');
    expect(lon?.version).toBe('Configuration Manager 2007');
    const upgraded = apply(lonUpgraded, upgradeClients(LON_WORKSTATIONS));
    expect(configMgrClients(upgraded)).toHaveLength(300);
    expect(configMgrClients(upgraded).every((client) => client.siteCode === 'LON')).toBe(true);
    expect(collection(upgraded, LON_WORKSTATIONS)).toMatchObject({ configMgrClientCount: 300, sms2003ClientCount: 0 });
  });

  it('upgrades only the CEN clients of All Systems while LON runs SMS 2003, with a Warning', () => {
    const partly = apply(justUpgraded, upgradeClients(ALL_SYSTEMS));
    expect(configMgrClients(partly)).toHaveLength(1200);
    const message = site(partly).statusMessages.at(-1);
    expect(message?.severity).toBe('Warning');
    expect(message?.description).toContain('300 clients were not upgraded');
    expectRefused(partly, removeItmu, 'sms2003-clients-remain');
  });

  it('refuses to run Setup on LON twice, or on a site that does not exist', () => {
    expectRefused(lonUpgraded, upgradeLon, 'site-already-upgraded');
    expectRefused(justUpgraded, { ...upgradeLon, siteCode: 'CEN' } as Operation, 'site-already-upgraded');
    expectRefused(justUpgraded, { ...upgradeLon, siteCode: 'NYC' } as Operation, 'unknown-site');
  });

  it('keeps the Inventory Tool for Microsoft Updates while any SMS 2003 client remains', () => {
    for (const world of [justUpgraded, pilotUpgraded, lonUpgraded]) {
      const advice = itmuRetirementAdvice(site(world));
      expect(advice.installed).toBe(true);
      expect(advice.canRemove).toBe(false);
      expect(advice.sms2003ClientsRemaining).toBe(1500 - configMgrClients(world).length);
      expect(advice.message).toMatch(/^Keep the Inventory Tool for Microsoft Updates/);
      expectRefused(world, removeItmu, 'sms2003-clients-remain');
    }
  });

  it('recommends removing it once every client is upgraded, and removes it', () => {
    expect(configMgrClients(everyClient)).toHaveLength(1500);
    const advice = itmuRetirementAdvice(site(everyClient));
    expect(advice).toMatchObject({ installed: true, sms2003ClientsRemaining: 0, canRemove: true });
    expect(advice.message).toContain('remove the Inventory Tool for Microsoft Updates');
    const removed = apply(everyClient, removeItmu);
    expect(site(removed).scanTools.map((tool) => tool.name)).not.toContain(CONTOSO.scanTools.itmu);
    expect(site(removed).advertisements.map((ad) => ad.id)).not.toContain(ITMU_SYNC_ADVERTISEMENT_ID);
    expect(site(removed).facts.itmuRemovedAt).toBe(T0);
    expect(itmuRetirementAdvice(site(removed)).installed).toBe(false);
    expectRefused(removed, removeItmu, 'itmu-not-installed');
  });
});

describe('"Only SMS 2003 clients should be in the target collection for the Microsoft Updates Tool advertisement."', () => {
  const pilotUpgraded = apply(justUpgraded, installKb954474(SETUP_SYNC_END), upgradeClients(CEN_PILOT_WORKSTATIONS));

  it('refuses to run the sync advertisement against a collection with Configuration Manager clients unless acknowledged', () => {
    const violation = expectRefused(
      pilotUpgraded,
      runItmuSync(undefined, { collectionId: CEN_PILOT_WORKSTATIONS }),
      'configmgr-clients-in-itmu-collection',
    );
    expect(violation.message).toContain('150 Configuration Manager 2007 clients');
    expectRefused(
      pilotUpgraded,
      runItmuSync(undefined, { collectionId: CEN_PILOT_WORKSTATIONS, acknowledgeConfigMgrClients: false }),
      'configmgr-clients-in-itmu-collection',
    );
  });

  it('runs it when the administrator acknowledges the warning', () => {
    const ran = apply(
      pilotUpgraded,
      runItmuSync(undefined, { collectionId: CEN_PILOT_WORKSTATIONS, acknowledgeConfigMgrClients: true }),
    );
    const job = lastJob(ran);
    expect(job.id).not.toBe(lastJob(pilotUpgraded).id);
    expect(job).toMatchObject({ kind: 'itmu-catalog-sync', state: 'Running', willSucceed: true });
  });

  it('warns for the scan advertisement too, but not for another scan tool\u2019s advertisement', () => {
    const scan: Operation = {
      type: 'run-advertisement',
      advertisementId: ITMU_SCAN_ADVERTISEMENT_ID,
      collectionId: CEN_PILOT_WORKSTATIONS,
      by: smsadmin,
    };
    expectRefused(pilotUpgraded, scan, 'configmgr-clients-in-itmu-collection');
    const custom = apply(pilotUpgraded, { ...scan, advertisementId: 'CEN2000C' } as Operation);
    expect(site(custom).advertisements.find((ad) => ad.id === 'CEN2000C')?.lastRunAt).toBe(SETUP_SYNC_END);
  });

  it('warns for its own collection once the synchronization host CEN-SMS01 is a Configuration Manager client', () => {
    const serversUpgraded = apply(
      justUpgraded,
      installKb954474(SETUP_SYNC_END),
      upgradeClients(ALL_WINDOWS_SERVER_2003),
    );
    const syncHost = site(serversUpgraded).collections.find(
      (c) => c.name === CONTOSO.collections.microsoftUpdatesToolSync,
    );
    expect(syncHost?.configMgrClientCount).toBe(1);
    expectRefused(serversUpgraded, runItmuSync(), 'configmgr-clients-in-itmu-collection');
    expect(lastJob(apply(serversUpgraded, runItmuSync(undefined, { acknowledgeConfigMgrClients: true }))).state).toBe(
      'Running',
    );
  });

  it('runs against a collection of SMS 2003 clients without asking', () => {
    const ran = apply(
      justUpgraded,
      installKb954474(SETUP_SYNC_END),
      runItmuSync(undefined, { collectionId: LON_WORKSTATIONS }),
    );
    expect(lastJob(ran)).toMatchObject({ kind: 'itmu-catalog-sync', state: 'Running', startedAt: SETUP_SYNC_END });
  });
});

describe('every refused operation throws RuleViolation and leaves the world as it was', () => {
  const beforeUpgrade = buildWorld('before-upgrade', DEFAULT_SEED, scale);
  const pilotUpgraded = apply(justUpgraded, upgradeClients(CEN_PILOT_WORKSTATIONS));
  const office = packageNamed(justUpgraded, CONTOSO.distributions.officeSecurityUpdates2008Q1);
  const downloading = apply(justUpgraded, {
    type: 'update-distribution-points',
    packageId: office.id,
    by: smsadmin,
  });
  const cases: Array<[string, SiteWorld, Operation, string]> = [
    [
      'Setup on an upgraded site',
      justUpgraded,
      { type: 'run-setup', runBy: smsadmin, catalogSource: 'internet' },
      'site-already-upgraded',
    ],
    ['an after-upgrade action before the upgrade', beforeUpgrade, synchronize(), 'site-not-upgraded'],
    ['cancelling a job before the upgrade', beforeUpgrade, cancel('JOB00001'), 'site-not-upgraded'],
    ['the clean-up script before the upgrade', beforeUpgrade, runLegacyScript(), 'site-not-upgraded'],
    ['synchronizing without a software update point', justUpgraded, synchronize(), 'no-software-update-point'],
    ['synchronizing while a synchronization runs', supSyncRunning, synchronize(), 'synchronization-running'],
    ['the sync advertisement while Setup\u2019s runs', justUpgraded, runItmuSync(), 'synchronization-running'],
    [
      'an advertisement that does not exist',
      justUpgraded,
      { ...runItmuSync(), advertisementId: 'CEN2999Z' },
      'unknown-advertisement',
    ],
    [
      'a collection that does not exist',
      itmuSynced,
      runItmuSync(undefined, { collectionId: 'CEN99999' }),
      'unknown-collection',
    ],
    [
      'the sync advertisement on ConfigMgr clients',
      pilotUpgraded,
      runItmuSync(SETUP_SYNC_END, { collectionId: CEN_PILOT_WORKSTATIONS }),
      'configmgr-clients-in-itmu-collection',
    ],
    ['KB 954474 twice, later on', itmuSynced, installKb954474(addMinutes(T0, 24 * 60)), 'update-already-installed'],
    ['republishing without a software update point', justUpgraded, republish(), 'no-software-update-point'],
    [
      'deleting an advertisement that was not migrated',
      justUpgraded,
      { type: 'delete-sms2003-advertisement', advertisementId: 'LON20001', by: smsadmin },
      'unknown-advertisement',
    ],
    [
      'a content download twice',
      downloading,
      { type: 'update-distribution-points', packageId: office.id, by: smsadmin },
      'content-download-running',
    ],
    [
      'upgrading LON\u2019s clients before LON',
      justUpgraded,
      upgradeClients(LON_WORKSTATIONS),
      'client-site-not-upgraded',
    ],
    ['removing the ITMU with SMS 2003 clients left', justUpgraded, removeItmu, 'sms2003-clients-remain'],
    ['cancelling a job that has ended', itmuSynced, cancel('JOB00001'), 'job-not-running'],
  ];

  it.each(cases)('%s', (_label, world, operation, rule) => {
    expectRefused(world, operation, rule);
  });
});
