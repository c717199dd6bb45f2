import { z } from 'zod';

/**
 * What a report is and what running one answers: plain data, so the server writes it and the console parses it with
 * the same schemas (src/domain/contract/report-contract.ts re-exports them).
 */

/** Where a report comes from: the product's own, or migrated by Setup from SMS 2003 (as shipped, or customized). */
export const REPORT_ORIGINS = [
  'Configuration Manager 2007',
  'Migrated from SMS 2003',
  'Customized SMS 2003 report',
] as const;
export type ReportOrigin = (typeof REPORT_ORIGINS)[number];

/**
 * How a migrated SMS 2003 report behaves now: it still reads the SMS 2003 views (stale data), it misses what
 * Configuration Manager clients report (partial data), or it fails because a view it reads no longer exists.
 */
export const DEPRECATED_BEHAVIOURS = ['stale', 'partial', 'fails'] as const;
export type DeprecatedBehaviour = (typeof DEPRECATED_BEHAVIOURS)[number];

/** A link to a report with its parameters filled in (from one report to a related one). */
export const reportLinkSchema = z.object({
  reportId: z.string(),
  params: z.record(z.string(), z.string()),
});
export type ReportLink = z.infer<typeof reportLinkSchema>;

export const reportParameterKindSchema = z.enum([
  'collection',
  'updateList',
  'deployment',
  'deploymentPackage',
  'sms2003Advertisement',
  'vendor',
  'year',
  'classification',
  'product',
  'articleId',
  'computer',
  'complianceState',
  'deploymentState',
  'scanState',
  'site',
]);
export type ReportParameterKind = z.infer<typeof reportParameterKindSchema>;

export const reportOptionSchema = z.object({ value: z.string(), label: z.string() });
export type ReportOption = z.infer<typeof reportOptionSchema>;

/** One parameter of a report, as its parameter form shows it. */
export const reportParameterSchema = z.object({
  /** The query parameter's name (e.g. "collection"). */
  name: z.string(),
  /** The caption, as the product's report viewer shows it (e.g. "Collection ID"). */
  caption: z.string(),
  kind: reportParameterKindSchema,
  required: z.boolean(),
  /**
   * The values the site offers to this caller (its picker), or null when there are too many to list: then
   * GET /api/reports/:id/values/:parameter?q= finds them (the product's "Values..." button).
   */
  options: z.array(reportOptionSchema).nullable(),
});
export type ReportParameter = z.infer<typeof reportParameterSchema>;

export const deprecationSchema = z.object({
  behaviour: z.enum(DEPRECATED_BEHAVIOURS),
  /** What the console says before it runs the report. */
  warning: z.string(),
  replacementId: z.string(),
  replacementName: z.string(),
});
export type Deprecation = z.infer<typeof deprecationSchema>;

/** A report as the Reports node lists it. */
export const reportSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  description: z.string(),
  origin: z.enum(REPORT_ORIGINS),
  deprecation: deprecationSchema.nullable(),
  /** The parameters' captions in order ("Update List ID, Collection ID"), for the list's Parameters column. */
  parameterCaptions: z.string(),
});
export type Report = z.infer<typeof reportSchema>;

export const reportColumnSchema = z.object({
  key: z.string(),
  caption: z.string(),
  kind: z.enum(['text', 'number', 'percent', 'date', 'datetime']),
});
export type ReportColumn = z.infer<typeof reportColumnSchema>;

export const reportRowSchema = z.object({
  id: z.string(),
  cells: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** A cell that opens a related report, by column key. */
  links: z.record(z.string(), reportLinkSchema).optional(),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportTableSchema = z.object({
  id: z.string(),
  title: z.string(),
  columns: z.array(reportColumnSchema),
  rows: z.array(reportRowSchema),
  /** What an empty table says. */
  emptyText: z.string(),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

export const reportChartSchema = z.object({
  title: z.string(),
  categoryCaption: z.string(),
  layout: z.enum(['grouped', 'stacked']),
  /** Keys are the product's states where there are some (installed, required, notRequired, unknown, ...). */
  series: z.array(z.object({ key: z.string(), name: z.string() })),
  data: z.array(z.object({ label: z.string(), values: z.record(z.string(), z.number()) })),
});
export type ReportChart = z.infer<typeof reportChartSchema>;

/** A report run: its parameters in words, the tables, a chart where one reads better, and related reports. */
export const reportResultSchema = z.object({
  report: reportSchema,
  /** When it ran, on the site clock. */
  ranAt: z.string(),
  parameters: z.array(z.object({ name: z.string(), caption: z.string(), value: z.string(), text: z.string() })),
  /** Sentences under the title: what the figures count and leave out (expired updates, unreadable collections). */
  notes: z.array(z.string()),
  /** For a deprecated report: what is wrong with these figures (stale, partial). */
  deprecatedResult: z.string().nullable(),
  chart: reportChartSchema.nullable(),
  tables: z.array(reportTableSchema),
  related: z.array(z.object({ caption: z.string(), link: reportLinkSchema })),
});
export type ReportResult = z.infer<typeof reportResultSchema>;

/** A cell as the report shows it and its CSV writes it: counts grouped (1,250), percents with their sign. */
export function reportCellText(column: Pick<ReportColumn, 'kind'>, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (column.kind === 'percent') return `${value}%`;
    return Number.isInteger(value) && Math.abs(value) < 1000 ? String(value) : COUNT_FORMAT.format(value);
  }
  return value;
}

const COUNT_FORMAT = new Intl.NumberFormat('en-US');
