import type { RightsIndex } from '../rights/rights';
import { whyNoRightFor } from './after-upgrade-rights';
import type { SiteAction } from './site-actions';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import type { SiteState } from '../site-state';
import { applyAfterUpgradeOperation, type AfterUpgradeOperation } from './after-upgrade-operations';
import { KB954474 } from './catalog-rules';
import { DEFAULT_SUP_SETTINGS } from './software-update-point';
import { ITMU_SYNC_ADVERTISEMENT_ID } from './site-after-setup';

// Which right each operation needs is in after-upgrade-rights.ts (the console reads it without the operations).
export { rightNeededFor, whyNoRightFor, type NeededRight } from './after-upgrade-rights';

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
export { SITE_ACTIONS, type SiteAction } from './site-actions';

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
