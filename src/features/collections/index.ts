/** Computer Management > Collections: each collection's members, and a collection's Properties (its comment saved). */
export { clientView } from './client-view';
export { collectionView } from './collection-view';
export { CollectionPropertiesDialog, type CollectionPropertiesDialogProps } from './collection-properties-dialog';
export {
  COLLECTION_DIALOGS,
  collectionNodeActions,
  isCollectionDialog,
  type CollectionAction,
  type CollectionDialogName,
} from './collection-actions';
