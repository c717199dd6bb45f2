/** Update Repository > Search Folders: saved, dynamic searches over the software updates. */
export { searchFolderView } from './search-folder-view';
export {
  isSearchFolderDialog,
  searchFolderActions,
  useSearchFolderActions,
  SEARCH_FOLDER_DIALOGS,
  type SearchFolderAction,
  type SearchFolderDialogName,
} from './search-folder-actions';
export { SearchFolderDialogs, type SearchFolderDialogsProps } from './search-folder-dialogs';
export { SearchFolderCriteriaDialog } from './search-folder-criteria-dialog';
export { DeleteSearchFolderDialog, RenameSearchFolderDialog } from './rename-delete-dialogs';
