import { RightsIndex } from '../rights/rights';
import { OBJECT_TYPE_NAMES } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import type { SiteState } from '../site-state';
import type { Walkthrough, WalkthroughCondition, WalkthroughProgress, WalkthroughStep } from './walkthrough-model';

/** The site facts a condition reads, with the step's own "opened its node" kept with the administrator's progress. */
interface ConditionContext {
  state: SiteState;
  viewed: boolean;
}

const ITMU_SYNC = 'itmu-catalog-sync';

/** Whether a condition holds now. Pure: the same site and progress always give the same answer. */
export function conditionHolds(condition: WalkthroughCondition, context: ConditionContext): boolean {
  const { state } = context;
  const configMgr = state.phase === 'configmgr';
  switch (condition.kind) {
    case 'site-upgraded':
      return configMgr;
    case 'software-update-point-exists':
      return configMgr && state.softwareUpdatePoint !== null;
    case 'software-update-point-synchronized':
      return configMgr && (state.softwareUpdatePoint?.lastSynchronizedAt ?? null) !== null;
    case 'itmu-sync-failed':
      return state.jobs.some((job) => job.kind === ITMU_SYNC && job.state === 'Failed');
    case 'itmu-sync-succeeded':
      return state.jobs.some((job) => job.kind === ITMU_SYNC && job.state === 'Succeeded');
    case 'site-server-update-installed':
      return configMgr && state.facts.siteServerUpdates.includes(condition.articleId);
    case 'custom-catalog-republished':
      return configMgr && state.facts.customCatalogRepublishedAt !== null;
    case 'custom-updates-active':
      return configMgr && state.softwareUpdates.some((u) => u.sourceCatalog === 'Custom Updates' && !u.expired);
    case 'legacy-script-run':
      return configMgr && state.facts.legacyScriptRunAt !== null;
    case 'migrated-deployment-released': {
      // The distribution's package keeps the updates it was made with; the deployment may be gone or hold fewer.
      const pkg = state.packages.find((candidate) => candidate.name === condition.distribution);
      if (!configMgr || !pkg) return false;
      const hidden = new Set(state.softwareUpdates.filter((u) => u.hidden).map((u) => u.id));
      return pkg.updateIds.some((id) => hidden.has(id));
    }
    case 'sms2003-template-exists':
      return state.deploymentTemplates.some((template) => template.deployToSms2003Clients);
    case 'deployment-with-sms2003-template': {
      const sms2003Templates = new Set(
        state.deploymentTemplates.filter((template) => template.deployToSms2003Clients).map((template) => template.id),
      );
      return state.deployments.some(
        (deployment) =>
          deployment.templateId !== null && sms2003Templates.has(deployment.templateId) && deployment.sms2003 !== null,
      );
    }
    case 'deployment-with-update-not-deployable-to-sms2003': {
      const notDeployable = new Set(state.softwareUpdates.filter((u) => !u.deployableToSms2003).map((u) => u.id));
      return state.deployments.some((deployment) => deployment.updateIds.some((id) => notDeployable.has(id)));
    }
    case 'class-rights-granted': {
      const rights = new RightsIndex(state.grants);
      return condition.rights.every((right) => rights.hasClassRight(condition.account, condition.objectType, right));
    }
    case 'template-created-by':
      return state.deploymentTemplates.some((template) => template.createdBy === condition.account);
    case 'node-viewed':
      return context.viewed;
    case 'all':
      return condition.of.every((part) => conditionHolds(part, context));
  }
}

/** Does completing the step need its node opened (the console reports it), rather than only a change of the site? */
export function completesByViewing(condition: WalkthroughCondition): boolean {
  return condition.kind === 'node-viewed' || (condition.kind === 'all' && condition.of.some(completesByViewing));
}

