import { useQuery } from '@tanstack/react-query';
import { objectQuery } from '@/api/resources';
import { searchFolderClassRightsQuery } from '@/api/search-folders';
import { searchFolderIdOfNode } from '@/domain/console-tree/console-tree';
import type { SearchFolderClassRights } from '@/domain/contract/search-folder-contract';
import { RightsIndex, type Right } from '@/domain/rights/rights';
import { whyCannotOnSearchFolder } from '@/domain/search-folders/search-folder-rights';

/** The dialogs of this feature, by the name the console keeps in its URL (?wizard=...). */
export const SEARCH_FOLDER_DIALOGS = ['new-search-folder', 'rename-search-folder', 'delete-search-folder'] as const;
export type SearchFolderDialogName = (typeof SEARCH_FOLDER_DIALOGS)[number];

export function isSearchFolderDialog(name: string | null | undefined): name is SearchFolderDialogName {
  return (SEARCH_FOLDER_DIALOGS as readonly string[]).includes(name ?? '');
}

/** An action of the Actions pane and the context menu; shown disabled, with the reason, when it cannot be taken. */
export interface SearchFolderAction {
  label: string;
  run: () => void;
  disabledBecause?: string;
}

export interface SearchFolderActionContext {
  /** The selected console tree node. */
  node: { id: string; kind: string } | undefined;
  admin: string;
  /** Whether the administrator may create folders (GET /api/search-folders/rights); undefined while loading. */
  classRights: SearchFolderClassRights | undefined;
  /** The rights the administrator holds on the selected folder (GET /api/search-folders/:id); undefined while loading. */
  folderRights: readonly Right[] | undefined;
  open: (dialog: SearchFolderDialogName) => void;
}

const CHECKING = 'Checking your rights on search folders…';

/**
 * What can be done from the Search Folders node ("New Search Folder...") and from a search folder's node ("Rename...",
 * "Delete"). The reasons are the server's own words: the server refuses the same requests with them.
 */
export function searchFolderActions(context: SearchFolderActionContext): SearchFolderAction[] {
  const { node, admin, classRights, folderRights, open } = context;
  if (node?.kind === 'search-folders') {
    return [
      {
        label: 'New Search Folder...',
        run: () => open('new-search-folder'),
        disabledBecause: !classRights ? CHECKING : (classRights.whyNot ?? undefined),
      },
    ];
  }
  const folderId = node?.kind === 'search-folder' ? searchFolderIdOfNode(node.id) : null;
  if (folderId === null) return [];
  // The same rule the server applies (Read is needed to use Modify or Delete), on the rights it reported.
  const held = new RightsIndex([
    { account: admin, objectType: 'SearchFolder', instanceIds: [folderId], rights: [...(folderRights ?? [])] },
  ]);
  const why = (right: 'Modify' | 'Delete') =>
    !folderRights ? CHECKING : (whyCannotOnSearchFolder(held, admin, folderId, right) ?? undefined);
  return [
    { label: 'Rename...', run: () => open('rename-search-folder'), disabledBecause: why('Modify') },
    { label: 'Delete', run: () => open('delete-search-folder'), disabledBecause: why('Delete') },
  ];
}

/** `searchFolderActions` with the rights fetched for the selected node. */
export function useSearchFolderActions(
  admin: string,
  node: { id: string; kind: string } | undefined,
  open: (dialog: SearchFolderDialogName) => void,
): SearchFolderAction[] {
  const folderId = node?.kind === 'search-folder' ? searchFolderIdOfNode(node.id) : null;
  const classRights = useQuery({ ...searchFolderClassRightsQuery(admin), enabled: node?.kind === 'search-folders' });
  const folder = useQuery({ ...objectQuery(admin, 'search-folders', folderId ?? ''), enabled: folderId !== null });
  return searchFolderActions({
    node,
    admin,
    classRights: classRights.data,
    folderRights: folder.isError ? [] : folder.data?.rights,
    open,
  });
}
