import { z } from 'zod';
import { reportOptionSchema, reportParameterSchema, reportResultSchema, reportSchema } from '../reports/report-result';

/**
 * The reports endpoints (docs/api.md, "Reports"): the list is GET /api/reports like every list; these are a report's
 * parameter form, the values of one parameter, and a run (JSON or CSV). The server writes, and the console parses,
 * with these schemas.
 */

export {
  reportLinkSchema,
  reportResultSchema,
  reportSchema,
  type Report,
  type ReportChart,
  type ReportLink,
  type ReportOption,
  type ReportParameter,
  type ReportResult,
  type ReportTable,
} from '../reports/report-result';

/** GET /api/reports/:id/parameters: the report and its parameter form, with the values the site offers the caller. */
export const reportParametersResponseSchema = z.object({
  report: reportSchema,
  parameters: z.array(reportParameterSchema),
});
export type ReportParametersResponse = z.infer<typeof reportParametersResponseSchema>;

/** GET /api/reports/:id/values/:parameter?q=: the values of one parameter that contain q. */
export const reportValuesResponseSchema = z.object({ values: z.array(reportOptionSchema) });
export type ReportValuesResponse = z.infer<typeof reportValuesResponseSchema>;

export { reportResultSchema as runReportResponseSchema };

/**
 * The query parameters of a run that are not the report's own: `acknowledgeDeprecated=yes` runs a deprecated SMS 2003
 * report after its warning. Every other query parameter is a parameter of the report.
 */
export const RUN_OPTION_NAMES = ['acknowledgeDeprecated'] as const;

export const acknowledgeDeprecatedSchema = z
  .enum(['yes', 'no'], { error: 'acknowledgeDeprecated must be yes or no' })
  .optional()
  .transform((value) => value === 'yes');

/** The longest search of a parameter's values. */
export const MAX_VALUES_QUERY = 256;
export const valuesQuerySchema = z.object({
  q: z
    .string()
    .max(MAX_VALUES_QUERY, `q must be at most ${MAX_VALUES_QUERY} characters`)
    .optional()
    .transform((q) => q ?? ''),
});
