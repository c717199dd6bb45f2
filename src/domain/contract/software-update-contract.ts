import { z } from 'zod';
import { softwareUpdateSchema } from '../model/software-update';
import { clientTypeSchema } from '../model/site-objects';
import { rightSchema } from '../rights/rights';
import { complianceDrillSchema, COMPLIANCE_STATES } from '../software-updates/client-compliance';
import { maxRunTimeMinutesSchema } from '../software-updates/max-run-time';
import { listQuerySchema, listResponseSchema } from './api-contract';

/**
 * A software update's Properties and its compliance drill-down (docs/api.md, "Software update Properties" and
 * "Clients of a compliance count").
 */

const updateReferenceSchema = z.object({ id: z.string(), title: z.string().nullable() });

/** GET /api/software-updates/:id/properties */
export const softwareUpdatePropertiesSchema = z.object({
  item: softwareUpdateSchema,
  rights: z.array(rightSchema),
  links: z.object({ article: z.string().nullable(), bulletin: z.string().nullable() }),
  sms2003: z.object({ deployable: z.boolean(), reason: z.string() }),
  supersedence: z.object({
    supersededBy: updateReferenceSchema.nullable(),
    supersedes: z.array(updateReferenceSchema),
  }),
  content: z.object({
    files: z.array(z.object({ name: z.string(), sizeKb: z.number() })),
    sizeKb: z.number(),
    downloaded: z.boolean(),
    sourcePath: z.string(),
    packages: z.array(
      z.object({
        id: z.string(),
        name: z.string().nullable(),
        kind: z.enum(['Deployment package', 'SMS 2003 package']),
      }),
    ),
  }),
  maxRunTime: z.object({
    minutes: z.number(),
    min: z.number(),
    max: z.number(),
    /** Why the connected administrator may not change it here (a right, or the central-site rule), or null. */
    whyNot: z.string().nullable(),
  }),
});
export type SoftwareUpdateProperties = z.infer<typeof softwareUpdatePropertiesSchema>;

/** PUT /api/software-updates/:id/max-run-time */
export const setMaxRunTimeRequestSchema = z.strictObject({ maxRunTimeMinutes: maxRunTimeMinutesSchema });
export type SetMaxRunTimeRequest = z.infer<typeof setMaxRunTimeRequestSchema>;

/** GET /api/software-updates/:id/clients?state=&q=&searchIn=&sort=&offset=&limit= */
export const clientComplianceQuerySchema = listQuerySchema.omit({ node: true }).extend({
  state: complianceDrillSchema,
});
export type ClientComplianceQuery = z.infer<typeof clientComplianceQuerySchema>;

export const clientComplianceRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(COMPLIANCE_STATES),
  clientType: clientTypeSchema,
  siteCode: z.string(),
  operatingSystem: z.string(),
});

export const clientComplianceListSchema = listResponseSchema(clientComplianceRowSchema).extend({
  update: z.object({ id: z.string(), title: z.string() }),
  state: complianceDrillSchema,
  /** The update's count for the state, site-wide: `total` is less when some clients are in collections one may not read. */
  count: z.number().int().nonnegative(),
});
export type ClientComplianceList = z.infer<typeof clientComplianceListSchema>;

/** GET /api/export/software-update-clients.csv|.tsv?update=&state=&q=&searchIn=&sort=&columns=&rows= */
export const CLIENT_COMPLIANCE_EXPORT = 'software-update-clients';
