import { whyUpdateCannotBeDeployed } from '../after-upgrade/catalog-rules';
import {
  DURATION_LIMITS,
  type DeploymentSettings,
  type DeploymentTemplate,
  type DurationUnit,
} from '../model/site-objects';
import type { SoftwareUpdate } from '../model/software-update';

/**
 * The rules of deploying software updates after the upgrade (the planning topic's "Deploying Software Updates to
 * Client Computers" and "Using Deployment Templates That Specify SMS 2003 Settings"). The server refuses with these
 * reasons; the wizard asks the same functions what to offer and why.
 */

/** The updates that are not "Deployable to SMS 2003", in the order given. */
export function updatesNotDeployableToSms2003(updates: readonly SoftwareUpdate[]): SoftwareUpdate[] {
  return updates.filter((update) => !update.deployableToSms2003);
}

/**
 * "When deployment templates are created with the Deploy software updates to SMS 2003 clients setting enabled, the
 * template will be available on the Deployment Template page of the Deploy Software Updates Wizard only when all
 * software updates can be deployed to SMS 2003 clients."
 */
export function isTemplateOffered(
  template: Pick<DeploymentTemplate, 'deployToSms2003Clients'>,
  updates: readonly Pick<SoftwareUpdate, 'deployableToSms2003'>[],
): boolean {
  return !template.deployToSms2003Clients || updates.every((update) => update.deployableToSms2003);
}

/** Why a template is not offered for these updates (naming the updates that prevent it), or null when it is. */
export function whyTemplateNotOffered(
  template: Pick<DeploymentTemplate, 'name' | 'deployToSms2003Clients'>,
  updates: readonly SoftwareUpdate[],
): string | null {
  if (isTemplateOffered(template, updates)) return null;
  const blocking = updatesNotDeployableToSms2003(updates);
  return (
    `The deployment template ${template.name} deploys software updates to SMS 2003 clients, so it is offered only ` +
    `when every software update is Deployable to SMS 2003; ${namesOf(blocking)} ${blocking.length === 1 ? 'is' : 'are'} not.`
  );
}

/** "A, B and 3 more": the titles of a few updates, for a sentence. */
export function namesOf(updates: readonly Pick<SoftwareUpdate, 'title'>[], shown = 3): string {
  const titles = updates.slice(0, shown).map((update) => update.title);
  const more = updates.length - titles.length;
  if (more > 0) return `${titles.join(', ')} and ${more} more`;
  if (titles.length <= 1) return titles.join('');
  return `${titles.slice(0, -1).join(', ')} and ${titles.at(-1) ?? ''}`;
}

/** Why the SMS 2003 Settings page is not shown (some update is not deployable to SMS 2003), or null when it is. */
export function whySms2003SettingsNotShown(updates: readonly SoftwareUpdate[]): string | null {
  const blocking = updatesNotDeployableToSms2003(updates);
  if (blocking.length === 0) return null;
  return (
    'Software updates only from Microsoft Update and published custom updates can be deployed to SMS 2003 clients: ' +
    `${namesOf(blocking)} ${blocking.length === 1 ? 'is' : 'are'} not Deployable to SMS 2003.`
  );
}

/**
 * Why these updates cannot be deployed at all, or null: expired updates and updates from other scan tools' catalogs
 * cannot be deployed. LEGACY updates can, once acknowledged (see legacyWarning).
 */
export function whyUpdatesCannotBeDeployed(updates: readonly SoftwareUpdate[]): string | null {
  if (updates.length === 0) return 'Select at least one software update to deploy.';
  for (const update of updates) {
    const why = whyUpdateCannotBeDeployed(update);
    if (why) return why;
  }
  return null;
}

/**
 * "Software updates with (LEGACY) in the title should not be deployed to clients and are only migrated for migrated
 * software update distributions and for reporting purposes." The wizard warns with this and asks to confirm.
 */
export function legacyWarning(updates: readonly SoftwareUpdate[]): string | null {
  const legacy = updates.filter((update) => update.legacy);
  if (legacy.length === 0) return null;
  return (
    `${namesOf(legacy)} ${legacy.length === 1 ? 'is a LEGACY update' : 'are LEGACY updates'}: software updates with ` +
    '(LEGACY) in the title should not be deployed to clients and are only migrated for migrated software update ' +
    'distributions and for reporting purposes.'
  );
}

/** Why a duration is out of its unit's range (1-24 hours, 1-365 days, 1-4 weeks, 1-12 months), or null. */
export function durationProblem(duration: number, units: DurationUnit): string | null {
  const limit = DURATION_LIMITS[units];
  if (!Number.isInteger(duration) || duration < 1 || duration > limit) {
    return `the duration must be a whole number of ${units.toLowerCase()} from 1 to ${limit}`;
  }
  return null;
}

/**
 * Why a deadline does not fit the time the updates become available (Deployment Schedule, a deployment's Schedule tab),
 * or null: "Set a deadline" must come after the available time.
 */
export function deadlineProblem(availableTime: string, deadline: string | null): string | null {
  if (deadline === null || Date.parse(deadline) > Date.parse(availableTime)) return null;
  return 'the deadline must be after the time the updates become available';
}

/** The settings of the product's defaults (a new template or a deployment made without one). */
export const DEFAULT_DEPLOYMENT_SETTINGS: DeploymentSettings = {
  collectionId: null,
  includeSubCollections: true,
  showNotifications: true,
  useUtc: false,
  duration: 2,
  durationUnits: 'Weeks',
  suppressRestartServers: false,
  suppressRestartWorkstations: false,
  allowRestartOutsideMaintenanceWindows: false,
  disableOperationsManagerAlerts: false,
  generateOperationsManagerAlertOnFailure: false,
  slowBoundary: 'do-not-install',
  unprotectedDistributionPoint: 'do-not-install',
  deployToSms2003Clients: false,
  collectInventoryImmediately: false,
  sms2003LocalDistributionPoint: 'download-and-run',
};

/** The deadline a template's default duration gives for a deployment available at `availableTime`. */
export function defaultDeadline(
  availableTime: string,
  settings: Pick<DeploymentSettings, 'duration' | 'durationUnits'>,
) {
  const start = new Date(availableTime);
  const end = new Date(start);
  switch (settings.durationUnits) {
    case 'Hours':
      end.setUTCHours(end.getUTCHours() + settings.duration);
      break;
    case 'Days':
      end.setUTCDate(end.getUTCDate() + settings.duration);
      break;
    case 'Weeks':
      end.setUTCDate(end.getUTCDate() + settings.duration * 7);
      break;
    case 'Months':
      end.setUTCMonth(end.getUTCMonth() + settings.duration);
      break;
  }
  return end.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
