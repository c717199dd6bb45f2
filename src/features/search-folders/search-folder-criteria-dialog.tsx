import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type ReactNode } from 'react';
import { ApiRequestError } from '@/api/http';
import { softwareUpdateFacetsQuery, useCreateSearchFolder } from '@/api/search-folders';
import type { SearchFolderResponse } from '@/domain/contract/search-folder-contract';
import { CLASSIFICATIONS, SEVERITIES } from '@/domain/model/software-update';
import {
  DATE_RELEASED_LABELS,
  DATE_RELEASED_PERIODS,
  describeCriteria,
  searchFolderCriteriaSchema,
  type DateReleasedPeriod,
  type YesNoAny,
} from '@/domain/search-folders/search-folder-criteria';
import { MAX_SEARCH_FOLDER_NAME } from '@/domain/search-folders/search-folder-operations';
import { Dialog, INITIAL_FOCUS } from '@/ui/dialog';
import {
  EMPTY_FORM,
  fieldOfServerError,
  validateSearchFolderForm,
  type FormErrors,
  type SearchFolderForm,
  type SearchFolderFormField,
} from './search-folder-form';

interface SearchFolderCriteriaDialogProps {
  admin: string;
  onClose: () => void;
  /** The folder was created: the console opens its node. */
  onCreated: (created: SearchFolderResponse) => void;
}

type ListField = 'products' | 'severities' | 'classifications' | 'vendors';
type YesNoField = 'expired' | 'superseded' | 'legacy' | 'deployableToSms2003';

const YES_NO_FIELDS: Array<{ field: YesNoField; label: string }> = [
  { field: 'expired', label: 'Expired' },
  { field: 'superseded', label: 'Superseded' },
  { field: 'legacy', label: 'LEGACY' },
  { field: 'deployableToSms2003', label: 'Deployable to SMS 2003' },
];

/**
 * New Search Folder: the Search Folder Criteria dialog. Every criterion narrows the folder; one left empty (or "Any")
 * does not. The folder keeps the criteria, not the updates: it finds what matches each time it is opened.
 */
export function SearchFolderCriteriaDialog({ admin, onClose, onCreated }: SearchFolderCriteriaDialogProps) {
  const [form, setForm] = useState<SearchFolderForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FormErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const facets = useQuery(softwareUpdateFacetsQuery(admin));
  const create = useCreateSearchFolder(admin);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = {
    name: useId(),
    dateReleased: useId(),
    articleId: useId(),
    bulletinId: useId(),
  };

  const set = <K extends SearchFolderFormField>(field: K, value: SearchFolderForm[K]) => {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  };
  const toggle = (field: ListField, value: string, checked: boolean) => {
    setForm((current) => {
      const values: readonly string[] = current[field];
      return { ...current, [field]: checked ? [...values, value] : values.filter((item) => item !== value) };
    });
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  };

  const focusFirstError = (found: FormErrors) => {
    const first = Object.keys(found).find((key) => found[key as SearchFolderFormField]);
    if (!first) return;
    formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  };

  const submit = () => {
    setRefusal(null);
    const { request, errors: found } = validateSearchFolderForm(form);
    setErrors(found);
    if (!request) {
      focusFirstError(found);
      return;
    }
    create.mutate(request, {
      onSuccess: onCreated,
      onError: (error) => {
        const field = error instanceof ApiRequestError ? fieldOfServerError(error) : null;
        if (field) {
          const next = { [field]: error.message.replace(/^[\w.]+: /, '') };
          setErrors(next);
          focusFirstError(next);
        } else {
          setRefusal(error.message);
        }
      },
    });
  };

  const preview = searchFolderCriteriaSchema.safeParse(criteriaOf(form));
  const optionsWith = (offered: readonly string[] | undefined, chosen: readonly string[]) =>
    [...new Set([...(offered ?? []), ...chosen])].sort((a, b) => a.localeCompare(b, 'en-US'));

  return (
    <Dialog
      title="Search Folder Criteria"
      onClose={onClose}
      width={640}
      footer={
        <>
          <button type="submit" form="search-folder-criteria" className="win-button" disabled={create.isPending}>
            OK
          </button>
          <button type="button" className="win-button" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form
        id="search-folder-criteria"
        ref={formRef}
        noValidate
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p>
          The folder lists the software updates that match every criterion below, each time it is opened. Leave a
          criterion empty, or at Any, to not narrow by it. Dates are relative to the site clock.
        </p>
        {refusal ? (
          <p role="alert" className="border border-[#c9a13b] bg-[#fff8dc] p-2">
            The search folder was not created: {refusal}
          </p>
        ) : null}

        <TextField
          id={ids.name}
          field="name"
          label="Name"
          value={form.name}
          error={errors.name}
          maxLength={MAX_SEARCH_FOLDER_NAME + 20}
          onChange={(value) => set('name', value)}
          {...INITIAL_FOCUS}
        />

        <div className="grid grid-cols-[150px_1fr] items-center gap-2">
          <label htmlFor={ids.dateReleased}>Date released</label>
          <select
            id={ids.dateReleased}
            data-field="dateReleased"
            className="win-input"
            value={form.dateReleased}
            onChange={(event) => set('dateReleased', event.target.value as DateReleasedPeriod)}
          >
            {DATE_RELEASED_PERIODS.map((period) => (
              <option key={period} value={period}>
                {DATE_RELEASED_LABELS[period]}
              </option>
            ))}
          </select>
        </div>

        <CheckboxGroup
          field="products"
          legend="Product"
          hint="None checked: any product."
          options={optionsWith(facets.data?.products, form.products)}
          checked={form.products}
          error={errors.products}
          status={
            facets.isPending
              ? 'Loading the products…'
              : facets.isError
                ? `The products could not be loaded: ${facets.error.message}`
                : null
          }
          onToggle={(value, checked) => toggle('products', value, checked)}
          scroll
        />
        <div className="grid grid-cols-2 gap-3">
          <CheckboxGroup
            field="severities"
            legend="Severity"
            hint="None checked: any severity."
            options={SEVERITIES}
            checked={form.severities}
            error={errors.severities}
            onToggle={(value, checked) => toggle('severities', value, checked)}
          />
          <CheckboxGroup
            field="classifications"
            legend="Classification"
            hint="None checked: any classification."
            options={CLASSIFICATIONS}
            checked={form.classifications}
            error={errors.classifications}
            onToggle={(value, checked) => toggle('classifications', value, checked)}
          />
        </div>
        <CheckboxGroup
          field="vendors"
          legend="Vendor"
          hint="None checked: any vendor."
          options={optionsWith(facets.data?.vendors, form.vendors)}
          checked={form.vendors}
          error={errors.vendors}
          status={facets.isPending ? 'Loading the vendors…' : null}
          onToggle={(value, checked) => toggle('vendors', value, checked)}
        />

        <TextField
          id={ids.articleId}
          field="articleId"
          label="Article ID"
          hint="Contains, e.g. 958644 or KB958644"
          value={form.articleId}
          error={errors.articleId}
          onChange={(value) => set('articleId', value)}
        />
        <TextField
          id={ids.bulletinId}
          field="bulletinId"
          label="Bulletin ID"
          hint="Contains, e.g. MS08-067 or MS08"
          value={form.bulletinId}
          error={errors.bulletinId}
          onChange={(value) => set('bulletinId', value)}
        />

        <div className="grid grid-cols-2 gap-x-4 gap-y-2">
          {YES_NO_FIELDS.map(({ field, label }) => (
            <YesNoSelect
              key={field}
              field={field}
              label={label}
              value={form[field]}
              onChange={(value) => set(field, value)}
            />
          ))}
        </div>

        <p className="border-t border-[#c8c8c8] pt-2">
          <span className="font-semibold">Criteria: </span>
          {preview.success ? describeCriteria(preview.data) : 'correct the fields marked above.'}
        </p>
      </form>
    </Dialog>
  );
}

function criteriaOf(form: SearchFolderForm) {
  const { name: _name, ...criteria } = form;
  return criteria;
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="text-[#a11]">
      {error}
    </p>
  );
}

