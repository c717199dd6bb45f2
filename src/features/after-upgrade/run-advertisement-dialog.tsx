import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { CONFIGMGR_CLIENTS_IN_ITMU_COLLECTION, isRuleConflict, useRunAdvertisement } from '@/api/after-upgrade';
import { listPageQuery } from '@/api/resources';
import type { Advertisement } from '@/domain/model/after-upgrade-objects';
import type { Collection } from '@/domain/model/site-objects';
import { Dialog } from '@/ui/dialog';
import { DoneNote, Refusal, useObject, INITIAL_FOCUS } from './dialog-parts';

export const RUN_ADVERTISEMENT_TITLE = 'Run Advertisement';

/**
 * "Run Advertisement...": runs a Software Distribution advertisement now, on its collection or another. The
 * Microsoft Updates Tool advertisements are for SMS 2003 clients only: on a collection that holds Configuration
 * Manager clients the server warns first, and the administrator may run it anyway.
 */
export function RunAdvertisementDialog(props: { admin: string; advertisementId: string; onClose: () => void }) {
  const { item: advertisement, query } = useObject<Advertisement>(props.admin, 'advertisements', props.advertisementId);
  const collections = useQuery(listPageQuery(props.admin, 'collections', { sort: 'name:asc' }, 0));
  const run = useRunAdvertisement(props.admin);
  const [collectionId, setCollectionId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const selectId = useId();
  const chosen = collectionId ?? advertisement?.collectionId ?? '';
  const items = (collections.data?.items ?? []) as Collection[];
  const warning =
    run.isError && isRuleConflict(run.error, CONFIGMGR_CLIENTS_IN_ITMU_COLLECTION) ? run.error.message : null;

  const start = (acknowledgeConfigMgrClients: boolean) => {
    run.mutate(
      {
        id: props.advertisementId,
        collectionId: chosen || undefined,
        ...(acknowledgeConfigMgrClients ? { acknowledgeConfigMgrClients: true } : {}),
      },
      { onSuccess: ({ item }) => setDone(item?.lastRunStatus ?? 'The advertisement ran.') },
    );
  };

  return (
    <Dialog
      title={RUN_ADVERTISEMENT_TITLE}
      onClose={props.onClose}
      width={500}
      footer={
        done ? (
          <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={props.onClose}>
            Close
          </button>
        ) : (
          <>
            {/* One button: after the warning it runs anyway, and keeps the focus it had. */}
            <button
              type="button"
              className="win-button"
              disabled={!advertisement || !chosen || run.isPending}
              onClick={() => start(warning !== null)}
            >
              {warning ? 'Run Anyway' : 'Run'}
            </button>
            <button type="button" className="win-button" onClick={props.onClose}>
              Cancel
            </button>
          </>
        )
      }
    >
      {query.isError ? <Refusal>{query.error.message}</Refusal> : null}
      {advertisement ? (
        <p>
          Run the advertisement <strong>{advertisement.name}</strong> ({advertisement.id}) now: program{' '}
          {advertisement.programName} of the package {advertisement.packageName}.
        </p>
      ) : query.isPending ? (
        <p>Loading the advertisement…</p>
      ) : null}
      <div className="mt-2 grid grid-cols-[80px_1fr] items-center gap-2">
        <label htmlFor={selectId}>Collection</label>
        <select
          id={selectId}
          className="win-input"
          value={chosen}
          disabled={!advertisement || done !== null}
          {...INITIAL_FOCUS}
          onChange={(event) => {
            setCollectionId(event.target.value);
            // Another collection: the warning was about the one before.
            run.reset();
          }}
        >
          {items.some((collection) => collection.id === chosen) || !chosen ? null : (
            <option value={chosen}>{advertisement?.collectionName ?? chosen}</option>
          )}
          {items.map((collection) => (
            <option key={collection.id} value={collection.id}>
              {collection.name} ({collection.id})
            </option>
          ))}
        </select>
      </div>
      {collections.isError ? <Refusal>The collections could not be listed: {collections.error.message}</Refusal> : null}
      {warning ? (
        <Refusal>
          <strong>Warning:</strong> {warning}
        </Refusal>
      ) : run.isError ? (
        <Refusal>The advertisement was not run: {run.error.message}</Refusal>
      ) : null}
      {done ? <DoneNote>{done}</DoneNote> : null}
    </Dialog>
  );
}
