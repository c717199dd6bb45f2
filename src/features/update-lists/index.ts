/**
 * Update Lists: the Update List Wizard ("Update List..." on selected software updates), each list's node with
 * "Remove from Update List", Rename, Delete and a list's Properties.
 */
export { updateListView } from './update-list-view';
export {
  isUpdateListDialog,
  UPDATE_LIST_DIALOGS,
  UPDATE_LIST_LABELS,
  updateListActions,
  useUpdateListActions,
  type UpdateListAction,
  type UpdateListDialogName,
} from './update-list-actions';
export { UpdateListDialogs, type UpdateListDialogsProps } from './update-list-dialogs';
export { UpdateListPropertiesDialog } from './update-list-properties-dialog';
export { UPDATE_LIST_WIZARD_TITLE, UpdateListWizard } from './update-list-wizard';
