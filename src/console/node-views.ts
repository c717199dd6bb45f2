import type { ResourceName } from '@/domain/query/resources';
import { collectionView } from '@/features/collections/collection-view';
import { deploymentView } from '@/features/deployment-management/deployment-view';
import { deploymentPackageView } from '@/features/deployment-packages/deployment-package-view';
import { deploymentTemplateView } from '@/features/deployment-templates/deployment-template-view';
import { searchFolderView } from '@/features/search-folders/search-folder-view';
import { siteView } from '@/features/site-management/site-view';
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
  'setup-log': erase(setupLogView),
  'migration-report': erase(migrationReportView),
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
