/**
 * Deploying software updates after the upgrade, rule by rule: the planning topic's "Deploying Software Updates to
 * Client Computers" and "Using Deployment Templates That Specify SMS 2003 Settings"
 * (shared/reference/planning-for-software-updates-site-upgrade.txt), and the Deploy Software Updates Wizard and
 * Deployment Template Wizard as shared/reference/configmgr-2007-console.md (sections 4 to 6) describes them. Each
 * describe quotes the sentence it tests. The domain is driven as the console drives it: operations applied with
 * applyOperation on the Contoso site at its Just upgraded, Synchronized and Configured stages, and the site clock moved
 * on with advanceWorld and advanceSite.
 */
import { describe, expect, it } from 'vitest';
import { OTHER_SCAN_TOOL_CATALOGS, OTHER_SCAN_TOOL_RETENTION_DAYS } from '../after-upgrade/catalog-rules';
import { advanceSite } from '../after-upgrade/site-events';
import { updatesInMigratedDeployments } from '../after-upgrade/update-flags';
import type { Job } from '../model/after-upgrade-objects';
import {
  MAX_DEPLOYMENT_PACKAGE_DESCRIPTION,
  MAX_DEPLOYMENT_PACKAGE_NAME,
  type DeploymentSettings,
} from '../model/site-objects';
import type { SoftwareUpdate } from '../model/software-update';
import { advanceWorld, applyOperation, type Operation, type SiteWorld } from '../operations/operations';
import { RIGHTS_BY_OBJECT_TYPE, RightsIndex, type Grant } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import { buildWorld, DEFAULT_SEED, stageOperations } from '../scenario/contoso-stage';
import { DEFAULT_SCALE } from '../scenario/scale';
import { addMinutes } from '../site-clock/site-clock';
import type { SiteState } from '../site-state';
import {
  MAX_DEPLOYMENT_NAME,
  MAX_DESCRIPTION,
  MAX_TEMPLATE_NAME,
  needsDeploymentPackage,
  type CreateDeploymentOperation,
} from './deployment-operations';
import { whyCannotCreateDeployment, whyCannotOnDeploymentTemplate } from './deployment-rights';
import { ROLLOUT_STEP_MINUTES, ROLLOUT_STEPS } from './deployment-rollout';
import { DEFAULT_DEPLOYMENT_SETTINGS, defaultDeadline, durationProblem } from './deployment-rules';

const { smsadmin, patchadmin } = CONTOSO.administrators;
const { workstationsSms2003, serversStandard } = CONTOSO.templates;
const scale = DEFAULT_SCALE;

const ALL_WINDOWS_XP = 'SMS000GS';
const ALL_WINDOWS_SERVER_2003 = 'SMS000ES';
const CEN_PILOT_WORKSTATIONS = 'CEN00011';
const KB890830_TITLE = CONTOSO.notDeployableToSms2003[0];
const KB955020_TITLE = CONTOSO.notDeployableToSms2003[1];
const SOURCE = '\\\\CEN-SMS01\\PkgSrc$\\Updates\\MS08-067';

// Every world is built once and never changed: the domain is immutable.
const justUpgraded: SiteWorld = buildWorld('just-upgraded', DEFAULT_SEED, scale);
const synchronized: SiteWorld = buildWorld('synchronized', DEFAULT_SEED, scale);
const configured: SiteWorld = buildWorld('configured', DEFAULT_SEED, scale);

function site(world: SiteWorld): SiteState {
  if (!world.configMgr) throw new Error('The site has not been upgraded');
  return world.configMgr;
}

function apply(world: SiteWorld, ...operations: Operation[]): SiteWorld {
  return operations.reduce((current, operation) => applyOperation(current, operation, scale), world);
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
  expect(caught, `${operation.type} should be refused with ${rule}`).toBeInstanceOf(RuleViolation);
  expect((caught as RuleViolation).rule, (caught as Error).message).toBe(rule);
  expect(JSON.stringify(world)).toBe(before);
  return caught as RuleViolation;
}

function updatesWhere(world: SiteWorld, predicate: (update: SoftwareUpdate) => boolean): SoftwareUpdate[] {
  return site(world).softwareUpdates.filter(predicate);
}

function updateTitled(world: SiteWorld, title: string): SoftwareUpdate {
  const found = updatesWhere(world, (update) => update.title === title);
  expect(found, title).toHaveLength(1);
  return found[0] as SoftwareUpdate;
}

function updateById(world: SiteWorld, id: string): SoftwareUpdate {
  const found = site(world).softwareUpdates.find((update) => update.id === id);
  if (!found) throw new Error(`No software update ${id}`);
  return found;
}

function templateNamed(world: SiteWorld, name: string) {
  const found = site(world).deploymentTemplates.find((template) => template.name === name);
  if (!found) throw new Error(`No deployment template ${name}`);
  return found;
}

function deploymentNamed(world: SiteWorld, name: string) {
  const found = site(world).deployments.find((deployment) => deployment.name === name);
  if (!found) throw new Error(`No deployment ${name}`);
  return found;
}

function rolloutOf(world: SiteWorld, deploymentId: string): Job {
  const job = site(world).jobs.find(
    (candidate) => candidate.kind === 'deployment-rollout' && candidate.targetId === deploymentId,
  );
  if (!job) throw new Error(`No rollout for deployment ${deploymentId}`);
  return job;
}

const isMs08067 = (update: SoftwareUpdate) =>
  update.bulletinId === 'MS08-067' && !update.legacy && update.language === 'English';
const ms08067Ids = (world: SiteWorld) => updatesWhere(world, isMs08067).map((update) => update.id);
const isOtherScanTool = (update: SoftwareUpdate) => OTHER_SCAN_TOOL_CATALOGS.includes(update.sourceCatalog);
/** A synchronized update that is downloaded already (the Configured deployment's package holds it). */
const downloadedIds = (world: SiteWorld) =>
  updatesWhere(world, (update) => update.downloaded && !update.legacy && update.deployableToSms2003).map((u) => u.id);

/** The settings of a template, without what names the template itself. */
function settingsOf(world: SiteWorld, templateName: string): DeploymentSettings {
  const {
    id: _id,
    name: _name,
    description: _d,
    createdBy: _by,
    createdAt: _at,
    ...settings
  } = templateNamed(world, templateName);
  return settings;
}

/** The wizard's choices for MS08-067 to CEN Pilot Workstations without a template: a deployment that is accepted. */
function deploy(world: SiteWorld, changes: Partial<CreateDeploymentOperation> = {}): CreateDeploymentOperation {
  return {
    type: 'create-deployment',
    name: 'MS08-067 - pilot',
    description: 'MS08-067 to the pilot workstations',
    updateIds: ms08067Ids(world),
    templateId: null,
    settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: CEN_PILOT_WORKSTATIONS },
    availableTime: null,
    deadline: null,
    deploymentPackage: { kind: 'new', name: 'MS08-067', description: 'Content of MS08-067', sourcePath: SOURCE },
    downloadFrom: { kind: 'internet' },
    languages: ['English'],
    acknowledgeLegacy: false,
    saveAsTemplate: null,
    by: smsadmin,
    ...changes,
  };
}

