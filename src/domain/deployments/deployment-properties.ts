import { z } from 'zod';
import { requireConfigMgrSite } from '../after-upgrade/catalog-rules';
import { reportStatus } from '../after-upgrade/jobs';
import type { Deployment } from '../model/site-objects';
import { operationTimeSchema } from '../operations/operation-time';
import { RuleViolation } from '../rule-violation';
import type { SiteState } from '../site-state';
import { checkedText, MAX_DEPLOYMENT_NAME, MAX_DESCRIPTION, sameName } from './deployment-operations';
import { deadlineProblem } from './deployment-rules';

/**
 * A deployment's Properties saved: General (name, description) and Schedule (available time, deadline, and whether
 * clients read the times as UTC or their local time). The other tabs show the settings the deployment was made with.
 */
export const updateDeploymentPropertiesOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('update-deployment-properties'),
  id: z.string(),
  name: z.string(),
  description: z.string(),
  availableTime: z.iso.datetime(),
  /** Null: "Do not set a deadline" (the software updates are optional). */
  deadline: z.iso.datetime().nullable(),
  useUtc: z.boolean(),
  by: z.string(),
});
export type UpdateDeploymentPropertiesOperation = z.infer<typeof updateDeploymentPropertiesOperationSchema>;

/** The fields of a deployment its Properties change. */
export type DeploymentPropertiesChange = Pick<
  Deployment,
  'name' | 'description' | 'availableTime' | 'deadline' | 'useUtc'
>;

export function deploymentOf(state: Pick<SiteState, 'deployments'>, id: string): Deployment {
  const deployment = state.deployments.find((candidate) => candidate.id === id);
  if (!deployment) throw new RuleViolation('unknown-deployment', `There is no deployment ${id}.`);
  return deployment;
}

/**
 * Every refusal a change of a deployment's properties can meet, in the order of its tabs; answers the change as it
 * will be saved (names trimmed). Rules: a name of its own (no other deployment has it), the deadline after the
 * available time, and a deadline that is changed not already past on the site clock.
 */
export function checkDeploymentProperties(
  state: Pick<SiteState, 'deployments' | 'clock'>,
  change: DeploymentPropertiesChange & { id: string },
  now: string = state.clock,
): DeploymentPropertiesChange {
  const deployment = deploymentOf(state, change.id);
  const name = checkedText(change.name, 'deployment name', MAX_DEPLOYMENT_NAME, 'deployment-name-invalid');
  const taken = state.deployments.find((other) => other.id !== deployment.id && sameName(other.name, name));
  if (taken) {
    throw new RuleViolation(
      'deployment-name-taken',
      `There is already a deployment named "${taken.name}" (${taken.id}): choose another name.`,
    );
  }
  const description = checkedText(change.description, 'description', MAX_DESCRIPTION, 'description-invalid', false);
  const wrongDeadline = deadlineProblem(change.availableTime, change.deadline);
  if (wrongDeadline) throw new RuleViolation('deadline-before-available', `Schedule: ${wrongDeadline}.`);
  if (
    change.deadline !== null &&
    change.deadline !== deployment.deadline &&
    Date.parse(change.deadline) <= Date.parse(now)
  ) {
    throw new RuleViolation(
      'deadline-in-past',
      'Schedule: a new deadline must be later than the site clock now, or clients would install at once without warning.',
    );
  }
  return {
    name,
    description,
    availableTime: change.availableTime,
    deadline: change.deadline,
    useUtc: change.useUtc,
  };
}

/** "Deadline 12/21/2008 9:00 PM" / "no deadline": what a status message says of a schedule. */
function deadlineWords(deadline: string | null): string {
  return deadline === null ? 'no deadline' : `deadline ${deadline}`;
}

/** Saves a deployment's General and Schedule; a status message says what changed. */
export function updateDeploymentProperties(
  site: SiteState | null,
  operation: UpdateDeploymentPropertiesOperation,
  at: string,
): SiteState {
  const state = requireConfigMgrSite(site, 'Changing a deployment');
  const before = deploymentOf(state, operation.id);
  const change = checkDeploymentProperties(state, operation, at);
  const next: SiteState = {
    ...state,
    deployments: state.deployments.map((candidate) =>
      candidate.id === before.id ? { ...candidate, ...change } : candidate,
    ),
  };
  const scheduleChanged =
    before.availableTime !== change.availableTime ||
    before.deadline !== change.deadline ||
    before.useUtc !== change.useUtc;
  return reportStatus(next, at, [
    {
      component: 'SMS_OBJECT_REPLICATION_MANAGER',
      severity: 'Informational',
      messageId: 5132,
      description:
        `${operation.by} modified the deployment ${change.name} (${before.id})` +
        (scheduleChanged
          ? `: available ${change.availableTime}, ${deadlineWords(change.deadline)}, times in ${change.useUtc ? 'UTC' : 'client local time'}.`
          : '.'),
    },
  ]);
}
