import { useQuery } from '@tanstack/react-query';
import { objectQuery } from '@/api/resources';
import { updateListClassRightsQuery } from '@/api/update-lists';
import { updateListIdOfNode } from '@/domain/console-tree/console-tree';
import type { UpdateListClassRights } from '@/domain/contract/update-list-contract';
import { RightsIndex, type Right } from '@/domain/rights/rights';
import { whyCannotOnUpdateList } from '@/domain/update-lists/update-list-rights';
import { rememberUpdateSelection } from './update-list-selection';

/** The dialogs of this feature, by the name the console keeps in its URL (?wizard=...). */
export const UPDATE_LIST_DIALOGS = [
  'update-list-wizard',
  'remove-from-update-list',
  'rename-update-list',
  'delete-update-list',
  'update-list-properties',
] as const;
export type UpdateListDialogName = (typeof UPDATE_LIST_DIALOGS)[number];

export function isUpdateListDialog(name: string | null | undefined): name is UpdateListDialogName {
  return (UPDATE_LIST_DIALOGS as readonly string[]).includes(name ?? '');
}

/** The actions' exact labels, in the Actions pane and the context menu. */
export const UPDATE_LIST_LABELS = {
  wizard: 'Update List...',
  remove: 'Remove from Update List',
  rename: 'Rename...',
  delete: 'Delete',
  properties: 'Properties',
} as const;

/** The nodes whose selected software updates "Update List..." takes: Update Repository, its folders, search folders. */
const UPDATE_NODE_KINDS = new Set([
  'software-updates',
  'update-repository',
  'search-folder',
  'classification-folder',
  'vendor-folder',
  'product-folder',
  'update-list',
  // Before the upgrade: shown, greyed out, saying why.
  'sms2003-software-updates',
]);

export const CHECKING_UPDATE_LIST_RIGHTS = 'Checking your rights on update lists…';
export const NOTHING_SELECTED = 'Select the software updates for the update list first.';
export const NOTHING_TO_REMOVE = 'Select the software updates to remove from this update list first.';
export const BEFORE_UPGRADE =
  'The site still runs SMS 2003 SP3: update lists come with Configuration Manager 2007, once Setup has upgraded it.';

export interface UpdateListAction {
  label: string;
  run: () => void;
  disabledBecause?: string;
}

export interface UpdateListActionContext {
  admin: string;
  node: { id: string; kind: string } | undefined;
  phase: 'sms2003' | 'configmgr' | undefined;
  /** The list the results pane shows: its search and sort (the node is the tree's). */
  list: { q: string; searchIn: string; sort: string | null };
  /** The selected rows as the API's `rows` parameter writes them ("0-4,10"); '' when none. */
  selectedRows: string;
  selectedCount: number;
  /** The focused row (an update list's, on the Update Lists node). */
  focused: { id: string } | null;
  /** The console's resource for the node ('update-lists' on the Update Lists node). */
  resource: string | null;
  open: (dialog: UpdateListDialogName, selectedId?: string) => void;
}

/** The rights read from the server for what is selected; undefined while they are being read. */
export interface UpdateListRightsRead {
  classRights: UpdateListClassRights | undefined;
  /** The rights held on the list of the node (or the selected row on Update Lists). */
  listRights: readonly Right[] | undefined;
}

/** Why a right may not be used on a list, from the rights the server reported on it (the server's own rule). */
export function whyNotOnList(
  admin: string,
  listId: string,
  rights: readonly Right[] | undefined,
  right: 'Modify' | 'Delete',
): string | undefined {
  if (!rights) return CHECKING_UPDATE_LIST_RIGHTS;
  const held = new RightsIndex([
    { account: admin, objectType: 'UpdateList', instanceIds: [listId], rights: [...rights] },
  ]);
  return whyCannotOnUpdateList(held, admin, listId, right) ?? undefined;
}

/**
 * "Update List..." on selected software updates; on an update list's node "Rename...", "Delete", "Properties" and, for
 * selected updates, "Remove from Update List"; on the Update Lists node the same for the selected list row. Greyed out
 * with the reason (the server's own words) when they cannot be taken.
 */
