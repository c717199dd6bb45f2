import type { DeploymentPropertiesRequest } from '@/domain/contract/deployment-properties-contract';
import { deadlineProblem } from '@/domain/deployments/deployment-rules';
import { MAX_DEPLOYMENT_NAME, MAX_DESCRIPTION } from '@/domain/deployments/deployment-operation-schemas';
import type { Deployment } from '@/domain/model/site-objects';
import { parseSiteTimeText, siteTimeText, toMinute, type SiteTimeText } from '@/domain/site-clock/site-time-text';

/**
 * What the General and Schedule tabs of a deployment's Properties edit: its name and description, the available time,
 * the deadline (or none), and whether clients read the times as UTC. The server checks the same rules (PATCH
 * /api/deployments/:id); these only say it beside the field before the request goes.
 */
export interface DeploymentPropertiesForm {
  name: string;
  description: string;
  available: SiteTimeText;
  deadlineSet: boolean;
  deadline: SiteTimeText;
  useUtc: boolean;
}

export type DeploymentPropertiesField =
  'name' | 'description' | 'availableDate' | 'availableTime' | 'deadlineDate' | 'deadlineTime';
export type DeploymentPropertiesErrors = Partial<Record<DeploymentPropertiesField, string>>;

export function formFromDeployment(deployment: Deployment): DeploymentPropertiesForm {
  return {
    name: deployment.name,
    description: deployment.description,
    available: siteTimeText(toMinute(deployment.availableTime)),
    deadlineSet: deployment.deadline !== null,
    deadline: siteTimeText(toMinute(deployment.deadline ?? deployment.availableTime)),
    useUtc: deployment.useUtc,
  };
}

/** The tab a field is on. */
export function tabOfField(field: DeploymentPropertiesField): 'general' | 'schedule' {
  return field === 'name' || field === 'description' ? 'general' : 'schedule';
}

/** What is wrong with the form, field by field (empty when it can be sent), and the request it makes. */
export function checkForm(form: DeploymentPropertiesForm): {
  errors: DeploymentPropertiesErrors;
  request: DeploymentPropertiesRequest | null;
} {
  const errors: DeploymentPropertiesErrors = {};
  const name = form.name.trim();
  if (name === '') errors.name = 'Enter a name for the deployment.';
  else if (name.length > MAX_DEPLOYMENT_NAME)
    errors.name = `The name must be at most ${MAX_DEPLOYMENT_NAME} characters.`;
  if (form.description.length > MAX_DESCRIPTION) {
    errors.description = `The description must be at most ${MAX_DESCRIPTION} characters.`;
  }
  const available = parseSiteTimeText(form.available);
  if (!available.ok) errors[available.field === 'date' ? 'availableDate' : 'availableTime'] = available.message;
  const deadline = form.deadlineSet ? parseSiteTimeText(form.deadline) : null;
  if (deadline && !deadline.ok) errors[deadline.field === 'date' ? 'deadlineDate' : 'deadlineTime'] = deadline.message;
  if (available.ok && deadline?.ok) {
    const problem = deadlineProblem(available.iso, deadline.iso);
    if (problem) errors.deadlineDate = `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`;
  }
  if (Object.keys(errors).length > 0 || !available.ok) return { errors, request: null };
  return {
    errors,
    request: {
      name,
      description: form.description,
      availableTime: available.iso,
      deadline: deadline?.ok ? deadline.iso : null,
      useUtc: form.useUtc,
    },
  };
}

/** The field a refusal of the server is about (a 400's field, a 409's rule), to show it there; null otherwise. */
export function fieldOfRefusal(refusal: { field?: string; rule?: string }): DeploymentPropertiesField | null {
  switch (refusal.field ?? refusal.rule) {
    case 'name':
    case 'deployment-name-invalid':
    case 'deployment-name-taken':
      return 'name';
    case 'description':
    case 'description-invalid':
      return 'description';
    case 'availableTime':
      return 'availableDate';
    case 'deadline':
    case 'deadline-before-available':
    case 'deadline-in-past':
      return 'deadlineDate';
    default:
      return null;
  }
}
