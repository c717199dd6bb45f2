import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type MouseEvent } from 'react';
import { ApiRequestError, isRuleConflict } from '@/api/http';
import { downloadReportCsv, reportParametersQuery, reportRunQuery, reportValuesQuery } from '@/api/reports';
import type { ReportLink, ReportParameter, ReportResult, ReportTable } from '@/domain/contract/report-contract';
import { formatDateTime } from '@/domain/format';
import { reportCellText } from '@/domain/reports/report-result';
import { Chart, type ChartSeries } from '@/ui/chart';
import { Dialog, INITIAL_FOCUS } from '@/ui/dialog';
import { FieldMessage } from '@/ui/form-fields';

/** What the Report Viewer keeps in the console's URL: the parameters, whether the result is shown, the warning seen. */
export interface ReportViewerState {
  params: Record<string, string>;
  displayed: boolean;
  acknowledged: boolean;
}

export interface ReportViewerProps {
  admin: string;
  reportId: string;
  params: Readonly<Record<string, string>>;
  displayed: boolean;
  acknowledged: boolean;
  onChange: (next: ReportViewerState) => void;
  /** The console's address of a report with its parameters, and opening it. */
  hrefOf: (link: ReportLink) => string;
  openLink: (link: ReportLink) => void;
  onBack: () => void;
}

/** The most rows of a table drawn in the viewer; Export writes them all. */
const MAX_SHOWN_ROWS = 2000;

/** The colours of the product's states in charts; other series take the palette in turn. */
const SERIES_COLOURS: Record<string, string> = {
  installed: '#3c8d2f',
  required: '#c0392b',
  notRequired: '#7f9bb3',
  unknown: '#a8a8a8',
  computers: '#3465a4',
  pending: '#e8912c',
  retrying: '#c0392b',
  completed: '#3c8d2f',
  noUpdatePoint: '#e8912c',
  itmuCurrent: '#3465a4',
  itmuOutOfDate: '#c0392b',
};
const PALETTE = ['#3465a4', '#e8912c', '#3c8d2f', '#c0392b', '#75507b'];

/**
 * A report in the Report Viewer, in the results pane of Reporting > Reports: its parameter form with pickers fed by
 * the site, Display, the result (tables, a chart where one reads better, links to related reports) and Export. A
 * migrated SMS 2003 report says it is deprecated, names the report to use instead and asks before it runs.
 */
export function ReportViewer(props: ReportViewerProps) {
  const { admin, reportId, displayed, acknowledged, onChange } = props;
  const form = useQuery(reportParametersQuery(admin, reportId));
  const [draft, setDraft] = useState<Record<string, string>>(() => ({ ...props.params }));
  const deprecation = form.data?.report.deprecation ?? null;
  const mayRun = displayed && form.data !== undefined && (deprecation === null || acknowledged);
  const run = useQuery({ ...reportRunQuery(admin, reportId, props.params, acknowledged), enabled: mayRun });
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const headingId = useId();

  if (form.isError) {
    return (
      <ViewerFrame title={`Report ${reportId}`} onBack={props.onBack}>
        <div role="alert" className="m-3">
          <p className="font-semibold">The report cannot be opened.</p>
          <p className="mt-1">{form.error.message}</p>
        </div>
      </ViewerFrame>
    );
  }
  if (!form.data) {
    return (
      <ViewerFrame title="Report Viewer" onBack={props.onBack}>
        <p className="p-3 text-[#555]">Loading…</p>
      </ViewerFrame>
    );
  }
  const { report, parameters } = form.data;
  const fieldError = run.error instanceof ApiRequestError && run.error.status === 400 ? run.error : null;
  const display = (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    onChange({ params: draft, displayed: true, acknowledged });
    if (run.isFetched && JSON.stringify(draft) === JSON.stringify(props.params)) void run.refetch();
  };
  const exportReport = () => {
    setMessage(null);
    downloadReportCsv(admin, reportId, props.params, acknowledged)
      .then(() => setMessage({ text: `Exported ${report.name} to ${reportId}.csv.`, error: false }))
      .catch((error: unknown) =>
        setMessage({ text: error instanceof Error ? error.message : String(error), error: true }),
      );
  };
  const replacement: ReportLink | null = deprecation ? { reportId: deprecation.replacementId, params: {} } : null;

  return (
    <ViewerFrame title={report.name} onBack={props.onBack}>
      <div className="min-h-0 flex-1 overflow-auto px-3 pb-4" aria-labelledby={headingId} role="region">
        <h2 id={headingId} className="mt-2 text-[14px] font-semibold">
          {report.name}
        </h2>
        <p className="text-[#555]">
          {report.category} · {report.origin}
        </p>
        <p className="mt-1 max-w-3xl">{report.description}</p>
        {deprecation && replacement ? (
          <div
            role="note"
            aria-label="Deprecated report"
            className="mt-2 max-w-3xl border border-[#c9a13b] bg-[#fff8dc] p-2"
          >
            <p className="font-semibold">Deprecated: this report was migrated from SMS 2003.</p>
            <p className="mt-1">{deprecation.warning}</p>
            <p className="mt-1">
              Use instead: <ReportAnchor link={replacement} text={deprecation.replacementName} {...props} />
            </p>
          </div>
        ) : null}
        <form onSubmit={display} className="mt-3" noValidate>
          <fieldset className="max-w-3xl border border-[#b5b5b5] px-3 pt-1 pb-2">
            <legend className="px-1">Parameters</legend>
            {parameters.length === 0 ? <p className="text-[#555]">This report takes no parameters.</p> : null}
            <div className="grid grid-cols-[max-content_1fr] items-start gap-x-3 gap-y-1.5">
              {parameters.map((parameter, index) => (
                <ParameterField
                  key={parameter.name}
                  admin={admin}
                  reportId={reportId}
                  parameter={parameter}
                  value={draft[parameter.name] ?? ''}
                  error={fieldError?.field === parameter.name ? fieldError.message : null}
                  autoFocus={index === 0}
                  onChange={(value) => setDraft((current) => ({ ...current, [parameter.name]: value }))}
                />
              ))}
            </div>
          </fieldset>
          <div className="mt-2 flex gap-1.5">
            <button type="submit" className="win-button">
              Display
            </button>
            <button type="button" className="win-button" disabled={!run.data} onClick={exportReport}>
              Export...
            </button>
          </div>
        </form>
        {message ? (
          <p role={message.error ? 'alert' : 'status'} className={`mt-2 ${message.error ? 'text-[#a11]' : ''}`}>
            {message.text}
          </p>
        ) : null}
        {displayed && deprecation && !acknowledged ? (
          <DeprecatedReportDialog
            reportName={report.name}
            warning={deprecation.warning}
            replacementName={deprecation.replacementName}
            onRun={() => onChange({ params: props.params, displayed: true, acknowledged: true })}
            onReplacement={() => replacement && props.openLink(replacement)}
            onCancel={() => onChange({ params: props.params, displayed: false, acknowledged: false })}
          />
        ) : null}
        {mayRun ? (
          <ResultArea
            run={run}
            fieldError={fieldError !== null}
            replacement={replacement}
            replacementName={deprecation?.replacementName ?? null}
            viewer={props}
          />
        ) : null}
      </div>
    </ViewerFrame>
  );
}

