import type { SoftwareUpdate } from '../model/software-update';
import {
  missingReadOnTypeMessage,
  missingRightOnObjectMessage,
  missingRightOnTypeMessage,
  type Right,
  type RightsIndex,
} from '../rights/rights';
import type { DownloadPackageChoice } from './deployment-package-operations';

/**
 * Who may download software updates into deployment packages and change them. Deployment packages are a new object
 * type: "the user who ran the upgrade has access to all"; others have no right on them until granted. The server
 * refuses with these reasons (403) and the console greys its controls out with the same words.
 */

/** Why the account may not see deployment packages at all (it is refused before "not found"), or null. */
export function whyCannotSeeDeploymentPackages(rights: RightsIndex, account: string): string | null {
  return rights.hasAnyRightOnType(account, 'DeploymentPackage')
    ? null
    : missingReadOnTypeMessage(account, 'DeploymentPackage');
}

/** Why the account may not create a deployment package (Create on the class), or null. */
export function whyCannotCreateDeploymentPackage(rights: RightsIndex, account: string): string | null {
  return rights.hasClassRight(account, 'DeploymentPackage', 'Create')
    ? null
    : missingRightOnTypeMessage(account, 'Create', 'DeploymentPackage');
}

/** Why the account may not use a right on one package (Read is needed for every right but Create), or null. */
export function whyCannotOnDeploymentPackage(
  rights: RightsIndex,
  account: string,
  packageId: string,
  right: Right,
): string | null {
  for (const needed of right === 'Read' ? (['Read'] as const) : (['Read', right] as const)) {
    if (!rights.hasRight(account, 'DeploymentPackage', packageId, needed)) {
      return missingRightOnObjectMessage(account, needed, 'DeploymentPackage', packageId);
    }
  }
  return null;
}

/**
 * Why the account may not download these updates into this package, or null: Read on every update; Create on
 * deployment packages for a new one, Read and Modify on an existing one.
 */
export function whyCannotDownload(
  rights: RightsIndex,
  account: string,
  request: { updates: readonly Pick<SoftwareUpdate, 'id'>[]; deploymentPackage: DownloadPackageChoice },
): string | null {
  for (const update of request.updates) {
    if (!rights.hasRight(account, 'SoftwareUpdate', update.id, 'Read')) {
      return missingRightOnObjectMessage(account, 'Read', 'SoftwareUpdate', update.id);
    }
  }
  const choice = request.deploymentPackage;
  return choice.kind === 'new'
    ? whyCannotCreateDeploymentPackage(rights, account)
    : whyCannotOnDeploymentPackage(rights, account, choice.id, 'Modify');
}
