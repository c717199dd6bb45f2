import { z } from 'zod';
import { customUpdateInformationSchema } from '../after-upgrade/custom-update-publishing';
import { publishedCustomUpdateSchema } from '../model/after-upgrade-objects';

/**
 * POST /api/site/custom-updates (docs/api.md, "Custom updates (System Center Updates Publisher)"): the Create Update
 * Wizard's Information page. Bulletin ID, Article ID and More info URL may be left out (empty); Severity defaults to
 * None, as Updates Publisher leaves it unspecified.
 */
export const publishCustomUpdateRequestSchema = z.strictObject({
  ...customUpdateInformationSchema.shape,
  bulletinId: customUpdateInformationSchema.shape.bulletinId.default(''),
  articleId: customUpdateInformationSchema.shape.articleId.default(''),
  severity: customUpdateInformationSchema.shape.severity.default('None'),
  infoUrl: customUpdateInformationSchema.shape.infoUrl.default(''),
});
export type PublishCustomUpdateRequest = z.input<typeof publishCustomUpdateRequestSchema>;

/** The custom update as published to WSUS: it reaches the site database at the next synchronization. */
export const publishCustomUpdateResponseSchema = z.object({
  item: publishedCustomUpdateSchema,
  /** What happens next, in a sentence. */
  message: z.string(),
});
export type PublishCustomUpdateResponse = z.infer<typeof publishCustomUpdateResponseSchema>;
