import {
  AFTER_UPGRADE_OPERATION_SCHEMAS,
  AFTER_UPGRADE_OPERATION_TYPES,
  applyAfterUpgradeOperation,
  type AfterUpgradeOperation,
} from '../after-upgrade/after-upgrade-operations';
import { startItmuCatalogSync } from '../after-upgrade/itmu-catalog';
import {
  applyDeploymentOperation,
  DEPLOYMENT_OPERATION_SCHEMAS,
  DEPLOYMENT_OPERATION_TYPES,
  type DeploymentOperation,
} from '../deployments/deployment-operations';
import { advanceSite, nextEventAt } from '../after-upgrade/site-events';
import { applyCollectionOperation, COLLECTION_OPERATION_SCHEMAS } from '../collections/collection-properties';
import {
  updateDeploymentProperties,
  updateDeploymentPropertiesOperationSchema,
} from '../deployments/deployment-properties';
import {
  applyDeploymentPackageOperation,
  DEPLOYMENT_PACKAGE_OPERATION_SCHEMAS,
  DEPLOYMENT_PACKAGE_OPERATION_TYPES,
  type DeploymentPackageOperation,
} from '../deployment-packages/deployment-package-operations';
import { operationTimeSchema } from './operation-time';
import { z } from 'zod';
import { RuleViolation } from '../rule-violation';
import {
  applySearchFolderOperation,
  createSearchFolderOperationSchema,
  deleteSearchFolderOperationSchema,
  renameSearchFolderOperationSchema,
} from '../search-folders/search-folder-operations';
import {
  applySecurityRightsOperation,
  SECURITY_RIGHTS_OPERATION_SCHEMAS,
  SECURITY_RIGHTS_OPERATION_TYPES,
  type SecurityRightsOperation,
} from '../rights/security-rights-operations';
import { CONTOSO } from '../scenario/contoso-names';
import type { Scale } from '../scenario/scale';
import type { SiteState } from '../site-state';
import { presentSms2003Site } from '../sms2003/present-sms2003-site';
import type { Sms2003Site } from '../sms2003/sms2003-site';
import { upgradeSite } from '../upgrade/upgrade-site';
import {
  applySoftwareUpdateOperation,
  SOFTWARE_UPDATE_OPERATION_SCHEMAS,
  SOFTWARE_UPDATE_OPERATION_TYPES,
  type SoftwareUpdateOperation,
} from '../software-updates/max-run-time';
import { summarizeHomepage } from '../homepage-summary/homepage-summary';
import {
  applyHomepageOperation,
  HOMEPAGE_OPERATION_SCHEMAS,
  HOMEPAGE_OPERATION_TYPES,
  type HomepageOperation,
} from '../homepage-summary/homepage-summary-operations';
import {
  applyUpdateListOperation,
  UPDATE_LIST_OPERATION_SCHEMAS,
  UPDATE_LIST_OPERATION_TYPES,
  type UpdateListOperation,
} from '../update-lists/update-list-operations';

/** A UNC path such as \\CEN-SMS01\Catalog\wsusscn2.cab. */
export const uncPathSchema = z
  .string()
  .max(260, 'the path must be at most 260 characters')
  .regex(
    /^\\\\[^\\/:*?"<>|\s]+\\[^/:*?"<>|]+/,
    'the path must be a UNC path such as \\\\CEN-SMS01\\Catalog\\wsusscn2.cab',
  );

/** Run Configuration Manager 2007 Setup on the central site: the upgrade. */
export const runSetupSchema = z
  .object({
    at: operationTimeSchema,
    type: z.literal('run-setup'),
    runBy: z.string(),
    catalogSource: z.enum(['internet', 'local']),
    localCatalogPath: uncPathSchema.optional(),
  })
  .refine((op) => op.catalogSource !== 'local' || op.localCatalogPath !== undefined, {
    message: 'a local catalog source needs localCatalogPath',
    path: ['localCatalogPath'],
  });

/**
 * Everything the console can do to the site, as log entries: the saved site is its start plus these, in order
 * (DESIGN.md, "a seed and a log"). Later issues add their operations here.
 */
export const operationSchema = z.discriminatedUnion('type', [
  runSetupSchema,
  createSearchFolderOperationSchema,
  renameSearchFolderOperationSchema,
  deleteSearchFolderOperationSchema,
  ...AFTER_UPGRADE_OPERATION_SCHEMAS,
  ...DEPLOYMENT_OPERATION_SCHEMAS,
  ...SECURITY_RIGHTS_OPERATION_SCHEMAS,
  ...SOFTWARE_UPDATE_OPERATION_SCHEMAS,
  updateDeploymentPropertiesOperationSchema,
  ...COLLECTION_OPERATION_SCHEMAS,
  ...UPDATE_LIST_OPERATION_SCHEMAS,
  ...DEPLOYMENT_PACKAGE_OPERATION_SCHEMAS,
  ...HOMEPAGE_OPERATION_SCHEMAS,
]);
export type Operation = z.infer<typeof operationSchema>;

/**
 * The whole site at one moment: the SMS 2003 site as it was, and, once Setup has run, the Configuration Manager site
 * it became. Keeping both lets the migration report say what became of every SMS 2003 object.
 */