/** The same with a template: its settings, as the wizard fills its pages from it. */
function deployWith(world: SiteWorld, templateName: string, changes: Partial<CreateDeploymentOperation> = {}) {
  return deploy(world, {
    templateId: templateNamed(world, templateName).id,
    settings: settingsOf(world, templateName),
    ...changes,
  });
}

const createTemplate = (name: string, changes: Partial<DeploymentSettings> = {}, description = ''): Operation => ({
  type: 'create-deployment-template',
  name,
  description,
  settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, ...changes },
  by: smsadmin,
});

const compliance = (world: SiteWorld, ids: readonly string[]) =>
  Object.fromEntries(ids.map((id) => [id, updateById(world, id).compliance]));

function expectComplianceConserved(world: SiteWorld) {
  for (const update of site(world).softwareUpdates) {
    const { total, required, installed, notRequired, unknown } = update.compliance;
    expect(required + installed + notRequired + unknown, update.title).toBe(total);
    expect(Math.min(required, installed, notRequired, unknown), update.title).toBeGreaterThanOrEqual(0);
  }
}

// ---------------------------------------------------------------------------------------------------------------

describe('"Before Configuration Manager client computers are able to scan for software update compliance and before software update deployments can be created at the site server, the updates must be put back into an active state by running software updates synchronization."', () => {
  it('refuses to deploy an expired update (every migrated update, right after the upgrade) as update-not-deployable', () => {
    const update = site(justUpgraded).softwareUpdates.find(
      (candidate) => candidate.sourceCatalog === 'Microsoft Update',
    );
    if (!update) throw new Error('No Microsoft update');
    expect(update.expired).toBe(true);
    const violation = expectRefused(
      justUpgraded,
      deploy(justUpgraded, { updateIds: [update.id], acknowledgeLegacy: true }),
      'update-not-deployable',
    );
    expect(violation.message).toBe(
      `${update.title} is expired: an expired update cannot be deployed until synchronization puts it back into an active state.`,
    );
  });

  it('refuses a selection with one expired update among deployable ones, naming the expired one', () => {
    const expired = updatesWhere(synchronized, (update) => update.expired)[0];
    if (!expired) throw new Error('No expired update at the Synchronized stage');
    const violation = expectRefused(
      synchronized,
      deploy(synchronized, { updateIds: [...ms08067Ids(synchronized), expired.id], acknowledgeLegacy: true }),
      'update-not-deployable',
    );
    expect(violation.message).toContain(expired.title);
  });

  it('refuses an empty selection', () => {
    const violation = expectRefused(configured, deploy(configured, { updateIds: [] }), 'update-not-deployable');
    expect(violation.message).toBe('Select at least one software update to deploy.');
  });

  it('refuses an unknown software update, and one listed twice', () => {
    expectRefused(configured, deploy(configured, { updateIds: ['99999999'] }), 'unknown-software-update');
    const [first] = ms08067Ids(configured);
    expectRefused(
      configured,
      deploy(configured, { updateIds: [first ?? '', first ?? ''] }),
      'duplicate-software-update',
    );
  });
});

describe('"New deployments are not supported for software updates that are in catalogs from other inventory scan tools."', () => {
  const otherScanToolUpdates = (world: SiteWorld) => updatesWhere(world, isOtherScanTool);

  it.each([
    ['Just upgraded', justUpgraded],
    ['Synchronized', synchronized],
    ['Configured', configured],
  ])(
    'refuses each Security Update Inventory Tool and Office Inventory Tool update at the %s stage, naming its catalog',
    (_stage, world) => {
      const updates = otherScanToolUpdates(world);
      expect(new Set(updates.map((update) => update.sourceCatalog))).toEqual(
        new Set([CONTOSO.scanTools.suit, CONTOSO.scanTools.officeInventory]),
      );
      for (const update of updates) {
        const violation = expectRefused(
          world,
          deploy(world, { updateIds: [update.id], acknowledgeLegacy: true }),
          'update-not-deployable',
        );
        expect(violation.message).toBe(
          `${update.title} comes from the ${update.sourceCatalog} catalog: new deployments are not supported for ` +
            'software updates in catalogs from other inventory scan tools, and it stays expired.',
        );
      }
    },
  );

  it('"... and will eventually be removed from the Configuration Manager site database": then it is unknown', () => {
    const update = otherScanToolUpdates(synchronized)[0];
    if (!update) throw new Error('No other scan tool update');
    const later = advanceWorld(
      synchronized,
      addMinutes(site(synchronized).clock, (OTHER_SCAN_TOOL_RETENTION_DAYS + 1) * 24 * 60),
    );
    expect(updatesWhere(later, isOtherScanTool)).toEqual([]);
    expectRefused(later, deploy(later, { updateIds: [update.id], acknowledgeLegacy: true }), 'unknown-software-update');
  });
});

describe('"Software updates with (LEGACY) in the title should not be deployed to clients and are only migrated for migrated software update distributions and for reporting purposes."', () => {
  const legacyActive = updatesWhere(
    synchronized,
    (update) => update.legacy && !update.expired && update.sourceCatalog === 'Microsoft Update',
  ).slice(0, 5);

  it('refuses a LEGACY update that synchronization made active again until the administrator acknowledges it', () => {
    expect(legacyActive).toHaveLength(5);
    const violation = expectRefused(
      synchronized,
      deploy(synchronized, { updateIds: legacyActive.map((update) => update.id) }),
      'legacy-not-acknowledged',
    );
    expect(violation.message).toContain(`${legacyActive[0]?.title ?? ''}, ${legacyActive[1]?.title ?? ''}`);
    expect(violation.message).toContain('and 2 more are LEGACY updates: software updates with (LEGACY) in the title');
    expect(violation.message).toContain('Confirm that you want to deploy them (acknowledgeLegacy)');
  });

  it('refuses a single LEGACY update among synchronized ones, naming it alone', () => {
    const [legacy] = legacyActive;
    const violation = expectRefused(
      synchronized,
      deploy(synchronized, { updateIds: [...ms08067Ids(synchronized), legacy?.id ?? ''] }),
      'legacy-not-acknowledged',
    );
    expect(violation.message.startsWith(`${legacy?.title ?? ''} is a LEGACY update:`)).toBe(true);
  });

  it('accepts it once acknowledged, and the deployment records that it was (legacyAcknowledged)', () => {
    const ids = legacyActive.map((update) => update.id);
    const world = apply(synchronized, deploy(synchronized, { updateIds: ids, acknowledgeLegacy: true }));
    const deployment = deploymentNamed(world, 'MS08-067 - pilot');
    expect(deployment.updateIds).toEqual(ids);
    expect(deployment.legacyAcknowledged).toBe(true);
    for (const id of ids) expect(updateById(world, id).deployed).toBe(true);
  });

  it('records legacyAcknowledged false when the selection holds no LEGACY update, acknowledged or not', () => {
    const world = apply(synchronized, deploy(synchronized, { acknowledgeLegacy: true }));
    expect(deploymentNamed(world, 'MS08-067 - pilot').legacyAcknowledged).toBe(false);
  });

  it('still accepts hidden LEGACY updates (Configured stage) once acknowledged: hiding is for the console, not a rule', () => {
    const hidden = updatesWhere(configured, (update) => update.hidden && !update.expired)[0];
    if (!hidden) throw new Error('No hidden active update');
    const world = apply(configured, deploy(configured, { updateIds: [hidden.id], acknowledgeLegacy: true }));
    expect(deploymentNamed(world, 'MS08-067 - pilot').updateIds).toEqual([hidden.id]);
  });
});

