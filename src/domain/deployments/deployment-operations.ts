import { requireConfigMgrSite } from '../after-upgrade/catalog-rules';
import { reportStatus } from '../after-upgrade/jobs';
import { withDerivedUpdateFlags } from '../after-upgrade/update-flags';
import {
  MAX_DEPLOYMENT_PACKAGE_DESCRIPTION,
  MAX_DEPLOYMENT_PACKAGE_NAME,
  type Deployment,
  type DeploymentPackage,
  type DeploymentSettings,
  type DeploymentTemplate,
} from '../model/site-objects';
import type { SoftwareUpdate } from '../model/software-update';
import { RIGHTS_BY_OBJECT_TYPE, type Grant, type ObjectType } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import { LANGUAGES } from '../scenario/languages';
import type { SiteState } from '../site-state';
import { startDeploymentRollout } from './deployment-rollout';
import {
  deadlineProblem,
  durationProblem,
  legacyWarning,
  whyTemplateNotOffered,
  whyUpdatesCannotBeDeployed,
  whySms2003SettingsNotShown,
} from './deployment-rules';

export * from './deployment-operation-schemas';
import {
  type CreateDeploymentOperation,
  type CreateDeploymentTemplateOperation,
  type DeploymentOperation,
  MAX_DEPLOYMENT_NAME,
  MAX_DESCRIPTION,
  MAX_TEMPLATE_NAME,
  PACKAGE_ID_PATTERN,
  TEMPLATE_ID_PATTERN,
  type UpdateDeploymentTemplateOperation,
} from './deployment-operation-schemas';

export const sameName = (a: string, b: string) => a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