/** What completes a step, in words, for the panel ("Done when ..."). */
export function describeCondition(condition: WalkthroughCondition, step: Pick<WalkthroughStep, 'target'>): string {
  switch (condition.kind) {
    case 'site-upgraded':
      return 'the site runs Configuration Manager 2007';
    case 'software-update-point-exists':
      return 'the software update point exists';
    case 'software-update-point-synchronized':
      return 'the software update point has synchronized';
    case 'itmu-sync-failed':
      return 'the Microsoft Updates Tool Sync has failed';
    case 'itmu-sync-succeeded':
      return 'the Microsoft Updates Tool Sync has succeeded';
    case 'site-server-update-installed':
      return `KB${condition.articleId} is installed on the site server`;
    case 'custom-catalog-republished':
      return 'the custom updates catalog is republished to WSUS';
    case 'custom-updates-active':
      return 'the custom updates are no longer expired';
    case 'legacy-script-run':
      return 'the LEGACY clean-up script has run';
    case 'migrated-deployment-released':
      return `LEGACY updates of ${condition.distribution} are hidden`;
    case 'sms2003-template-exists':
      return 'a deployment template deploys to SMS 2003 clients';
    case 'deployment-with-sms2003-template':
      return 'a deployment made with that template deploys to SMS 2003 clients';
    case 'deployment-with-update-not-deployable-to-sms2003':
      return 'a deployment holds an update that is not Deployable to SMS 2003';
    case 'class-rights-granted':
      return `${condition.account} holds ${condition.rights.join(' and ')} on ${OBJECT_TYPE_NAMES[condition.objectType].plural}`;
    case 'template-created-by':
      return `${condition.account} has created a deployment template`;
    case 'node-viewed':
      return `you have opened ${step.target.place.split(' > ').at(-1) ?? step.target.place}`;
    case 'all':
      return condition.of.map((part) => describeCondition(part, step)).join(', and ');
  }
}

export interface StepStatus {
  id: string;
  complete: boolean;
  /** "Done when ...": what completes it. */
  doneWhen: string;
}

export interface WalkthroughStatus {
  steps: StepStatus[];
  /** The first step not complete, or null when every step is. */
  currentStepId: string | null;
  completedCount: number;
  complete: boolean;
}

/** Each administrator's progress in one walkthrough (an administrator missing from it has not touched it). */
export type ProgressByAccount = Readonly<Record<string, WalkthroughProgress>>;

/**
 * Which steps of a walkthrough are complete on this site. A step is done as its administrator: one completed by
 * opening its node counts when that administrator opened it (their progress keeps it).
 */
export function walkthroughStatus(
  walkthrough: Walkthrough,
  state: SiteState,
  progress: ProgressByAccount,
): WalkthroughStatus {
  const steps = walkthrough.steps.map((step) => ({
    id: step.id,
    complete: conditionHolds(step.done, {
      state,
      viewed: progress[step.as]?.viewedStepIds.includes(step.id) ?? false,
    }),
    doneWhen: describeCondition(step.done, step),
  }));
  const completedCount = steps.filter((step) => step.complete).length;
  return {
    steps,
    currentStepId: steps.find((step) => !step.complete)?.id ?? null,
    completedCount,
    complete: completedCount === steps.length,
  };
}

/**
 * An administrator's progress once they opened a step's node. Refused (RuleViolation) when the step is completed by
 * the site rather than by opening a node, when it is done as another administrator, or when its node is not the one
 * opened.
 */
export function recordStepViewed(
  walkthrough: Walkthrough,
  account: string,
  progress: WalkthroughProgress,
  stepId: string,
  nodeId: string,
): WalkthroughProgress {
  const step = walkthrough.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw new RuleViolation('unknown-step', `${walkthrough.title} has no step ${stepId}.`);
  if (step.as.toLowerCase() !== account.toLowerCase()) {
    throw new RuleViolation(
      'step-done-as-another-administrator',
      `"${step.title}" is done connected as ${step.as}, not ${account}.`,
    );
  }
  if (!completesByViewing(step.done)) {
    throw new RuleViolation(
      'step-completes-by-site',
      `"${step.title}" is completed by the site itself (when ${describeCondition(step.done, step)}), not by opening a node.`,
    );
  }
  if (step.target.nodeId !== nodeId) {
    throw new RuleViolation(
      'step-node-differs',
      `"${step.title}" is completed by opening ${step.target.place}, not ${nodeId}.`,
    );
  }
  if (progress.viewedStepIds.includes(stepId)) return progress;
  return { ...progress, viewedStepIds: [...progress.viewedStepIds, stepId] };
}
