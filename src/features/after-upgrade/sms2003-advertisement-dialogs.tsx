import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useDeleteSms2003Advertisement, useRemoveUpdatesFromSms2003Advertisement } from '@/api/after-upgrade';
import { objectQuery } from '@/api/resources';
import type { Sms2003Advertisement } from '@/domain/model/site-objects';
import type { SoftwareUpdate } from '@/domain/model/software-update';
import { Dialog } from '@/ui/dialog';
import { PlanningNote, Refusal, useObject, useSiteStatus, INITIAL_FOCUS } from './dialog-parts';

const HIDING_NOTE =
  'Migrated software updates that are in a software update deployment that was also migrated will not be hidden until the migrated deployment is deleted or the updates are removed from the deployment.';

/** Delete, after asking: a migrated SMS 2003 deployment; its LEGACY updates are hidden if the clean-up script has run. */
export function DeleteSms2003AdvertisementDialog(props: {
  admin: string;
  advertisementId: string;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { item: advertisement, query } = useObject<Sms2003Advertisement>(
    props.admin,
    'sms2003-advertisements',
    props.advertisementId,
  );
  const status = useSiteStatus(props.admin);
  const remove = useDeleteSms2003Advertisement(props.admin);
  const scriptRan = status.data?.facts.legacyScriptRunAt ?? null;
  return (
    <Dialog
      title="Confirm Delete"
      onClose={props.onClose}
      footer={
        <>
          <button
            type="button"
            className="win-button"
            disabled={!advertisement || remove.isPending}
            onClick={() => remove.mutate(props.advertisementId, { onSuccess: props.onDeleted })}
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
        <Refusal>{query.error.message}</Refusal>
      ) : (
        <>
          <p>
            Are you sure you want to delete the migrated SMS 2003 advertisement{' '}
            <strong>{advertisement?.name ?? props.advertisementId}</strong> ({props.advertisementId})? SMS 2003 clients
            no longer receive its {advertisement ? `${advertisement.updateIds.length} ` : ''}software updates from it.
          </p>
          <p className="mt-1">
            {scriptRan
              ? 'The LEGACY clean-up script has run: the LEGACY software updates of this deployment that no other migrated deployment holds will be hidden.'
              : 'Its LEGACY software updates will be hidden if the LEGACY clean-up script has run. The script has not run yet: they stay visible until it runs.'}
          </p>
          <PlanningNote>{HIDING_NOTE}</PlanningNote>
        </>
      )}
      {remove.isError ? <Refusal>The advertisement was not deleted: {remove.error.message}</Refusal> : null}
    </Dialog>
  );
}

/** "Remove Software Updates...": take some updates out of a migrated SMS 2003 deployment. */
export function RemoveSoftwareUpdatesDialog(props: { admin: string; advertisementId: string; onClose: () => void }) {
  const { item: advertisement, query } = useObject<Sms2003Advertisement>(
    props.admin,
    'sms2003-advertisements',
    props.advertisementId,
  );
  const updateIds = advertisement?.updateIds ?? [];
  const updates = useQueries({
    queries: updateIds.map((id) => objectQuery(props.admin, 'software-updates', id)),
  });
  const remove = useRemoveUpdatesFromSms2003Advertisement(props.admin);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const titleOf = (index: number) => (updates[index]?.data?.item as SoftwareUpdate | undefined)?.title;

  return (
    <Dialog
      title="Remove Software Updates"
      onClose={props.onClose}
      width={620}
      footer={
        <>
          <button
            type="submit"
            form="remove-software-updates"
            className="win-button"
            disabled={chosen.size === 0 || remove.isPending}
          >
            Remove
          </button>
          <button type="button" className="win-button" onClick={props.onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form
        id="remove-software-updates"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          remove.mutate(
            { id: props.advertisementId, updateIds: updateIds.filter((id) => chosen.has(id)) },
            { onSuccess: props.onClose },
          );
        }}
      >
        {query.isError ? <Refusal>{query.error.message}</Refusal> : null}
        {advertisement ? (
          <p>
            Choose the software updates to remove from the migrated SMS 2003 advertisement{' '}
            <strong>{advertisement.name}</strong> ({advertisement.id}). SMS 2003 clients no longer receive them from it.
          </p>
        ) : query.isPending ? (
          <p>Loading the advertisement…</p>
        ) : null}
        <PlanningNote>{HIDING_NOTE}</PlanningNote>
        {advertisement ? (
          <fieldset className="border border-[#a0a0a0] px-2 pb-2">
            <legend className="px-1">Software updates</legend>
            {updateIds.length === 0 ? (
              <p>This advertisement holds no software updates.</p>
            ) : (
              <ul className="max-h-64 overflow-auto">
                {updateIds.map((id, index) => (
                  <li key={id}>
                    <label className="flex items-start gap-1.5 py-px">
                      <input
                        type="checkbox"
                        className="mt-0.5"
                        checked={chosen.has(id)}
                        {...(index === 0 ? INITIAL_FOCUS : {})}
                        onChange={(event) => {
                          const next = new Set(chosen);
                          if (event.target.checked) next.add(id);
                          else next.delete(id);
                          setChosen(next);
                        }}
                      />
                      <span>
                        {titleOf(index) ?? (updates[index]?.isPending ? 'Loading…' : 'Software update')} ({id})
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        ) : null}
        <p className="mt-1">
          {chosen.size} of {updateIds.length} chosen.
        </p>
        {remove.isError ? <Refusal>The software updates were not removed: {remove.error.message}</Refusal> : null}
      </form>
    </Dialog>
  );
}
