/**
 * Update Lists: the Update List Wizard ("Update List..." on selected software updates), each list's node with
 * "Remove from Update List", Rename, Delete and a list's Properties.
 */
export {
  isUpdateListDialog,
  UPDATE_LIST_DIALOGS,
  UPDATE_LIST_LABELS,
  updateListActions,
  useUpdateListActions,
  type UpdateListAction,
  type UpdateListDialogName,
} from './update-list-actions';
