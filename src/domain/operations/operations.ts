import { z } from 'zod';
import { RuleViolation } from '../rule-violation';
import {
  applySearchFolderOperation,
  createSearchFolderOperationSchema,
  deleteSearchFolderOperationSchema,
  renameSearchFolderOperationSchema,
} from '../search-folders/search-folder-operations';
import { CONTOSO } from '../scenario/contoso-names';
import type { Scale } from '../scenario/scale';
import type { SiteState } from '../site-state';
import { presentSms2003Site } from '../sms2003/present-sms2003-site';
import type { Sms2003Site } from '../sms2003/sms2003-site';
import { upgradeSite } from '../upgrade/upgrade-site';

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

/** Applies one operation, or throws RuleViolation and leaves the world as it was. */
export function applyOperation(world: SiteWorld, operation: Operation, scale: Scale): SiteWorld {
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
          startedAt: world.sms2003.clock,
          siteCode: CONTOSO.sites.central.code,
        },
        scale,
      );
      return { ...world, configMgr };
    }
    case 'create-search-folder':
    case 'rename-search-folder':
    case 'delete-search-folder':
      return { ...world, configMgr: applySearchFolderOperation(world.configMgr, operation) };
  }
}
