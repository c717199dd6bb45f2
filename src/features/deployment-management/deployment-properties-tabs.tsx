import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { listPageQuery } from '@/api/resources';
import { deploymentUpdatesNodeId } from '@/domain/console-tree/console-tree';
import { formatDateTime } from '@/domain/format';
import type { SoftwareUpdate } from '@/domain/model/software-update';
import type { SiteTimeText } from '@/domain/site-clock/site-time-text';
import { FieldMessage, FieldNote } from '@/ui/form-fields';
import type {
  DeploymentPropertiesErrors,
  DeploymentPropertiesField,
  DeploymentPropertiesForm,
} from './deployment-properties-form';

export interface EditableTabProps {
  form: DeploymentPropertiesForm;
  errors: DeploymentPropertiesErrors;
  /** Why the fields are greyed (the right that is missing), or null when they can be changed. */
  readOnlyBecause: string | null;
  /** The id of the note that says why, for the fields' aria-describedby. */
  readOnlyNoteId: string;
  onChange: (next: DeploymentPropertiesForm) => void;
}

function describedBy(...ids: Array<string | null | undefined | false>): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}

/** A labelled text box with what is wrong with it under it; greyed, with the reason, when it cannot be changed. */
function TextBox(props: {
  label: string;
  field: DeploymentPropertiesField;
  value: string;
  multiline?: boolean;
  tab: EditableTabProps;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const error = props.tab.errors[props.field];
  const common = {
    id,
    value: props.value,
    disabled: props.tab.readOnlyBecause !== null,
    'data-field': props.field,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(
      error && `${id}-error`,
      props.tab.readOnlyBecause !== null && props.tab.readOnlyNoteId,
    ),
    className: 'win-input w-full',
  } as const;
  return (
    <div className="grid grid-cols-[110px_1fr] items-start gap-x-2">
      <label htmlFor={id} className="pt-0.5">
        {props.label}:
      </label>
      <div>
        {props.multiline ? (
          <textarea {...common} rows={3} onChange={(event) => props.onChange(event.target.value)} />
        ) : (
          <input {...common} onChange={(event) => props.onChange(event.target.value)} />
        )}
        {error ? <FieldMessage id={`${id}-error`}>{error}</FieldMessage> : null}
      </div>
    </div>
  );
}

/** General: the name and description (editable), then what the deployment was made with. */
export function GeneralFields({ tab, children }: { tab: EditableTabProps; children: ReactNode }) {
  const { form, onChange } = tab;
  return (
    <div className="space-y-2">
      <TextBox label="Name" field="name" value={form.name} tab={tab} onChange={(name) => onChange({ ...form, name })} />
      <TextBox
        label="Description"
        field="description"
        value={form.description}
        multiline
        tab={tab}
        onChange={(description) => onChange({ ...form, description })}
      />
      {children}
    </div>
  );
}

function DateTimeBoxes(props: {
  what: 'Available' | 'Deadline';
  fields: [DeploymentPropertiesField, DeploymentPropertiesField];
  value: SiteTimeText;
  disabled: boolean;
  tab: EditableTabProps;
  onChange: (value: SiteTimeText) => void;
}) {
  const id = useId();
  const [dateField, timeField] = props.fields;
  const dateError = props.tab.errors[dateField];
  const timeError = props.tab.errors[timeField];
  const readOnlyNote = props.tab.readOnlyBecause !== null && props.tab.readOnlyNoteId;
  return (
    <div className="ml-6 space-y-0.5">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-date`}>{props.what} date</label>
        <input
          id={`${id}-date`}
          data-field={dateField}
          className="win-input w-28"
          value={props.value.date}
          disabled={props.disabled}
          placeholder="M/D/YYYY"
          aria-invalid={dateError ? true : undefined}
          aria-describedby={describedBy(dateError && `${id}-date-error`, readOnlyNote)}
          onChange={(event) => props.onChange({ ...props.value, date: event.target.value })}
        />
        <label htmlFor={`${id}-time`}>{props.what} time</label>
        <input
          id={`${id}-time`}
          data-field={timeField}
          className="win-input w-24"
          value={props.value.time}
          disabled={props.disabled}
          placeholder="h:mm AM"
          aria-invalid={timeError ? true : undefined}
          aria-describedby={describedBy(timeError && `${id}-time-error`, readOnlyNote)}
          onChange={(event) => props.onChange({ ...props.value, time: event.target.value })}
        />
      </div>
      {dateError ? <FieldMessage id={`${id}-date-error`}>{dateError}</FieldMessage> : null}
      {timeError ? <FieldMessage id={`${id}-time-error`}>{timeError}</FieldMessage> : null}
    </div>
  );
}

/** A radio button of the Schedule tab, greyed with the reason when the deployment cannot be changed. */
function Option(props: { name: string; label: string; checked: boolean; tab: EditableTabProps; onSelect: () => void }) {
  return (
    <label className="flex items-center gap-1.5">
      <input
        type="radio"
        name={props.name}
        checked={props.checked}
        disabled={props.tab.readOnlyBecause !== null}
        aria-describedby={props.tab.readOnlyBecause !== null ? props.tab.readOnlyNoteId : undefined}
        onChange={props.onSelect}
      />
      {props.label}
    </label>
  );
}

/**
 * Schedule: when the software updates become available, the deadline ("Set a deadline for software update
 * installation" makes them mandatory) and whether clients read these times as UTC or as their local time.
 */
export function ScheduleFields({ tab, siteNow }: { tab: EditableTabProps; siteNow: string | null }) {
  const { form, onChange } = tab;
  const name = useId();
  const locked = tab.readOnlyBecause !== null;
  return (
    <div className="space-y-3">
      <p>
        Times are on the site clock
        {siteNow ? (
          <>
            : it is now <span className="whitespace-nowrap">{formatDateTime(siteNow)}</span>
          </>
        ) : null}
        .
      </p>
      <fieldset className="border border-[#c8c8c8] px-2 pt-0.5 pb-2">
        <legend className="px-1">Software updates available</legend>
        <DateTimeBoxes
          what="Available"
          fields={['availableDate', 'availableTime']}
          value={form.available}
          disabled={locked}
          tab={tab}
          onChange={(available) => onChange({ ...form, available })}
        />
      </fieldset>
      <fieldset className="border border-[#c8c8c8] px-2 pt-0.5 pb-2">
        <legend className="px-1">Deadline</legend>
        <Option
          name={`${name}-deadline`}
          label="Do not set a deadline for software update installation"
          checked={!form.deadlineSet}
          tab={tab}
          onSelect={() => onChange({ ...form, deadlineSet: false })}
        />
        <Option
          name={`${name}-deadline`}
          label="Set a deadline for software update installation"
          checked={form.deadlineSet}
          tab={tab}
          onSelect={() => onChange({ ...form, deadlineSet: true })}
        />
        <DateTimeBoxes
          what="Deadline"
          fields={['deadlineDate', 'deadlineTime']}
          value={form.deadline}
          disabled={locked || !form.deadlineSet}
          tab={tab}
          onChange={(deadline) => onChange({ ...form, deadline })}
        />
        <FieldNote id={`${name}-deadline-note`}>
          {form.deadlineSet
            ? 'The software updates are mandatory: clients install them by the deadline.'
            : 'The software updates are optional: users install them when they choose.'}
        </FieldNote>
      </fieldset>
      <fieldset className="border border-[#c8c8c8] px-2 pt-0.5 pb-2">
        <legend className="px-1">Time based on</legend>
        <Option
          name={`${name}-utc`}
          label="Client local time"
          checked={!form.useUtc}
          tab={tab}
          onSelect={() => onChange({ ...form, useUtc: false })}
        />
        <Option
          name={`${name}-utc`}
          label="UTC"
          checked={form.useUtc}
          tab={tab}
          onSelect={() => onChange({ ...form, useUtc: true })}
        />
      </fieldset>
      <p className="text-[#444]">
        Clients learn of a changed schedule at their next machine policy retrieval and evaluation cycle (every 60
        minutes by default).
      </p>
    </div>
  );
}

/** Software Updates: the updates the deployment holds, as its Software Updates node lists them (what one may read). */
export function SoftwareUpdatesTab({ admin, deploymentId }: { admin: string; deploymentId: string }) {
  const list = useQuery(
    listPageQuery(admin, 'software-updates', { node: deploymentUpdatesNodeId(deploymentId), sort: 'title:asc' }, 0),
  );
  if (list.isPending) return <p>Loading the software updates…</p>;
  if (list.isError) return <p role="alert">The software updates cannot be listed: {list.error.message}</p>;
  const updates = list.data.items as unknown as SoftwareUpdate[];
  return (
    <div className="space-y-2">
      <p>
        This deployment holds {list.data.total} software {list.data.total === 1 ? 'update' : 'updates'}. Remove them
        from its Software Updates node in the console tree.
      </p>
      <div className="max-h-72 overflow-auto border border-[#a0a0a0] bg-white">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Software updates in this deployment</caption>
          <thead className="sticky top-0 bg-[#f0f0f0]">
            <tr>
              <th scope="col" className="border-b border-[#c8c8c8] px-1 font-normal">
                Title
              </th>
              <th scope="col" className="border-b border-[#c8c8c8] px-1 font-normal">
                Bulletin ID
              </th>
              <th scope="col" className="border-b border-[#c8c8c8] px-1 font-normal">
                Article ID
              </th>
            </tr>
          </thead>
          <tbody>
            {updates.map((update) => (
              <tr key={update.id}>
                <td className="px-1">{update.title}</td>
                <td className="px-1 whitespace-nowrap">{update.bulletinId}</td>
                <td className="px-1 whitespace-nowrap">{update.articleId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
