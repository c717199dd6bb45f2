import { formatDate } from '../format';
import type { SoftwareUpdate } from '../model/software-update';
import { MONTH_NAMES } from '../homepage-summary/homepage-summary';
import { ReportParameterError, type ReportContext, type StateCounts } from './report-context';
import type { ReportMeta } from './report-catalog';
import type { ReportChart, ReportColumn, ReportLink, ReportRow, ReportTable } from './report-result';

/** What a report's query answers; the runner adds the report, the clock and the parameters in words. */
export interface ReportOutput {
  notes: string[];
  chart: ReportChart | null;
  tables: ReportTable[];
  related: Array<{ caption: string; link: ReportLink }>;
  deprecatedResult?: string | null;
}

export type ReportParams = Readonly<Record<string, string | null>>;

/** A report's query: the site as the caller may read it, and the checked parameters, to what the report shows. */
export type ReportRun = (context: ReportContext, params: ReportParams) => ReportOutput;

/** One report: what the Reports node lists (src/domain/reports/report-catalog.ts) and its query. */
export interface ReportDef extends ReportMeta {
  run: ReportRun;
}

export const col = (key: string, caption: string, kind: ReportColumn['kind'] = 'text'): ReportColumn => ({
  key,
  caption,
  kind,
});

export const table = (
  id: string,
  title: string,
  columns: ReportColumn[],
  rows: ReportRow[],
  emptyText: string,
): ReportTable => ({ id, title, columns, rows, emptyText });

export const link = (reportId: string, params: Record<string, string | null | undefined>): ReportLink => ({
  reportId,
  params: Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  ),
});

/** A parameter the runner has checked as required: it is there. */
export function given(params: ReportParams, name: string): string {
  const value = params[name];
  if (value === null || value === undefined) throw new ReportParameterError(name, `${name} is required`);
  return value;
}

/** The compliance series of charts, in the product's order and words. */
export const COMPLIANCE_SERIES = [
  { key: 'installed', name: 'Installed' },
  { key: 'required', name: 'Required' },
  { key: 'notRequired', name: 'Not Required' },
  { key: 'unknown', name: 'Unknown' },
];

/** The compliance columns of a table of updates. */
export const COUNT_COLUMNS = [
  col('required', 'Required', 'number'),
  col('installed', 'Installed', 'number'),
  col('notRequired', 'Not Required', 'number'),
  col('unknown', 'Unknown', 'number'),
  col('percentCompliant', 'Percent Compliant', 'percent'),
];

export function countCells(counts: StateCounts, percent: number) {
  return {
    required: counts.required,
    installed: counts.installed,
    notRequired: counts.notRequired,
    unknown: counts.unknown,
    percentCompliant: percent,
  };
}

export const UPDATE_COLUMNS = [col('title', 'Title'), col('bulletinId', 'Bulletin ID'), col('articleId', 'Article ID')];

export function updateCells(update: SoftwareUpdate) {
  return { title: update.title, bulletinId: update.bulletinId || null, articleId: update.articleId };
}

/** "December 2008" for a date released. */
export function monthOf(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return `${MONTH_NAMES[month - 1] ?? isoDate.slice(5, 7)} ${isoDate.slice(0, 4)}`;
}

export const dateText = (iso: string | null) => (iso ? formatDate(iso) : null);

/** A sentence about the updates a report leaves out, or null when it counts them all. */
export function leftOutNote(heldIds: readonly string[], context: ReportContext, what: string): string | null {
  const missing = heldIds.filter((id) => !context.updateById.has(id)).length;
  if (missing === 0) return null;
  return (
    `${missing} software ${missing === 1 ? 'update' : 'updates'} of ${what} ${missing === 1 ? 'is' : 'are'} not ` +
    'counted: you may not read them, or the LEGACY clean-up script hid them.'
  );
}

/** A note when some of the updates counted are expired (reported as Not Required, as the product does). */
export function expiredNote(updates: readonly SoftwareUpdate[]): string | null {
  const expired = updates.filter((update) => update.expired).length;
  if (expired === 0) return null;
  return (
    `${expired} of these software updates ${expired === 1 ? 'is' : 'are'} expired: an expired update is still ` +
    'tracked, and its clients are reported as Not Required.'
  );
}

/** The most updates a report works out per computer; a wider report asks to be narrowed. */
export const MAX_UPDATES_PER_COMPUTER_REPORT = 2000;

export function requireNarrow(updates: readonly SoftwareUpdate[], parameter: string, how: string): void {
  if (updates.length > MAX_UPDATES_PER_COMPUTER_REPORT) {
    throw new ReportParameterError(
      parameter,
      `${parameter}: ${updates.length} software updates match, more than the ${MAX_UPDATES_PER_COMPUTER_REPORT} this report ` +
        `works out per computer; ${how}`,
    );
  }
}

export const notes = (...sentences: Array<string | null | false | undefined>): string[] =>
  sentences.filter((sentence): sentence is string => typeof sentence === 'string' && sentence !== '');