describe('"When deployment templates are created with the Deploy software updates to SMS 2003 clients setting enabled, the template will be available on the Deployment Template page of the Deploy Software Updates Wizard only when all software updates can be deployed to SMS 2003 clients."', () => {
  const kb890830 = () => updateTitled(configured, KB890830_TITLE).id;

  it('accepts Workstations - SMS 2003 Clients for the MS08-067 updates, all Deployable to SMS 2003', () => {
    expect(updatesWhere(configured, isMs08067).every((update) => update.deployableToSms2003)).toBe(true);
    const world = apply(configured, deployWith(configured, workstationsSms2003));
    const deployment = deploymentNamed(world, 'MS08-067 - pilot');
    expect(deployment.templateId).toBe(templateNamed(configured, workstationsSms2003).id);
    expect(deployment.deployToSms2003Clients).toBe(true);
  });

  it('refuses Workstations - SMS 2003 Clients once KB890830 is in the selection (template-not-offered), naming it', () => {
    const violation = expectRefused(
      configured,
      deployWith(configured, workstationsSms2003, { updateIds: [...ms08067Ids(configured), kb890830()] }),
      'template-not-offered',
    );
    expect(violation.message).toBe(
      `The deployment template ${workstationsSms2003} deploys software updates to SMS 2003 clients, so it is offered ` +
        `only when every software update is Deployable to SMS 2003; ${KB890830_TITLE} is not.`,
    );
  });

  it('refuses it for KB890830 and KB955020, naming both', () => {
    const violation = expectRefused(
      configured,
      deployWith(configured, workstationsSms2003, {
        updateIds: [kb890830(), updateTitled(configured, KB955020_TITLE).id],
      }),
      'template-not-offered',
    );
    expect(violation.message).toContain(`${KB890830_TITLE} and ${KB955020_TITLE} are not.`);
  });

  it('accepts Servers - Standard, which does not deploy to SMS 2003 clients, with KB890830', () => {
    const world = apply(
      configured,
      deployWith(configured, serversStandard, { updateIds: [...ms08067Ids(configured), kb890830()] }),
    );
    const deployment = deploymentNamed(world, 'MS08-067 - pilot');
    expect(deployment.deployToSms2003Clients).toBe(false);
    expect(deployment.sms2003).toBeNull();
  });

  it('refuses the SMS 2003 setting typed in without a template when an update is not Deployable to SMS 2003', () => {
    const violation = expectRefused(
      configured,
      deploy(configured, {
        updateIds: [...ms08067Ids(configured), kb890830()],
        settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: ALL_WINDOWS_XP, deployToSms2003Clients: true },
      }),
      'not-deployable-to-sms2003',
    );
    expect(violation.message).toBe(
      'Software updates only from Microsoft Update and published custom updates can be deployed to SMS 2003 clients: ' +
        `${KB890830_TITLE} is not Deployable to SMS 2003.`,
    );
  });

  it('refuses a template that does not exist', () => {
    expectRefused(configured, deploy(configured, { templateId: 'DT000099' }), 'unknown-deployment-template');
  });
});

