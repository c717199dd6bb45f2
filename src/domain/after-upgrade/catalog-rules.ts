import type { AfterUpgradeFacts } from '../model/after-upgrade-objects';
import type { SoftwareUpdate, SourceCatalog } from '../model/software-update';
import { CONTOSO } from '../scenario/contoso-names';
import type { CatalogEntry } from '../scenario/microsoft-update-catalog';
import type { SiteState } from '../site-state';
import { RuleViolation } from '../rule-violation';

/** The update to UpdateWUSCatalog.exe that lets the ITMU catalog synchronization handle the June 10, 2008 catalog. */
export const KB954474 = '954474';

/** The scan tools whose catalogs cannot be synchronized after the upgrade ("very limited support"). */
export const OTHER_SCAN_TOOL_CATALOGS: readonly SourceCatalog[] = [
  'Security Update Inventory Tool',
  'Office Inventory Tool',
];

/**
 * Days an expired update of another scan tool's catalog stays in the site database after the first synchronization,
 * before the site removes it. The planning topic says only "will eventually be removed"; one week is this console's
 * choice (UNVERIFIED against the product's own retention).
 */
export const OTHER_SCAN_TOOL_RETENTION_DAYS = 7;

export function isOtherScanToolUpdate(update: Pick<SoftwareUpdate, 'sourceCatalog'>): boolean {
  return OTHER_SCAN_TOOL_CATALOGS.includes(update.sourceCatalog);
}

/**
 * "During the June 10, 2008 release of the Microsoft Update catalog, additional metadata that is associated with
 * Microsoft Office 2003 Service Pack 1 was added to the Wsusscn2.cab file. The catalog synchronization process
 * (UpdateWUSCatalog.exe) was not designed to handle the specific changes, and as a result, synchronization for the
 * Inventory Tool for Microsoft Updates fails" until the update of KB 954474 is installed on the site server.
 */
export function itmuSyncFails(catalogRelease: string, facts: Pick<AfterUpgradeFacts, 'siteServerUpdates'>): boolean {
  return catalogRelease >= CONTOSO.brokenItmuCatalogRelease && !facts.siteServerUpdates.includes(KB954474);
}

/**
 * "Deployable to SMS 2003" of a Microsoft Update catalog update: yes once the ITMU catalog holds it, so an update
 * released after the last catalog the ITMU synchronized becomes deployable only when that catalog synchronizes again.
 */
export function isCatalogEntryDeployableToSms2003(
  entry: Pick<CatalogEntry, 'inItmuCatalog' | 'dateReleased'>,
  facts: Pick<AfterUpgradeFacts, 'itmuCatalogDate' | 'itmuRemovedAt'>,
): boolean {
  return entry.inItmuCatalog && facts.itmuRemovedAt === null && entry.dateReleased <= facts.itmuCatalogDate;
}

/** The newest Microsoft Update catalog release at a site time (the catalog is released with each bulletin day). */
export function latestCatalogRelease(releaseDates: readonly string[], now: string): string {
  const day = now.slice(0, 10);
  let latest = '';
  for (const date of releaseDates) if (date <= day && date > latest) latest = date;
  return latest;
}

/** Throws unless the site runs Configuration Manager 2007 (the after-upgrade actions need it). */
export function requireConfigMgrSite(state: SiteState | null, action: string): SiteState {
  if (!state || state.phase !== 'configmgr') {
    throw new RuleViolation(
      'site-not-upgraded',
      `${action} needs Configuration Manager 2007: run Setup to upgrade site ${CONTOSO.sites.central.code} first.`,
    );
  }
  return state;
}

/**
 * Why an update cannot be deployed from the site server now, or null when nothing in the after-upgrade rules stops it.
 * "Software updates from only the Microsoft Updates and custom software updates catalogs can be synchronized. All
 * other software updates will remain in an expired state, ... cannot be deployed to client computers".
 */
export function whyUpdateCannotBeDeployed(update: SoftwareUpdate): string | null {
  if (isOtherScanToolUpdate(update)) {
    return (
      `${update.title} comes from the ${update.sourceCatalog} catalog: new deployments are not supported for software ` +
      'updates in catalogs from other inventory scan tools, and it stays expired.'
    );
  }
  if (update.expired) {
    return `${update.title} is expired: an expired update cannot be deployed until synchronization puts it back into an active state.`;
  }
  return null;
}
