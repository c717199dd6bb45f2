import type { Advertisement, AfterUpgradeFacts, SiteSystem, StatusMessage } from '../model/after-upgrade-objects';
import type { Collection } from '../model/site-objects';
import { CONTOSO } from '../scenario/contoso-names';
import type { SiteState } from '../site-state';
import type { Sms2003Site } from '../sms2003/sms2003-site';

/** The roles of the central site server after Setup; the software update point is added by the administrator. */
export const SITE_SERVER_ROLES = [
  'ConfigMgr site server',
  'ConfigMgr site system',
  'ConfigMgr component server',
  'ConfigMgr distribution point',
  'ConfigMgr management point',
  'ConfigMgr reporting point',
] as const;
export const SOFTWARE_UPDATE_POINT_ROLE = 'ConfigMgr software update point';

/** The Microsoft Updates Tool Sync advertisement: runs the ITMU catalog synchronization on the synchronization host. */
export const ITMU_SYNC_ADVERTISEMENT_ID = 'CEN2000B';
export const ITMU_SCAN_ADVERTISEMENT_ID = 'CEN2000A';
export const ITMU_PACKAGE_ID = 'CEN00005';

/**
 * The scan tools' advertisements (Software Distribution > Advertisements). Setup keeps them: "ITMU objects after
 * upgrade live in the normal Software Distribution nodes" (reference/configmgr-2007-console.md).
 */
export function scanToolAdvertisements(sms2003: Sms2003Site, collections: readonly Collection[]): Advertisement[] {
  const collectionName = (id: string) => collections.find((c) => c.id === id)?.name ?? id;
  const byName = (name: string) => collections.find((c) => c.name === name)?.id ?? '';
  const packageOf = (scanTool: string) => sms2003.scanToolPackages.find((p) => p.scanTool === scanTool);
  const advertisement = (
    id: string,
    name: string,
    scanTool: string,
    programName: string,
    collectionId: string,
    synchronizesCatalog: boolean,
  ): Advertisement[] => {
    const pkg = packageOf(scanTool);
    if (!pkg) return [];
    return [
      {
        id,
        name,
        packageId: pkg.packageId,
        packageName: pkg.name,
        programName,
        collectionId,
        collectionName: collectionName(collectionId),
        scanTool,
        synchronizesCatalog,
        lastRunAt: null,
        lastRunStatus: 'Not run since the upgrade.',
      },
    ];
  };
  const { itmu, itcu, suit, officeInventory } = CONTOSO.scanTools;
  const all = byName(CONTOSO.collections.allSystems);
  return [
    ...advertisement(ITMU_SCAN_ADVERTISEMENT_ID, 'Microsoft Updates Tool', itmu, 'Microsoft Updates Tool', all, false),
    ...advertisement(
      ITMU_SYNC_ADVERTISEMENT_ID,
      'Microsoft Updates Tool Sync',
      itmu,
      'Microsoft Updates Tool Sync',
      byName(CONTOSO.collections.microsoftUpdatesToolSync),
      true,
    ),
    ...advertisement('CEN2000C', 'Custom Updates Tool', itcu, 'Custom Updates Tool', all, false),
    ...advertisement('CEN2000D', 'Security Update Inventory Tool', suit, 'Security Update Inventory Tool', all, false),
    ...advertisement(
      'CEN2000E',
      'Office Inventory Tool',
      officeInventory,
      'Office Inventory Tool',
      byName(CONTOSO.collections.allWindowsXp),
      false,
    ),
  ];
}

/** The site systems of the central site right after Setup. */
export function siteSystemsAfterSetup(sms2003: Sms2003Site, siteCode: string): SiteSystem[] {
  const site = sms2003.sites.find((candidate) => candidate.code === siteCode);
  if (!site) return [];
  return [{ id: site.serverName, name: `\\\\${site.serverName}`, siteCode, roles: [...SITE_SERVER_ROLES] }];
}

export function factsAfterSetup(sms2003: Sms2003Site): AfterUpgradeFacts {
  const itmu = sms2003.scanTools.find((tool) => tool.name === CONTOSO.scanTools.itmu);
  return {
    siteServerUpdates: [],
    itmuCatalogDate: itmu?.catalogDate ?? CONTOSO.lastWorkingItmuCatalog,
    itmuRemovedAt: null,
    customCatalogRepublishedAt: null,
    legacyScriptRunAt: null,
    otherScanToolUpdatesRemovalAt: null,
    otherScanToolUpdatesRemovedAt: null,
    lastJobNumber: 0,
    lastMessageNumber: 0,
    publishedCustomUpdates: [],
  };
}

/** The after-upgrade fields of a site that has not been upgraded (the Before upgrade view): nothing yet. */
export function noAfterUpgradeFields(
  sms2003: Sms2003Site,
): Pick<SiteState, 'advertisements' | 'siteSystems' | 'softwareUpdatePoint' | 'jobs' | 'statusMessages' | 'facts'> {
  return {
    advertisements: [],
    siteSystems: [],
    softwareUpdatePoint: null,
    jobs: [],
    statusMessages: [] as StatusMessage[],
    facts: factsAfterSetup(sms2003),
  };
}