describe("the Deploy Software Updates Wizard's pages: Collection, Display/Time, Deployment Schedule, Deployment Package, Language Selection", () => {
  it('Collection: a deployment needs one (a template may leave it out), and it must exist', () => {
    const violation = expectRefused(
      configured,
      deploy(configured, { settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: null } }),
      'collection-required',
    );
    expect(violation.message).toBe('Collection: choose the collection to deploy the software updates to.');
    const unknown = expectRefused(
      configured,
      deploy(configured, { settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: 'CEN09999' } }),
      'unknown-collection',
    );
    expect(unknown.message).toBe('There is no collection CEN09999.');
  });

  it.each([
    [0, 'Hours'],
    [25, 'Hours'],
    [366, 'Days'],
    [5, 'Weeks'],
    [13, 'Months'],
    [1.5, 'Days'],
  ] as const)(
    'Display/Time: a duration of %s %s is out of the range "1-24 h, 1-365 days, 1-4 weeks, 1-12 months"',
    (duration, durationUnits) => {
      const violation = expectRefused(
        configured,
        deploy(configured, {
          settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: CEN_PILOT_WORKSTATIONS, duration, durationUnits },
        }),
        'duration-invalid',
      );
      expect(violation.message).toBe(`Display/Time Settings: ${durationProblem(duration, durationUnits) ?? ''}.`);
    },
  );

  it.each([
    [24, 'Hours'],
    [365, 'Days'],
    [4, 'Weeks'],
    [12, 'Months'],
    [1, 'Hours'],
  ] as const)('Display/Time: %s %s is accepted', (duration, durationUnits) => {
    const world = apply(
      configured,
      deploy(configured, {
        settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: CEN_PILOT_WORKSTATIONS, duration, durationUnits },
      }),
    );
    expect(deploymentNamed(world, 'MS08-067 - pilot')).toMatchObject({ duration, durationUnits });
  });

  it('Deployment Schedule: the deadline must come after the time the updates become available', () => {
    const now = site(configured).clock;
    for (const deadline of [now, addMinutes(now, -60)]) {
      const violation = expectRefused(configured, deploy(configured, { deadline }), 'deadline-before-available');
      expect(violation.message).toBe(
        'Deployment Schedule: the deadline must be after the time the updates become available.',
      );
    }
    const available = addMinutes(now, 24 * 60);
    expectRefused(
      configured,
      deploy(configured, { availableTime: available, deadline: addMinutes(now, 60) }),
      'deadline-before-available',
    );
    const world = apply(
      configured,
      deploy(configured, { availableTime: available, deadline: addMinutes(now, 25 * 60) }),
    );
    expect(deploymentNamed(world, 'MS08-067 - pilot')).toMatchObject({
      availableTime: available,
      deadline: addMinutes(now, 25 * 60),
    });
  });

  it('Deployment Schedule: "As soon as possible" is the time it is made; no deadline leaves the updates optional', () => {
    const at = addMinutes(site(configured).clock, 5);
    const world = apply(configured, { ...deploy(configured), at });
    expect(deploymentNamed(world, 'MS08-067 - pilot')).toMatchObject({
      availableTime: at,
      createdAt: at,
      deadline: null,
    });
  });

  it('Deployment Package: "only when at least one update is not yet downloaded or when deploying to SMS 2003 clients"', () => {
    const notDownloaded = updatesWhere(configured, isMs08067);
    const downloaded = downloadedIds(configured).map((id) => updateById(configured, id));
    expect(notDownloaded.every((update) => !update.downloaded)).toBe(true);
    expect(downloaded.length).toBeGreaterThan(0);
    expect(needsDeploymentPackage(notDownloaded, { deployToSms2003Clients: false })).toBe(true);
    expect(needsDeploymentPackage(downloaded, { deployToSms2003Clients: false })).toBe(false);
    expect(needsDeploymentPackage(downloaded, { deployToSms2003Clients: true })).toBe(true);

    const violation = expectRefused(
      configured,
      deploy(configured, { deploymentPackage: null }),
      'deployment-package-required',
    );
    expect(violation.message).toContain('choose a deployment package or create one');
    expectRefused(
      configured,
      deploy(configured, {
        updateIds: downloadedIds(configured),
        deploymentPackage: null,
        settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: ALL_WINDOWS_XP, deployToSms2003Clients: true },
      }),
      'deployment-package-required',
    );
    // Every update downloaded and no SMS 2003 clients: the page is skipped, no package is made, and the deployment is
    // tied to the package that holds them ("the deployment is then tied to that package automatically").
    const world = apply(
      configured,
      deploy(configured, { updateIds: downloadedIds(configured), deploymentPackage: null }),
    );
    const holding = site(configured).deploymentPackages.find((pkg) =>
      downloadedIds(configured).every((id) => pkg.updateIds.includes(id)),
    );
    expect(holding).toBeDefined();
    expect(deploymentNamed(world, 'MS08-067 - pilot').deploymentPackageId).toBe(holding?.id);
    expect(site(world).deploymentPackages).toEqual(site(configured).deploymentPackages);
  });

  it(`Deployment Package: a new package's name is at most ${MAX_DEPLOYMENT_PACKAGE_NAME} characters and its description at most ${MAX_DEPLOYMENT_PACKAGE_DESCRIPTION}`, () => {
    const pkg = (name: string, description = '') => ({ kind: 'new' as const, name, description, sourcePath: SOURCE });
    const long = expectRefused(
      configured,
      deploy(configured, { deploymentPackage: pkg('P'.repeat(MAX_DEPLOYMENT_PACKAGE_NAME + 1)) }),
      'package-name-invalid',
    );
    expect(long.message).toBe('The package name must be at most 50 characters.');
    expectRefused(configured, deploy(configured, { deploymentPackage: pkg('   ') }), 'package-name-invalid');
    expectRefused(configured, deploy(configured, { deploymentPackage: pkg('MS08\n067') }), 'package-name-invalid');
    const description = expectRefused(
      configured,
      deploy(configured, { deploymentPackage: pkg('MS08-067', 'd'.repeat(MAX_DEPLOYMENT_PACKAGE_DESCRIPTION + 1)) }),
      'package-description-invalid',
    );
    expect(description.message).toBe('The package description must be at most 127 characters.');

    const world = apply(
      configured,
      deploy(configured, {
        deploymentPackage: pkg(
          ` ${'P'.repeat(MAX_DEPLOYMENT_PACKAGE_NAME)} `,
          'd'.repeat(MAX_DEPLOYMENT_PACKAGE_DESCRIPTION),
        ),
      }),
    );
    const made = site(world).deploymentPackages.at(-1);
    expect(made?.name).toBe('P'.repeat(MAX_DEPLOYMENT_PACKAGE_NAME));
    expect(made?.description).toHaveLength(MAX_DEPLOYMENT_PACKAGE_DESCRIPTION);
  });

  it('Deployment Package: an existing package must exist, and a new one must not take an existing name (case-blind)', () => {
    expectRefused(
      configured,
      deploy(configured, { deploymentPackage: { kind: 'existing', id: 'CEN09999' } }),
      'unknown-deployment-package',
    );
    const violation = expectRefused(
      configured,
      deploy(configured, {
        deploymentPackage: {
          kind: 'new',
          name: CONTOSO.deployments.criticalUpdatesDecember2008.toUpperCase(),
          description: '',
          sourcePath: SOURCE,
        },
      }),
      'package-name-taken',
    );
    expect(violation.message).toBe(
      'There is already a deployment package named "Critical Updates - December 2008" (CEN00010): select it or choose another name.',
    );
  });

  it('Language Selection: at least one language of the site when content is downloaded', () => {
    const unknown = expectRefused(configured, deploy(configured, { languages: ['Klingon'] }), 'unknown-language');
    expect(unknown.message).toBe('Language Selection: Klingon is not a language of the site.');
    expectRefused(configured, deploy(configured, { languages: ['English', 'english'] }), 'unknown-language');
    expectRefused(configured, deploy(configured, { languages: [] }), 'language-required');
    const world = apply(configured, deploy(configured, { languages: ['English', 'German'] }));
    expect(deploymentNamed(world, 'MS08-067 - pilot').languages).toEqual(['English', 'German']);
  });

  it('General: a deployment name is required, at most 256 characters, without control characters, and unique (case-blind)', () => {
    expectRefused(configured, deploy(configured, { name: ' ' }), 'deployment-name-invalid');
    expectRefused(
      configured,
      deploy(configured, { name: 'n'.repeat(MAX_DEPLOYMENT_NAME + 1) }),
      'deployment-name-invalid',
    );
    expectRefused(configured, deploy(configured, { name: 'MS08-067\tpilot' }), 'deployment-name-invalid');
    expectRefused(
      configured,
      deploy(configured, { description: 'd'.repeat(MAX_DESCRIPTION + 1) }),
      'description-invalid',
    );
    const taken = expectRefused(
      configured,
      deploy(configured, { name: ' critical updates - DECEMBER 2008 ' }),
      'deployment-name-taken',
    );
    expect(taken.message).toBe(
      'There is already a deployment named "Critical Updates - December 2008" (1): choose another name.',
    );
    const world = apply(configured, deploy(configured, { name: `  ${'n'.repeat(MAX_DEPLOYMENT_NAME)}  ` }));
    expect(site(world).deployments.at(-1)?.name).toBe('n'.repeat(MAX_DEPLOYMENT_NAME));
  });

  it('before the upgrade there is nothing to deploy with (site-not-upgraded)', () => {
    const before = buildWorld('before-upgrade', DEFAULT_SEED, scale);
    expectRefused(before, deploy(configured), 'site-not-upgraded');
    expectRefused(before, createTemplate('Anything'), 'site-not-upgraded');
  });
});