function TextField(props: {
  id: string;
  field: SearchFolderFormField;
  label: string;
  value: string;
  error: string | undefined;
  hint?: string;
  maxLength?: number;
  autoFocus?: boolean;
  onChange: (value: string) => void;
}) {
  const errorId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className="grid grid-cols-[150px_1fr] items-center gap-x-2 gap-y-0.5">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        data-field={props.field}
        className="win-input"
        value={props.value}
        maxLength={props.maxLength}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
        // The dialog opens on its first field, as Windows dialogs do.
        autoFocus={props.autoFocus}
        data-initial-focus={props.autoFocus ? '' : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.hint ? (
        <span id={hintId} className="col-start-2 text-[#555]">
          {props.hint}
        </span>
      ) : null}
      <div className="col-start-2">
        <FieldError id={errorId} error={props.error} />
      </div>
    </div>
  );
}

function CheckboxGroup(props: {
  field: SearchFolderFormField;
  legend: string;
  hint: string;
  options: readonly string[];
  checked: readonly string[];
  error: string | undefined;
  status?: string | null;
  scroll?: boolean;
  onToggle: (value: string, checked: boolean) => void;
}) {
  const baseId = useId();
  const errorId = `${baseId}-error`;
  const hintId = `${baseId}-hint`;
  return (
    <fieldset
      className="border border-[#c8c8c8] px-2 pb-2"
      aria-describedby={[hintId, props.error ? errorId : null].filter(Boolean).join(' ')}
    >
      <legend className="px-1">{props.legend}</legend>
      <p id={hintId} className="mb-1 text-[#555]">
        {props.hint}
      </p>
      {props.status ? <p className="text-[#555]">{props.status}</p> : null}
      <Columns scroll={props.scroll}>
        {props.options.map((option, index) => (
          <label key={option} className="flex items-center gap-1.5">
            <input
              type="checkbox"
              data-field={index === 0 ? props.field : undefined}
              checked={props.checked.includes(option)}
              onChange={(event) => props.onToggle(option, event.target.checked)}
            />
            {option}
          </label>
        ))}
      </Columns>
      <FieldError id={errorId} error={props.error} />
    </fieldset>
  );
}

function Columns({ scroll, children }: { scroll?: boolean; children: ReactNode }) {
  return (
    <div
      className={`grid grid-cols-2 gap-x-3 gap-y-0.5 ${scroll ? 'max-h-[132px] overflow-auto bg-white p-1 border border-[#a5acb5]' : ''}`}
    >
      {children}
    </div>
  );
}

function YesNoSelect(props: {
  field: YesNoField;
  label: string;
  value: YesNoAny;
  onChange: (value: YesNoAny) => void;
}) {
  const id = useId();
  return (
    <div className="grid grid-cols-[150px_1fr] items-center gap-2">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        data-field={props.field}
        className="win-input"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as YesNoAny)}
      >
        <option value="any">Any</option>
        <option value="yes">Yes</option>
        <option value="no">No</option>
      </select>
    </div>
  );
}
