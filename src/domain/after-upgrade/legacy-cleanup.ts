import { operationTimeSchema } from '../operations/operation-time';
import { citeRule } from '../explanations/rules';
import { z } from 'zod';
import type { SoftwareUpdate } from '../model/software-update';
import { RuleViolation } from '../rule-violation';
import type { SiteState } from '../site-state';
import { isOtherScanToolUpdate, requireConfigMgrSite } from './catalog-rules';
import { reportStatus } from './jobs';
import { removeReleasedOtherScanToolUpdates } from './other-scan-tool-removal';
import { isHiddenByLegacyScript, updatesInMigratedDeployments, withDerivedUpdateFlags } from './update-flags';

export const runLegacyCleanupScriptSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('run-legacy-cleanup-script'),
  by: z.string(),
});
export const deleteSms2003AdvertisementSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('delete-sms2003-advertisement'),
  advertisementId: z.string().min(1).max(16),
  by: z.string(),
});
export const removeUpdatesFromSms2003AdvertisementSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('remove-updates-from-sms2003-advertisement'),
  advertisementId: z.string().min(1).max(16),
  updateIds: z.array(z.string().min(1).max(16)).min(1, 'choose at least one software update').max(10_000),
  by: z.string(),
});

/**
 * "Remove Software Updates" from a deployment made after the upgrade (Deployment Management > deployment > Software
 * Updates): the same rule as for a migrated SMS 2003 deployment, see removeUpdatesFromDeployment.
 */
export const removeUpdatesFromDeploymentSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('remove-updates-from-deployment'),
  deploymentId: z.string().min(1).max(16),
  updateIds: z.array(z.string().min(1).max(16)).min(1, 'choose at least one software update').max(10_000),
  by: z.string(),
});

/** Where the product's sample script comes from (the planning topic links the Script Center Script Repository). */
export const LEGACY_SCRIPT_SOURCE = 'http://go.microsoft.com/fwlink/?LinkId=102377';

/**
 * The clean-up script as the console shows it before running it: this console's own rendering of what the sample does
 * (it is not Microsoft's text), in the VBScript and WMI of the time.
 */
export const LEGACY_SCRIPT_TEXT = `' HideLegacyUpdates.vbs - hides migrated software updates titled "(LEGACY)"
' Run on the site server of CEN with an account that has Modify on software updates.
Set locator = CreateObject("WbemScripting.SWbemLocator")
Set provider = locator.ConnectServer(".", "root\\sms\\site_CEN")
Set updates = provider.ExecQuery( _
  "SELECT * FROM SMS_SoftwareUpdate WHERE LocalizedDisplayName LIKE '%(LEGACY)'")
For Each update In updates
  ' Updates in a migrated SMS 2003 deployment stay visible until that deployment
  ' is deleted or the update is removed from it.
  If Not IsInMigratedDeployment(provider, update.CI_ID) Then
    update.IsHidden = True
    update.Put_
  End If
Next`;

export interface LegacyScriptPreview {
  legacyCount: number;
  willHide: number;
  staysVisible: number;
  /** The migrated deployments that keep some LEGACY updates visible, with how many each. */
  keptBy: Array<{ advertisementId: string; name: string; updateCount: number }>;
}

const previews = new WeakMap<SiteState, LegacyScriptPreview>();

/**
 * What the clean-up script will do if run now. Kept per site state (a change makes a new one): the console asks for it
 * with the site's status after every change, and at 50,000 updates it is a pass over all of them.
 */
export function previewLegacyScript(state: SiteState): LegacyScriptPreview {
  let preview = previews.get(state);
  if (!preview) previews.set(state, (preview = computePreview(state)));
  return preview;
}

function computePreview(state: SiteState): LegacyScriptPreview {
  const inMigrated = updatesInMigratedDeployments(state);
  // One pass, and a set only of the LEGACY updates a migrated deployment holds (thousands, not every update's id).
  let legacyCount = 0;
  const legacyInMigrated = new Set<string>();
  for (const update of state.softwareUpdates) {
    if (!update.legacy) continue;
    legacyCount++;
    if (inMigrated.has(update.id)) legacyInMigrated.add(update.id);
  }
  const staysVisible = legacyInMigrated.size;
  return {
    legacyCount,
    willHide: legacyCount - staysVisible,
    staysVisible,
    keptBy: state.sms2003Advertisements
      .map((ad) => ({
        advertisementId: ad.id,
        name: ad.name,
        updateCount: ad.updateIds.filter((id) => legacyInMigrated.has(id)).length,
      }))
      .filter((entry) => entry.updateCount > 0),
  };
}

