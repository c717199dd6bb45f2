import type { SiteState } from '../site-state';
import { isOtherScanToolUpdate } from './catalog-rules';
import { reportStatus } from './jobs';
import { withDerivedUpdateFlags } from './update-flags';

/**
 * "All other software updates will remain in an expired state ... and will eventually be removed from the
 * Configuration Manager site database." Updates a deployment still holds stay until it no longer does: once the
 * removal has happened, releasing them (deleting the deployment, removing them from it) removes them too.
 */
export function removeOtherScanToolUpdates(state: SiteState, at: string): SiteState {
  const held = new Set([
    ...state.sms2003Advertisements.flatMap((ad) => ad.updateIds),
    ...state.deployments.flatMap((deployment) => deployment.updateIds),
  ]);
  const removed = state.softwareUpdates.filter((update) => isOtherScanToolUpdate(update) && !held.has(update.id));
  if (removed.length === 0 && state.facts.otherScanToolUpdatesRemovedAt !== null) return state;
  const removedIds = new Set(removed.map((update) => update.id));
  const next: SiteState = withDerivedUpdateFlags({
    ...state,
    softwareUpdates: state.softwareUpdates.filter((update) => !removedIds.has(update.id)),
    updateLists: state.updateLists.map((list) => ({
      ...list,
      updateIds: list.updateIds.filter((id) => !removedIds.has(id)),
    })),
    facts: { ...state.facts, otherScanToolUpdatesRemovedAt: state.facts.otherScanToolUpdatesRemovedAt ?? at },
  });
  return reportStatus(next, at, [
    {
      component: 'SMS_WSUS_SYNC_MANAGER',
      severity: 'Informational',
      messageId: 6708,
      description: `Removed ${removed.length} expired software updates of the other inventory scan tools' catalogs (Security Update Inventory Tool, Office Inventory Tool) from the site database: they cannot be synchronized, scanned or deployed.`,
    },
  ]);
}

/** After the removal has happened, the other scan tools' updates a deployment just released leave too. */
export function removeReleasedOtherScanToolUpdates(state: SiteState, at: string): SiteState {
  return state.facts.otherScanToolUpdatesRemovedAt === null ? state : removeOtherScanToolUpdates(state, at);
}
