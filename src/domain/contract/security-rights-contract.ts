import { z } from 'zod';
import { OBJECT_TYPE_NAMES, OBJECT_TYPES, RIGHTS, RIGHTS_BY_OBJECT_TYPE, type ObjectType } from '../rights/rights';
import { securityRightRowSchema } from '../rights/security-rights';
import { rightsText } from '../rights/rights-text';

/**
 * The security rights endpoints' bodies (Site Management > CEN > Security Rights; the endpoints are listed in the
 * report of the issue "Per-administrator rights in full" and in docs/api.md): the server validates requests with these,
 * and the client parses the answers with them.
 */

export const MAX_RIGHTS_INSTANCES = 5000;

const accountField = z
  .string({ error: 'account must be an administrator of the site, such as CONTOSO\\patchadmin' })
  .trim()
  .min(1, 'account must be an administrator of the site, such as CONTOSO\\patchadmin')
  .max(100, 'account must be at most 100 characters');

const objectTypeField = z.enum(OBJECT_TYPES, { error: `objectType must be one of ${OBJECT_TYPES.join(', ')}` });

const rightField = z.enum(RIGHTS, { error: `each right must be one of ${RIGHTS.join(', ')}` });

const instanceIdsField = z
  .array(z.string().min(1, 'an object ID cannot be empty').max(64, 'an object ID is at most 64 characters'), {
    error: 'instanceIds must be a list of object IDs, or null for a class right',
  })
  .max(MAX_RIGHTS_INSTANCES, `instanceIds: at most ${MAX_RIGHTS_INSTANCES} objects at once`)
  .nullable();

/** The rights the object type has: a right it does not have is a bad request naming "rights". */
function rightsOfTheType(body: { objectType: ObjectType; rights: readonly string[] }, context: z.RefinementCtx) {
  const offered: readonly string[] = RIGHTS_BY_OBJECT_TYPE[body.objectType];
  const index = body.rights.findIndex((right) => !offered.includes(right));
  if (index < 0) return;
  context.addIssue({
    code: 'custom',
    path: ['rights', index],
    message: `rights: ${OBJECT_TYPE_NAMES[body.objectType].plural} have no ${body.rights[index] ?? ''} right; their rights are ${rightsText(offered)}`,
  });
}

/** POST /api/security-rights/grant and POST /api/security-rights/revoke. */
export const rightsChangeRequestSchema = z
  .strictObject({
    account: accountField,
    objectType: objectTypeField,
    /** null: the class (every object of the type, present and future); otherwise the objects named. */
    instanceIds: instanceIdsField.refine(
      (ids) => ids === null || ids.length > 0,
      'instanceIds: name at least one object, or null for a class right',
    ),
    rights: z.array(rightField).min(1, 'rights: choose at least one right').max(RIGHTS.length),
  })
  .superRefine(rightsOfTheType);
export type RightsChangeRequest = z.infer<typeof rightsChangeRequestSchema>;

/** POST /api/security-rights/review: a request being filled in (no right or no object chosen yet is fine). */
export const rightsReviewRequestSchema = z
  .strictObject({
    action: z.enum(['grant', 'revoke'], { error: 'action must be "grant" or "revoke"' }),
    account: accountField,
    objectType: objectTypeField,
    instanceIds: instanceIdsField,
    rights: z.array(rightField).max(RIGHTS.length),
  })
  .superRefine(rightsOfTheType);
export type RightsReviewRequest = z.infer<typeof rightsReviewRequestSchema>;

/** What the Grant Rights and Revoke Rights dialogs grey out, and why (the server's own reasons). */
export const rightsReviewResponseSchema = z.object({
  whyNot: z.string().nullable(),
  scopeWhyNot: z.string().nullable(),
  rights: z.array(z.object({ right: rightField, whyNot: z.string().nullable() })),
});
export type RightsReviewResponse = z.infer<typeof rightsReviewResponseSchema>;

/** The answer to a grant or revoke: the account's rows on the object type now (those the caller may read). */
export const rightsChangeResponseSchema = z.object({
  account: z.string(),
  objectType: objectTypeField,
  rows: z.array(securityRightRowSchema),
});
export type RightsChangeResponse = z.infer<typeof rightsChangeResponseSchema>;

/** GET /api/security-rights/delegation: whether the caller may grant or revoke anything ("Grant Rights..."), or why not. */
export const delegationResponseSchema = z.object({ canGrant: z.boolean(), whyNot: z.string().nullable() });
export type DelegationResponse = z.infer<typeof delegationResponseSchema>;

/** GET /api/security-rights?account=: the list, narrowed to one administrator's rows. */
export const securityRightsAccountParamSchema = z.object({ account: accountField.optional() });
