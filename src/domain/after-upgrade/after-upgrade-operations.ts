import { operationTimeSchema } from '../operations/operation-time';
import { z } from 'zod';
import type { SiteState } from '../site-state';
import {
  removeItmu,
  removeItmuSchema,
  upgradeChildSite,
  upgradeChildSiteSchema,
  upgradeClients,
  upgradeClientsSchema,
} from './client-upgrade';
import { republishCustomCatalog, republishCustomCatalogSchema } from './custom-catalog';
import { publishCustomUpdate, publishCustomUpdateSchema } from './custom-update-publishing';
import {
  installSiteServerUpdate,
  installSiteServerUpdateSchema,
  runAdvertisement,
  runAdvertisementSchema,
} from './itmu-catalog';
import { cancelJob } from './jobs';
import {
  deleteSms2003Advertisement,
  deleteSms2003AdvertisementSchema,
  removeUpdatesFromDeployment,
  removeUpdatesFromDeploymentSchema,
  removeUpdatesFromSms2003Advertisement,
  removeUpdatesFromSms2003AdvertisementSchema,
  runLegacyCleanupScript,
  runLegacyCleanupScriptSchema,
} from './legacy-cleanup';
import {
  changePackageSource,
  changePackageSourceSchema,
  updateDistributionPoints,
  updateDistributionPointsSchema,
} from './package-source';
import { requireConfigMgrSite } from './catalog-rules';
import {
  configureSoftwareUpdatePoint,
  configureSoftwareUpdatePointSchema,
  startSoftwareUpdatePointSync,
  synchronizeSoftwareUpdatesSchema,
} from './software-update-point';

export const cancelJobSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('cancel-job'),
  jobId: z.string().min(1).max(16),
  by: z.string(),
});

/** The operations of the site after the upgrade (issue "After the upgrade"), each a log entry. */
export const AFTER_UPGRADE_OPERATION_SCHEMAS = [
  configureSoftwareUpdatePointSchema,
  synchronizeSoftwareUpdatesSchema,
  runAdvertisementSchema,
  installSiteServerUpdateSchema,
  republishCustomCatalogSchema,
  publishCustomUpdateSchema,
  runLegacyCleanupScriptSchema,
  deleteSms2003AdvertisementSchema,
  removeUpdatesFromSms2003AdvertisementSchema,
  removeUpdatesFromDeploymentSchema,
  changePackageSourceSchema,
  updateDistributionPointsSchema,
  upgradeClientsSchema,
  upgradeChildSiteSchema,
  removeItmuSchema,
  cancelJobSchema,
] as const;

export type AfterUpgradeOperation = z.infer<(typeof AFTER_UPGRADE_OPERATION_SCHEMAS)[number]>;
export const AFTER_UPGRADE_OPERATION_TYPES: ReadonlySet<string> = new Set(
  AFTER_UPGRADE_OPERATION_SCHEMAS.map((schema) => schema.shape.type.value),
);

/** Applies one after-upgrade operation at site time `at`, or throws RuleViolation and changes nothing. */
export function applyAfterUpgradeOperation(
  site: SiteState | null,
  operation: AfterUpgradeOperation,
  at: string,
): SiteState {
  switch (operation.type) {
    case 'configure-software-update-point':
      return configureSoftwareUpdatePoint(site, operation, at);
    case 'synchronize-software-updates':
      return startSoftwareUpdatePointSync(site, operation.by, at);
    case 'run-advertisement':
      return runAdvertisement(site, operation, at);
    case 'install-site-server-update':
      return installSiteServerUpdate(site, operation.articleId, operation.by, at);
    case 'republish-custom-catalog':
      return republishCustomCatalog(site, operation.by, at);
    case 'publish-custom-update':
      return publishCustomUpdate(site, operation, at);
    case 'run-legacy-cleanup-script':
      return runLegacyCleanupScript(site, operation.by, at);
    case 'delete-sms2003-advertisement':
      return deleteSms2003Advertisement(site, operation.advertisementId, operation.by, at);
    case 'remove-updates-from-sms2003-advertisement':
      return removeUpdatesFromSms2003Advertisement(
        site,
        operation.advertisementId,
        operation.updateIds,
        operation.by,
        at,
      );
    case 'remove-updates-from-deployment':
      return removeUpdatesFromDeployment(site, operation.deploymentId, operation.updateIds, operation.by, at);
    case 'change-package-source':
      return changePackageSource(site, operation.packageId, operation.sourcePath, operation.by, at);
    case 'update-distribution-points':
      return updateDistributionPoints(site, operation.packageId, operation.by, at);
    case 'upgrade-clients':
      return upgradeClients(site, operation.collectionId, operation.by, at);
    case 'upgrade-child-site':
      return upgradeChildSite(site, operation.siteCode, operation.by, at);
    case 'remove-itmu':
      return removeItmu(site, operation.by, at);
    case 'cancel-job':
      return cancelJob(requireConfigMgrSite(site, 'Cancelling a job'), operation.jobId, operation.by, at);
  }
}
