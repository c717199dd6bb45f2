import { DEFAULT_SUP_SETTINGS } from '../after-upgrade/software-update-point';
import { DEFAULT_DEPLOYMENT_SETTINGS, defaultDeadline } from '../deployments/deployment-rules';
import { endOfRunningJobs } from '../after-upgrade/site-events';
import { KB954474 } from '../after-upgrade/catalog-rules';
import { ITMU_SYNC_ADVERTISEMENT_ID } from '../after-upgrade/site-after-setup';
import { advanceWorld, applyOperation, currentView, type Operation, type SiteWorld } from '../operations/operations';
import type { SiteState } from '../site-state';
import { CONTOSO, type StageId } from './contoso-names';
import { generateContosoSms2003Site } from './generate-sms2003-site';
import type { Scale } from './scale';

/** The seed of the built-in Contoso site. Any other seed gives another site with the same named objects. */
export const DEFAULT_SEED = 2008;

/** The stages this build of the console can produce; the rest are described in scenario-contoso.md. */
export const BUILDABLE_STAGES: readonly StageId[] = ['before-upgrade', 'just-upgraded', 'synchronized', 'configured'];

export function isBuildableStage(stage: StageId): boolean {
  return BUILDABLE_STAGES.includes(stage);
}

/**
 * One step of a stage: an operation an administrator does, one that depends on the site as it is by then (the updates
 * a deployment picks), or waiting until the site's running jobs have ended.
 */
export type StageStep =
  { operation: Operation } | { operationFor: (site: SiteState) => Operation } | { waitForJobs: true };

const { smsadmin } = CONTOSO.administrators;
const CEN_PILOT_WORKSTATIONS = 'CEN00011';
const ALL_WINDOWS_SERVER_2003 = 'SMS000ES';

/**
 * Each stage is the Before upgrade site plus the steps that lead to it, so a stage is exactly what a trainee gets by
 * doing them: "Just upgraded" is Setup run by CONTOSO\smsadmin with its default choices; "Synchronized" continues with
 * the planning topic's after-upgrade steps, in order.
 */
export function stageSteps(stage: StageId): StageStep[] {
  const step = (operation: Operation): StageStep => ({ operation });
  const wait: StageStep = { waitForJobs: true };
  switch (stage) {
    case 'before-upgrade':
      return [];
    case 'just-upgraded':
      return [step({ type: 'run-setup', runBy: smsadmin, catalogSource: 'internet' })];
    case 'synchronized':
      return [
        ...stageSteps('just-upgraded'),
        step({
          type: 'configure-software-update-point',
          serverName: CONTOSO.sites.central.serverName,
          ...DEFAULT_SUP_SETTINGS,
          by: smsadmin,
        }),
        step({ type: 'synchronize-software-updates', by: smsadmin }),
        // Setup's own ITMU catalog synchronization fails on the June 10, 2008 catalog: KB 954474, then run it again.
        wait,
        step({ type: 'install-site-server-update', articleId: KB954474, by: smsadmin }),
        step({ type: 'run-advertisement', advertisementId: ITMU_SYNC_ADVERTISEMENT_ID, by: smsadmin }),
        step({ type: 'republish-custom-catalog', by: smsadmin }),
        wait,
        step({ type: 'synchronize-software-updates', by: smsadmin }),
        wait,
        step({ type: 'upgrade-clients', collectionId: CEN_PILOT_WORKSTATIONS, by: smsadmin }),
        step({ type: 'upgrade-clients', collectionId: ALL_WINDOWS_SERVER_2003, by: smsadmin }),
      ];
    case 'configured':
      return [
        ...stageSteps('synchronized'),
        step({ type: 'run-legacy-cleanup-script', by: smsadmin }),
        step(configuredTemplate(CONTOSO.templates.workstationsSms2003)),
        step(configuredTemplate(CONTOSO.templates.serversStandard)),
        { operationFor: criticalUpdatesDecember2008 },
      ];
  }
}

const ALL_WINDOWS_XP = 'SMS000GS';

/** The two templates of the Configured stage, as CONTOSO\smsadmin made them with the Deployment Template Wizard. */
function configuredTemplate(name: string): Operation {
  const workstations = name === CONTOSO.templates.workstationsSms2003;
  return {
    type: 'create-deployment-template',
    name,
    description: workstations
      ? 'Workstations, SMS 2003 clients included: notifications shown, deadline one week after availability.'
      : 'Servers: no restart outside maintenance windows, restarts suppressed; Configuration Manager clients only.',
    settings: {
      ...DEFAULT_DEPLOYMENT_SETTINGS,
      collectionId: workstations ? ALL_WINDOWS_XP : ALL_WINDOWS_SERVER_2003,
      showNotifications: workstations,
      duration: workstations ? 1 : 2,
      durationUnits: 'Weeks',
      suppressRestartServers: !workstations,
      deployToSms2003Clients: workstations,
    },
    by: smsadmin,
  };
}