describe('"In Configuration Manager 2007, the Deploy Software Updates Wizard is used to deploy software updates to both Configuration Manager and SMS 2003 client computers."', () => {
  const made = apply(configured, deploy(configured, { deadline: addMinutes(site(configured).clock, 7 * 24 * 60) }));
  const ids = ms08067Ids(configured);
  const deployment = deploymentNamed(made, 'MS08-067 - pilot');
  const start = site(configured).clock;

  it('makes the deployment: the next assignment ID, the collection, the times, the updates, who made it', () => {
    expect(deployment).toMatchObject({
      id: '2',
      name: 'MS08-067 - pilot',
      description: 'MS08-067 to the pilot workstations',
      collectionId: CEN_PILOT_WORKSTATIONS,
      collectionName: CONTOSO.collections.cenPilotWorkstations,
      templateId: null,
      createdBy: smsadmin,
      createdAt: start,
      availableTime: start,
      deadline: addMinutes(start, 7 * 24 * 60),
      updateIds: ids,
      languages: ['English'],
      legacyAcknowledged: false,
      deployToSms2003Clients: false,
      sms2003: null,
    });
    expect(Object.keys(deployment.expectedInstalls).sort()).toEqual([...ids].sort());
  });

  it('creates the deployment package with the next package ID of the site, and downloads the content into it', () => {
    expect(deployment.deploymentPackageId).toBe('CEN00011');
    expect(site(made).deploymentPackages.at(-1)).toEqual({
      id: 'CEN00011',
      name: 'MS08-067',
      description: 'Content of MS08-067',
      sourcePath: SOURCE,
      createdBy: smsadmin,
      updateIds: ids,
    });
    for (const id of ids) {
      expect(updateById(configured, id)).toMatchObject({ downloaded: false, deployed: false });
      expect(updateById(made, id)).toMatchObject({ downloaded: true, deployed: true });
    }
    // Nothing else changed its Downloaded or Deployed value.
    const others = (world: SiteWorld) =>
      site(world)
        .softwareUpdates.filter((update) => !ids.includes(update.id))
        .map(({ id, downloaded, deployed }) => ({ id, downloaded, deployed }));
    expect(others(made)).toEqual(others(configured));
  });

  it('gives its creator every right on the deployment and on the package ("creating an object gives its creator every instance right on it")', () => {
    const added = site(made).grants.slice(site(configured).grants.length);
    expect(added).toEqual<Grant[]>([
      {
        account: smsadmin,
        objectType: 'DeploymentPackage',
        instanceIds: ['CEN00011'],
        rights: [...RIGHTS_BY_OBJECT_TYPE.DeploymentPackage],
      },
      {
        account: smsadmin,
        objectType: 'Deployment',
        instanceIds: ['2'],
        rights: [...RIGHTS_BY_OBJECT_TYPE.Deployment],
      },
    ]);
  });

  it('reports it in a status message, and starts its rollout as a deployment-rollout job on the site clock', () => {
    const messages = site(made).statusMessages.slice(site(configured).statusMessages.length);
    expect(messages[0]).toMatchObject({
      time: start,
      component: 'SMS_OBJECT_REPLICATION_MANAGER',
      severity: 'Informational',
      messageId: 5130,
      description: `${smsadmin} created the deployment MS08-067 - pilot (2) of ${ids.length} software updates to CEN Pilot Workstations.`,
      jobId: null,
    });
    const job = rolloutOf(made, '2');
    expect(job).toMatchObject({
      kind: 'deployment-rollout',
      name: 'Deployment: MS08-067 - pilot',
      requestedBy: smsadmin,
      startedAt: start,
      endsAt: addMinutes(start, ROLLOUT_STEPS * ROLLOUT_STEP_MINUTES),
      state: 'Running',
      willSucceed: true,
      reported: 1,
    });
    expect(messages[1]).toMatchObject({ messageId: 5200, jobId: job.id, component: 'SMS_STATE_SYSTEM' });
    expect(messages[1]?.description).toContain('is available to CEN Pilot Workstations');
  });

  it("expects installs on the collection's Configuration Manager clients only: never more than an update requires", () => {
    for (const id of ids) {
      const expected = deployment.expectedInstalls[id] ?? -1;
      expect(expected).toBeGreaterThanOrEqual(0);
      expect(expected).toBeLessThanOrEqual(updateById(configured, id).compliance.required);
    }
    expect(Object.values(deployment.expectedInstalls).some((n) => n > 0)).toBe(true);
  });

  it('as the clock passes each hourly step, Installed rises and Required falls by the same number; the totals are kept', () => {
    let previous = compliance(made, ids);
    for (let step = 1; step <= ROLLOUT_STEPS; step++) {
      const time = addMinutes(start, step * ROLLOUT_STEP_MINUTES);
      const justBefore = advanceWorld(made, addMinutes(time, -1));
      expect(compliance(justBefore, ids)).toEqual(previous);
      const at = advanceWorld(made, time);
      const now = compliance(at, ids);
      for (const id of ids) {
        const expected = deployment.expectedInstalls[id] ?? 0;
        const was = previous[id];
        const is = now[id];
        if (!was || !is) throw new Error(id);
        const moved =
          Math.floor((expected * step) / ROLLOUT_STEPS) - Math.floor((expected * (step - 1)) / ROLLOUT_STEPS);
        expect(is.installed - was.installed, `${id} at step ${step}`).toBe(moved);
        expect(was.required - is.required, `${id} at step ${step}`).toBe(moved);
        expect(is.notRequired).toBe(was.notRequired);
        expect(is.unknown).toBe(was.unknown);
        expect(is.total).toBe(was.total);
      }
      expectComplianceConserved(at);
      previous = now;
    }
  });

  it('at the end the job has succeeded, every expected install is Installed, and later time changes nothing more', () => {
    const job = rolloutOf(made, '2');
    const ended = advanceWorld(made, job.endsAt);
    expect(rolloutOf(ended, '2')).toMatchObject({ state: 'Succeeded', finishedAt: job.endsAt, reported: 5 });
    for (const id of ids) {
      const before = updateById(configured, id).compliance;
      const after = updateById(ended, id).compliance;
      const expected = deployment.expectedInstalls[id] ?? 0;
      expect(after.installed - before.installed).toBe(expected);
      expect(before.required - after.required).toBe(expected);
    }
    const stepMessages = site(ended).statusMessages.filter(
      (message) => message.jobId === job.id && message.messageId === 5201,
    );
    expect(stepMessages.map((message) => message.time)).toEqual(
      Array.from({ length: ROLLOUT_STEPS }, (_, index) => addMinutes(start, (index + 1) * ROLLOUT_STEP_MINUTES)),
    );
    const total = Object.values(deployment.expectedInstalls).reduce((sum, n) => sum + n, 0);
    expect(stepMessages.at(-1)?.description).toContain(`about ${total} of ${total} expected installations`);
    const muchLater = advanceWorld(ended, addMinutes(job.endsAt, 7 * 24 * 60));
    expect(compliance(muchLater, ids)).toEqual(compliance(ended, ids));
  });

  it('advanceSite reaches the same site in one jump as hour by hour', () => {
    const end = rolloutOf(made, '2').endsAt;
    let stepwise = site(made);
    for (let minutes = 30; minutes <= ROLLOUT_STEPS * ROLLOUT_STEP_MINUTES; minutes += 30) {
      stepwise = advanceSite(stepwise, addMinutes(start, minutes));
    }
    expect(JSON.stringify(stepwise)).toBe(JSON.stringify(advanceSite(site(made), end)));
  });

  it('available later: nothing is installed until an hour after the updates become available', () => {
    const available = addMinutes(start, 3 * 60);
    const later = apply(configured, deploy(configured, { availableTime: available }));
    const job = rolloutOf(later, '2');
    expect(job.endsAt).toBe(addMinutes(available, ROLLOUT_STEPS * ROLLOUT_STEP_MINUTES));
    expect(compliance(advanceWorld(later, addMinutes(available, 59)), ids)).toEqual(compliance(configured, ids));
    const firstStep = compliance(advanceWorld(later, addMinutes(available, 60)), ids);
    expect(Object.values(firstStep).reduce((n, c) => n + c.installed, 0)).toBeGreaterThan(
      Object.values(compliance(configured, ids)).reduce((n, c) => n + c.installed, 0),
    );
  });

  it('two deployments of the same updates never install more than is required', () => {
    const twice = apply(
      made,
      deploy(made, {
        name: 'MS08-067 - XP',
        settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: ALL_WINDOWS_XP },
        deploymentPackage: { kind: 'existing', id: 'CEN00011' },
      }),
    );
    const ended = advanceWorld(twice, addMinutes(start, 24 * 60));
    expectComplianceConserved(ended);
    for (const id of ids) {
      const before = updateById(configured, id).compliance;
      const after = updateById(ended, id).compliance;
      expect(after.required + after.installed).toBe(before.required + before.installed);
    }
  });

  it('an existing package gets the content it lacks; nothing is created', () => {
    const world = apply(configured, deploy(configured, { deploymentPackage: { kind: 'existing', id: 'CEN00010' } }));
    const pkg = site(world).deploymentPackages.find((candidate) => candidate.id === 'CEN00010');
    const before = site(configured).deploymentPackages.find((candidate) => candidate.id === 'CEN00010');
    expect(pkg?.updateIds).toEqual([...(before?.updateIds ?? []), ...ids]);
    expect(site(world).deploymentPackages).toHaveLength(site(configured).deploymentPackages.length);
    expect(
      site(world)
        .grants.slice(site(configured).grants.length)
        .map((grant) => grant.objectType),
    ).toEqual(['Deployment']);
  });

  it('to SMS 2003 clients: an SMS 2003 program and advertisement, and every update downloaded into the package, downloaded or not', () => {
    const selection = [...ms08067Ids(configured), ...downloadedIds(configured).slice(0, 2)];
    const world = apply(configured, deployWith(configured, workstationsSms2003, { updateIds: selection }));
    const sms2003 = deploymentNamed(world, 'MS08-067 - pilot');
    expect(sms2003).toMatchObject({
      deployToSms2003Clients: true,
      deploymentPackageId: 'CEN00011',
      sms2003: { advertisementId: 'CEN00011-2', programName: 'Software Updates Program', enabled: true },
    });
    expect(site(world).deploymentPackages.at(-1)?.updateIds).toEqual(selection);
    expect(
      site(world).statusMessages.find(
        (message) => message.messageId === 5130 && message.time === start && message.description.includes('(2)'),
      )?.description,
    ).toContain('with an SMS 2003 program and advertisement for its SMS 2003 clients.');
  });
});

