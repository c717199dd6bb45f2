import { z } from 'zod';
import { updateListSchema } from '../model/site-objects';
import { rightSchema } from '../rights/rights';
import {
  MAX_UPDATES_PER_REQUEST,
  updateListDescriptionSchema,
  updateListNameSchema,
} from '../update-lists/update-list-rules';

/**
 * The update list endpoints' bodies (docs/api.md, "Update lists"): the server validates requests with these, and the
 * client parses the answers with them.
 */

const isPresent = (value: unknown) => value !== undefined;

const updateIdsSchema = z
  .array(z.string({ error: 'each update ID must be text' }).min(1, 'an update ID cannot be empty'), {
    error: 'updateIds must be a list of software update IDs',
  })
  .min(1, 'name at least one software update')
  .max(MAX_UPDATES_PER_REQUEST, `name at most ${MAX_UPDATES_PER_REQUEST} software updates`);
const requiredUpdateIds = z.unknown().refine(isPresent, 'updateIds is required').pipe(updateIdsSchema);
const requiredName = z.unknown().refine(isPresent, 'name is required').pipe(updateListNameSchema);

/** POST /api/update-lists: the Update List Wizard's "Create a new update list". */
export const createUpdateListRequestSchema = z.strictObject({
  name: requiredName,
  description: updateListDescriptionSchema.optional().transform((description) => description ?? ''),
  updateIds: requiredUpdateIds,
});
export type CreateUpdateListRequest = z.input<typeof createUpdateListRequestSchema>;

/** POST /api/update-lists/:id/add-updates and /remove-updates. */
export const updateListUpdatesRequestSchema = z.strictObject({
  updateIds: requiredUpdateIds,
});
export type UpdateListUpdatesRequest = z.input<typeof updateListUpdatesRequestSchema>;

/** PATCH /api/update-lists/:id: Rename (name) or Properties (name and description); what is left out is kept. */
export const changeUpdateListRequestSchema = z
  .strictObject({
    name: updateListNameSchema.optional(),
    description: updateListDescriptionSchema.optional(),
  })
  .refine((body) => body.name !== undefined || body.description !== undefined, {
    message: 'name or description is required',
    path: ['name'],
  });
export type ChangeUpdateListRequest = z.input<typeof changeUpdateListRequestSchema>;

/** An update list as created or changed: the list, the rights the caller holds on it, and its console tree node. */
export const updateListResponseSchema = z.object({
  item: updateListSchema,
  rights: z.array(rightSchema),
  nodeId: z.string(),
});
export type UpdateListResponse = z.infer<typeof updateListResponseSchema>;

/** POST /api/update-lists/:id/add-updates: the list, and how many updates were new to it. */
export const addUpdatesResponseSchema = updateListResponseSchema.extend({
  added: z.number().int().nonnegative(),
  alreadyInList: z.number().int().nonnegative(),
});
export type AddUpdatesResponse = z.infer<typeof addUpdatesResponseSchema>;

/** DELETE /api/update-lists/:id */
export const deleteUpdateListResponseSchema = z.object({
  deleted: z.object({ id: z.string(), name: z.string() }),
});

/** POST /api/update-lists/eligibility: what the Update List Wizard may offer for these updates. */
export const updateListEligibilityRequestSchema = z.strictObject({
  updateIds: requiredUpdateIds,
});

export const updateListEligibilityResponseSchema = z.object({
  /** The updates, as the wizard's pages name them. */
  updates: z.array(
    z.object({ id: z.string(), title: z.string(), expired: z.boolean(), hidden: z.boolean(), legacy: z.boolean() }),
  ),
  /** Why these updates cannot go into any update list (expired or hidden ones), or null. */
  cannotAdd: z.string().nullable(),
  /** A note on LEGACY updates among them, or null. */
  legacyNote: z.string().nullable(),
  /** Why the caller may not create an update list, or null. */
  cannotCreate: z.string().nullable(),
  /** The update lists the caller may read, each with why they may not add to it (null: they may). */
  lists: z.array(
    z.object({ id: z.string(), name: z.string(), updateCount: z.number().int(), whyNot: z.string().nullable() }),
  ),
});
export type UpdateListEligibility = z.infer<typeof updateListEligibilityResponseSchema>;

/** GET /api/update-lists/rights: whether the caller may create update lists, and if not, why. */
export const updateListClassRightsSchema = z.object({
  canCreate: z.boolean(),
  whyNot: z.string().nullable(),
  /** Why the Update List Wizard has nothing to offer (no Create, and Modify on no list), or null. */
  cannotUseWizard: z.string().nullable(),
});
export type UpdateListClassRights = z.infer<typeof updateListClassRightsSchema>;
