import {
  missingReadOnTypeMessage,
  missingRightOnObjectMessage,
  missingRightOnTypeMessage,
  type RightsIndex,
} from '../rights/rights';

/**
 * Who may do what with search folders. The server refuses with these reasons (403), and the console greys its actions
 * out with the same words. "Read is needed to use any right except Administer, Create, Delegate" (the product
 * documentation): renaming needs Read and Modify, deleting Read and Delete.
 */

/** Why the account may not create a search folder, or null when it may: it needs Create on the class. */
export function whyCannotCreateSearchFolder(rights: RightsIndex, account: string): string | null {
  return rights.hasClassRight(account, 'SearchFolder', 'Create')
    ? null
    : missingRightOnTypeMessage(account, 'Create', 'SearchFolder');
}

export type SearchFolderRight = 'Read' | 'Modify' | 'Delete';

/** Why the account may not use a right on one search folder, or null when it may. */
export function whyCannotOnSearchFolder(
  rights: RightsIndex,
  account: string,
  folderId: string,
  right: SearchFolderRight,
): string | null {
  for (const needed of right === 'Read' ? (['Read'] as const) : (['Read', right] as const)) {
    if (!rights.hasRight(account, 'SearchFolder', folderId, needed)) {
      return missingRightOnObjectMessage(account, needed, 'SearchFolder', folderId);
    }
  }
  return null;
}

/**
 * Why the account may not learn whether a search folder exists: it holds no right on the type at all (such a caller
 * is refused before "not found", so a refusal never reveals which folders exist).
 */
export function whyCannotSeeSearchFolders(rights: RightsIndex, account: string): string | null {
  return rights.hasAnyRightOnType(account, 'SearchFolder') ? null : missingReadOnTypeMessage(account, 'SearchFolder');
}
