import { z } from 'zod';
import {
  downloadSoftwareUpdatesOperationSchema,
  updateDeploymentPackageOperationSchema,
} from '../deployment-packages/deployment-package-operations';
import { packageAccessAccountSchema, packageDistributionPointSchema } from '../deployment-packages/package-content';
import { deploymentPackageSchema } from '../model/site-objects';
import { rightSchema } from '../rights/rights';

/**
 * The deployment package endpoints' bodies (docs/api.md, "Deployment packages"): the server validates requests with
 * these, and the client parses the answers with them.
 */

const MAX_UPDATES = 5000;
const updateIdsSchema = z.array(z.string().max(100)).min(1, 'select at least one software update').max(MAX_UPDATES);

/** POST /api/deployment-packages/download-eligibility: what the Download Updates Wizard may offer for these updates. */
export const downloadEligibilityRequestSchema = z.strictObject({ updateIds: updateIdsSchema });

export const downloadEligibilityResponseSchema = z.object({
  updates: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      expired: z.boolean(),
      downloaded: z.boolean(),
      language: z.string(),
      sizeKb: z.number(),
    }),
  ),
  /** Why these updates cannot be downloaded (expired, another scan tool's catalog), or null. */
  cannotDownload: z.string().nullable(),
  /** Why the caller may not create a deployment package, or null. */
  cannotCreatePackage: z.string().nullable(),
  /** The packages the caller may read, each with why it may not download into it (Modify, a running download). */
  packages: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      sourcePath: z.string(),
      updateCount: z.number().int(),
      whyNot: z.string().nullable(),
    }),
  ),
  /** The site's distribution points (site systems with the role). */
  distributionPoints: z.array(z.object({ id: z.string(), name: z.string(), siteCode: z.string() })),
});
export type DownloadEligibilityResponse = z.infer<typeof downloadEligibilityResponseSchema>;

/** POST /api/deployment-packages/download: the wizard's choices. */
export const downloadRequestSchema = downloadSoftwareUpdatesOperationSchema
  .omit({ at: true, type: true, by: true })
  .extend({ updateIds: updateIdsSchema })
  .strict();
export type DownloadRequest = z.input<typeof downloadRequestSchema>;

export const downloadResponseSchema = z.object({
  item: deploymentPackageSchema,
  rights: z.array(rightSchema),
  /** The job that downloads the updates on the site clock. */
  jobId: z.string(),
  /** When it ends on the site clock. */
  endsAt: z.string(),
});
export type DownloadResponse = z.infer<typeof downloadResponseSchema>;

/** PATCH /api/deployment-packages/:id: the General tab. */
export const updateDeploymentPackageRequestSchema = updateDeploymentPackageOperationSchema
  .omit({ at: true, type: true, id: true, by: true })
  .extend({ name: z.string().max(1000), description: z.string().max(1000) })
  .strict();
export type UpdateDeploymentPackageRequest = z.input<typeof updateDeploymentPackageRequestSchema>;

/** GET /api/deployment-packages/:id/properties: what the package's Properties dialog shows. */
export const deploymentPackagePropertiesSchema = z.object({
  item: deploymentPackageSchema,
  rights: z.array(rightSchema),
  content: z.object({
    version: z.number().int(),
    sizeKb: z.number(),
    updateCount: z.number().int(),
    current: z.boolean(),
    text: z.string(),
  }),
  distributionPoints: z.array(packageDistributionPointSchema),
  accessAccounts: z.array(packageAccessAccountSchema),
  /** The running download into it, if any. */
  runningJobId: z.string().nullable(),
});
export type DeploymentPackageProperties = z.infer<typeof deploymentPackagePropertiesSchema>;
