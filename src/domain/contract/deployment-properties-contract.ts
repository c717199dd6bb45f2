import { z } from 'zod';
import { MAX_COLLECTION_COMMENT } from '../collections/collection-properties';
import { MAX_DEPLOYMENT_NAME, MAX_DESCRIPTION } from '../deployments/deployment-operation-schemas';
import { collectionSchema, deploymentSchema } from '../model/site-objects';
import { rightSchema } from '../rights/rights';

/**
 * The bodies of a deployment's and a collection's Properties (docs/api.md, "Deployment and collection Properties"):
 * the server validates requests with these, and the client parses the answers with them.
 */

const dateTime = (what: string) =>
  z.iso.datetime({ message: `${what} must be a date and time such as 2008-12-20T21:00:00Z` });

/** PATCH /api/deployments/:id: General (name, description) and Schedule (available time, deadline, UTC). */
export const deploymentPropertiesRequestSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'the deployment name cannot be empty')
    .max(MAX_DEPLOYMENT_NAME, `the deployment name must be at most ${MAX_DEPLOYMENT_NAME} characters`),
  description: z.string().max(MAX_DESCRIPTION, `the description must be at most ${MAX_DESCRIPTION} characters`),
  availableTime: dateTime('the available time'),
  /** Null: "Do not set a deadline for software update installation". */
  deadline: dateTime('the deadline').nullable(),
  /** Clients read the times as UTC (true) or as their local time (false). */
  useUtc: z.boolean(),
});
export type DeploymentPropertiesRequest = z.input<typeof deploymentPropertiesRequestSchema>;

/** POST /api/deployments/:id/remove-updates: the selected software updates of its Software Updates node. */
export const removeDeploymentUpdatesRequestSchema = z.strictObject({
  updateIds: z.array(z.string().min(1).max(16)).min(1, 'choose at least one software update').max(10_000),
});
export type RemoveDeploymentUpdatesRequest = z.input<typeof removeDeploymentUpdatesRequestSchema>;

export const deploymentObjectResponseSchema = z.object({ item: deploymentSchema, rights: z.array(rightSchema) });
export type DeploymentObjectResponse = z.infer<typeof deploymentObjectResponseSchema>;

/** PATCH /api/collections/:id: the General tab's comment (name and membership are the migrated site's). */
export const collectionPropertiesRequestSchema = z.strictObject({
  comment: z.string().max(MAX_COLLECTION_COMMENT, `the comment must be at most ${MAX_COLLECTION_COMMENT} characters`),
});
export type CollectionPropertiesRequest = z.input<typeof collectionPropertiesRequestSchema>;

export const collectionObjectResponseSchema = z.object({ item: collectionSchema, rights: z.array(rightSchema) });
export type CollectionObjectResponse = z.infer<typeof collectionObjectResponseSchema>;
