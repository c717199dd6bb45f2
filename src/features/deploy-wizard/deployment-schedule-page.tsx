import { useId } from 'react';
import { formatDateTime } from '@/domain/format';
import { deadlineText, durationInWords } from './deploy-wizard-form';
import type { FieldKey } from './deploy-wizard-validation';
import { FieldError, Group, Note, Radio } from './form-parts';
import type { PageProps } from './page-props';
import { siteTimeText, toMinute, type SiteTimeText } from './site-time-text';

/**
 * Deployment Schedule, on the site clock: available "As soon as possible" or at a date and time; "Do not set a
 * deadline" (optional) or "Set a deadline" (mandatory), pre-set from the Display/Time Settings duration.
 */
export function DeploymentSchedulePage({ form, errors, change, siteNow }: PageProps & { siteNow: string | null }) {
  const now = siteNow ? siteTimeText(toMinute(siteNow)) : { date: '', time: '' };
  const deadline = deadlineText(form, siteNow);
  return (
    <div className="space-y-3">
      <p>
        Times are on the site clock
        {siteNow ? (
          <>
            : it is now <span className="whitespace-nowrap">{formatDateTime(siteNow)}</span>
          </>
        ) : null}
        . Clients read them as {form.settings.useUtc ? 'UTC' : 'their local time'} (Display/Time Settings).
      </p>
      <Group legend="Software updates available">
        <Radio
          name="available"
          label="As soon as possible"
          checked={form.availableAsap}
          onChange={() => change({ availableAsap: true })}
        />
        <Radio
          name="available"
          label="Date and time"
          checked={!form.availableAsap}
          onChange={() =>
            change({ availableAsap: false, available: form.available.date ? form.available : now, deadline: null })
          }
        />
        <DateTimeRow
          what="Available"
          fields={['availableDate', 'availableTime']}
          value={form.availableAsap ? now : form.available}
          disabled={form.availableAsap}
          errors={errors}
          onChange={(available) => change({ available, deadline: form.deadline })}
        />
      </Group>
      <Group legend="Deadline">
        <Radio
          name="deadline"
          label="Do not set a deadline for software update installation"
          checked={!form.deadlineSet}
          onChange={() => change({ deadlineSet: false })}
        />
        <Radio
          name="deadline"
          label="Set a deadline for software update installation"
          checked={form.deadlineSet}
          onChange={() => change({ deadlineSet: true })}
        />
        <DateTimeRow
          what="Deadline"
          fields={['deadlineDate', 'deadlineTime']}
          value={deadline}
          disabled={!form.deadlineSet}
          errors={errors}
          onChange={(typed) => change({ deadline: typed })}
        />
        {form.deadlineSet && form.deadline === null && deadline.date ? (
          <Note>
            Pre-set to {durationInWords(form.durationText.trim(), form.settings.durationUnits)} after the software
            updates become available (the duration on the Display/Time Settings page).
          </Note>
        ) : null}
        {!form.deadlineSet ? (
          <Note>Without a deadline the software updates are optional: users install them when they choose.</Note>
        ) : null}
      </Group>
    </div>
  );
}

function DateTimeRow(props: {
  what: 'Available' | 'Deadline';
  fields: [FieldKey, FieldKey];
  value: SiteTimeText;
  disabled: boolean;
  errors: PageProps['errors'];
  onChange: (value: SiteTimeText) => void;
}) {
  const id = useId();
  const [dateField, timeField] = props.fields;
  const dateError = props.errors[dateField];
  const timeError = props.errors[timeField];
  const dateErrorId = `${id}-date-error`;
  const timeErrorId = `${id}-time-error`;
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
          aria-describedby={dateError ? dateErrorId : undefined}
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
          aria-describedby={timeError ? timeErrorId : undefined}
          onChange={(event) => props.onChange({ ...props.value, time: event.target.value })}
        />
      </div>
      <FieldError id={dateErrorId} error={dateError} />
      <FieldError id={timeErrorId} error={timeError} />
    </div>
  );
}