describe('"If no template is used, settings are typed in and can optionally be saved as a new template inside the wizard."', () => {
  const saved = (name: string, description = 'Saved from the wizard') =>
    deploy(configured, { saveAsTemplate: { name, description } });

  it("saves the deployment's settings as a template that its creator holds every right on", () => {
    const world = apply(configured, saved('Pilot - MS08-067'));
    const template = templateNamed(world, 'Pilot - MS08-067');
    const { collectionId: _c, ...settings } = deploy(configured).settings;
    expect(template).toMatchObject({
      ...settings,
      collectionId: CEN_PILOT_WORKSTATIONS,
      id: 'DT000003',
      description: 'Saved from the wizard',
      createdBy: smsadmin,
      createdAt: site(configured).clock,
    });
    const rights = new RightsIndex(site(world).grants);
    expect(rights.rightsOn(smsadmin, 'DeploymentTemplate', 'DT000003')).toEqual([
      ...RIGHTS_BY_OBJECT_TYPE.DeploymentTemplate,
    ]);
    expect(site(world).grants.at(-1)).toEqual({
      account: smsadmin,
      objectType: 'DeploymentTemplate',
      instanceIds: ['DT000003'],
      rights: [...RIGHTS_BY_OBJECT_TYPE.DeploymentTemplate],
    });
    expect(deploymentNamed(world, 'MS08-067 - pilot').templateId).toBeNull();
  });

  it('refuses the whole deployment when the template name is taken, empty or too long: no deployment, no package', () => {
    const taken = expectRefused(configured, saved(serversStandard.toLowerCase()), 'template-name-taken');
    expect(taken.message).toBe(
      `There is already a deployment template named "${serversStandard}" (DT000002): choose another name.`,
    );
    expectRefused(configured, saved(''), 'template-name-invalid');
    expectRefused(configured, saved('t'.repeat(MAX_TEMPLATE_NAME + 1)), 'template-name-invalid');
    expectRefused(configured, saved('Fine', 'd'.repeat(MAX_DESCRIPTION + 1)), 'description-invalid');
  });
});

describe('"If turned off on an active deployment that includes SMS 2003 clients it cannot be turned on again; the SMS 2003 program and advertisement are disabled."', () => {
  const disable = (id: string, at?: string): Operation => ({
    at,
    type: 'disable-deployment-sms2003',
    id,
    by: smsadmin,
  });
  const critical = deploymentNamed(configured, CONTOSO.deployments.criticalUpdatesDecember2008);
  const off = apply(configured, disable(critical.id));

  it('turns "Deploy software updates to SMS 2003 clients" off and disables the SMS 2003 program and advertisement', () => {
    expect(critical.deployToSms2003Clients).toBe(true);
    expect(critical.sms2003?.enabled).toBe(true);
    const after = deploymentNamed(off, CONTOSO.deployments.criticalUpdatesDecember2008);
    expect(after).toEqual({
      ...critical,
      deployToSms2003Clients: false,
      sms2003: { ...critical.sms2003, enabled: false },
    });
    expect(site(off).statusMessages.at(-1)).toMatchObject({
      component: 'SMS_OFFER_MANAGER',
      severity: 'Warning',
      messageId: 5131,
      description: `${smsadmin} switched off "Deploy software updates to SMS 2003 clients" on Critical Updates - December 2008 (1): its SMS 2003 program and advertisement are disabled, and the setting cannot be turned on again.`,
    });
  });

  it('is irreversible: a second request is refused, saying it cannot be turned on again', () => {
    const violation = expectRefused(off, disable(critical.id), 'sms2003-already-off');
    expect(violation.message).toBe(
      'Critical Updates - December 2008 (1) does not deploy to SMS 2003 clients any more: it was switched off and cannot be turned on again.',
    );
  });

  it('refuses a deployment that never deployed to SMS 2003 clients, and one that does not exist', () => {
    const made = apply(configured, deploy(configured));
    const violation = expectRefused(made, disable('2'), 'sms2003-already-off');
    expect(violation.message).toBe('MS08-067 - pilot (2) does not deploy to SMS 2003 clients.');
    expectRefused(configured, disable('99'), 'unknown-deployment');
  });

  it('leaves the rollout to the Configuration Manager clients running', () => {
    const job = rolloutOf(off, critical.id);
    expect(job.state).toBe('Running');
    expect(rolloutOf(advanceWorld(off, job.endsAt), critical.id).state).toBe('Succeeded');
  });
});