export interface SiteWorld {
  sms2003: Sms2003Site;
  configMgr: SiteState | null;
}

/** The site as the console and the API see it now. */
export function currentView(world: SiteWorld, scale: Scale): SiteState {
  return world.configMgr ?? presentSms2003Site(world.sms2003, scale);
}

/**
 * The world once its site clock has reached `to`: jobs that ended by then have had their effects (see advanceSite).
 * The same world comes back when nothing happened.
 */
export function advanceWorld(world: SiteWorld, to: string): SiteWorld {
  if (!world.configMgr) return world;
  const advanced = advanceSite(world.configMgr, to);
  return advanced === world.configMgr ? world : { ...world, configMgr: advanced };
}

/** When something next happens on its own in the world (a job ends), or null. */
export function nextWorldEventAt(world: SiteWorld): string | null {
  return world.configMgr ? nextEventAt(world.configMgr) : null;
}

/**
 * Applies one operation at its time (`operation.at`, else the site's own time): the world first reaches that time,
 * then the operation happens. Throws RuleViolation and leaves the world as it was when a rule refuses it.
 */
export function applyOperation(world: SiteWorld, operation: Operation, scale: Scale): SiteWorld {
  const reached = operation.at ? advanceWorld(world, operation.at) : world;
  const at = operation.at ?? reached.configMgr?.clock ?? reached.sms2003.clock;
  const next = applyAt(reached, operation, scale, at);
  if (!next.configMgr || Date.parse(next.configMgr.clock) >= Date.parse(at)) return next;
  return { ...next, configMgr: { ...next.configMgr, clock: at } };
}

function applyAt(world: SiteWorld, operation: Operation, scale: Scale, at: string): SiteWorld {
  if (DEPLOYMENT_OPERATION_TYPES.has(operation.type)) {
    return { ...world, configMgr: applyDeploymentOperation(world.configMgr, operation as DeploymentOperation, at) };
  }
  if (UPDATE_LIST_OPERATION_TYPES.has(operation.type)) {
    return { ...world, configMgr: applyUpdateListOperation(world.configMgr, operation as UpdateListOperation, at) };
  }
  if (DEPLOYMENT_PACKAGE_OPERATION_TYPES.has(operation.type)) {
    const packageOperation = operation as DeploymentPackageOperation;
    return { ...world, configMgr: applyDeploymentPackageOperation(world.configMgr, packageOperation, at) };
  }
  if (HOMEPAGE_OPERATION_TYPES.has(operation.type)) {
    return { ...world, configMgr: applyHomepageOperation(world.configMgr, operation as HomepageOperation, at) };
  }
  if (SOFTWARE_UPDATE_OPERATION_TYPES.has(operation.type)) {
    return { ...world, configMgr: applySoftwareUpdateOperation(world.configMgr, operation as SoftwareUpdateOperation) };
  }
  if (SECURITY_RIGHTS_OPERATION_TYPES.has(operation.type)) {
    return { ...world, configMgr: applySecurityRightsOperation(world.configMgr, operation as SecurityRightsOperation) };
  }
  if (AFTER_UPGRADE_OPERATION_TYPES.has(operation.type)) {
    return { ...world, configMgr: applyAfterUpgradeOperation(world.configMgr, operation as AfterUpgradeOperation, at) };
  }
  switch (operation.type) {
    case 'run-setup': {
      if (world.configMgr) {
        throw new RuleViolation(
          'site-already-upgraded',
          `Site ${CONTOSO.sites.central.code} already runs Configuration Manager 2007: Setup cannot upgrade it again.`,
        );
      }
      const configMgr = upgradeSite(
        world.sms2003,
        {
          runBy: operation.runBy,
          catalogSource: operation.catalogSource,
          localCatalogPath: operation.localCatalogPath,
          startedAt:
            operation.at && Date.parse(operation.at) > Date.parse(world.sms2003.clock)
              ? operation.at
              : world.sms2003.clock,
          siteCode: CONTOSO.sites.central.code,
        },
        scale,
      );
      // "After the Inventory Tool for Microsoft Updates is upgraded, the Microsoft Updates catalog is automatically
      // synchronized using the Microsoft Updates Tool Sync advertisement."
      const itmuUpgraded = configMgr.scanTools.some((tool) => tool.name === CONTOSO.scanTools.itmu);
      const syncing = itmuUpgraded ? startItmuCatalogSync(configMgr, operation.runBy, configMgr.clock) : configMgr;
      // The Software Updates home page is first summarized as the site comes up, then on its schedule.
      return { ...world, configMgr: summarizeHomepage(syncing, syncing.clock, null) };
    }
    case 'update-deployment-properties':
      return { ...world, configMgr: updateDeploymentProperties(world.configMgr, operation, at) };
    case 'update-collection-comment':
      return { ...world, configMgr: applyCollectionOperation(world.configMgr, operation) };
    case 'create-search-folder':
    case 'rename-search-folder':
    case 'delete-search-folder':
      return { ...world, configMgr: applySearchFolderOperation(world.configMgr, operation) };
    default:
      throw new RuleViolation('unknown-operation', `The console does not know the operation ${operation.type}.`);
  }
}
