import { z } from 'zod';
import {
  createDeploymentOperationSchema,
  createDeploymentTemplateOperationSchema,
} from '../deployments/deployment-operation-schemas';
import { deploymentSchema, deploymentTemplateSchema } from '../model/site-objects';
import { rightSchema } from '../rights/rights';

/**
 * The deployment and template endpoints' bodies (docs/api.md, "Deployments and deployment templates"): the server
 * validates requests with these, and the client parses the answers with them.
 */

const MAX_UPDATES = 5000;
const updateIdsSchema = z.array(z.string()).min(1, 'select at least one software update').max(MAX_UPDATES);

/** POST /api/deployments/eligibility: what the Deploy Software Updates Wizard may offer for these updates. */
export const eligibilityRequestSchema = z.strictObject({ updateIds: updateIdsSchema });
export type EligibilityRequest = z.input<typeof eligibilityRequestSchema>;

export const templateEligibilitySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  deployToSms2003Clients: z.boolean(),
  collectionId: z.string().nullable(),
  offered: z.boolean(),
  /** Why it is not offered, naming the updates that prevent it. */
  whyNot: z.string().nullable(),
});

export const eligibilityResponseSchema = z.object({
  updates: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      legacy: z.boolean(),
      expired: z.boolean(),
      downloaded: z.boolean(),
      deployableToSms2003: z.boolean(),
      language: z.string(),
    }),
  ),
  templates: z.array(templateEligibilitySchema),
  /** Why these updates cannot be deployed at all (expired, another scan tool's catalog), or null. */
  cannotDeploy: z.string().nullable(),
  /** The LEGACY warning the wizard shows and asks to confirm, or null. */
  legacyWarning: z.string().nullable(),
  /** Why the SMS 2003 Settings page is not shown, or null when it is. */
  sms2003SettingsWhyNot: z.string().nullable(),
  /** Why the caller may not create a deployment (a missing right), or null. */
  cannotCreate: z.string().nullable(),
  /** Why the caller may not save the settings as a template, or null. */
  cannotSaveTemplate: z.string().nullable(),
  /** Why the caller may not create a deployment package, or null. */
  cannotCreatePackage: z.string().nullable(),
});
export type EligibilityResponse = z.infer<typeof eligibilityResponseSchema>;

/** POST /api/deployments: the wizard's choices, page by page. */
export const createDeploymentRequestSchema = createDeploymentOperationSchema
  .omit({ at: true, type: true, id: true, by: true })
  .extend({ updateIds: updateIdsSchema })
  .strict();
export type CreateDeploymentRequest = z.input<typeof createDeploymentRequestSchema>;

export const deploymentResponseSchema = z.object({
  item: deploymentSchema,
  rights: z.array(rightSchema),
  /** The template saved from the wizard, if one was. */
  savedTemplateId: z.string().nullable(),
  /** The job that rolls it out on the site clock. */
  jobId: z.string().nullable(),
});
export type DeploymentResponse = z.infer<typeof deploymentResponseSchema>;

/** POST /api/deployment-templates and PATCH /api/deployment-templates/:id */
export const deploymentTemplateRequestSchema = createDeploymentTemplateOperationSchema
  .omit({ at: true, type: true, id: true, by: true })
  .strict();
export type DeploymentTemplateRequest = z.input<typeof deploymentTemplateRequestSchema>;

export const deploymentTemplateResponseSchema = z.object({
  item: deploymentTemplateSchema,
  rights: z.array(rightSchema),
});
export type DeploymentTemplateResponse = z.infer<typeof deploymentTemplateResponseSchema>;

/** GET /api/deployment-templates/rights */
export const deploymentTemplateClassRightsSchema = z.object({ canCreate: z.boolean(), whyNot: z.string().nullable() });
