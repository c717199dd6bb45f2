import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiRequestError } from '@/api/http';
import { homepageSummaryQuery, useScheduleHomepageSummarization } from '@/api/homepage-summary';
import {
  DEFAULT_SUMMARIZATION_INTERVAL_MINUTES,
  describeInterval,
  SCHEDULE_UNIT_RANGES,
  SCHEDULE_UNITS,
  scheduleOf,
  summarizationScheduleSchema,
  type ScheduleUnit,
} from '@/domain/homepage-summary/homepage-summary';
import { Dialog, INITIAL_FOCUS } from '@/ui/dialog';
import { FieldMessage, FieldNote } from '@/ui/form-fields';

const sentence = (message: string) => {
  const text = message.replace(/^[\w.]+: /, '');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
};

/**
 * Schedule Home Page Summarization: "In the Custom Schedule dialog box, enter a new schedule in numbers and intervals
 * and then click OK." The interval is checked here with the server's own schema, and again by the server.
 */
export function ScheduleHomePageSummarizationDialog(props: { admin: string; onClose: () => void }) {
  const summary = useQuery(
    homepageSummaryQuery(props.admin, { vendor: null, classification: null, month: null, year: null, sort: null }, 0),
  );
  const save = useScheduleHomepageSummarization(props.admin);
  const current = scheduleOf(summary.data?.intervalMinutes ?? DEFAULT_SUMMARIZATION_INTERVAL_MINUTES);
  const [recurEvery, setRecurEvery] = useState<string | null>(null);
  const [unit, setUnit] = useState<ScheduleUnit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const numberId = useId();
  const unitId = useId();
  const errorId = useId();
  const noteId = useId();
  const shownNumber = recurEvery ?? String(current.recurEvery);
  const shownUnit = unit ?? current.unit;
  const range = SCHEDULE_UNIT_RANGES[shownUnit];
  const whyNot = summary.data?.scheduleWhyNot ?? null;

  const submit = () => {
    setRefusal(null);
    const request = {
      recurEvery: /^\d+$/.test(shownNumber.trim()) ? Number(shownNumber) : Number.NaN,
      unit: shownUnit,
    };
    const parsed = summarizationScheduleSchema.safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(
        Number.isNaN(request.recurEvery)
          ? `Type a whole number from ${range.min} to ${range.max}.`
          : sentence(issue?.message ?? 'The schedule is not valid'),
      );
      return;
    }
    save.mutate(parsed.data, {
      onSuccess: props.onClose,
      onError: (failure) => {
        if (failure instanceof ApiRequestError && failure.code === 'BAD_REQUEST') setError(sentence(failure.message));
        else setRefusal(failure.message);
      },
    });
  };

  return (
    <Dialog
      title="Custom Schedule"
      onClose={props.onClose}
      width={400}
      footer={
        <>
          <button
            type="submit"
            form="home-page-summarization-schedule"
            className="win-button"
            disabled={!summary.data || whyNot !== null || save.isPending}
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
        id="home-page-summarization-schedule"
        noValidate
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p>Home page summarization for Software Updates.</p>
        {summary.data ? (
          <p className="text-[#555]">
            Now every {describeInterval(summary.data.intervalMinutes)} (the default is every 4 hours).
          </p>
        ) : null}
        {whyNot ? (
          <p role="alert" className="border border-[#c9a13b] bg-[#fff8dc] p-2">
            The schedule cannot be changed: {whyNot}.
          </p>
        ) : null}
        {refusal ? (
          <p role="alert" className="border border-[#c9a13b] bg-[#fff8dc] p-2">
            The schedule was not changed: {refusal}
          </p>
        ) : null}
        <fieldset className="border border-[#c0c0c0] px-2 pb-2">
          <legend className="px-1">Recurrence pattern</legend>
          <div className="flex items-center gap-2">
            <label htmlFor={numberId}>Recur every</label>
            <input
              id={numberId}
              className="win-input w-16"
              inputMode="numeric"
              value={shownNumber}
              disabled={!summary.data || whyNot !== null}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${noteId}${error ? ` ${errorId}` : ''}`}
              {...INITIAL_FOCUS}
              onChange={(event) => {
                setRecurEvery(event.target.value);
                setError(null);
              }}
            />
            <label htmlFor={unitId} className="sr-only">
              Unit
            </label>
            <select
              id={unitId}
              className="win-input"
              value={shownUnit}
              disabled={!summary.data || whyNot !== null}
              onChange={(event) => {
                setUnit(event.target.value as ScheduleUnit);
                setError(null);
              }}
            >
              {SCHEDULE_UNITS.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </div>
          <FieldNote id={noteId}>
            {shownUnit}: from {range.min} to {range.max}. A shorter interval loads the site database server more.
          </FieldNote>
          {error ? <FieldMessage id={errorId}>{error}</FieldMessage> : null}
        </fieldset>
      </form>
    </Dialog>
  );
}
