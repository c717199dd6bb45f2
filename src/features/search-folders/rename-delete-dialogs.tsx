import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiRequestError } from '@/api/http';
import { objectQuery } from '@/api/resources';
import { useDeleteSearchFolder, useRenameSearchFolder } from '@/api/search-folders';
import type { SearchFolder } from '@/domain/model/site-objects';
import { MAX_SEARCH_FOLDER_NAME, searchFolderNameProblem } from '@/domain/search-folders/search-folder-operations';
import { Dialog, INITIAL_FOCUS } from '@/ui/dialog';
import { asSentence } from '@/ui/sentence';

function useFolder(admin: string, folderId: string) {
  const query = useQuery(objectQuery(admin, 'search-folders', folderId));
  return { folder: query.data?.item as SearchFolder | undefined, query };
}

/** Rename: the folder's new name, unique among its owner's folders. */
export function RenameSearchFolderDialog(props: {
  admin: string;
  folderId: string;
  onClose: () => void;
  onRenamed: () => void;
}) {
  const { folder, query } = useFolder(props.admin, props.folderId);
  const rename = useRenameSearchFolder(props.admin);
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();
  const shown = name ?? folder?.name ?? '';

  const submit = () => {
    setRefusal(null);
    const problem = searchFolderNameProblem(shown);
    if (problem) {
      setError(asSentence(problem));
      return;
    }
    rename.mutate(
      { id: props.folderId, name: shown },
      {
        onSuccess: props.onRenamed,
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
      title="Rename Search Folder"
      onClose={props.onClose}
      footer={
        <>
          <button
            type="submit"
            form="rename-search-folder"
            className="win-button"
            disabled={!folder || rename.isPending}
          >
            OK
          </button>
          <button type="button" className="win-button" onClick={props.onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form
        id="rename-search-folder"
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
            The search folder was not renamed: {refusal}
          </p>
        ) : null}
        <div className="grid grid-cols-[80px_1fr] items-center gap-2">
          <label htmlFor={inputId}>Name</label>
          <input
            id={inputId}
            className="win-input"
            value={shown}
            disabled={!folder}
            maxLength={MAX_SEARCH_FOLDER_NAME + 20}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            // The dialog opens on the name, as an in-place rename would.
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

/** Delete, after asking: the folder goes, never the updates it finds. */
export function DeleteSearchFolderDialog(props: {
  admin: string;
  folderId: string;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { folder, query } = useFolder(props.admin, props.folderId);
  const remove = useDeleteSearchFolder(props.admin);
  return (
    <Dialog
      title="Confirm Delete"
      onClose={props.onClose}
      footer={
        <>
          <button
            type="button"
            className="win-button"
            disabled={!folder || remove.isPending}
            onClick={() => remove.mutate(props.folderId, { onSuccess: props.onDeleted })}
          >
            Yes
          </button>
          {/* No is the safe answer, and the one focused first. */}
          <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={props.onClose}>
            No
          </button>
        </>
      }
    >
      {query.isError ? (
        <p role="alert">{query.error.message}</p>
      ) : (
        <p>
          Are you sure you want to delete the search folder <strong>{folder?.name ?? props.folderId}</strong>? The
          software updates it finds are not deleted.
        </p>
      )}
      {remove.isError ? (
        <p role="alert" className="mt-2 border border-[#c9a13b] bg-[#fff8dc] p-2">
          The search folder was not deleted: {remove.error.message}
        </p>
      ) : null}
    </Dialog>
  );
}
