import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { listPageQuery } from '@/api/resources';
import type { Collection } from '@/domain/model/site-objects';
import { formatCount } from '@/domain/format';
import { Check, FieldError, Note } from './form-parts';
import type { PageProps } from './page-props';

/** Collection: the collection whose clients receive the updates (a template may have chosen it already). */
export function CollectionPage({ form, errors, changeSettings, admin }: PageProps & { admin: string }) {
  const id = useId();
  const errorId = `${id}-error`;
  const collections = useQuery(listPageQuery(admin, 'collections', { sort: 'name:asc' }, 0));
  const items = (collections.data?.items ?? []) as Collection[];
  const chosen = items.find((collection) => collection.id === form.settings.collectionId);
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-[140px_1fr] items-center gap-x-2 gap-y-0.5">
        <label htmlFor={id}>Collection</label>
        <select
          id={id}
          data-field="collectionId"
          className="win-input"
          value={form.settings.collectionId ?? ''}
          aria-invalid={errors.collectionId ? true : undefined}
          aria-describedby={errors.collectionId ? errorId : undefined}
          onChange={(event) => changeSettings({ collectionId: event.target.value || null })}
        >
          <option value="">(choose a collection)</option>
          {items.map((collection) => (
            <option key={collection.id} value={collection.id}>
              {collection.name} ({collection.id})
            </option>
          ))}
          {form.settings.collectionId && !chosen && collections.data ? (
            <option value={form.settings.collectionId}>{form.settings.collectionId}</option>
          ) : null}
        </select>
        <div className="col-start-2">
          <FieldError id={errorId} error={errors.collectionId} />
        </div>
      </div>
      {collections.isPending ? <p className="text-[#555]">Loading the collections…</p> : null}
      {collections.isError ? <p role="alert">The collections could not be read: {collections.error.message}</p> : null}
      <Check
        label="Include members of subcollections"
        checked={form.settings.includeSubCollections}
        onChange={(includeSubCollections) => changeSettings({ includeSubCollections })}
      />
      {chosen ? (
        <Note>
          {chosen.name}: {formatCount(chosen.memberCount)} clients, {formatCount(chosen.configMgrClientCount)}{' '}
          Configuration Manager 2007 clients and {formatCount(chosen.sms2003ClientCount)} SMS 2003 clients.
          {chosen.comment ? ` ${chosen.comment}` : ''}
        </Note>
      ) : null}
    </div>
  );
}
