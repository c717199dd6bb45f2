import {
  missingReadOnTypeMessage,
  missingRightOnObjectMessage,
  missingRightOnTypeMessage,
  type RightsIndex,
} from '../rights/rights';
import type { SoftwareUpdate } from '../model/software-update';

/**
 * Who may do what with update lists, a new object type of Configuration Manager 2007: "the user who ran the upgrade
 * has access to all"; the others have no right on it until granted. Creating a list needs Create on the Update Lists
 * class; adding to a list, removing from it, renaming it and changing its description need Modify on that list;
 * deleting it needs Delete ("Read is needed to use any right except Administer, Create, Delegate"). The server refuses
 * with these reasons (403), and the console greys its actions out with the same words.
 */

/** Why the account may not create an update list, or null when it may: it needs Create on the class. */
export function whyCannotCreateUpdateList(rights: RightsIndex, account: string): string | null {
  return rights.hasClassRight(account, 'UpdateList', 'Create')
    ? null
    : missingRightOnTypeMessage(account, 'Create', 'UpdateList');
}

export type UpdateListRight = 'Read' | 'Modify' | 'Delete';

/** Why the account may not use a right on one update list (Read and the right), or null when it may. */
export function whyCannotOnUpdateList(
  rights: RightsIndex,
  account: string,
  listId: string,
  right: UpdateListRight,
): string | null {
  for (const needed of right === 'Read' ? (['Read'] as const) : (['Read', right] as const)) {
    if (!rights.hasRight(account, 'UpdateList', listId, needed)) {
      return missingRightOnObjectMessage(account, needed, 'UpdateList', listId);
    }
  }
  return null;
}

/**
 * Why the account may not learn whether an update list exists: it holds no right on the type at all (such a caller is
 * refused before "not found", so a refusal never reveals which lists exist).
 */
export function whyCannotSeeUpdateLists(rights: RightsIndex, account: string): string | null {
  return rights.hasAnyRightOnType(account, 'UpdateList') ? null : missingReadOnTypeMessage(account, 'UpdateList');
}

/** Why the account may not put these updates in a list: it needs Read on each of them. */
export function whyCannotReadUpdates(
  rights: RightsIndex,
  account: string,
  updates: readonly Pick<SoftwareUpdate, 'id'>[],
): string | null {
  const unreadable = updates.find((update) => !rights.hasRight(account, 'SoftwareUpdate', update.id, 'Read'));
  return unreadable ? missingRightOnObjectMessage(account, 'Read', 'SoftwareUpdate', unreadable.id) : null;
}
