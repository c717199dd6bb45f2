import { missingRightOnObjectMessage, type ObjectType, type Right, type RightsIndex } from '../rights/rights';
import { CONTOSO } from '../scenario/contoso-names';
import type { AfterUpgradeOperation } from './after-upgrade-operations';

/** The right an after-upgrade operation needs, on which object. */
export interface NeededRight {
  objectType: ObjectType;
  id: string;
  right: Right;
}

const SITE = CONTOSO.sites.central.code;

/**
 * Which right each operation needs: the site's own settings and roles need Modify on the site, Setup and removing a
 * scan tool need Administer; actions on an object need the matching right on it.
 */
export function rightNeededFor(operation: AfterUpgradeOperation): NeededRight {
  switch (operation.type) {
    case 'configure-software-update-point':
    case 'synchronize-software-updates':
    case 'install-site-server-update':
    case 'republish-custom-catalog':
    case 'publish-custom-update':
    case 'run-legacy-cleanup-script':
    case 'cancel-job':
      return { objectType: 'Site', id: SITE, right: 'Modify' };
    case 'upgrade-child-site':
    case 'remove-itmu':
      return { objectType: 'Site', id: SITE, right: 'Administer' };
    case 'run-advertisement':
      return { objectType: 'Advertisement', id: operation.advertisementId, right: 'Modify' };
    case 'delete-sms2003-advertisement':
      return { objectType: 'Advertisement', id: operation.advertisementId, right: 'Delete' };
    case 'remove-updates-from-sms2003-advertisement':
      return { objectType: 'Advertisement', id: operation.advertisementId, right: 'Modify' };
    case 'remove-updates-from-deployment':
      return { objectType: 'Deployment', id: operation.deploymentId, right: 'Modify' };
    case 'change-package-source':
      return { objectType: 'Package', id: operation.packageId, right: 'Modify' };
    case 'update-distribution-points':
      return { objectType: 'Package', id: operation.packageId, right: 'Distribute' };
    case 'upgrade-clients':
      return { objectType: 'Collection', id: operation.collectionId, right: 'Modify' };
  }
}

/** Why the account may not do the operation for lack of a right, or null. */
export function whyNoRightFor(rights: RightsIndex, account: string, operation: AfterUpgradeOperation): string | null {
  const needed = rightNeededFor(operation);
  if (rights.hasRight(account, needed.objectType, needed.id, needed.right)) return null;
  return missingRightOnObjectMessage(account, needed.right, needed.objectType, needed.id);
}