describe('"Created with the Deployment Template Wizard before deploying": creating, changing and deleting templates', () => {
  const update = (
    id: string,
    name: string,
    changes: Partial<DeploymentSettings> = {},
    description = '',
  ): Operation => ({
    type: 'update-deployment-template',
    id,
    name,
    description,
    settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, ...changes },
    by: smsadmin,
  });
  const remove = (id: string): Operation => ({ type: 'delete-deployment-template', id, by: smsadmin });
  const created = apply(
    configured,
    createTemplate('  Pilot Workstations  ', { collectionId: CEN_PILOT_WORKSTATIONS }, ' The pilot first '),
  );

  it('creates a template with the next ID, trimmed name and description, its creator holding every right on it', () => {
    expect(site(created).deploymentTemplates.at(-1)).toEqual({
      ...DEFAULT_DEPLOYMENT_SETTINGS,
      collectionId: CEN_PILOT_WORKSTATIONS,
      id: 'DT000003',
      name: 'Pilot Workstations',
      description: 'The pilot first',
      createdBy: smsadmin,
      createdAt: site(configured).clock,
    });
    expect(site(created).grants.at(-1)).toEqual({
      account: smsadmin,
      objectType: 'DeploymentTemplate',
      instanceIds: ['DT000003'],
      rights: [...RIGHTS_BY_OBJECT_TYPE.DeploymentTemplate],
    });
  });

  it('a template may leave the collection out ("optional - allows phased deployments")', () => {
    const world = apply(configured, createTemplate('Phased', { collectionId: null }));
    expect(templateNamed(world, 'Phased').collectionId).toBeNull();
  });

  it.each([
    ['an empty name', '   ', 'template-name-invalid', 'The template name cannot be empty.'],
    [
      'a name of 101 characters',
      'x'.repeat(MAX_TEMPLATE_NAME + 1),
      'template-name-invalid',
      'The template name must be at most 100 characters.',
    ],
    [
      'a name with a line break',
      'Pilot\nWorkstations',
      'template-name-invalid',
      'The template name cannot hold control characters such as tabs or line breaks.',
    ],
    [
      'a name taken, case-blind',
      'WORKSTATIONS - sms 2003 clients',
      'template-name-taken',
      `There is already a deployment template named "${workstationsSms2003}" (DT000001): choose another name.`,
    ],
  ])('refuses %s', (_what, name, rule, message) => {
    expect(expectRefused(configured, createTemplate(name), rule).message).toBe(message);
  });

  it('accepts a name of exactly 100 characters, and refuses a description over 256, an unknown collection, a duration out of range', () => {
    const world = apply(configured, createTemplate('x'.repeat(MAX_TEMPLATE_NAME)));
    expect(site(world).deploymentTemplates.at(-1)?.name).toHaveLength(MAX_TEMPLATE_NAME);
    expectRefused(configured, createTemplate('Fine', {}, 'd'.repeat(MAX_DESCRIPTION + 1)), 'description-invalid');
    expectRefused(configured, createTemplate('Fine', { collectionId: 'CEN09999' }), 'unknown-collection');
    expectRefused(configured, createTemplate('Fine', { duration: 13, durationUnits: 'Months' }), 'duration-invalid');
  });

  it('refuses an ID that is taken', () => {
    expectRefused(configured, { ...createTemplate('Fine'), id: 'DT000001' } as Operation, 'template-id-taken');
  });

  it("changes a template's name, description and settings, keeping who made it and when", () => {
    const servers = templateNamed(configured, serversStandard);
    const world = apply(
      configured,
      update(servers.id, 'servers - STANDARD', { collectionId: ALL_WINDOWS_SERVER_2003, duration: 3 }, 'Changed'),
    );
    expect(templateNamed(world, 'servers - STANDARD')).toEqual({
      ...DEFAULT_DEPLOYMENT_SETTINGS,
      collectionId: ALL_WINDOWS_SERVER_2003,
      duration: 3,
      id: servers.id,
      name: 'servers - STANDARD',
      description: 'Changed',
      createdBy: servers.createdBy,
      createdAt: servers.createdAt,
    });
  });

  it("refuses a change to another template's name, to an unknown template, or with rules broken", () => {
    const servers = templateNamed(configured, serversStandard);
    expectRefused(configured, update(servers.id, workstationsSms2003), 'template-name-taken');
    expectRefused(configured, update('DT000099', 'Anything'), 'unknown-deployment-template');
    expectRefused(configured, update(servers.id, ''), 'template-name-invalid');
    expectRefused(configured, update(servers.id, serversStandard, { collectionId: 'NOPE' }), 'unknown-collection');
    expectRefused(
      configured,
      update(servers.id, serversStandard, { duration: 25, durationUnits: 'Hours' }),
      'duration-invalid',
    );
  });

  it('a template turned into an SMS 2003 one is no longer offered with KB890830', () => {
    const servers = templateNamed(configured, serversStandard);
    const world = apply(
      configured,
      update(servers.id, serversStandard, { collectionId: ALL_WINDOWS_SERVER_2003, deployToSms2003Clients: true }),
    );
    expectRefused(
      world,
      deployWith(world, serversStandard, {
        updateIds: [...ms08067Ids(world), updateTitled(world, KB890830_TITLE).id],
      }),
      'template-not-offered',
    );
  });

  it('deletes a template; the deployments made with it keep their settings; its name is free again', () => {
    const workstations = templateNamed(configured, workstationsSms2003);
    const world = apply(configured, remove(workstations.id));
    expect(site(world).deploymentTemplates.map((template) => template.name)).toEqual([serversStandard]);
    expect(deploymentNamed(world, CONTOSO.deployments.criticalUpdatesDecember2008)).toEqual(
      deploymentNamed(configured, CONTOSO.deployments.criticalUpdatesDecember2008),
    );
    expect(templateNamed(apply(world, createTemplate(workstationsSms2003)), workstationsSms2003).createdBy).toBe(
      smsadmin,
    );
    expectRefused(world, remove(workstations.id), 'unknown-deployment-template');
  });

  // Regression test for a fixed bug.
  it('deleting a template removes the instance rights that named it', () => {
    const world = apply(created, remove('DT000003'));
    expect(site(world).grants.some((grant) => grant.instanceIds?.includes('DT000003'))).toBe(false);
  });

  // Regression test for a fixed bug.
  it("a deleted template's ID is never given again", () => {
    const world = apply(created, remove('DT000003'), createTemplate('Another'));
    expect(templateNamed(world, 'Another').id).toBe('DT000004');
  });
});

