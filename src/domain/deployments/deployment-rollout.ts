import { finishJob, reportMilestones, startJob } from '../after-upgrade/jobs';
import type { Job, JobMilestone } from '../model/after-upgrade-objects';
import type { Deployment } from '../model/site-objects';
import { minutesBetween } from '../site-clock/site-clock';
import type { SiteState } from '../site-state';

/**
 * A new deployment on the site clock: clients learn of it at their next Machine Policy Retrieval & Evaluation Cycle
 * (60 minutes by default), then install; compliance moves at each step. The product states no install times: four
 * hourly steps after the updates become available is this console's choice.
 */
export const ROLLOUT_STEPS = 4;
export const ROLLOUT_STEP_MINUTES = 60;
const COMPONENT = 'SMS_STATE_SYSTEM';

export function startDeploymentRollout(state: SiteState, deployment: Deployment, by: string, at: string): SiteState {
  const wait = Math.max(0, Math.ceil(minutesBetween(at, deployment.availableTime)));
  const expected = Object.values(deployment.expectedInstalls).reduce((sum, n) => sum + n, 0);
  const milestones: JobMilestone[] = [
    {
      afterMinutes: 0,
      component: COMPONENT,
      severity: 'Informational',
      messageId: 5200,
      description:
        `Deployment ${deployment.name} (${deployment.id}) is available to ${deployment.collectionName}` +
        (wait > 0 ? ` from ${deployment.availableTime}` : '') +
        '; clients evaluate it at their next machine policy retrieval.',
    },
  ];
  for (let step = 1; step <= ROLLOUT_STEPS; step++) {
    milestones.push({
      afterMinutes: wait + step * ROLLOUT_STEP_MINUTES,
      component: COMPONENT,
      severity: 'Informational',
      messageId: 5201,
      description: `Deployment ${deployment.name} (${deployment.id}): about ${Math.floor((expected * step) / ROLLOUT_STEPS)} of ${expected} expected installations reported by Configuration Manager clients.`,
    });
  }
  return startJob(
    state,
    {
      kind: 'deployment-rollout',
      name: `Deployment: ${deployment.name}`,
      requestedBy: by,
      durationMinutes: wait + ROLLOUT_STEPS * ROLLOUT_STEP_MINUTES,
      willSucceed: true,
      targetId: deployment.id,
      milestones,
    },
    at,
  );
}

/** The installs of rollout step `step` (1..ROLLOUT_STEPS) for an update expected on `expected` clients. */
function installsAtStep(expected: number, step: number): number {
  return Math.floor((expected * step) / ROLLOUT_STEPS) - Math.floor((expected * (step - 1)) / ROLLOUT_STEPS);
}

/** Moves Required to Installed for the steps reported between `fromReported` and the job's reported count now. */
function applyRolloutSteps(state: SiteState, job: Job, fromReported: number): SiteState {
  const now = state.jobs.find((candidate) => candidate.id === job.id);
  const deployment = state.deployments.find((candidate) => candidate.id === job.targetId);
  if (!now || !deployment || now.reported <= fromReported) return state;
  // Milestone 0 is the start; milestones 1..ROLLOUT_STEPS are the install steps.
  const steps: number[] = [];
  for (let index = Math.max(1, fromReported); index < now.reported; index++) steps.push(index);
  if (steps.length === 0) return state;
  return {
    ...state,
    softwareUpdates: state.softwareUpdates.map((update) => {
      const expected = deployment.expectedInstalls[update.id];
      if (expected === undefined) return update;
      const moved = Math.min(
        update.compliance.required,
        steps.reduce((sum, step) => sum + installsAtStep(expected, step), 0),
      );
      if (moved === 0) return update;
      return {
        ...update,
        compliance: {
          ...update.compliance,
          required: update.compliance.required - moved,
          installed: update.compliance.installed + moved,
        },
      };
    }),
  };
}

/** A rollout milestone passed: its status message, and the installs of that step. */
export function reportRolloutMilestones(state: SiteState, jobId: string, time: string): SiteState {
  const job = state.jobs.find((candidate) => candidate.id === jobId);
  if (!job) return state;
  return applyRolloutSteps(reportMilestones(state, jobId, time), job, job.reported);
}

/** The rollout's end: the last installs, and the job succeeds. */
export function completeDeploymentRollout(state: SiteState, jobId: string, at: string): SiteState {
  const job = state.jobs.find((candidate) => candidate.id === jobId);
  if (!job) return state;
  const reported = reportRolloutMilestones(state, jobId, at);
  return finishJob(reported, jobId, at, 'Succeeded');
}