export function updateListActions(context: UpdateListActionContext & UpdateListRightsRead): {
  nodeActions: UpdateListAction[];
  objectActions: UpdateListAction[];
} {
  const { node, phase, selectedCount, classRights, listRights, admin, open } = context;
  const nodeActions: UpdateListAction[] = [];
  const objectActions: UpdateListAction[] = [];
  if (!node) return { nodeActions, objectActions };
  const remember = (purpose: 'wizard' | 'remove') =>
    rememberUpdateSelection(purpose, {
      admin,
      node: node.id,
      q: context.list.q,
      searchIn: context.list.searchIn,
      sort: context.list.sort,
      rows: context.selectedRows,
      count: selectedCount,
    });

  if (UPDATE_NODE_KINDS.has(node.kind)) {
    objectActions.push({
      label: UPDATE_LIST_LABELS.wizard,
      disabledBecause:
        phase === 'sms2003'
          ? BEFORE_UPGRADE
          : selectedCount === 0
            ? NOTHING_SELECTED
            : !classRights || phase === undefined
              ? CHECKING_UPDATE_LIST_RIGHTS
              : (classRights.cannotUseWizard ?? undefined),
      run: () => {
        remember('wizard');
        open('update-list-wizard');
      },
    });
  }

  const listId = node.kind === 'update-list' ? updateListIdOfNode(node.id) : null;
  if (listId !== null) {
    nodeActions.push(
      {
        label: UPDATE_LIST_LABELS.rename,
        run: () => open('rename-update-list', listId),
        disabledBecause: whyNotOnList(admin, listId, listRights, 'Modify'),
      },
      {
        label: UPDATE_LIST_LABELS.delete,
        run: () => open('delete-update-list', listId),
        disabledBecause: whyNotOnList(admin, listId, listRights, 'Delete'),
      },
      { label: UPDATE_LIST_LABELS.properties, run: () => open('update-list-properties', listId) },
    );
    objectActions.push({
      label: UPDATE_LIST_LABELS.remove,
      run: () => {
        remember('remove');
        open('remove-from-update-list', listId);
      },
      disabledBecause: selectedCount === 0 ? NOTHING_TO_REMOVE : whyNotOnList(admin, listId, listRights, 'Modify'),
    });
  }

  if (node.kind === 'update-lists' && context.resource === 'update-lists') {
    const row = selectedCount === 1 ? context.focused : null;
    objectActions.push(
      {
        label: UPDATE_LIST_LABELS.rename,
        run: () => row && open('rename-update-list', row.id),
        disabledBecause: !row ? 'Select one update list to rename.' : whyNotOnList(admin, row.id, listRights, 'Modify'),
      },
      {
        label: UPDATE_LIST_LABELS.delete,
        run: () => row && open('delete-update-list', row.id),
        disabledBecause: !row ? 'Select one update list to delete.' : whyNotOnList(admin, row.id, listRights, 'Delete'),
      },
    );
  }
  return { nodeActions, objectActions };
}

/** `updateListActions`, with the rights read from the server for the node and the selection. */
export function useUpdateListActions(context: UpdateListActionContext) {
  const { admin, node, phase, selectedCount, focused, resource } = context;
  const wantsClassRights = phase === 'configmgr' && node !== undefined && UPDATE_NODE_KINDS.has(node.kind);
  const classRights = useQuery({ ...updateListClassRightsQuery(admin), enabled: wantsClassRights });
  const listId =
    node?.kind === 'update-list'
      ? updateListIdOfNode(node.id)
      : node?.kind === 'update-lists' && resource === 'update-lists' && selectedCount === 1 && focused
        ? focused.id
        : null;
  const list = useQuery({ ...objectQuery(admin, 'update-lists', listId ?? ''), enabled: listId !== null });
  return updateListActions({
    ...context,
    classRights: classRights.isError ? { canCreate: true, whyNot: null, cannotUseWizard: null } : classRights.data,
    listRights: list.isError ? [] : list.data?.rights,
  });
}