describe('rights on the new object types: "will not have any rights to new object types such as deployment templates"', () => {
  const rights = new RightsIndex(site(configured).grants);
  const request = {
    updates: updatesWhere(configured, isMs08067),
    collectionId: CEN_PILOT_WORKSTATIONS,
    templateId: 'DT000001',
    deploymentPackage: null,
    saveAsTemplate: true,
  };

  it('CONTOSO\\smsadmin, "the user who ran the upgrade", may deploy, use the templates and save one', () => {
    expect(whyCannotCreateDeployment(rights, smsadmin, request)).toBeNull();
    expect(whyCannotOnDeploymentTemplate(rights, smsadmin, 'DT000002', 'Delete')).toBeNull();
  });

  it('CONTOSO\\patchadmin may not create a deployment nor read a template', () => {
    expect(whyCannotCreateDeployment(rights, patchadmin, request)).toBe(
      'CONTOSO\\patchadmin has no Create right on Deployments',
    );
    expect(whyCannotOnDeploymentTemplate(rights, patchadmin, 'DT000001', 'Modify')).toBe(
      'CONTOSO\\patchadmin has no Read right on deployment template DT000001',
    );
  });

  it("once granted Create on deployments only, patchadmin is told each further right it lacks, in the wizard's order", () => {
    const granted = (...extra: Grant[]) =>
      new RightsIndex([
        ...site(configured).grants,
        { account: patchadmin, objectType: 'Deployment', instanceIds: null, rights: ['Create'] },
        ...extra,
      ]);
    const legacy = updatesWhere(configured, (update) => update.legacy).slice(0, 2);
    const plain = { ...request, updates: legacy, templateId: null, saveAsTemplate: false };
    expect(whyCannotCreateDeployment(granted(), patchadmin, plain)).toBeNull();
    expect(whyCannotCreateDeployment(granted(), patchadmin, { ...plain, updates: request.updates })).toBe(
      `CONTOSO\\patchadmin has no Read right on software update ${request.updates[0]?.id ?? ''}`,
    );
    expect(whyCannotCreateDeployment(granted(), patchadmin, { ...plain, templateId: 'DT000002' })).toBe(
      'CONTOSO\\patchadmin has no Read right on deployment template DT000002',
    );
    expect(
      whyCannotCreateDeployment(granted(), patchadmin, {
        ...plain,
        deploymentPackage: { kind: 'new', name: 'x', description: '', sourcePath: SOURCE },
      }),
    ).toBe('CONTOSO\\patchadmin has no Create right on Deployment Packages');
    expect(
      whyCannotCreateDeployment(
        granted({ account: patchadmin, objectType: 'DeploymentPackage', instanceIds: ['CEN00010'], rights: ['Read'] }),
        patchadmin,
        { ...plain, deploymentPackage: { kind: 'existing', id: 'CEN00010' } },
      ),
    ).toBe('CONTOSO\\patchadmin has no Modify right on deployment package CEN00010');
    expect(whyCannotCreateDeployment(granted(), patchadmin, { ...plain, saveAsTemplate: true })).toBe(
      'CONTOSO\\patchadmin has no Create right on Deployment Templates',
    );
  });
});

describe('the Configured stage: "the two templates above, and one new deployment, Critical Updates - December 2008, to All Windows XP Systems, made with the template Workstations - SMS 2003 Clients from the December 2008 Microsoft updates (all Deployable to SMS 2003 by then)"', () => {
  const state = site(configured);
  const workstations = templateNamed(configured, workstationsSms2003);
  const servers = templateNamed(configured, serversStandard);
  const critical = deploymentNamed(configured, CONTOSO.deployments.criticalUpdatesDecember2008);

  it('has exactly the two templates, both created by CONTOSO\\smsadmin', () => {
    expect(state.deploymentTemplates.map((template) => template.name)).toEqual([workstationsSms2003, serversStandard]);
    for (const template of state.deploymentTemplates) expect(template.createdBy).toBe(smsadmin);
  });

  it('Workstations - SMS 2003 Clients: "Deploy software updates to SMS 2003 clients" on, to All Windows XP Systems', () => {
    expect(workstations).toMatchObject({ deployToSms2003Clients: true, collectionId: ALL_WINDOWS_XP });
  });

  it('Servers - Standard: that setting off, to All Windows Server 2003 Systems', () => {
    expect(servers).toMatchObject({ deployToSms2003Clients: false, collectionId: ALL_WINDOWS_SERVER_2003 });
  });

  it('has the one deployment, to All Windows XP Systems (SMS000GS), made with Workstations - SMS 2003 Clients and its settings', () => {
    expect(state.deployments).toHaveLength(1);
    const { id: _id, name: _n, description: _d, createdBy: _b, createdAt: _a, ...settings } = workstations;
    expect(critical).toMatchObject({
      ...settings,
      collectionId: ALL_WINDOWS_XP,
      collectionName: CONTOSO.collections.allWindowsXp,
      templateId: workstations.id,
      createdBy: smsadmin,
      deadline: defaultDeadline(critical.availableTime, workstations),
      sms2003: { enabled: true },
      legacyAcknowledged: false,
    });
  });

  it('deploys the December 2008 Microsoft updates, every one Deployable to SMS 2003, none LEGACY nor expired; all downloaded and Deployed', () => {
    const updates = critical.updateIds.map((id) => updateById(configured, id));
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) {
      expect(update, update.title).toMatchObject({
        sourceCatalog: 'Microsoft Update',
        legacy: false,
        expired: false,
        deployableToSms2003: true,
        downloaded: true,
        deployed: true,
      });
      expect(update.dateReleased.startsWith('2008-12'), update.title).toBe(true);
    }
    expect(updates.map((update) => update.title)).not.toContain(KB890830_TITLE);
    const pkg = state.deploymentPackages.find((candidate) => candidate.id === critical.deploymentPackageId);
    expect(pkg?.updateIds).toEqual(critical.updateIds);
  });

  it('has its rollout running on the site clock', () => {
    expect(rolloutOf(configured, critical.id)).toMatchObject({ state: 'Running', startedAt: state.clock });
  });

  it('"LEGACY updates hidden by the clean-up script": every LEGACY update but those a migrated deployment holds', () => {
    const held = updatesInMigratedDeployments(state);
    const legacy = state.softwareUpdates.filter((update) => update.legacy);
    expect(legacy.length).toBeGreaterThan(100);
    for (const update of legacy) expect(update.hidden, update.title).toBe(!held.has(update.id));
    expect(state.softwareUpdates.filter((update) => !update.legacy).every((update) => !update.hidden)).toBe(true);
  });

  it('is what a trainee gets by doing the same operations on the Synchronized site', () => {
    const steps = stageOperations('configured').slice(stageOperations('synchronized').length);
    expect(steps.map((operation) => operation.type)).toEqual([
      'run-legacy-cleanup-script',
      'create-deployment-template',
      'create-deployment-template',
    ]);
    const byHand = apply(synchronized, ...steps, {
      type: 'create-deployment',
      name: critical.name,
      description: critical.description,
      updateIds: critical.updateIds,
      templateId: critical.templateId,
      settings: settingsOf(configured, workstationsSms2003),
      availableTime: null,
      deadline: critical.deadline,
      deploymentPackage: {
        kind: 'new',
        name: 'Critical Updates - December 2008',
        description: 'Content of the December 2008 critical updates.',
        sourcePath: '\\\\CEN-SMS01\\PkgSrc$\\Updates\\2008-12',
      },
      downloadFrom: { kind: 'internet' },
      languages: ['English'],
      acknowledgeLegacy: false,
      saveAsTemplate: null,
      by: smsadmin,
    });
    expect(JSON.stringify(site(byHand))).toBe(JSON.stringify(state));
  });
});
