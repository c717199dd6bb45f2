import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiRequestError } from '@/api/http';
import { listIdsQuery } from '@/api/list-ids';
import { objectQuery } from '@/api/resources';
import { useChangeUpdateList, useDeleteUpdateList, useRemoveUpdatesFromUpdateList } from '@/api/update-lists';
import { NODE_IDS } from '@/domain/console-tree/console-tree';
import { formatCount } from '@/domain/format';
import type { UpdateList } from '@/domain/model/site-objects';
import { MAX_UPDATE_LIST_NAME, updateListNameProblem } from '@/domain/update-lists/update-list-rules';
import { Dialog, INITIAL_FOCUS } from '@/ui/dialog';
import type { UpdateListDialogName } from './update-list-actions';
import { UpdateListPropertiesDialog } from './update-list-properties-dialog';
import { forgetUpdateSelection, readUpdateSelection } from './update-list-selection';
import { UpdateListWizard } from './update-list-wizard';
import { asSentence } from '@/ui/sentence';

function useUpdateList(admin: string, listId: string) {
  const query = useQuery(objectQuery(admin, 'update-lists', listId));
  return { list: query.data?.item as UpdateList | undefined, rights: query.data?.rights, query };
}

export interface UpdateListDialogsProps {
  admin: string;
  dialog: UpdateListDialogName;
  /** The list the dialog acts on (the node's, or the selected row's); null for the wizard. */
  listId: string | null;
  onClose: () => void;
  /** Opens a node: the list's after the wizard, Update Lists after Delete. */
  onOpenNode: (nodeId: string) => void;
}

/** The dialog of "Update List...", "Remove from Update List", "Rename...", "Delete" or "Properties". */
export function UpdateListDialogs({ admin, dialog, listId, onClose, onOpenNode }: UpdateListDialogsProps) {
  switch (dialog) {
    case 'update-list-wizard':
      return <UpdateListWizardFromSelection admin={admin} onClose={onClose} onOpenNode={onOpenNode} />;
    case 'remove-from-update-list':
      return listId === null ? null : <RemoveFromUpdateListDialog admin={admin} listId={listId} onClose={onClose} />;
    case 'rename-update-list':
      return listId === null ? null : <RenameUpdateListDialog admin={admin} listId={listId} onClose={onClose} />;
    case 'delete-update-list':
      return listId === null ? null : (
        <DeleteUpdateListDialog
          admin={admin}
          listId={listId}
          onClose={onClose}
          onDeleted={() => onOpenNode(NODE_IDS.updateLists)}
        />
      );
    case 'update-list-properties':
      return listId === null ? null : <UpdateListPropertiesDialog admin={admin} listId={listId} onClose={onClose} />;
  }
}

/**
 * The wizard on the updates "Update List..." was run on: their IDs read once from the server (the selection being
 * index ranges over the server's list), then kept, so the list changing under the wizard changes nothing.
 */
function UpdateListWizardFromSelection(props: {
  admin: string;
  onClose: () => void;
  onOpenNode: (nodeId: string) => void;
}) {
  const [selection] = useState(() => readUpdateSelection('wizard'));
  const usable = selection !== null && selection.admin === props.admin && selection.rows !== '';
  const [updateIds, setUpdateIds] = useState<readonly string[] | null>(null);
  const ids = useQuery({
    ...listIdsQuery(props.admin, 'software-updates', {
      node: selection?.node,
      q: selection?.q,
      searchIn: selection?.searchIn,
      sort: selection?.sort ?? undefined,
      rows: selection?.rows,
    }),
    enabled: usable && updateIds === null,
  });
  if (updateIds === null && ids.data) setUpdateIds(ids.data.ids);
  const close = () => {
    forgetUpdateSelection('wizard');
    props.onClose();
  };
  const waiting = !usable
    ? {
        text: 'Select the software updates in Update Repository, one of its folders or a search folder, then choose Update List... in the Actions pane.',
        problem: true,
      }
    : ids.isError
      ? { text: `The selected software updates could not be read: ${ids.error.message}`, problem: true }
      : updateIds && updateIds.length === 0
        ? { text: 'The selection holds no software updates any more: select them again.', problem: true }
        : { text: `Reading the ${formatCount(selection.count)} selected software updates…`, problem: false };
  return (
    <UpdateListWizard
      admin={props.admin}
      updateIds={updateIds && updateIds.length > 0 ? updateIds : null}
      waiting={waiting}
      onClose={close}
      onOpenNode={(nodeId) => {
        forgetUpdateSelection('wizard');
        props.onOpenNode(nodeId);
      }}
    />
  );
}

