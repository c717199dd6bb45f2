import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useUpdateCollectionProperties } from '@/api/deployment-properties';
import { ApiRequestError } from '@/api/http';
import { objectQuery } from '@/api/resources';
import {
  MAX_COLLECTION_COMMENT,
  membershipRulesOf,
  whyCannotModifyCollection,
} from '@/domain/collections/collection-properties';
import { formatCount } from '@/domain/format';
import type { Collection } from '@/domain/model/site-objects';
import { RightsIndex, type Right } from '@/domain/rights/rights';
import { PropertySheetDialog } from '@/ui/property-sheet-dialog';
import { FieldMessage } from '@/ui/form-fields';
import { Tabs, type TabDef } from '@/ui/tabs';
import { asSentence } from '@/ui/sentence';
import { RightsHeld } from '@/ui/rights-held';

/** Why the administrator may not change the collection, from the rights the server sent with it, or null. */
export function whyCollectionIsReadOnly(admin: string, collectionId: string, rights: readonly Right[]): string | null {
  const held = new RightsIndex([
    { account: admin, objectType: 'Collection', instanceIds: [collectionId], rights: [...rights] },
  ]);
  return whyCannotModifyCollection(held, admin, collectionId);
}

export interface CollectionPropertiesDialogProps {
  admin: string;
  collectionId: string;
  onClose: () => void;
}

/**
 * "<collection name> Properties": General (name, collection ID, comment: the comment editable with Modify on the
 * collection), Membership Rules (read-only: what the migrated site says of its membership) and Security.
 */
export function CollectionPropertiesDialog({ admin, collectionId, onClose }: CollectionPropertiesDialogProps) {
  const queryClient = useQueryClient();
  const query = objectQuery(admin, 'collections', collectionId);
  const object = useQuery(query);
  const save = useUpdateCollectionProperties(admin);
  const [comment, setComment] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const [tab, setTab] = useState('general');
  const id = useId();
  const collection = object.data?.item as Collection | undefined;
  const rights = object.data?.rights ?? [];
  const readOnlyBecause = collection ? whyCollectionIsReadOnly(admin, collectionId, rights) : null;
  const title = collection ? `${collection.name} Properties` : 'Collection Properties';
  const shown = comment ?? collection?.comment ?? '';

  const apply = (andClose: boolean) => {
    setRefusal(null);
    setSavedNote(null);
    if (comment === null || readOnlyBecause) {
      if (andClose) onClose();
      return;
    }
    if (comment.trim().length > MAX_COLLECTION_COMMENT) {
      setError(`The comment must be at most ${MAX_COLLECTION_COMMENT} characters.`);
      setTab('general');
      return;
    }
    save.mutate(
      { id: collectionId, comment },
      {
        onSuccess: (response) => {
          queryClient.setQueryData(query.queryKey, response);
          setComment(null);
          setError(null);
          if (andClose) onClose();
          else setSavedNote('The changes to the collection were saved.');
        },
        onError: (failure) => {
          if (failure instanceof ApiRequestError && failure.status !== 403) {
            setError(asSentence(failure.message));
            setTab('general');
          }
          setRefusal(failure.message);
        },
      },
    );
  };

  const tabs: TabDef[] = collection
    ? [
        {
          id: 'general',
          title: 'General',
          content: (
            <div className="space-y-2">
              <dl className="grid grid-cols-[110px_1fr] gap-x-2 gap-y-1">
                <dt>Name:</dt>
                <dd className="break-words">{collection.name}</dd>
                <dt>Collection ID:</dt>
                <dd>{collection.id}</dd>
              </dl>
              <div className="grid grid-cols-[110px_1fr] items-start gap-x-2">
                <label htmlFor={`${id}-comment`} className="pt-0.5">
                  Comment:
                </label>
                <div>
                  <textarea
                    id={`${id}-comment`}
                    className="win-input w-full"
                    rows={3}
                    value={shown}
                    disabled={readOnlyBecause !== null}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={
                      [error ? `${id}-error` : null, readOnlyBecause ? `${id}-read-only` : null]
                        .filter(Boolean)
                        .join(' ') || undefined
                    }
                    onChange={(event) => {
                      setComment(event.target.value);
                      setError(null);
                      setSavedNote(null);
                    }}
                  />
                  {error ? <FieldMessage id={`${id}-error`}>{error}</FieldMessage> : null}
                </div>
              </div>
              <dl className="grid grid-cols-[110px_1fr] gap-x-2 gap-y-1">
                <dt>Members:</dt>
                <dd>{formatCount(collection.memberCount)}</dd>
              </dl>
            </div>
          ),
        },
        {
          id: 'membership',
          title: 'Membership Rules',
          content: (
            <div className="space-y-2">
              <p>
                The rules that decide the collection&apos;s members, as SMS 2003 kept them and the upgrade migrated:
              </p>
              <table className="w-full border-collapse border border-[#a0a0a0] bg-white text-left">
                <caption className="sr-only">Membership rules</caption>
                <thead className="bg-[#f0f0f0]">
                  <tr>
                    {['Name', 'Type', 'Class', 'Rule'].map((header) => (
                      <th key={header} scope="col" className="border-b border-[#c8c8c8] px-1 font-normal">
                        {header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {membershipRulesOf(collection).map((rule) => (
                    <tr key={rule.name}>
                      <td className="px-1">{rule.name}</td>
                      <td className="px-1">{rule.type}</td>
                      <td className="px-1">{rule.resourceClass}</td>
                      <td className="px-1">{rule.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <dl className="grid grid-cols-[220px_1fr] gap-x-2 gap-y-1">
                <dt>Members:</dt>
                <dd>{formatCount(collection.memberCount)}</dd>
                <dt>SMS 2003 clients:</dt>
                <dd>{formatCount(collection.sms2003ClientCount)}</dd>
                <dt>Configuration Manager 2007 clients:</dt>
                <dd>{formatCount(collection.configMgrClientCount)}</dd>
              </dl>
              <p className="text-[#444]">
                The membership rules are shown as migrated; this console does not change them.
              </p>
            </div>
          ),
        },
        {
          id: 'security',
          title: 'Security',
          content: <RightsHeld who={admin} what="collection" rights={rights} />,
        },
      ]
    : [];

  return (
    <PropertySheetDialog
      title={title}
      width={620}
      onClose={onClose}
      onSave={apply}
      saving={save.isPending}
      changed={comment !== null}
      loading={object.isPending}
      loadError={object.isError ? object.error.message : null}
      readOnlyNote={readOnlyBecause ? `The comment is read-only: ${asSentence(readOnlyBecause)}` : null}
      readOnlyNoteId={`${id}-read-only`}
      refusalNote={refusal ? `The collection was not saved: ${refusal}` : null}
      savedNote={savedNote}
    >
      {collection ? <Tabs label={title} tabs={tabs} activeId={tab} onActiveChange={setTab} /> : null}
    </PropertySheetDialog>
  );
}
