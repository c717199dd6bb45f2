import { applyOperation, currentView, type Operation, type SiteWorld } from '../operations/operations';
import type { SiteState } from '../site-state';
import { CONTOSO, type StageId } from './contoso-names';
import { generateContosoSms2003Site } from './generate-sms2003-site';
import type { Scale } from './scale';

/** The seed of the built-in Contoso site. Any other seed gives another site with the same named objects. */
export const DEFAULT_SEED = 2008;

/** The stages this build of the console can produce; the rest are described in scenario-contoso.md. */
export const BUILDABLE_STAGES: readonly StageId[] = ['before-upgrade', 'just-upgraded'];

export function isBuildableStage(stage: StageId): boolean {
  return BUILDABLE_STAGES.includes(stage);
}

/**
 * Each stage is the Before upgrade site plus the operations that lead to it, so a stage is exactly what a trainee
 * gets by doing the steps: "Just upgraded" is Setup run by CONTOSO\smsadmin with its default choices.
 */
export function stageOperations(stage: StageId): Operation[] {
  switch (stage) {
    case 'before-upgrade':
      return [];
    case 'just-upgraded':
      return [{ type: 'run-setup', runBy: CONTOSO.administrators.smsadmin, catalogSource: 'internet' }];
    default:
      throw new Error(`The ${stage} stage cannot be built yet`);
  }
}

/** The site world at the start of a stage, with the operations done since replayed on it. */
export function buildWorld(stage: StageId, seed: number, scale: Scale, log: readonly Operation[] = []): SiteWorld {
  let world: SiteWorld = { sms2003: generateContosoSms2003Site(seed, scale), configMgr: null };
  for (const operation of [...stageOperations(stage), ...log]) world = applyOperation(world, operation, scale);
  return world;
}

/** The Contoso site at the start of a stage, as the console sees it. */
export function buildContosoStage(stage: StageId, seed: number, scale: Scale): SiteState {
  return currentView(buildWorld(stage, seed, scale), scale);
}
