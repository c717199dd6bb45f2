import { useId, useState } from 'react';
import { ApiRequestError } from '@/api/http';
import { useChangePackageSource, useUpdateDistributionPoints, useUpgradeClients } from '@/api/after-upgrade';
import { formatCount } from '@/domain/format';
import type { Collection, Package } from '@/domain/model/site-objects';
import { Dialog } from '@/ui/dialog';
import { asSentence, DoneNote, Refusal, useObject, INITIAL_FOCUS } from './dialog-parts';

/**
 * "Change Source Path...": where the package's content comes from. A path that does not exist is accepted (the
 * product validates the source when it distributes), a path that is not a UNC path is refused under the field.
 */
export function ChangeSourcePathDialog(props: { admin: string; packageId: string; onClose: () => void }) {
  const { item: pkg, query } = useObject<Package>(props.admin, 'packages', props.packageId);
  const change = useChangePackageSource(props.admin);
  const update = useUpdateDistributionPoints(props.admin);
  const [path, setPath] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();
  const shown = path ?? pkg?.sourcePath ?? '';

  const submit = () => {
    setRefusal(null);
    change.mutate(
      { id: props.packageId, sourcePath: shown },
      {
        onSuccess: ({ item }) => setDone(item?.contentStatus ?? `The source path is now ${shown}.`),
        onError: (failure) => {
          if (failure instanceof ApiRequestError && failure.field === 'sourcePath') {
            setFieldError(asSentence(failure.message));
          } else {
            setRefusal(failure.message);
          }
        },
      },
    );
  };

  return (
    <Dialog
      title="Change Source Path"
      onClose={props.onClose}
      width={520}
      footer={
        done ? (
          <>
            <button
              type="button"
              className="win-button"
              disabled={update.isPending || update.isSuccess}
              onClick={() =>
                update.mutate(props.packageId, {
                  onSuccess: ({ item }) => setDone(item?.contentStatus ?? 'The content is being downloaded again.'),
                })
              }
            >
              Update Distribution Points
            </button>
            <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={props.onClose}>
              Close
            </button>
          </>
        ) : (
          <>
            <button type="submit" form="change-source-path" className="win-button" disabled={!pkg || change.isPending}>
              OK
            </button>
            <button type="button" className="win-button" onClick={props.onClose}>
              Cancel
            </button>
          </>
        )
      }
    >
      <form
        id="change-source-path"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {query.isError ? <Refusal>{query.error.message}</Refusal> : null}
        <p>
          The content of the package <strong>{pkg?.name ?? props.packageId}</strong> ({props.packageId}) is copied to
          the distribution points from this folder.
        </p>
        {pkg && !pkg.sourceValid && !done ? <p className="mt-1 text-[#a11]">{pkg.contentStatus}</p> : null}
        <div className="mt-2 grid grid-cols-[130px_1fr] items-center gap-2">
          <label htmlFor={inputId}>Package source path</label>
          <input
            id={inputId}
            className="win-input"
            value={shown}
            disabled={!pkg || done !== null}
            spellCheck={false}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? errorId : undefined}
            {...INITIAL_FOCUS}
            onChange={(event) => {
              setPath(event.target.value);
              setFieldError(null);
            }}
          />
          {fieldError ? (
            <p id={errorId} className="col-start-2 text-[#a11]">
              {fieldError}
            </p>
          ) : null}
        </div>
        {refusal ? <Refusal>The source path was not changed: {refusal}</Refusal> : null}
        {update.isError ? <Refusal>The distribution points were not updated: {update.error.message}</Refusal> : null}
        {done ? <DoneNote>{done}</DoneNote> : null}
      </form>
    </Dialog>
  );
}

/** "Upgrade Clients to Configuration Manager 2007...": the SMS 2003 clients of a collection, after asking. */
export function UpgradeClientsDialog(props: { admin: string; collectionId: string; onClose: () => void }) {
  const { item: collection, query } = useObject<Collection>(props.admin, 'collections', props.collectionId);
  const upgrade = useUpgradeClients(props.admin);
  const [done, setDone] = useState<string | null>(null);
  const count = collection?.sms2003ClientCount ?? 0;
  return (
    <Dialog
      title="Upgrade Clients to Configuration Manager 2007"
      onClose={props.onClose}
      width={500}
      footer={
        done ? (
          <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={props.onClose}>
            Close
          </button>
        ) : (
          <>
            <button
              type="button"
              className="win-button"
              disabled={!collection || upgrade.isPending}
              onClick={() =>
                upgrade.mutate(props.collectionId, {
                  onSuccess: ({ item }) =>
                    setDone(
                      `${collection?.name ?? props.collectionId} now holds ${formatCount(item?.configMgrClientCount ?? 0)} Configuration Manager 2007 clients and ${formatCount(item?.sms2003ClientCount ?? 0)} SMS 2003 clients.`,
                    ),
                })
              }
            >
              Upgrade
            </button>
            <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={props.onClose}>
              Cancel
            </button>
          </>
        )
      }
    >
      {query.isError ? <Refusal>{query.error.message}</Refusal> : null}
      {collection && !done ? (
        <>
          <p>
            Upgrade the {formatCount(count)} SMS 2003 {count === 1 ? 'client' : 'clients'} of{' '}
            <strong>{collection.name}</strong> ({collection.id}) to Configuration Manager 2007 clients?
          </p>
          <p className="mt-1">
            Upgraded clients scan for software updates with the software updates feature, no longer with the inventory
            scan tools. A client can be upgraded only once its site runs Configuration Manager 2007.
          </p>
        </>
      ) : query.isPending ? (
        <p>Loading the collection…</p>
      ) : null}
      {upgrade.isError ? <Refusal>The clients were not upgraded: {upgrade.error.message}</Refusal> : null}
      {done ? <DoneNote>{done}</DoneNote> : null}
    </Dialog>
  );
}