/**
 * Critical Updates - December 2008: the December 2008 Microsoft updates that are Deployable to SMS 2003, deployed to
 * All Windows XP Systems with the template Workstations - SMS 2003 Clients.
 */
function criticalUpdatesDecember2008(site: SiteState): Operation {
  const template = site.deploymentTemplates.find((t) => t.name === CONTOSO.templates.workstationsSms2003);
  if (!template) throw new Error('the Configured stage makes its templates before its deployment');
  const december = site.softwareUpdates.filter(
    (update) =>
      update.dateReleased.startsWith('2008-12') &&
      update.sourceCatalog === 'Microsoft Update' &&
      update.language === 'English' &&
      !update.legacy &&
      !update.expired &&
      update.deployableToSms2003,
  );
  const critical = december.filter((update) => update.severity === 'Critical');
  const updates = critical.length > 0 ? critical : december;
  const { id: _id, name: _name, description: _description, createdBy: _by, createdAt: _at, ...settings } = template;
  return {
    type: 'create-deployment',
    name: CONTOSO.deployments.criticalUpdatesDecember2008,
    description: 'The critical Microsoft updates of December 2008, to every Windows XP workstation.',
    updateIds: updates.map((update) => update.id),
    templateId: template.id,
    settings,
    availableTime: null,
    deadline: defaultDeadline(site.clock, settings),
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
  };
}

/** The operations of a stage, in order (without the waits). */
export function stageOperations(stage: StageId): Operation[] {
  return stageSteps(stage).flatMap((s) => ('operation' in s ? [s.operation] : []));
}

/**
 * Sees each operation as it is applied: the world it applies to (already at the operation's time), the operation, the
 * world it gives, and where it comes from (the stage's steps or the saved log, counted from 0). The audit log is made
 * this way.
 */
export type OperationObserver = (
  before: SiteWorld,
  operation: Operation,
  after: SiteWorld,
  origin: { kind: 'stage' | 'log'; index: number },
) => void;

/** Applies an operation as applyOperation does, showing it to the observer if there is one. */
function applyObserved(
  world: SiteWorld,
  operation: Operation,
  scale: Scale,
  observe: OperationObserver | undefined,
  origin: { kind: 'stage' | 'log'; index: number },
): SiteWorld {
  if (!observe) return applyOperation(world, operation, scale);
  // applyOperation first reaches the operation's time; doing it here gives the observer the site it applied to.
  const reached = operation.at ? advanceWorld(world, operation.at) : world;
  const after = applyOperation(reached, operation, scale);
  observe(reached, operation, after, origin);
  return after;
}

/** Runs steps on a world: each operation at the site's own time, each wait until the running jobs have ended. */
export function runSteps(
  start: SiteWorld,
  steps: readonly StageStep[],
  scale: Scale,
  observe?: OperationObserver,
): SiteWorld {
  let world = start;
  let index = 0;
  for (const s of steps) {
    if ('operation' in s) world = applyObserved(world, s.operation, scale, observe, { kind: 'stage', index: index++ });
    else if ('operationFor' in s) {
      const operation = s.operationFor(currentView(world, scale));
      world = applyObserved(world, operation, scale, observe, { kind: 'stage', index: index++ });
    } else {
      const end = world.configMgr ? endOfRunningJobs(world.configMgr) : null;
      if (end) world = advanceWorld(world, end);
    }
  }
  return world;
}

/**
 * The site world at the start of a stage, with the operations done since replayed on it. An observer sees every
 * operation, the stage's and the log's, as it is applied.
 */
export function buildWorld(
  stage: StageId,
  seed: number,
  scale: Scale,
  log: readonly Operation[] = [],
  observe?: OperationObserver,
): SiteWorld {
  const start: SiteWorld = { sms2003: generateContosoSms2003Site(seed, scale), configMgr: null };
  let world = runSteps(start, stageSteps(stage), scale, observe);
  log.forEach((operation, index) => {
    world = applyObserved(world, operation, scale, observe, { kind: 'log', index });
  });
  return world;
}

/** The Contoso site at the start of a stage, as the console sees it. */
export function buildContosoStage(stage: StageId, seed: number, scale: Scale): SiteState {
  return currentView(buildWorld(stage, seed, scale), scale);
}
