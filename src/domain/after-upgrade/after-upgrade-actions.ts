import { missingRightOnObjectMessage, type ObjectType, type Right, type RightsIndex } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import type { SiteState } from '../site-state';
import { applyAfterUpgradeOperation, type AfterUpgradeOperation } from './after-upgrade-operations';
import { KB954474 } from './catalog-rules';
import { DEFAULT_SUP_SETTINGS } from './software-update-point';
import { ITMU_SYNC_ADVERTISEMENT_ID } from './site-after-setup';

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

/**
 * Why the operation cannot be done now, or null when it can: the missing right first, then the rule that would refuse
 * it (found by trying it on the immutable site, so the explanation is the server's own refusal).
 */
export function whyNot(
  state: SiteState,
  rights: RightsIndex,
  account: string,
  operation: AfterUpgradeOperation,
  at: string,
): string | null {
  const noRight = whyNoRightFor(rights, account, operation);
  if (noRight) return noRight;
  try {
    applyAfterUpgradeOperation(state, operation, at);
    return null;
  } catch (error) {
    if (error instanceof RuleViolation) return error.message;
    throw error;
  }
}

/** The site-wide after-upgrade actions the console offers, each as the operation it would do. */
export const SITE_ACTIONS = [
  'synchronize-software-updates',
  'install-kb954474',
  'run-microsoft-updates-tool-sync',
  'republish-custom-catalog',
  'run-legacy-cleanup-script',
  'upgrade-lon',
  'remove-itmu',
] as const;
export type SiteAction = (typeof SITE_ACTIONS)[number];

export function siteActionOperation(action: SiteAction, by: string): AfterUpgradeOperation {
  switch (action) {
    case 'synchronize-software-updates':
      return { type: 'synchronize-software-updates', by };
    case 'install-kb954474':
      return { type: 'install-site-server-update', articleId: KB954474, by };
    case 'run-microsoft-updates-tool-sync':
      return {
        type: 'run-advertisement',
        advertisementId: ITMU_SYNC_ADVERTISEMENT_ID,
        acknowledgeConfigMgrClients: true,
        by,
      };
    case 'republish-custom-catalog':
      return { type: 'republish-custom-catalog', by };
    case 'run-legacy-cleanup-script':
      return { type: 'run-legacy-cleanup-script', by };
    case 'upgrade-lon':
      return { type: 'upgrade-child-site', siteCode: CONTOSO.sites.london.code, by };
    case 'remove-itmu':
      return { type: 'remove-itmu', by };
  }
}

/** The software update point settings the New Site Role page proposes. */
export function proposedSoftwareUpdatePoint(state: SiteState) {
  return state.softwareUpdatePoint ?? { serverName: CONTOSO.sites.central.serverName, ...DEFAULT_SUP_SETTINGS };
}