/** Remove from Update List, after asking: the updates leave the list, never the site. */
function RemoveFromUpdateListDialog(props: { admin: string; listId: string; onClose: () => void }) {
  const { list, query } = useUpdateList(props.admin, props.listId);
  const [selection] = useState(() => readUpdateSelection('remove'));
  const queryClient = useQueryClient();
  const remove = useRemoveUpdatesFromUpdateList(props.admin);
  const [failure, setFailure] = useState<string | null>(null);
  const usable = selection !== null && selection.admin === props.admin && selection.rows !== '';
  const close = () => {
    forgetUpdateSelection('remove');
    props.onClose();
  };
  const confirm = async () => {
    if (!selection) return;
    setFailure(null);
    try {
      const { ids } = await queryClient.fetchQuery({
        ...listIdsQuery(props.admin, 'software-updates', {
          node: selection.node,
          q: selection.q,
          searchIn: selection.searchIn,
          sort: selection.sort ?? undefined,
          rows: selection.rows,
        }),
        staleTime: 0,
      });
      await remove.mutateAsync({ id: props.listId, updateIds: ids });
      close();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  const count = selection?.count ?? 0;
  return (
    <Dialog
      title="Confirm Remove"
      onClose={close}
      footer={
        <>
          <button
            type="button"
            className="win-button"
            disabled={!list || !usable || remove.isPending}
            onClick={() => void confirm()}
          >
            Yes
          </button>
          <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={close}>
            No
          </button>
        </>
      }
    >
      {query.isError ? (
        <p role="alert">{query.error.message}</p>
      ) : !usable ? (
        <p role="alert">Select the software updates to remove in the update list&apos;s node first.</p>
      ) : (
        <p>
          Are you sure you want to remove{' '}
          {count === 1 ? 'the selected software update' : `the ${formatCount(count)} selected software updates`} from
          the update list <strong>{list?.name ?? props.listId}</strong>? The software updates stay in Update Repository,
          and deployments keep theirs.
        </p>
      )}
      {failure ? (
        <p role="alert" className="mt-2 border border-[#c9a13b] bg-[#fff8dc] p-2">
          The software updates were not removed: {failure}
        </p>
      ) : null}
    </Dialog>
  );
}

/** Rename: the list's new name, unique among the site's update lists. */
function RenameUpdateListDialog(props: { admin: string; listId: string; onClose: () => void }) {
  const { list, query } = useUpdateList(props.admin, props.listId);
  const change = useChangeUpdateList(props.admin);
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();
  const shown = name ?? list?.name ?? '';
  const submit = () => {
    setRefusal(null);
    const problem = updateListNameProblem(shown);
    if (problem) {
      setError(asSentence(problem));
      return;
    }
    change.mutate(
      { id: props.listId, name: shown },
      {
        onSuccess: props.onClose,
        onError: (failure) => {
          if (failure instanceof ApiRequestError && (failure.field === 'name' || failure.code === 'CONFLICT')) {
            setError(asSentence(failure.message));
          } else {
            setRefusal(failure.message);
          }
        },
      },
    );
  };
  return (
    <Dialog
      title="Rename Update List"
      onClose={props.onClose}
      footer={
        <>
          <button type="submit" form="rename-update-list" className="win-button" disabled={!list || change.isPending}>
            OK
          </button>
          <button type="button" className="win-button" onClick={props.onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form
        id="rename-update-list"
        noValidate
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {query.isError ? <p role="alert">{query.error.message}</p> : null}
        {refusal ? (
          <p role="alert" className="border border-[#c9a13b] bg-[#fff8dc] p-2">
            The update list was not renamed: {refusal}
          </p>
        ) : null}
        <div className="grid grid-cols-[80px_1fr] items-center gap-2">
          <label htmlFor={inputId}>Name</label>
          <input
            id={inputId}
            className="win-input"
            value={shown}
            disabled={!list}
            maxLength={MAX_UPDATE_LIST_NAME + 20}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            {...INITIAL_FOCUS}
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
          />
          {error ? (
            <p id={errorId} className="col-start-2 text-[#a11]">
              {error}
            </p>
          ) : null}
        </div>
      </form>
    </Dialog>
  );
}

/** Delete, after asking: the list goes, never its software updates nor the deployments made from it. */
function DeleteUpdateListDialog(props: { admin: string; listId: string; onClose: () => void; onDeleted: () => void }) {
  const { list, query } = useUpdateList(props.admin, props.listId);
  const remove = useDeleteUpdateList(props.admin);
  return (
    <Dialog
      title="Confirm Delete"
      onClose={props.onClose}
      footer={
        <>
          <button
            type="button"
            className="win-button"
            disabled={!list || remove.isPending}
            onClick={() => remove.mutate(props.listId, { onSuccess: props.onDeleted })}
          >
            Yes
          </button>
          <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={props.onClose}>
            No
          </button>
        </>
      }
    >
      {query.isError ? (
        <p role="alert">{query.error.message}</p>
      ) : (
        <div className="space-y-2">
          <p>
            Are you sure you want to delete the update list <strong>{list?.name ?? props.listId}</strong>?
          </p>
          <p>
            Its {formatCount(list?.updateIds.length ?? 0)} software updates stay in Update Repository. Deployments made
            from this list are not changed: each deployment holds its own software updates, not the list.
          </p>
        </div>
      )}
      {remove.isError ? (
        <p role="alert" className="mt-2 border border-[#c9a13b] bg-[#fff8dc] p-2">
          The update list was not deleted: {remove.error.message}
        </p>
      ) : null}
    </Dialog>
  );
}