/**
 * "You can run a script to hide these software updates in the Configuration Manager console so only deployable
 * software updates are displayed." Hiding is a rule, not a one-off: see isHiddenByLegacyScript.
 */
export function runLegacyCleanupScript(site: SiteState | null, by: string, at: string): SiteState {
  const state = requireConfigMgrSite(site, 'The LEGACY clean-up script');
  const preview = previewLegacyScript(state);
  const ran = withDerivedUpdateFlags({ ...state, facts: { ...state.facts, legacyScriptRunAt: at } });
  return reportStatus(ran, at, [
    {
      component: 'LEGACY clean-up script',
      severity: 'Informational',
      messageId: 9001,
      description: `${by} ran the LEGACY clean-up script: ${preview.willHide} LEGACY software updates hidden; ${preview.staysVisible} stay visible because a migrated SMS 2003 deployment holds them.`,
    },
  ]);
}

function migratedAdvertisement(state: SiteState, advertisementId: string) {
  const advertisement = state.sms2003Advertisements.find((candidate) => candidate.id === advertisementId);
  if (!advertisement) {
    throw new RuleViolation('unknown-advertisement', `There is no migrated SMS 2003 advertisement ${advertisementId}.`);
  }
  return advertisement;
}

/** Deletes a migrated SMS 2003 deployment; its LEGACY updates are hidden from then on if the script has run. */
export function deleteSms2003Advertisement(
  site: SiteState | null,
  advertisementId: string,
  by: string,
  at: string,
): SiteState {
  const state = requireConfigMgrSite(site, 'Deleting a migrated deployment');
  const advertisement = migratedAdvertisement(state, advertisementId);
  const next = withDerivedUpdateFlags({
    ...state,
    sms2003Advertisements: state.sms2003Advertisements.filter((candidate) => candidate.id !== advertisementId),
  });
  const reported = reportStatus(next, at, [
    {
      component: 'SMS_OFFER_MANAGER',
      severity: 'Informational',
      messageId: 30068,
      description: `${by} deleted the migrated SMS 2003 advertisement ${advertisement.name} (${advertisement.id}); its ${advertisement.updateIds.length} software updates are no longer deployed by it.`,
    },
  ]);
  return removeReleasedOtherScanToolUpdates(reported, at);
}

/**
 * The updates a "Remove Software Updates" takes out of a deployment (a migrated SMS 2003 one or one made after the
 * upgrade): every one named must be in it.
 */
function updatesToRemove(
  deployment: { id: string; name: string; updateIds: readonly string[] },
  updateIds: readonly string[],
): Set<string> {
  const held = new Set(deployment.updateIds);
  const missing = updateIds.filter((id) => !held.has(id));
  if (missing.length > 0) {
    throw new RuleViolation(
      'update-not-in-deployment',
      `${deployment.name} (${deployment.id}) does not hold software update ${missing[0]}${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}.`,
    );
  }
  return new Set(updateIds);
}

/**
 * Removes updates from a deployment made after the upgrade. Its clients stop being asked to install them; an update no
 * deployment holds any more is no longer Deployed. A deployment keeps at least one update (the product's deployment
 * holds one or more): removing them all is refused.
 */
export function removeUpdatesFromDeployment(
  site: SiteState | null,
  deploymentId: string,
  updateIds: readonly string[],
  by: string,
  at: string,
): SiteState {
  const state = requireConfigMgrSite(site, 'Removing software updates from a deployment');
  const deployment = state.deployments.find((candidate) => candidate.id === deploymentId);
  if (!deployment) throw new RuleViolation('unknown-deployment', `There is no deployment ${deploymentId}.`);
  const removing = updatesToRemove(deployment, updateIds);
  if (deployment.updateIds.every((id) => removing.has(id))) {
    throw new RuleViolation(
      'deployment-keeps-an-update',
      `${deployment.name} (${deployment.id}) must keep at least one software update: leave one in it.`,
    );
  }
  const next = withDerivedUpdateFlags({
    ...state,
    deployments: state.deployments.map((candidate) =>
      candidate.id === deploymentId
        ? {
            ...candidate,
            updateIds: candidate.updateIds.filter((id) => !removing.has(id)),
            expectedInstalls: Object.fromEntries(
              Object.entries(candidate.expectedInstalls).filter(([id]) => !removing.has(id)),
            ),
          }
        : candidate,
    ),
  });
  const reported = reportStatus(next, at, [
    {
      component: 'SMS_OBJECT_REPLICATION_MANAGER',
      severity: 'Informational',
      messageId: 5133,
      description: `${by} removed ${removing.size} software updates from the deployment ${deployment.name} (${deployment.id}).`,
    },
  ]);
  return removeReleasedOtherScanToolUpdates(reported, at);
}