function ViewerFrame(props: { title: string; onBack: () => void; children: React.ReactNode }) {
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="results-header flex items-baseline justify-between gap-4 px-2 py-1">
        <h1 className="truncate text-[15px] font-normal">Report Viewer - {props.title}</h1>
      </div>
      <div className="flex flex-wrap items-center gap-2 px-2 py-1">
        <button type="button" className="win-button" onClick={props.onBack}>
          Back to Reports
        </button>
      </div>
      {props.children}
    </div>
  );
}

function ReportAnchor(props: { link: ReportLink; text: string } & Pick<ReportViewerProps, 'hrefOf' | 'openLink'>) {
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    props.openLink(props.link);
  };
  return (
    <a className="win-link" href={props.hrefOf(props.link)} onClick={open}>
      {props.text}
    </a>
  );
}

function ParameterField(props: {
  admin: string;
  reportId: string;
  parameter: ReportParameter;
  value: string;
  error: string | null;
  autoFocus: boolean;
  onChange: (value: string) => void;
}) {
  const { parameter, value, error } = props;
  const id = useId();
  const errorId = `${id}-error`;
  const listId = `${id}-values`;
  const searched = parameter.options === null;
  const values = useQuery({
    ...reportValuesQuery(props.admin, props.reportId, parameter.name, value),
    enabled: searched,
  });
  const common = {
    id,
    className: 'win-input w-full max-w-md',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    'aria-required': parameter.required,
    autoFocus: props.autoFocus,
  } as const;
  return (
    <>
      <label htmlFor={id} className="pt-0.5">
        {parameter.caption}
        {parameter.required ? '' : ' (optional)'}:
      </label>
      <div>
        {searched ? (
          <>
            <input
              {...common}
              type="text"
              list={listId}
              value={value}
              placeholder="Type to find values"
              onChange={(event) => props.onChange(event.target.value)}
            />
            <datalist id={listId}>
              {(values.data?.values ?? []).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </datalist>
          </>
        ) : (
          <select {...common} value={value} onChange={(event) => props.onChange(event.target.value)}>
            <option value="">{parameter.required ? '(choose a value)' : '(all)'}</option>
            {(parameter.options ?? []).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
        {error ? <FieldMessage id={errorId}>{error}</FieldMessage> : null}
      </div>
    </>
  );
}

/** "Run a deprecated report?": the planning topic's warning, the report to use instead, and Run Anyway. */
function DeprecatedReportDialog(props: {
  reportName: string;
  warning: string;
  replacementName: string;
  onRun: () => void;
  onReplacement: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      title="Deprecated Report"
      onClose={props.onCancel}
      width={520}
      footer={
        <>
          <button type="button" className="win-button" onClick={props.onReplacement}>
            Open {props.replacementName}
          </button>
          <button type="button" className="win-button" onClick={props.onRun}>
            Run Anyway
          </button>
          <button type="button" className="win-button" onClick={props.onCancel} {...INITIAL_FOCUS}>
            Cancel
          </button>
        </>
      }
    >
      <p className="font-semibold">{props.reportName} is a deprecated SMS 2003 report.</p>
      <p className="mt-2">{props.warning}</p>
      <p className="mt-2">You should not use the SMS 2003 software updates reports.</p>
    </Dialog>
  );
}

function ResultArea(props: {
  run: { data?: ReportResult; error: Error | null; isFetching: boolean };
  fieldError: boolean;
  replacement: ReportLink | null;
  replacementName: string | null;
  viewer: ReportViewerProps;
}) {
  const { run, viewer } = props;
  if (run.error) {
    if (props.fieldError) {
      return (
        <p role="alert" className="mt-3 text-[#a11]">
          The report was not run: {run.error.message}
        </p>
      );
    }
    const failed = isRuleConflict(run.error, 'sms2003-report-fails');
    return (
      <div role="alert" className="mt-3 max-w-3xl border border-[#c33] bg-[#fdecec] p-2">
        <p className="font-semibold">{failed ? 'The report failed to run.' : 'The report was not run.'}</p>
        <p className="mt-1">{run.error.message}</p>
        {failed && props.replacement && props.replacementName ? (
          <p className="mt-1">
            Use instead: <ReportAnchor link={props.replacement} text={props.replacementName} {...viewer} />
          </p>
        ) : null}
      </div>
    );
  }
  if (!run.data) return <p className="mt-3 text-[#555]">Running the report…</p>;
  return <ReportResultView result={run.data} viewer={viewer} />;
}

function ReportResultView({ result, viewer }: { result: ReportResult; viewer: ReportViewerProps }) {
  return (
    <section aria-label={`${result.report.name} result`} className="mt-3">
      <p className="text-[#555]" role="status">
        Ran at {formatDateTime(result.ranAt)} on the site clock
        {result.parameters.length > 0
          ? ` for ${result.parameters.map((parameter) => `${parameter.caption}: ${parameter.text}`).join('; ')}`
          : ''}
        .
      </p>
      {result.deprecatedResult ? (
        <p role="note" className="mt-2 max-w-3xl border border-[#c9a13b] bg-[#fff8dc] p-2">
          {result.deprecatedResult}
        </p>
      ) : null}
      {result.notes.length > 0 ? (
        <ul className="mt-2 max-w-3xl list-disc pl-5">
          {result.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {result.chart && result.chart.data.length > 0 ? (
        <div className="mt-3 max-w-3xl">
          <Chart
            title={result.chart.title}
            categoryCaption={result.chart.categoryCaption}
            layout={result.chart.layout}
            data={result.chart.data}
            series={result.chart.series.map((series, index): ChartSeries => ({
              ...series,
              color: SERIES_COLOURS[series.key] ?? PALETTE[index % PALETTE.length] ?? '#3465a4',
            }))}
            height={200}
          />
        </div>
      ) : null}
      {result.tables.map((table) => (
        <ReportTableView key={table.id} table={table} viewer={viewer} />
      ))}
      {result.related.length > 0 ? (
        <nav aria-label="Related reports" className="mt-3">
          <h3 className="font-semibold">Related reports</h3>
          <ul className="list-disc pl-5">
            {result.related.map((related) => (
              <li key={related.caption}>
                <ReportAnchor link={related.link} text={related.caption} {...viewer} />
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}

function ReportTableView({ table, viewer }: { table: ReportTable; viewer: ReportViewerProps }) {
  const shown = table.rows.slice(0, MAX_SHOWN_ROWS);
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="report-table border-collapse bg-white text-left">
        <caption className="pb-1 text-left font-semibold whitespace-nowrap">{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={`border border-[#c5c5c5] bg-[#ece9d8] px-2 py-0.5 font-normal whitespace-nowrap ${
                  column.kind === 'number' || column.kind === 'percent' ? 'text-right' : ''
                }`}
              >
                {column.caption}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length} className="border border-[#c5c5c5] px-2 py-0.5 text-[#555]">
                {table.emptyText}
              </td>
            </tr>
          ) : (
            shown.map((row) => (
              <tr key={row.id}>
                {table.columns.map((column) => {
                  const text = reportCellText(column, row.cells[column.key]);
                  const link = row.links?.[column.key];
                  return (
                    <td
                      key={column.key}
                      className={`border border-[#c5c5c5] px-2 py-0.5 ${
                        column.kind === 'number' || column.kind === 'percent' ? 'text-right' : ''
                      }`}
                    >
                      {link ? <ReportAnchor link={link} text={text} {...viewer} /> : text}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {table.rows.length > shown.length ? (
        <p className="mt-1 text-[#555]">
          The first {shown.length} of {table.rows.length} rows are shown; Export writes them all.
        </p>
      ) : null}
    </div>
  );
}
