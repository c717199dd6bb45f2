import { z } from 'zod';
import { requireConfigMgrSite } from '../after-upgrade/catalog-rules';
import type { Collection } from '../model/site-objects';
import { operationTimeSchema } from '../operations/operation-time';
import { missingRightOnObjectMessage, type RightsIndex } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import type { SiteState } from '../site-state';

/**
 * A collection's Properties (Computer Management > Collections): General (name, collection ID, comment), Membership
 * Rules and Security. Only the comment is changed in this console; the name and the rules are the SMS 2003 site's,
 * migrated by the upgrade.
 */

/** The longest comment a collection keeps (the console's choice: the product's limit is not documented). */
export const MAX_COLLECTION_COMMENT = 127;

export const updateCollectionCommentOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('update-collection-comment'),
  collectionId: z.string(),
  comment: z.string(),
  by: z.string(),
});
export type UpdateCollectionCommentOperation = z.infer<typeof updateCollectionCommentOperationSchema>;

export const COLLECTION_OPERATION_SCHEMAS = [updateCollectionCommentOperationSchema] as const;
export type CollectionOperation = UpdateCollectionCommentOperation;
export const COLLECTION_OPERATION_TYPES: ReadonlySet<string> = new Set(
  COLLECTION_OPERATION_SCHEMAS.map((schema) => schema.shape.type.value),
);

/** Why the account may not change a collection's properties, or null: Read and Modify on it. */
export function whyCannotModifyCollection(rights: RightsIndex, account: string, collectionId: string): string | null {
  for (const needed of ['Read', 'Modify'] as const) {
    if (!rights.hasRight(account, 'Collection', collectionId, needed)) {
      return missingRightOnObjectMessage(account, needed, 'Collection', collectionId);
    }
  }
  return null;
}

/** The comment as it will be kept (trimmed), or the rule that refuses it. */
export function checkedCollectionComment(comment: string): string {
  const text = comment.trim();
  if (text.length > MAX_COLLECTION_COMMENT) {
    throw new RuleViolation(
      'collection-comment-invalid',
      `The comment must be at most ${MAX_COLLECTION_COMMENT} characters.`,
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    throw new RuleViolation(
      'collection-comment-invalid',
      'The comment cannot hold control characters such as tabs or line breaks.',
    );
  }
  return text;
}

/** A membership rule as the Membership Rules tab lists it: its type and what it says. */
export interface MembershipRuleRow {
  name: string;
  type: 'Direct' | 'Query';
  resourceClass: 'System Resource';
  description: string;
}

/**
 * The collection's membership rules, from what the migrated site says of its membership: "Direct membership: ..." is a
 * direct rule (the members named), anything else a query rule on system resources.
 */
export function membershipRulesOf(collection: Pick<Collection, 'name' | 'membershipRule'>): MembershipRuleRow[] {
  const rule = collection.membershipRule.trim();
  if (rule === '') return [];
  const direct = /^direct membership\b/i.test(rule);
  return [
    {
      name: direct ? 'Direct members' : collection.name,
      type: direct ? 'Direct' : 'Query',
      resourceClass: 'System Resource',
      description: rule,
    },
  ];
}

/** Saves a collection's comment. */
export function updateCollectionComment(
  site: SiteState | null,
  operation: UpdateCollectionCommentOperation,
): SiteState {
  const state = requireConfigMgrSite(site, 'Changing a collection');
  const collection = state.collections.find((candidate) => candidate.id === operation.collectionId);
  if (!collection) throw new RuleViolation('unknown-collection', `There is no collection ${operation.collectionId}.`);
  const comment = checkedCollectionComment(operation.comment);
  return {
    ...state,
    collections: state.collections.map((candidate) =>
      candidate.id === collection.id ? { ...candidate, comment } : candidate,
    ),
  };
}

/** Applies a collection operation to the Configuration Manager site. */
export function applyCollectionOperation(site: SiteState | null, operation: CollectionOperation): SiteState {
  switch (operation.type) {
    case 'update-collection-comment':
      return updateCollectionComment(site, operation);
  }
}
