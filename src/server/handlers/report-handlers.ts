import { http, HttpResponse } from 'msw';
import Papa from 'papaparse';
import { z } from 'zod';
import {
  acknowledgeDeprecatedSchema,
  RUN_OPTION_NAMES,
  valuesQuerySchema,
  type ReportParametersResponse,
  type ReportValuesResponse,
} from '@/domain/contract/report-contract';
import type { ReportDef } from '@/domain/reports/report-building';
import { ReportAccessError, ReportParameterError } from '@/domain/reports/report-context';
import { reportCellText, type ReportResult } from '@/domain/reports/report-result';
import { reportDefOf, reportOf, reportParameters, reportParameterValues, runReport } from '@/domain/reports/reports';
import { RuleViolation } from '@/domain/rule-violation';
import type { Backend } from '../backend';
import { ApiError, badRequest, conflict, forbidden, notFound } from '../errors';
import { requireNodeRead } from '../queries';
import { formatDateTime } from '@/domain/format';
import { json, parseOr400, requireAdmin } from './http';

/**
 * Computer Management > Reporting > Reports: a report's parameter form (with the values the site offers the caller),
 * the values of one parameter, and running it, as JSON or as the CSV file Export writes. The list itself is
 * GET /api/reports like every list (resource-handlers.ts). Reports only read the site; a report never counts an
 * object the caller may not read (src/domain/reports).
 */
export function reportHandlers(backend: Backend) {
  /** The report named: Read on the site first (who may not open Reports learns nothing), then 404. */
  const reportFor = (account: string, id: string): ReportDef => {
    requireNodeRead(backend, account, 'reports');
    const def = reportDefOf(id);
    if (!def) throw notFound(`There is no report with ID ${id}. GET /api/reports lists them.`);
    return def;
  };

  const run = (request: Request, id: string): { def: ReportDef; result: ReportResult } => {
    const account = requireAdmin(request, backend);
    const def = reportFor(account, id);
    const { given, acknowledged } = runParamsOf(request);
    const result = asApiErrors(() => runReport(backend.state, account, backend.rights, def, given, acknowledged));
    return { def, result };
  };

  return [
    http.get(
      '*/api/reports/:id/parameters',
      json(({ request, params }): ReportParametersResponse => {
        const account = requireAdmin(request, backend);
        const def = reportFor(account, String(params.id));
        return { report: reportOf(def), parameters: reportParameters(backend.state, account, backend.rights, def) };
      }),
    ),
    http.get(
      '*/api/reports/:id/values/:parameter',
      json(({ request, params }): ReportValuesResponse => {
        const account = requireAdmin(request, backend);
        const def = reportFor(account, String(params.id));
        const { q } = parseOr400(valuesQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
        const values = asApiErrors(() =>
          reportParameterValues(backend.state, account, backend.rights, def, String(params.parameter), q),
        );
        return { values };
      }),
    ),
    http.get(
      '*/api/reports/:id/run',
      json(({ request, params }): ReportResult => run(request, String(params.id)).result),
    ),
    // Export: the report as CSV (its parameters, then each table under its title).
    http.get('*/api/reports/:id/result.csv', ({ request, params }) => {
      try {
        const { def, result } = run(request, String(params.id));
        return reportCsvResponse(def.id, result);
      } catch (error) {
        const refused =
          error instanceof RuleViolation
            ? conflict(error.message, error.rule)
            : error instanceof ApiError
              ? error
              : null;
        if (refused) return HttpResponse.json(refused.toBody(), { status: refused.status });
        throw error;
      }
    }),
  ];
}

/** The report's own parameters and whether its deprecation warning was acknowledged; a repeated one is a 400. */
function runParamsOf(request: Request): { given: Record<string, string>; acknowledged: boolean } {
  const search = new URL(request.url).searchParams;
  const given: Record<string, string> = {};
  for (const [name, value] of search) {
    if (name in given || (name === 'acknowledgeDeprecated' && search.getAll(name).length > 1)) {
      throw badRequest(name, `${name}: give it once`);
    }
    if ((RUN_OPTION_NAMES as readonly string[]).includes(name)) continue;
    given[name] = value;
  }
  const { acknowledgeDeprecated } = parseOr400(z.object({ acknowledgeDeprecated: acknowledgeDeprecatedSchema }), {
    acknowledgeDeprecated: search.get('acknowledgeDeprecated') ?? undefined,
  });
  return { given, acknowledged: acknowledgeDeprecated };
}

/** The domain's refusals of a report as the API's: 400 naming the parameter, 403 naming the right and object. */
function asApiErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ReportParameterError) throw badRequest(error.parameter, error.message);
    if (error instanceof ReportAccessError) throw forbidden(error.message);
    throw error;
  }
}

/**
 * A report as the CSV file Export writes: the report's name, when it ran and its parameters, then each table under its
 * title, a blank line between. Every cell goes through papaparse's escapeFormulae, so a name that starts like a
 * formula (an update list called "=HYPERLINK(...)") is never run by a spreadsheet.
 */
function reportCsvResponse(id: string, result: ReportResult) {
  const unparse = (rows: string[][]) => Papa.unparse(rows, { escapeFormulae: true, newline: '\r\n' });
  const header = unparse([
    [result.report.name],
    ['Ran At', formatDateTime(result.ranAt)],
    ...result.parameters.map((parameter) => [parameter.caption, parameter.text]),
    ...(result.deprecatedResult ? [[result.deprecatedResult]] : []),
  ]);
  const tables = result.tables.map((table) =>
    unparse([
      [table.title],
      table.columns.map((column) => column.caption),
      ...table.rows.map((row) => table.columns.map((column) => reportCellText(column, row.cells[column.key]))),
    ]),
  );
  return new HttpResponse(`\uFEFF${[header, ...tables].join('\r\n\r\n')}\r\n`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${id}.csv"`,
    },
  });
}
