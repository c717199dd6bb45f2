import { DEFAULT_SUP_SETTINGS } from '../after-upgrade/software-update-point';
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
export const BUILDABLE_STAGES: readonly StageId[] = ['before-upgrade', 'just-upgraded', 'synchronized'];

export function isBuildableStage(stage: StageId): boolean {
  return BUILDABLE_STAGES.includes(stage);
}

/** One step of a stage: an operation an administrator does, or waiting until the site's running jobs have ended. */
export type StageStep = { operation: Operation } | { waitForJobs: true };

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
    default:
      throw new Error(`The ${stage} stage cannot be built yet`);
  }
}

/** The operations of a stage, in order (without the waits). */
export function stageOperations(stage: StageId): Operation[] {
  return stageSteps(stage).flatMap((s) => ('operation' in s ? [s.operation] : []));
}

/** Runs steps on a world: each operation at the site's own time, each wait until the running jobs have ended. */
export function runSteps(start: SiteWorld, steps: readonly StageStep[], scale: Scale): SiteWorld {
  let world = start;
  for (const s of steps) {
    if ('operation' in s) world = applyOperation(world, s.operation, scale);
    else {
      const end = world.configMgr ? endOfRunningJobs(world.configMgr) : null;
      if (end) world = advanceWorld(world, end);
    }
  }
  return world;
}

/** The site world at the start of a stage, with the operations done since replayed on it. */
export function buildWorld(stage: StageId, seed: number, scale: Scale, log: readonly Operation[] = []): SiteWorld {
  const start: SiteWorld = { sms2003: generateContosoSms2003Site(seed, scale), configMgr: null };
  let world = runSteps(start, stageSteps(stage), scale);
  for (const operation of log) world = applyOperation(world, operation, scale);
  return world;
}

/** The Contoso site at the start of a stage, as the console sees it. */
export function buildContosoStage(stage: StageId, seed: number, scale: Scale): SiteState {
  return currentView(buildWorld(stage, seed, scale), scale);
}