/** Removes updates from a migrated SMS 2003 deployment. */
export function removeUpdatesFromSms2003Advertisement(
  site: SiteState | null,
  advertisementId: string,
  updateIds: readonly string[],
  by: string,
  at: string,
): SiteState {
  const state = requireConfigMgrSite(site, 'Removing updates from a migrated deployment');
  const advertisement = migratedAdvertisement(state, advertisementId);
  const removing = updatesToRemove(advertisement, updateIds);
  const next = withDerivedUpdateFlags({
    ...state,
    sms2003Advertisements: state.sms2003Advertisements.map((candidate) =>
      candidate.id === advertisementId
        ? { ...candidate, updateIds: candidate.updateIds.filter((id) => !removing.has(id)) }
        : candidate,
    ),
  });
  const reported = reportStatus(next, at, [
    {
      component: 'SMS_OFFER_MANAGER',
      severity: 'Informational',
      messageId: 30069,
      description: `${by} removed ${removing.size} software updates from the migrated SMS 2003 advertisement ${advertisement.name} (${advertisement.id}).`,
    },
  ]);
  return removeReleasedOtherScanToolUpdates(reported, at);
}

/**
 * Why a software update stands where it does, in one or two sentences naming the rule and the planning topic section.
 * For every LEGACY update (hidden or not), other scan tools' updates and expired updates.
 */
export function explainSoftwareUpdate(update: SoftwareUpdate, state: SiteState): string[] {
  const reasons: string[] = [];
  if (update.legacy) {
    const inMigrated = updatesInMigratedDeployments(state);
    const holders = state.sms2003Advertisements.filter((ad) => ad.updateIds.includes(update.id)).map((ad) => ad.name);
    if (isHiddenByLegacyScript(update, state.facts, inMigrated)) {
      reasons.push(
        `Hidden: Setup appended (LEGACY) to this migrated update, and the LEGACY clean-up script hides LEGACY updates that no remaining migrated SMS 2003 deployment holds ${citeRule('legacy-hidden-by-script')}.`,
      );
    } else if (state.facts.legacyScriptRunAt && holders.length > 0) {
      reasons.push(
        `Visible although the LEGACY clean-up script has run: the migrated deployment ${holders.join(', ')} holds it, and it stays visible until that deployment is deleted or the update is removed from it ${citeRule('legacy-kept-by-migrated-deployment')}.`,
      );
    } else {
      reasons.push(
        `Titled (LEGACY) by Setup: it was migrated from SMS 2003 and should not be deployed; it is kept for migrated deployments and reporting. Running the LEGACY clean-up script hides it${holders.length > 0 ? `, except while the migrated deployment ${holders.join(', ')} holds it` : ''} ${citeRule('legacy-not-deployed')}.`,
      );
    }
  }
  if (isOtherScanToolUpdate(update)) {
    reasons.push(
      `From the ${update.sourceCatalog} catalog: only Microsoft Update and custom updates can be synchronized, so it stays expired, is not scanned on Configuration Manager clients, cannot be deployed, and is removed from the site database ${state.facts.otherScanToolUpdatesRemovalAt ? `on ${state.facts.otherScanToolUpdatesRemovalAt.slice(0, 10)}` : 'a while after the first synchronization'} ${citeRule('other-scan-tool-updates')}.`,
    );
  } else if (update.expired && update.legacy && update.sourceCatalog === 'Custom Updates') {
    reasons.push(
      `Expired: custom updates stay expired until the custom catalog is republished with System Center Updates Publisher and the software update point is synchronized ${citeRule('custom-catalog-republished')}.`,
    );
  } else if (update.expired && update.legacy) {
    reasons.push(
      `Expired: Setup set Expired to Yes on every migrated update; the Microsoft Updates Tool Sync advertisement resets the Microsoft Update catalog updates to active once the ITMU catalog synchronizes ${citeRule('itmu-catalog-resets-updates')}.`,
    );
  }
  if (!update.existedBeforeUpgrade) {
    reasons.push(
      update.deployableToSms2003
        ? `Synchronized by the software update point after the upgrade; Deployable to SMS 2003 is Yes because the ITMU catalog holds it (or it is a published custom update) ${citeRule('deployable-to-sms2003')}.`
        : `Synchronized by the software update point after the upgrade; Deployable to SMS 2003 is No because the ITMU catalog does not hold it (yet): only updates the ITMU catalog holds can be deployed to SMS 2003 clients ${citeRule('deployable-to-sms2003')}.`,
    );
  }
  return reasons;
}
