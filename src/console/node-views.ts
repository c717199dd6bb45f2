import { RESOURCES, type ResourceName } from '@/domain/query/resources';
import { clientView } from '@/features/collections/client-view';
import { collectionView } from '@/features/collections/collection-view';
import { siteSystemView } from '@/features/site-systems/site-system-view';
import { advertisementView } from '@/features/software-distribution/advertisement-view';
import { statusMessageView } from '@/features/status-messages/status-message-view';
import { auditLogView } from '@/features/audit-log/audit-log-view';
import { deploymentView } from '@/features/deployment-management/deployment-view';
import { deploymentPackageView } from '@/features/deployment-packages/deployment-package-view';
import {
  packageAccessAccountView,
  packageDistributionPointView,
} from '@/features/deployment-packages/package-child-views';
import { deploymentTemplateView } from '@/features/deployment-templates/deployment-template-view';
import { searchFolderView } from '@/features/search-folders/search-folder-view';
import { siteView } from '@/features/site-management/site-view';
import { securityRightsView } from '@/features/security-rights/security-rights-view';
import { migrationReportView, setupLogView } from '@/features/site-upgrade/upgrade-views';
import {
  sms2003AdvertisementView,
  sms2003SiteAdvertisementView,
} from '@/features/sms2003-advertisements/sms2003-advertisement-view';
import { packageView } from '@/features/software-distribution/package-view';
import {
  sms2003SoftwareUpdatesView,
  softwareUpdatesHomeView,
  updateRepositoryView,
} from '@/features/software-updates/software-update-views';
import { updateListView } from '@/features/update-lists/update-list-view';
import { reportView } from '@/features/reports/report-view';
import type { ViewConfig } from '@/ui/view-config';

export type AnyObject = { id: string } & Record<string, unknown>;

// Each feature's view is typed against its own objects; the console handles them as plain objects from the API.
const erase = <T>(view: ViewConfig<T>) => view as unknown as ViewConfig<AnyObject>;

const BY_RESOURCE: Record<ResourceName, ViewConfig<AnyObject>> = {
  'software-updates': erase(updateRepositoryView),
  'update-lists': erase(updateListView),
  'deployment-templates': erase(deploymentTemplateView),
  deployments: erase(deploymentView),
  'sms2003-advertisements': erase(sms2003AdvertisementView),
  'deployment-packages': erase(deploymentPackageView),
  'search-folders': erase(searchFolderView),
  collections: erase(collectionView),
  packages: erase(packageView),
  sites: erase(siteView),
  'security-rights': erase(securityRightsView),
  'setup-log': erase(setupLogView),
  'migration-report': erase(migrationReportView),
  clients: erase(clientView),
  advertisements: erase(advertisementView),
  'site-systems': erase(siteSystemView),
  'status-messages': erase(statusMessageView),
  'audit-log': erase(auditLogView),
  'deployment-package-access-accounts': erase(packageAccessAccountView),
  'deployment-package-distribution-points': erase(packageDistributionPointView),
  reports: erase(reportView),
};

/**
 * How a node shows its objects; the Software Updates node itself is the home page summary, and the SMS 2003 console's
 * nodes (Before upgrade) have their own columns.
 */
export function viewForNode(kind: string, resource: ResourceName): ViewConfig<AnyObject> {
  if (kind === 'software-updates') return erase(softwareUpdatesHomeView);
  if (kind === 'sms2003-software-updates') return erase(sms2003SoftwareUpdatesView);
  if (kind === 'sms2003-advertisements-list') return erase(sms2003SiteAdvertisementView);
  return BY_RESOURCE[resource];
}

/** Views that share a column layout: Update Repository, its folders and search folders are one view. */
export function viewKeyFor(kind: string, resource: ResourceName): string {
  if (resource === 'software-updates' && kind !== 'software-updates' && kind !== 'sms2003-software-updates') {
    return 'update-repository';
  }
  return `${resource}:${kind}`;
}

/** The view's columns in the administrator's remembered layout (unknown keys dropped), or its defaults. */
export function columnsInLayout(
  view: ViewConfig<AnyObject>,
  resource: ResourceName,
  layout: string[] | null,
): ViewConfig<AnyObject>['columns'] {
  if (!layout) return view.columns;
  const known = new Set(RESOURCES[resource].fields.map((field) => field.key));
  const defaults = new Map(view.columns.map((column) => [column.key, column]));
  const columns = layout
    .filter((key) => known.has(key))
    .map((key) => defaults.get(key) ?? { key, width: defaultWidth(resource, key) });
  return columns.length > 0 ? columns : view.columns;
}

function defaultWidth(resource: ResourceName, key: string): number {
  const field = RESOURCES[resource].fields.find((candidate) => candidate.key === key);
  if (!field) return 120;
  return field.kind === 'text' ? 200 : Math.max(80, field.caption.length * 8 + 24);
}
