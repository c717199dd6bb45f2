import { z } from 'zod';
import { packageAccessAccountSchema, packageDistributionPointSchema } from '../deployment-packages/package-content';
import { softwareUpdateSchema } from '../model/software-update';
import { migrationReportRowSchema, setupLogLineSchema } from '../model/upgrade-records';
import { advertisementSchema, siteSystemSchema, statusMessageSchema } from '../model/after-upgrade-objects';
import {
  administratorSchema,
  clientSchema,
  collectionSchema,
  deploymentPackageSchema,
  deploymentSchema,
  deploymentTemplateSchema,
  packageSchema,
  searchFolderSchema,
  siteSchema,
  sms2003AdvertisementSchema,
  updateListSchema,
} from '../model/site-objects';
import type { ResourceName } from '../query/resources';
import { auditEntrySchema } from '../audit/audit-entry';
import { rightSchema } from '../rights/rights';
import { securityRightRowSchema } from '../rights/security-rights';
import { reportSchema } from '../reports/report-result';
import { STAGES } from '../scenario/contoso-names';

/**
 * The HTTP contract between the mock backend (src/server) and the typed client (src/api): both parse with these
 * schemas, so a request the server accepts is one the client can make, and a response the client reads is one the
 * server wrote. Documented in docs/api.md.
 */

export const MAX_LIST_LIMIT = 1000;
export const DEFAULT_LIST_LIMIT = 100;

const integerParam = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === '') return fallback;
      if (!/^\d+$/.test(value)) {
        context.addIssue({ code: 'custom', message: `${name} must be a whole number, not "${value}"` });
        return z.NEVER;
      }
      const parsed = Number(value);
      if (parsed < min || parsed > max) {
        context.addIssue({ code: 'custom', message: `${name} must be between ${min} and ${max}, not ${parsed}` });
        return z.NEVER;
      }
      return parsed;
    });

/** Query string of every list endpoint: GET /api/<resource>?node=&q=&searchIn=&sort=&offset=&limit= */
export const listQuerySchema = z.object({
  node: z.string().max(300, 'node must be at most 300 characters').optional(),
  q: z.string().max(200, 'q (Look for) must be at most 200 characters').optional().default(''),
  searchIn: z
    .string()
    .regex(/^[A-Za-z0-9]+$/, 'searchIn must be "all" or a column key such as "title"')
    .optional()
    .default('all'),
  sort: z
    .string()
    .regex(/^[A-Za-z0-9]+:(asc|desc)$/, 'sort must look like "title:asc" or "title:desc"')
    .optional(),
  offset: integerParam('offset', 0, 10_000_000, 0),
  limit: integerParam('limit', 1, MAX_LIST_LIMIT, DEFAULT_LIST_LIMIT),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const listResponseSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    offset: z.number().int().nonnegative(),
    limit: z.number().int().positive(),
  });
export type ListResponse<T> = { items: T[]; total: number; offset: number; limit: number };

export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
] as const;
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    field: z.string().optional(),
    rule: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const RESOURCE_ITEM_SCHEMAS = {
  'software-updates': softwareUpdateSchema,
  'update-lists': updateListSchema,
  'deployment-templates': deploymentTemplateSchema,
  deployments: deploymentSchema,
  'sms2003-advertisements': sms2003AdvertisementSchema,
  'deployment-packages': deploymentPackageSchema,
  'search-folders': searchFolderSchema,
  collections: collectionSchema,
  packages: packageSchema,
  sites: siteSchema,
  'security-rights': securityRightRowSchema,
  'setup-log': setupLogLineSchema,
  'migration-report': migrationReportRowSchema,
  clients: clientSchema,
  advertisements: advertisementSchema,
  'site-systems': siteSystemSchema,
  'status-messages': statusMessageSchema,
  'audit-log': auditEntrySchema,
  'deployment-package-access-accounts': packageAccessAccountSchema,
  'deployment-package-distribution-points': packageDistributionPointSchema,
  reports: reportSchema,
} as const satisfies Record<ResourceName, z.ZodType>;
export type ResourceItem<R extends ResourceName> = z.infer<(typeof RESOURCE_ITEM_SCHEMAS)[R]>;

/** An object with the rights the caller holds on it (the Properties dialog shows them). */
export const objectResponseSchema = <T extends z.ZodType>(item: T) => z.object({ item, rights: z.array(rightSchema) });

export const stageIdSchema = z.enum(STAGES.map((stage) => stage.id) as [string, ...string[]]);

export const sessionSchema = z.object({
  site: z.object({ code: z.string(), name: z.string(), version: z.string() }),
  /** sms2003 before Setup has run, configmgr after. */
  phase: z.enum(['sms2003', 'configmgr']),
  /** The node the console opens for this phase. */
  defaultNodeId: z.string(),
  stage: z.string(),
  stages: z.array(z.object({ id: z.string(), name: z.string(), available: z.boolean() })),
  /** The site clock now, and how it runs (site seconds per real second; paused). */
  clock: z.string(),
  clockSpeed: z.number(),
  clockPaused: z.boolean(),
  administrators: z.array(administratorSchema),
  /** Something the console should tell the user once (a saved state that could not be read, ...). */
  notice: z.string().nullable(),
});
export type Session = z.infer<typeof sessionSchema>;

export interface ConsoleTreeNode {
  id: string;
  name: string;
  kind: string;
  resource: string | null;
  children: ConsoleTreeNode[];
}
export const consoleTreeNodeSchema: z.ZodType<ConsoleTreeNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    resource: z.string().nullable(),
    children: z.array(consoleTreeNodeSchema),
  }),
);

const SOFTWARE_UPDATES_RANGE = 'softwareUpdates must be a whole number from 0 to 50000';
/**
 * POST /api/demo/reset: return the site to the start of a stage; `softwareUpdates` (0 to 50,000) generates it again at
 * that scale (`scaleForSoftwareUpdates`: 20,000 clients and 500 distributions at 50,000), else it keeps its scale.
 */
export const resetRequestSchema = z.object({
  stage: z.enum(STAGES.map((stage) => stage.id) as [string, ...string[]], {
    error: `stage must be one of ${STAGES.map((stage) => stage.id).join(', ')}`,
  }),
  softwareUpdates: z
    .number({ error: SOFTWARE_UPDATES_RANGE })
    .int({ error: SOFTWARE_UPDATES_RANGE })
    .min(0, { error: SOFTWARE_UPDATES_RANGE })
    .max(50_000, { error: SOFTWARE_UPDATES_RANGE })
    .optional(),
});
export type ResetRequest = z.infer<typeof resetRequestSchema>;

/** The header that carries the connected administrator, the way a Windows identity would. */
export const ADMIN_HEADER = 'X-Admin';

/** GET /api/ids/<resource>: the IDs of the selected rows of a list, in list order, and how many rows the list holds. */
export const listIdsResponseSchema = z.object({ ids: z.array(z.string()), total: z.number().int().nonnegative() });
export type ListIdsResponse = z.infer<typeof listIdsResponseSchema>;
