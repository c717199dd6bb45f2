import { z } from 'zod';
import { searchFolderSchema } from '../model/site-objects';
import { rightSchema } from '../rights/rights';
import { searchFolderCriteriaSchema } from '../search-folders/search-folder-criteria';
import { searchFolderNameSchema } from '../search-folders/search-folder-name';

/**
 * The search folder endpoints' bodies (docs/api.md, "Search folders"): the server validates requests with these, and
 * the client parses the answers with them.
 */

const requiredName = z
  .unknown()
  .refine((value) => value !== undefined, 'name is required')
  .pipe(searchFolderNameSchema);

/** POST /api/search-folders */
export const createSearchFolderRequestSchema = z.strictObject({
  name: requiredName,
  /** Left out: a folder of every software update. */
  criteria: searchFolderCriteriaSchema
    .optional()
    .transform((criteria) => criteria ?? searchFolderCriteriaSchema.parse({})),
});
export type CreateSearchFolderRequest = z.input<typeof createSearchFolderRequestSchema>;

/** PATCH /api/search-folders/:id */
export const renameSearchFolderRequestSchema = z.strictObject({ name: requiredName });
export type RenameSearchFolderRequest = z.input<typeof renameSearchFolderRequestSchema>;

/** A search folder as created or renamed: the folder, the rights the caller holds on it, and its console tree node. */
export const searchFolderResponseSchema = z.object({
  item: searchFolderSchema,
  rights: z.array(rightSchema),
  nodeId: z.string(),
});
export type SearchFolderResponse = z.infer<typeof searchFolderResponseSchema>;

/** DELETE /api/search-folders/:id */
export const deleteSearchFolderResponseSchema = z.object({
  deleted: z.object({ id: z.string(), name: z.string() }),
});

/** GET /api/search-folders/rights: whether the caller may create search folders, and if not, why. */
export const searchFolderClassRightsSchema = z.object({
  canCreate: z.boolean(),
  whyNot: z.string().nullable(),
});
export type SearchFolderClassRights = z.infer<typeof searchFolderClassRightsSchema>;
