import { catalogEntryOf } from '../after-upgrade/update-flags';
import { isOtherScanToolUpdate } from '../after-upgrade/catalog-rules';
import { formatDate } from '../format';
import type { SoftwareUpdate } from '../model/software-update';
import type { SiteState } from '../site-state';

/**
 * What the tabs of a software update's Properties show besides the update's own fields: where its article and bulletin
 * are published, why it is or is not Deployable to SMS 2003, its supersedence among the site's updates, and its content.
 */

/** The Knowledge Base article of an update, at the address the catalog of 2008 gave ("http://support.microsoft.com/kb/"). */
export function articleUrl(articleId: string): string | null {
  return /^\d+$/.test(articleId) ? `http://support.microsoft.com/kb/${articleId}` : null;
}

/** The security bulletin's page, at the address Microsoft published bulletins in 2008 (as the catalog's links are). */
export function bulletinUrl(bulletinId: string): string | null {
  return /^MS\d{2}-\d{3}$/i.test(bulletinId)
    ? `http://www.microsoft.com/technet/security/bulletin/${bulletinId.toLowerCase()}.mspx`
    : null;
}

export interface Sms2003Deployability {
  deployable: boolean;
  /** Why, in a sentence or two naming the rule. */
  reason: string;
}

/**
 * "Deployable to SMS 2003" and why: software updates from the Microsoft Update catalog can be deployed to SMS 2003
 * clients once the Inventory Tool for Microsoft Updates (ITMU) catalog holds them, and published custom updates can;
 * the other scan tools' updates cannot. The SMS 2003 Settings page of the Deploy Software Updates Wizard is available
 * only when every update of the deployment is deployable to SMS 2003.
 */
export function sms2003Deployability(update: SoftwareUpdate, state: SiteState): Sms2003Deployability {
  const deployable = update.deployableToSms2003;
  const catalogDate = state.facts?.itmuCatalogDate ?? '';
  if (isOtherScanToolUpdate(update)) {
    return {
      deployable,
      reason: `No: it comes from the ${update.sourceCatalog} catalog. Only updates the ITMU catalog holds (Microsoft Update) and published custom updates can be deployed to SMS 2003 clients.`,
    };
  }
  if (update.sourceCatalog === 'Custom Updates') {
    return deployable
      ? {
          deployable,
          reason: `Yes: it is a published custom update (Inventory Tool for Custom Updates), which SMS 2003 clients scan for.${update.expired ? ' It is expired, though, until the custom catalog is republished and the software update point synchronized.' : ''}`,
        }
      : { deployable, reason: 'No: the custom update is not published in the custom updates catalog.' };
  }
  if (update.existedBeforeUpgrade) {
    return deployable
      ? {
          deployable,
          reason: `Yes: SMS 2003 clients scanned for it with the Inventory Tool for Microsoft Updates before the upgrade, and the migrated value is kept.${update.expired ? ' It is expired, so new deployments cannot include it.' : ''}`,
        }
      : {
          deployable,
          reason:
            'No: the ITMU catalog did not hold it when the site was upgraded, so SMS 2003 clients never scanned for it.',
        };
  }
  const entry = catalogEntryOf(update, state.seed);
  if (deployable) {
    return {
      deployable,
      reason: `Yes: the ITMU catalog${catalogDate ? ` (synchronized up to the ${formatDate(catalogDate)} release)` : ''} holds it, so SMS 2003 clients scan for it with the Inventory Tool for Microsoft Updates.`,
    };
  }
  if (entry && !entry.inItmuCatalog) {
    return {
      deployable,
      reason:
        'No: Microsoft does not publish it in the ITMU catalog (Wsusscn2.cab), only to WSUS: it can be deployed to Configuration Manager clients only.',
    };
  }
  if (state.facts?.itmuRemovedAt) {
    return {
      deployable,
      reason: `No: the Inventory Tool for Microsoft Updates was removed on ${formatDate(state.facts.itmuRemovedAt)}, so no SMS 2003 client scans for updates any more.`,
    };
  }
  return {
    deployable,
    reason: `No, not yet: it was released on ${formatDate(update.dateReleased)}, after the last ITMU catalog the site synchronized${catalogDate ? ` (${formatDate(catalogDate)})` : ''}. It becomes deployable to SMS 2003 once the ITMU catalog synchronizes again (after the fix of Knowledge Base article 954474 is installed).`,
  };
}

export interface UpdateReference {
  id: string;
  /** Null when the administrator may not read that update: it is named by its CI ID only. */
  title: string | null;
}

export interface Supersedence {
  supersededBy: UpdateReference | null;
  supersedes: UpdateReference[];
}

/**
 * What the update supersedes and what supersedes it, among the site's updates; an update the administrator may not read
 * is named by its CI ID only.
 */
export function supersedenceOf(
  update: SoftwareUpdate,
  state: SiteState,
  mayRead: (updateId: string) => boolean,
): Supersedence {
  const reference = (id: string): UpdateReference => {
    const other = mayRead(id) ? state.softwareUpdates.find((candidate) => candidate.id === id) : undefined;
    return { id, title: other?.title ?? null };
  };
  return {
    supersededBy: update.supersededBy ? reference(update.supersededBy) : null,
    supersedes: state.softwareUpdates
      .filter((candidate) => candidate.supersededBy === update.id)
      .map((candidate) => reference(candidate.id)),
  };
}

export interface ContentFile {
  name: string;
  sizeKb: number;
}

export interface PackageReference {
  id: string;
  name: string | null;
  kind: 'Deployment package' | 'SMS 2003 package';
}

export interface ContentInformation {
  files: ContentFile[];
  sizeKb: number;
  downloaded: boolean;
  sourcePath: string;
  packages: PackageReference[];
}

/**
 * The update's content: its file (the last part of its source path or download address), size, whether it is downloaded, and the packages
 * that hold it (deployment packages, and for a migrated update the SMS 2003 packages it was distributed in). A package
 * the administrator may not read is named by its ID only.
 */
export function contentOf(
  update: SoftwareUpdate,
  state: SiteState,
  mayReadPackage: (kind: PackageReference['kind'], id: string) => boolean,
): ContentInformation {
  // The last part of a UNC path (\\CEN-SMS01\...) or of a download address (http://download.windowsupdate.com/...).
  const name =
    update.sourcePath
      .split(/[\\/]/)
      .filter((part) => part !== '')
      .at(-1) ?? update.sourcePath;
  const packages: PackageReference[] = [
    ...state.deploymentPackages
      .filter((pkg) => pkg.updateIds.includes(update.id))
      .map((pkg) => ({ id: pkg.id, name: pkg.name, kind: 'Deployment package' as const })),
    ...state.packages
      .filter((pkg) => pkg.updateIds.includes(update.id))
      .map((pkg) => ({ id: pkg.id, name: pkg.name, kind: 'SMS 2003 package' as const })),
  ].map((pkg) => (mayReadPackage(pkg.kind, pkg.id) ? pkg : { ...pkg, name: null }));
  return {
    files: name ? [{ name, sizeKb: update.sizeKb }] : [],
    sizeKb: update.sizeKb,
    downloaded: update.downloaded,
    sourcePath: update.sourcePath,
    packages,
  };
}
