import { collectionIdOfNode } from '@/domain/console-tree/console-tree';

/** The dialogs of this feature, by the name the console keeps in its URL (?wizard=collection-properties&sel=<id>). */
export const COLLECTION_DIALOGS = ['collection-properties'] as const;
export type CollectionDialogName = (typeof COLLECTION_DIALOGS)[number];

export function isCollectionDialog(name: string | null | undefined): name is CollectionDialogName {
  return (COLLECTION_DIALOGS as readonly string[]).includes(name ?? '');
}

export interface CollectionAction {
  label: string;
  run: () => void;
  disabledBecause?: string;
}

/**
 * A collection's node (Computer Management > Collections > <collection>) lists its members; its own "Properties" is
 * an action of the node. In the Collections list, Properties of a row is the console's.
 */
export function collectionNodeActions(
  node: { id: string; kind: string } | undefined,
  open: (dialog: CollectionDialogName, collectionId: string) => void,
): CollectionAction[] {
  const collectionId = node?.kind === 'collection' ? collectionIdOfNode(node.id) : null;
  if (!collectionId) return [];
  return [{ label: 'Properties', run: () => open('collection-properties', collectionId) }];
}