/** A trimmed name, refused when empty, too long or holding control characters. */
export function checkedText(value: string, what: string, max: number, rule: string, required = true): string {
  const text = value.trim();
  if (required && text === '') throw new RuleViolation(rule, `The ${what} cannot be empty.`);
  if (text.length > max) throw new RuleViolation(rule, `The ${what} must be at most ${max} characters.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text) && what.endsWith('name')) {
    throw new RuleViolation(rule, `The ${what} cannot hold control characters such as tabs or line breaks.`);
  }
  return text;
}

function checkedSettings(state: SiteState, settings: DeploymentSettings, collectionRequired: boolean) {
  const problem = durationProblem(settings.duration, settings.durationUnits);
  if (problem) throw new RuleViolation('duration-invalid', `Display/Time Settings: ${problem}.`);
  if (settings.collectionId === null) {
    if (collectionRequired) {
      throw new RuleViolation(
        'collection-required',
        'Collection: choose the collection to deploy the software updates to.',
      );
    }
    return null;
  }
  const collection = state.collections.find((candidate) => candidate.id === settings.collectionId);
  if (!collection) throw new RuleViolation('unknown-collection', `There is no collection ${settings.collectionId}.`);
  return collection;
}

function creatorGrant(by: string, objectType: ObjectType, id: string): Grant {
  return { account: by, objectType, instanceIds: [id], rights: [...RIGHTS_BY_OBJECT_TYPE[objectType]] };
}

const templateNumber = (id: string) => (TEMPLATE_ID_PATTERN.test(id) ? Number(id.slice(2)) : 0);

/** The highest template number ever given on the site, deleted templates included. */
function lastTemplateNumber(state: Pick<SiteState, 'deploymentTemplates' | 'lastDeploymentTemplateNumber'>): number {
  return Math.max(
    state.lastDeploymentTemplateNumber ?? 0,
    ...state.deploymentTemplates.map((template) => templateNumber(template.id)),
  );
}

/**
 * The ID the next deployment template gets (DT000001, ...): one past the highest ever given, so a deleted template's
 * ID (and a link or an instance right naming it) never names another template.
 */
export function nextDeploymentTemplateId(
  state: Pick<SiteState, 'deploymentTemplates' | 'lastDeploymentTemplateNumber'>,
): string {
  return `DT${String(lastTemplateNumber(state) + 1).padStart(6, '0')}`;
}

/** The ID the next deployment gets: its assignment ID, 1, 2, ... */
export function nextDeploymentId(state: Pick<SiteState, 'deployments'>): string {
  const last = Math.max(0, ...state.deployments.map((deployment) => Number(deployment.id) || 0));
  return String(last + 1);
}

/** The ID the next package of the site gets: deployment packages share the CEN package IDs. */
export function nextPackageId(state: Pick<SiteState, 'packages' | 'deploymentPackages'>): string {
  const numbers = [...state.packages, ...state.deploymentPackages]
    .map((pkg) => (PACKAGE_ID_PATTERN.test(pkg.id) ? Number(pkg.id.slice(3)) : 0))
    .filter((n) => Number.isFinite(n));
  return `CEN${String(Math.max(0, ...numbers) + 1).padStart(5, '0')}`;
}

function templateOf(state: SiteState, id: string): DeploymentTemplate {
  const template = state.deploymentTemplates.find((candidate) => candidate.id === id);
  if (!template) throw new RuleViolation('unknown-deployment-template', `There is no deployment template ${id}.`);
  return template;
}

function checkedTemplateName(state: SiteState, name: string, exceptId: string | null): string {
  const text = checkedText(name, 'template name', MAX_TEMPLATE_NAME, 'template-name-invalid');
  const taken = state.deploymentTemplates.find((t) => t.id !== exceptId && sameName(t.name, text));
  if (taken) {
    throw new RuleViolation(
      'template-name-taken',
      `There is already a deployment template named "${taken.name}" (${taken.id}): choose another name.`,
    );
  }
  return text;
}

function newTemplate(
  state: SiteState,
  fields: { id?: string; name: string; description: string },
  settings: DeploymentSettings,
  by: string,
  at: string,
): DeploymentTemplate {
  const id = fields.id ?? nextDeploymentTemplateId(state);
  if (state.deploymentTemplates.some((template) => template.id === id)) {
    throw new RuleViolation('template-id-taken', `A deployment template with ID ${id} already exists.`);
  }
  checkedSettings(state, settings, false);
  return {
    ...settings,
    id,
    name: checkedTemplateName(state, fields.name, null),
    description: checkedText(fields.description, 'description', MAX_DESCRIPTION, 'description-invalid', false),
    createdBy: by,
    createdAt: at,
  };
}

/** The Deployment Template Wizard's end: a template, its creator holding every right on it. */
export function createDeploymentTemplate(
  state: SiteState,
  operation: CreateDeploymentTemplateOperation,
  at: string,
): SiteState {
  const template = newTemplate(state, operation, operation.settings, operation.by, at);
  return {
    ...state,
    deploymentTemplates: [...state.deploymentTemplates, template],
    grants: [...state.grants, creatorGrant(operation.by, 'DeploymentTemplate', template.id)],
    lastDeploymentTemplateNumber: Math.max(lastTemplateNumber(state), templateNumber(template.id)),
  };
}

/** A template's properties saved: its name, description and settings. */
export function updateDeploymentTemplate(state: SiteState, operation: UpdateDeploymentTemplateOperation): SiteState {
  const template = templateOf(state, operation.id);
  checkedSettings(state, operation.settings, false);
  const updated: DeploymentTemplate = {
    ...template,
    ...operation.settings,
    name: checkedTemplateName(state, operation.name, template.id),
    description: checkedText(operation.description, 'description', MAX_DESCRIPTION, 'description-invalid', false),
  };
  return {
    ...state,
    deploymentTemplates: state.deploymentTemplates.map((candidate) =>
      candidate.id === template.id ? updated : candidate,
    ),
  };
}

/** Deletes a template (never the deployments made with it), and the instance rights that named it. */
export function deleteDeploymentTemplate(state: SiteState, id: string): SiteState {
  const template = templateOf(state, id);
  const grants: Grant[] = [];
  for (const grant of state.grants) {
    if (grant.objectType !== 'DeploymentTemplate' || grant.instanceIds === null || !grant.instanceIds.includes(id)) {
      grants.push(grant);
      continue;
    }
    const instanceIds = grant.instanceIds.filter((candidate) => candidate !== id);
    if (instanceIds.length > 0) grants.push({ ...grant, instanceIds });
  }
  return {
    ...state,
    deploymentTemplates: state.deploymentTemplates.filter((candidate) => candidate.id !== template.id),
    grants,
    lastDeploymentTemplateNumber: lastTemplateNumber(state),
  };
}

function updatesOf(state: SiteState, ids: readonly string[]): SoftwareUpdate[] {
  if (new Set(ids).size !== ids.length) {
    throw new RuleViolation('duplicate-software-update', 'A software update is listed more than once.');
  }
  const byId = new Map(state.softwareUpdates.map((update) => [update.id, update]));
  return ids.map((id) => {
    const update = byId.get(id);
    if (!update) throw new RuleViolation('unknown-software-update', `There is no software update ${id}.`);
    return update;
  });
}

/**
 * Whether the wizard shows the Deployment Package page: "only when at least one update is not yet downloaded or when
 * deploying to SMS 2003 clients".
 */
export function needsDeploymentPackage(
  updates: readonly Pick<SoftwareUpdate, 'downloaded'>[],
  settings: Pick<DeploymentSettings, 'deployToSms2003Clients'>,
): boolean {
  return settings.deployToSms2003Clients || updates.some((update) => !update.downloaded);
}

/**
 * Every refusal a deployment request can meet, in the order the wizard's pages ask. The state is not changed; the
 * caller gets a RuleViolation naming the rule.
 */
export function checkDeployment(state: SiteState, operation: CreateDeploymentOperation) {
  const updates = updatesOf(state, operation.updateIds);
  const cannot = whyUpdatesCannotBeDeployed(updates);
  if (cannot) throw new RuleViolation('update-not-deployable', cannot);
  const legacy = legacyWarning(updates);
  if (legacy && !operation.acknowledgeLegacy) {
    throw new RuleViolation(
      'legacy-not-acknowledged',
      `${legacy} Confirm that you want to deploy them (acknowledgeLegacy) to go on.`,
    );
  }
  const template = operation.templateId === null ? null : templateOf(state, operation.templateId);
  if (template) {
    const notOffered = whyTemplateNotOffered(template, updates);
    if (notOffered) throw new RuleViolation('template-not-offered', notOffered);
  }
  const name = checkedText(operation.name, 'deployment name', MAX_DEPLOYMENT_NAME, 'deployment-name-invalid');
  const taken = state.deployments.find((deployment) => sameName(deployment.name, name));
  if (taken) {
    throw new RuleViolation(
      'deployment-name-taken',
      `There is already a deployment named "${taken.name}" (${taken.id}): choose another name.`,
    );
  }
  const description = checkedText(operation.description, 'description', MAX_DESCRIPTION, 'description-invalid', false);
  const collection = checkedSettings(state, operation.settings, true);
  if (operation.settings.deployToSms2003Clients) {
    const why = whySms2003SettingsNotShown(updates);
    if (why) throw new RuleViolation('not-deployable-to-sms2003', why);
  }
  const available = operation.availableTime ?? operation.at ?? state.clock;
  const deadlineWrong = deadlineProblem(available, operation.deadline);
  if (deadlineWrong) throw new RuleViolation('deadline-before-available', `Deployment Schedule: ${deadlineWrong}.`);
  const pkgNeeded = needsDeploymentPackage(updates, operation.settings);
  if (pkgNeeded && operation.deploymentPackage === null) {
    throw new RuleViolation(
      'deployment-package-required',
      'Deployment Package: some software updates are not downloaded yet, or the deployment targets SMS 2003 clients; choose a deployment package or create one.',
    );
  }
  const choice = operation.deploymentPackage;
  if (choice?.kind === 'existing' && !state.deploymentPackages.some((pkg) => pkg.id === choice.id)) {
    throw new RuleViolation('unknown-deployment-package', `There is no deployment package ${choice.id}.`);
  }
  if (choice?.kind === 'new') {
    const pkgName = checkedText(choice.name, 'package name', MAX_DEPLOYMENT_PACKAGE_NAME, 'package-name-invalid');
    checkedText(
      choice.description,
      'package description',
      MAX_DEPLOYMENT_PACKAGE_DESCRIPTION,
      'package-description-invalid',
      false,
    );
    const existing = state.deploymentPackages.find((pkg) => sameName(pkg.name, pkgName));
    if (existing) {
      throw new RuleViolation(
        'package-name-taken',
        `There is already a deployment package named "${existing.name}" (${existing.id}): select it or choose another name.`,
      );
    }
    if (choice.id && [...state.packages, ...state.deploymentPackages].some((pkg) => pkg.id === choice.id)) {
      throw new RuleViolation('package-id-taken', `A package with ID ${choice.id} already exists.`);
    }
  }
  if (pkgNeeded) {
    if (operation.languages.length === 0) {
      throw new RuleViolation('language-required', 'Language Selection: choose at least one language to download.');
    }
    const unknown = operation.languages.find((language) => !(LANGUAGES as readonly string[]).includes(language));
    if (unknown)
      throw new RuleViolation('unknown-language', `Language Selection: ${unknown} is not a language of the site.`);
  }
  if (operation.saveAsTemplate) checkedTemplateName(state, operation.saveAsTemplate.name, null);
  return { updates, template, collection: collection as NonNullable<typeof collection>, name, description, available };
}

/** The Deploy Software Updates Wizard's end: the deployment, its package and content, and its rollout on the clock. */
export function createDeployment(state: SiteState, operation: CreateDeploymentOperation, at: string): SiteState {
  const { updates, template, collection, name, description, available } = checkDeployment(state, operation);
  let next = state;
  const grants: Grant[] = [];
  // Deployment Package: the updates' content is downloaded into it (the wizard's Progress page).
  let deploymentPackageId: string | null = null;
  const choice = operation.deploymentPackage;
  if (choice) {
    const downloading = updates.filter((update) => operation.settings.deployToSms2003Clients || !update.downloaded);
    const ids = downloading.map((update) => update.id);
    if (choice.kind === 'existing') {
      deploymentPackageId = choice.id;
      next = {
        ...next,
        deploymentPackages: next.deploymentPackages.map((pkg) =>
          pkg.id === choice.id ? { ...pkg, updateIds: [...new Set([...pkg.updateIds, ...ids])] } : pkg,
        ),
      };
    } else {
      const pkg: DeploymentPackage = {
        id: choice.id ?? nextPackageId(next),
        name: choice.name.trim(),
        description: choice.description.trim(),
        sourcePath: choice.sourcePath,
        createdBy: operation.by,
        updateIds: ids,
      };
      deploymentPackageId = pkg.id;
      next = { ...next, deploymentPackages: [...next.deploymentPackages, pkg] };
      grants.push(creatorGrant(operation.by, 'DeploymentPackage', pkg.id));
    }
    const downloaded = new Set(ids);
    next = {
      ...next,
      softwareUpdates: next.softwareUpdates.map((update) =>
        downloaded.has(update.id) && !update.downloaded ? { ...update, downloaded: true } : update,
      ),
    };
  }
  if (!choice) {
    // "The Deployment Package page is skipped if every update was already downloaded to a package share; the
    // deployment is then tied to that package automatically."
    const ids = updates.map((update) => update.id);
    const holding = next.deploymentPackages.find((pkg) => ids.every((updateId) => pkg.updateIds.includes(updateId)));
    deploymentPackageId = holding?.id ?? null;
  }
  const id = operation.id ?? nextDeploymentId(next);
  if (next.deployments.some((deployment) => deployment.id === id)) {
    throw new RuleViolation('deployment-id-taken', `A deployment with ID ${id} already exists.`);
  }
  const deployment: Deployment = {
    ...operation.settings,
    id,
    name,
    description,
    collectionId: collection.id,
    collectionName: collection.name,
    templateId: template?.id ?? null,
    createdBy: operation.by,
    createdAt: at,
    availableTime: available,
    deadline: operation.deadline,
    updateIds: updates.map((update) => update.id),
    deploymentPackageId,
    languages: operation.languages,
    legacyAcknowledged: operation.acknowledgeLegacy && updates.some((update) => update.legacy),
    sms2003: operation.settings.deployToSms2003Clients
      ? {
          advertisementId: `${deploymentPackageId ?? 'CEN'}-${id}`,
          programName: 'Software Updates Program',
          enabled: true,
        }
      : null,
    expectedInstalls: expectedInstallsFor(next, collection.id, updates),
  };
  grants.push(creatorGrant(operation.by, 'Deployment', id));
  next = { ...next, deployments: [...next.deployments, deployment] };
  if (operation.saveAsTemplate) {
    const saved = newTemplate(next, operation.saveAsTemplate, operation.settings, operation.by, at);
    next = {
      ...next,
      deploymentTemplates: [...next.deploymentTemplates, saved],
      lastDeploymentTemplateNumber: Math.max(lastTemplateNumber(next), templateNumber(saved.id)),
    };
    grants.push(creatorGrant(operation.by, 'DeploymentTemplate', saved.id));
  }
  next = withDerivedUpdateFlags({ ...next, grants: [...next.grants, ...grants] });
  next = reportStatus(next, at, [
    {
      component: 'SMS_OBJECT_REPLICATION_MANAGER',
      severity: 'Informational',
      messageId: 5130,
      description:
        `${operation.by} created the deployment ${name} (${id}) of ${updates.length} software updates to ${collection.name}` +
        (deployment.sms2003 ? ', with an SMS 2003 program and advertisement for its SMS 2003 clients.' : '.'),
    },
  ]);
  return startDeploymentRollout(next, deployment, operation.by, at);
}

/**
 * How many of the collection's Configuration Manager clients are expected to install each update: its Required
 * count, shared out by the collection's part of the site's ConfigMgr clients (compliance is kept as counts).
 */
function expectedInstallsFor(state: SiteState, collectionId: string, updates: readonly SoftwareUpdate[]) {
  const members = new Set(state.collectionMembers[collectionId] ?? []);
  let inCollection = 0;
  let total = 0;
  for (const client of state.clients) {
    if (client.clientType !== 'Configuration Manager 2007') continue;
    total += 1;
    if (members.has(client.id)) inCollection += 1;
  }
  const expected: Record<string, number> = {};
  for (const update of updates) {
    expected[update.id] = total === 0 ? 0 : Math.round((update.compliance.required * inCollection) / total);
  }
  return expected;
}

/**
 * Switching "Deploy software updates to SMS 2003 clients" off on a deployment: "it cannot be turned on again; the SMS
 * 2003 program and advertisement are disabled".
 */
export function disableDeploymentSms2003(state: SiteState, id: string, by: string, at: string): SiteState {
  const deployment = state.deployments.find((candidate) => candidate.id === id);
  if (!deployment) throw new RuleViolation('unknown-deployment', `There is no deployment ${id}.`);
  if (!deployment.deployToSms2003Clients) {
    throw new RuleViolation(
      'sms2003-already-off',
      `${deployment.name} (${id}) does not deploy to SMS 2003 clients${deployment.sms2003 ? ' any more: it was switched off and cannot be turned on again' : ''}.`,
    );
  }
  const next: SiteState = {
    ...state,
    deployments: state.deployments.map((candidate) =>
      candidate.id === id
        ? {
            ...candidate,
            deployToSms2003Clients: false,
            sms2003: candidate.sms2003 ? { ...candidate.sms2003, enabled: false } : null,
          }
        : candidate,
    ),
  };
  return reportStatus(next, at, [
    {
      component: 'SMS_OFFER_MANAGER',
      severity: 'Warning',
      messageId: 5131,
      description: `${by} switched off "Deploy software updates to SMS 2003 clients" on ${deployment.name} (${id}): its SMS 2003 program and advertisement are disabled, and the setting cannot be turned on again.`,
    },
  ]);
}

/** Applies a deployment or template operation to the Configuration Manager site. */
export function applyDeploymentOperation(
  site: SiteState | null,
  operation: DeploymentOperation,
  at: string,
): SiteState {
  switch (operation.type) {
    case 'create-deployment-template':
      return createDeploymentTemplate(requireConfigMgrSite(site, 'Creating a deployment template'), operation, at);
    case 'update-deployment-template':
      return updateDeploymentTemplate(requireConfigMgrSite(site, 'Changing a deployment template'), operation);
    case 'delete-deployment-template':
      return deleteDeploymentTemplate(requireConfigMgrSite(site, 'Deleting a deployment template'), operation.id);
    case 'create-deployment':
      return createDeployment(requireConfigMgrSite(site, 'Deploying software updates'), operation, at);
    case 'disable-deployment-sms2003':
      return disableDeploymentSms2003(
        requireConfigMgrSite(site, 'Changing a deployment'),
        operation.id,
        operation.by,
        at,
      );
  }
}
