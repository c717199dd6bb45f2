import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiRequestError } from '@/api/http';
import { listPageQuery, objectQuery } from '@/api/resources';
import { useChangeUpdateList } from '@/api/update-lists';
import { updateListNodeId } from '@/domain/console-tree/console-tree';
import { formatCount, formatDateTime } from '@/domain/format';
import type { UpdateList } from '@/domain/model/site-objects';
import {
  MAX_UPDATE_LIST_DESCRIPTION,
  MAX_UPDATE_LIST_NAME,
  updateListDescriptionProblem,
  updateListNameProblem,
} from '@/domain/update-lists/update-list-rules';
import { PropertySheetDialog } from '@/ui/property-sheet-dialog';
import { Tabs, type TabDef } from '@/ui/tabs';
import { whyNotOnList } from './update-list-actions';
import { asSentence } from '@/ui/sentence';
import { RightsHeld } from '@/ui/rights-held';

export interface UpdateListPropertiesDialogProps {
  admin: string;
  listId: string;
  onClose: () => void;
}

/**
 * "<list name> Properties": General (name and description, editable with Modify on the list and saved with PATCH;
 * created by, date created, how many updates), Software Updates (their titles) and Security (the rights held).
 */
export function UpdateListPropertiesDialog({ admin, listId, onClose }: UpdateListPropertiesDialogProps) {
  const queryClient = useQueryClient();
  const query = objectQuery(admin, 'update-lists', listId);
  const object = useQuery(query);
  const updates = useQuery({
    ...listPageQuery(admin, 'software-updates', { node: updateListNodeId(listId), sort: 'title:asc' }, 0),
    enabled: object.isSuccess,
  });
  const change = useChangeUpdateList(admin);
  const [edited, setEdited] = useState<{ name: string; description: string } | null>(null);
  const [errors, setErrors] = useState<{ name?: string; description?: string }>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const ids = { name: useId(), description: useId(), nameError: useId(), descriptionError: useId() };

  const list = object.data?.item as UpdateList | undefined;
  const rights = object.data?.rights ?? [];
  const readOnlyBecause = list ? (whyNotOnList(admin, listId, rights, 'Modify') ?? null) : null;
  const readOnly = readOnlyBecause !== null;
  const form = edited ?? (list ? { name: list.name, description: list.description } : null);
  const title = list ? `${list.name} Properties` : 'Update List Properties';

  const save = (andClose: boolean) => {
    setRefusal(null);
    setSavedNote(null);
    if (!edited || readOnly) {
      if (andClose) onClose();
      return;
    }
    const nameProblem = updateListNameProblem(edited.name);
    const descriptionProblem = updateListDescriptionProblem(edited.description);
    if (nameProblem || descriptionProblem) {
      setErrors({
        name: nameProblem ? asSentence(nameProblem) : undefined,
        description: descriptionProblem ? asSentence(descriptionProblem) : undefined,
      });
      return;
    }
    change.mutate(
      { id: listId, name: edited.name, description: edited.description },
      {
        onSuccess: (response) => {
          queryClient.setQueryData(query.queryKey, { item: response.item, rights: response.rights });
          setEdited(null);
          setErrors({});
          if (andClose) onClose();
          else setSavedNote('The changes to the update list were saved.');
        },
        onError: (failure) => {
          if (failure instanceof ApiRequestError && (failure.field === 'name' || failure.code === 'CONFLICT')) {
            setErrors({ name: asSentence(failure.message) });
          }
          setRefusal(failure.message);
        },
      },
    );
  };

  const titles = (updates.data?.items ?? []) as Array<{ id: string; title: string }>;
  const total = updates.data?.total ?? 0;
  const tabs: TabDef[] =
    list && form
      ? [
          {
            id: 'general',
            title: 'General',
            content: (
              <div className="grid grid-cols-[130px_1fr] items-start gap-x-3 gap-y-1.5">
                <label htmlFor={ids.name} className="pt-0.5">
                  Name:
                </label>
                <div>
                  <input
                    id={ids.name}
                    className="win-input w-full"
                    value={form.name}
                    readOnly={readOnly}
                    maxLength={MAX_UPDATE_LIST_NAME + 20}
                    aria-invalid={errors.name ? true : undefined}
                    aria-describedby={errors.name ? ids.nameError : undefined}
                    onChange={(event) => {
                      setEdited({ ...form, name: event.target.value });
                      setErrors({});
                      setSavedNote(null);
                    }}
                  />
                  {errors.name ? (
                    <p id={ids.nameError} className="text-[#a11]">
                      {errors.name}
                    </p>
                  ) : null}
                </div>
                <label htmlFor={ids.description} className="pt-0.5">
                  Description:
                </label>
                <div>
                  <textarea
                    id={ids.description}
                    className="win-input w-full resize-none"
                    rows={3}
                    value={form.description}
                    readOnly={readOnly}
                    maxLength={MAX_UPDATE_LIST_DESCRIPTION + 20}
                    aria-invalid={errors.description ? true : undefined}
                    aria-describedby={errors.description ? ids.descriptionError : undefined}
                    onChange={(event) => {
                      setEdited({ ...form, description: event.target.value });
                      setErrors({});
                      setSavedNote(null);
                    }}
                  />
                  {errors.description ? (
                    <p id={ids.descriptionError} className="text-[#a11]">
                      {errors.description}
                    </p>
                  ) : null}
                </div>
                <span>Update list ID:</span>
                <span>{list.id}</span>
                <span>Created by:</span>
                <span>{list.createdBy}</span>
                <span>Date created:</span>
                <span>{formatDateTime(list.dateCreated)}</span>
                <span>Software updates:</span>
                <span>{formatCount(list.updateIds.length)}</span>
              </div>
            ),
          },
          {
            id: 'software-updates',
            title: 'Software Updates',
            content: (
              <div className="space-y-2">
                <p>The software updates in this update list:</p>
                {updates.isError ? <p role="alert">{updates.error.message}</p> : null}
                <ul aria-label="Software updates in the list" className="win-listbox max-h-[260px] overflow-auto">
                  {titles.map((update) => (
                    <li key={update.id}>{update.title}</li>
                  ))}
                  {total > titles.length ? <li>and {formatCount(total - titles.length)} more</li> : null}
                </ul>
                {list.updateIds.length > total && updates.isSuccess ? (
                  <p className="text-[#555]">
                    {formatCount(list.updateIds.length - total)} of its software updates are hidden, or not readable by{' '}
                    {admin}.
                  </p>
                ) : null}
              </div>
            ),
          },
          {
            id: 'security',
            title: 'Security',
            content: <RightsHeld who={admin} what="update list" rights={rights} />,
          },
        ]
      : [];

  return (
    <PropertySheetDialog
      title={title}
      width={600}
      onClose={onClose}
      onSave={save}
      saving={change.isPending}
      changed={edited !== null}
      loading={object.isPending}
      loadError={object.isError ? object.error.message : null}
      readOnlyNote={readOnlyBecause ? `These properties are read-only: ${asSentence(readOnlyBecause)}` : null}
      refusalNote={refusal ? `The update list was not saved: ${refusal}` : null}
      savedNote={savedNote}
    >
      {list && form ? <Tabs label={title} tabs={tabs} /> : null}
    </PropertySheetDialog>
  );
}
