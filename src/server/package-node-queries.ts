import { deploymentPackageOfNode, sms2003AdvertisementIdOfNode } from '@/domain/console-tree/console-tree';
import {
  whyCannotOnDeploymentPackage,
  whyCannotSeeDeploymentPackages,
} from '@/domain/deployment-packages/deployment-package-rights';
import type { Identified, ResourceName } from '@/domain/query/resources';
import { canRead, missingReadOnTypeMessage, missingRightOnObjectMessage } from '@/domain/rights/rights';
import type { Backend } from './backend';
import { badRequest, forbidden } from './errors';

/**
 * The nodes of deployment packages and migrated SMS 2003 advertisements: opening one needs Read on its object (403
 * naming it); an object that does not exist is a bad node (400); a caller with no right on the object type at all is
 * refused before either, and learns nothing about which objects exist.
 */
export function requireObjectNodeRead(backend: Backend, account: string, node: string): void {
  const pkg = deploymentPackageOfNode(node);
  if (pkg !== null) {
    const blind = whyCannotSeeDeploymentPackages(backend.rights, account);
    if (blind) throw forbidden(blind);
    if (!backend.state.deploymentPackages.some((candidate) => candidate.id === pkg.packageId)) {
      throw badRequest('node', `node: "${node}" names no deployment package: there is no package ${pkg.packageId}`);
    }
    const refused = whyCannotOnDeploymentPackage(backend.rights, account, pkg.packageId, 'Read');
    if (refused) throw forbidden(refused);
    return;
  }
  const advertisementId = sms2003AdvertisementIdOfNode(node);
  if (advertisementId !== null) {
    if (!backend.rights.hasAnyRightOnType(account, 'Advertisement')) {
      throw forbidden(missingReadOnTypeMessage(account, 'Advertisement'));
    }
    if (!backend.state.sms2003Advertisements.some((candidate) => candidate.id === advertisementId)) {
      throw badRequest(
        'node',
        `node: "${node}" names no SMS 2003 advertisement: there is no advertisement ${advertisementId}`,
      );
    }
    if (!canRead(backend.rights, account, 'Advertisement', advertisementId)) {
      throw forbidden(missingRightOnObjectMessage(account, 'Read', 'Advertisement', advertisementId));
    }
  }
}

/**
 * A package's Access Accounts or Distribution Points node lists that package's rows (after the checks above).
 * Without a node, every package the caller may read. Null for the other resources.
 */
export function packageChildFilter(
  backend: Backend,
  account: string,
  resource: ResourceName,
  node: string | undefined,
): ((item: Identified) => boolean) | null {
  const child =
    resource === 'deployment-package-access-accounts'
      ? 'access-accounts'
      : resource === 'deployment-package-distribution-points'
        ? 'distribution-points'
        : null;
  if (child === null || node === undefined) return null;
  const named = deploymentPackageOfNode(node);
  if (named === null || named.child !== child) {
    throw badRequest('node', `node: "${node}" is not a deployment package's ${child.replace('-', ' ')} node`);
  }
  requireObjectNodeRead(backend, account, node);
  return (item) => (item as Identified & { packageId?: string }).packageId === named.packageId;
}
