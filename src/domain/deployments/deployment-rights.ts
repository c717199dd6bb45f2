import type { SoftwareUpdate } from '../model/software-update';
import {
  missingReadOnTypeMessage,
  missingRightOnObjectMessage,
  missingRightOnTypeMessage,
  type Right,
  type RightsIndex,
} from '../rights/rights';
import type { DeploymentPackageChoice } from './deployment-operations';

/**
 * Who may make deployments and templates. Deployment templates, deployments and deployment packages are new object
 * types: "the user who ran the upgrade has access to all"; others "will not have any rights to new object types such
 * as deployment templates" until granted. The server refuses with these reasons (403) and the console says the same.
 */

/** Why the account may not create a deployment template, or null: it needs Create on the class. */
export function whyCannotCreateDeploymentTemplate(rights: RightsIndex, account: string): string | null {
  return rights.hasClassRight(account, 'DeploymentTemplate', 'Create')
    ? null
    : missingRightOnTypeMessage(account, 'Create', 'DeploymentTemplate');
}

/** Why the account may not see deployment templates at all (then it is refused before "not found"), or null. */
export function whyCannotSeeDeploymentTemplates(rights: RightsIndex, account: string): string | null {
  return rights.hasAnyRightOnType(account, 'DeploymentTemplate')
    ? null
    : missingReadOnTypeMessage(account, 'DeploymentTemplate');
}

/** Why the account may not use a right on one template (Read is needed for every right but Create), or null. */
export function whyCannotOnDeploymentTemplate(
  rights: RightsIndex,
  account: string,
  templateId: string,
  right: Right,
): string | null {
  for (const needed of right === 'Read' ? (['Read'] as const) : (['Read', right] as const)) {
    if (!rights.hasRight(account, 'DeploymentTemplate', templateId, needed)) {
      return missingRightOnObjectMessage(account, needed, 'DeploymentTemplate', templateId);
    }
  }
  return null;
}

/** Why the account may not change one deployment, or null. */
export function whyCannotModifyDeployment(rights: RightsIndex, account: string, deploymentId: string): string | null {
  for (const needed of ['Read', 'Modify'] as const) {
    if (!rights.hasRight(account, 'Deployment', deploymentId, needed)) {
      return missingRightOnObjectMessage(account, needed, 'Deployment', deploymentId);
    }
  }
  return null;
}

export interface DeploymentRequestObjects {
  updates: readonly Pick<SoftwareUpdate, 'id'>[];
  collectionId: string | null;
  templateId: string | null;
  deploymentPackage: DeploymentPackageChoice | null;
  saveAsTemplate: boolean;
}

/**
 * Why the account may not make this deployment, or null: Create on deployments; Read on every update, the collection
 * and the template; Create on deployment packages for a new one, Read and Modify on an existing one; Create on
 * templates to save the settings as one.
 */
export function whyCannotCreateDeployment(
  rights: RightsIndex,
  account: string,
  request: DeploymentRequestObjects,
): string | null {
  if (!rights.hasClassRight(account, 'Deployment', 'Create')) {
    return missingRightOnTypeMessage(account, 'Create', 'Deployment');
  }
  for (const update of request.updates) {
    if (!rights.hasRight(account, 'SoftwareUpdate', update.id, 'Read')) {
      return missingRightOnObjectMessage(account, 'Read', 'SoftwareUpdate', update.id);
    }
  }
  if (request.collectionId && !rights.hasRight(account, 'Collection', request.collectionId, 'Read')) {
    return missingRightOnObjectMessage(account, 'Read', 'Collection', request.collectionId);
  }
  if (request.templateId) {
    const why = whyCannotOnDeploymentTemplate(rights, account, request.templateId, 'Read');
    if (why) return why;
  }
  const choice = request.deploymentPackage;
  if (choice?.kind === 'new' && !rights.hasClassRight(account, 'DeploymentPackage', 'Create')) {
    return missingRightOnTypeMessage(account, 'Create', 'DeploymentPackage');
  }
  if (choice?.kind === 'existing') {
    for (const needed of ['Read', 'Modify'] as const) {
      if (!rights.hasRight(account, 'DeploymentPackage', choice.id, needed)) {
        return missingRightOnObjectMessage(account, needed, 'DeploymentPackage', choice.id);
      }
    }
  }
  if (request.saveAsTemplate) return whyCannotCreateDeploymentTemplate(rights, account);
  return null;
}
