/** Update Repository > Search Folders: saved, dynamic searches over the software updates. */
export {
  isSearchFolderDialog,
  searchFolderActions,
  useSearchFolderActions,
  SEARCH_FOLDER_DIALOGS,
  type SearchFolderAction,
  type SearchFolderDialogName,
} from './search-folder-actions';
