/** Computer Management > Collections: each collection's members, and a collection's Properties (its comment saved). */
export {
  COLLECTION_DIALOGS,
  collectionNodeActions,
  isCollectionDialog,
  type CollectionAction,
  type CollectionDialogName,
} from './collection-actions';
