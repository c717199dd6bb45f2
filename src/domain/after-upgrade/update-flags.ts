import type { AfterUpgradeFacts } from '../model/after-upgrade-objects';
import type { SoftwareUpdate } from '../model/software-update';
import { LANGUAGES } from '../scenario/languages';
import { MICROSOFT_UPDATE_CATALOG, type CatalogEntry } from '../scenario/microsoft-update-catalog';
import type { SiteState } from '../site-state';
import { uniqueIdFor } from '../sms2003/software-update-record';
import { isCatalogEntryDeployableToSms2003 } from './catalog-rules';

/**
 * "Migrated software updates that are in a software update deployment that was also migrated will not be hidden
 * until the migrated deployment is deleted or the updates are removed from the deployment." (the planning topic)
 * So a LEGACY update is hidden exactly when the clean-up script has run and no remaining migrated deployment holds it.
 */
export function isHiddenByLegacyScript(
  update: Pick<SoftwareUpdate, 'id' | 'legacy'>,
  facts: Pick<AfterUpgradeFacts, 'legacyScriptRunAt'>,
  inMigratedDeployment: ReadonlySet<string>,
): boolean {
  return facts.legacyScriptRunAt !== null && update.legacy && !inMigratedDeployment.has(update.id);
}

/** The ids of the updates that a remaining migrated SMS 2003 deployment (advertisement) holds. */
export function updatesInMigratedDeployments(state: Pick<SiteState, 'sms2003Advertisements'>): Set<string> {
  return new Set(state.sms2003Advertisements.flatMap((advertisement) => advertisement.updateIds));
}

const entriesBySeed = new Map<number, Map<string, CatalogEntry>>();

/** The catalog entry a synchronized Microsoft update was made from, found by its unique update ID. */
export function catalogEntryOf(update: SoftwareUpdate, seed: number): CatalogEntry | undefined {
  let byUniqueId = entriesBySeed.get(seed);
  if (!byUniqueId) {
    byUniqueId = new Map();
    for (const entry of MICROSOFT_UPDATE_CATALOG) {
      for (const language of LANGUAGES) {
        const suffix = language === 'English' ? '' : `/${language}`;
        byUniqueId.set(uniqueIdFor(`wsus/${entry.key}${suffix}`, seed), entry);
      }
    }
    entriesBySeed.set(seed, byUniqueId);
  }
  return byUniqueId.get(update.uniqueId);
}

/**
 * Recomputes what follows from the rest of the site: Deployed (in a deployment or a migrated SMS 2003 deployment),
 * Hidden (the LEGACY clean-up script), and Deployable to SMS 2003 of synchronized Microsoft updates (the ITMU catalog
 * holds them). Updates whose flags do not change stay the same objects.
 */
export function withDerivedUpdateFlags(state: SiteState): SiteState {
  const inMigrated = updatesInMigratedDeployments(state);
  const deployed = new Set([...inMigrated, ...state.deployments.flatMap((deployment) => deployment.updateIds)]);
  let changed = false;
  const softwareUpdates = state.softwareUpdates.map((update) => {
    const hidden = isHiddenByLegacyScript(update, state.facts, inMigrated);
    const isDeployed = deployed.has(update.id);
    let deployableToSms2003 = update.deployableToSms2003;
    if (!update.existedBeforeUpgrade && update.sourceCatalog === 'Microsoft Update') {
      const entry = catalogEntryOf(update, state.seed);
      if (entry) deployableToSms2003 = isCatalogEntryDeployableToSms2003(entry, state.facts);
    }
    if (
      hidden === update.hidden &&
      isDeployed === update.deployed &&
      deployableToSms2003 === update.deployableToSms2003
    ) {
      return update;
    }
    changed = true;
    return { ...update, hidden, deployed: isDeployed, deployableToSms2003 };
  });
  return changed ? { ...state, softwareUpdates } : state;
}
