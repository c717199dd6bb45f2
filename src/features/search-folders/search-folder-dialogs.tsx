import { NODE_IDS, searchFolderIdOfNode } from '@/domain/console-tree/console-tree';
import { DeleteSearchFolderDialog, RenameSearchFolderDialog } from './rename-delete-dialogs';
import type { SearchFolderDialogName } from './search-folder-actions';
import { SearchFolderCriteriaDialog } from './search-folder-criteria-dialog';

export interface SearchFolderDialogsProps {
  admin: string;
  /** The dialog to show (the console keeps it in the URL), or null for none. */
  dialog: SearchFolderDialogName | null;
  /** The selected node: Rename and Delete act on the search folder whose node it is. */
  nodeId: string;
  onClose: () => void;
  /** Opens a node: the new folder's after New Search Folder, Search Folders after Delete. */
  onOpenNode: (nodeId: string) => void;
}

/** The dialog of "New Search Folder...", "Rename..." or "Delete", as the Actions pane opened it. */
export function SearchFolderDialogs({ admin, dialog, nodeId, onClose, onOpenNode }: SearchFolderDialogsProps) {
  const folderId = searchFolderIdOfNode(nodeId);
  switch (dialog) {
    case 'new-search-folder':
      return (
        <SearchFolderCriteriaDialog
          admin={admin}
          onClose={onClose}
          onCreated={(created) => onOpenNode(created.nodeId)}
        />
      );
    case 'rename-search-folder':
      return folderId === null ? null : (
        <RenameSearchFolderDialog admin={admin} folderId={folderId} onClose={onClose} onRenamed={onClose} />
      );
    case 'delete-search-folder':
      return folderId === null ? null : (
        <DeleteSearchFolderDialog
          admin={admin}
          folderId={folderId}
          onClose={onClose}
          onDeleted={() => onOpenNode(NODE_IDS.searchFolders)}
        />
      );
    default:
      return null;
  }
}
