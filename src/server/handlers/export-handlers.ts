import { http, HttpResponse } from 'msw';
import Papa from 'papaparse';
import { z } from 'zod';
import { listQuerySchema } from '@/domain/contract/api-contract';
import { fieldText } from '@/domain/query/fields';
import { fieldOf, RESOURCE_NAMES, RESOURCES, type ResourceName } from '@/domain/query/resources';
import { ApiError, badRequest } from '../errors';
import type { Backend } from '../backend';
import { listWindow } from '../queries';
import { parseOr400, requireAdmin, searchParamsOf } from './http';

/** Only these rows of a list (its selection), by position: "0-4,10,12-13". Also read by GET /api/ids/<resource>. */
export const rowsParamSchema = z
  .string()
  .max(20_000, 'rows must be at most 20,000 characters')
  .regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, 'rows must be positions or ranges separated by commas, e.g. "0-4,10"');

const exportQuerySchema = listQuerySchema.omit({ offset: true, limit: true }).extend({
  columns: z
    .string()
    .regex(/^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$/, 'columns must be column keys separated by commas, e.g. "title,bulletinId"')
    .optional(),
  rows: rowsParamSchema.optional(),
});

/** The positions a `rows` parameter names, in list order, within [0, total). */
export function pickRows(rows: string, total: number): number[] {
  const picked = new Set<number>();
  for (const part of rows.split(',')) {
    const [from, to = from] = part.split('-').map(Number) as [number, number?];
    for (let index = Math.max(0, from); index <= Math.min(total - 1, to as number); index++) picked.add(index);
  }
  return [...picked].sort((a, b) => a - b);
}

const EXPORT_LIMIT = 100_000;

/**
 * GET /api/export/<resource>.csv (or .tsv, what Ctrl+C copies): the rows of a list exactly as the console shows them
 * (same node, search and sort; all of them or the selected `rows`; the columns asked for, in that order, with their
 * captions as headers). Cells that a spreadsheet would run
 * as a formula are escaped (papaparse's escapeFormulae).
 */
export function exportHandlers(backend: Backend) {
  return [
    http.get('*/api/export/:file', async ({ request, params }) => {
      try {
        const account = requireAdmin(request, backend);
        const file = String(params.file);
        const format = file.endsWith('.tsv') ? 'tsv' : 'csv';
        const resource = file.replace(/\.(csv|tsv)$/, '') as ResourceName;
        if (!/\.(csv|tsv)$/.test(file) || !(RESOURCE_NAMES as readonly string[]).includes(resource)) {
          throw badRequest(
            'resource',
            `resource: "${file}" is not an export; use <resource>.csv or <resource>.tsv, e.g. migration-report.csv`,
          );
        }
        const query = parseOr400(exportQuerySchema, searchParamsOf(request));
        const def = RESOURCES[resource];
        const keys = query.columns ? query.columns.split(',') : def.fields.map((field) => field.key);
        const fields = keys.map((key) => {
          const field = fieldOf(def, key);
          if (!field) throw badRequest('columns', `columns: "${key}" is not a column of ${resource}`);
          return field;
        });
        const { items: all } = listWindow(backend, account, resource, { ...query, offset: 0, limit: EXPORT_LIMIT });
        const items = query.rows
          ? pickRows(query.rows, all.length).map((index) => all[index] as (typeof all)[number])
          : all;
        return tableFileResponse(
          format,
          resource,
          fields.map((field) => field.caption),
          items.map((item) => fields.map((field) => fieldText(field, item))),
        );
      } catch (error) {
        if (error instanceof ApiError) return HttpResponse.json(error.toBody(), { status: error.status });
        throw error;
      }
    }),
  ];
}

/**
 * A table as the file the console downloads: CSV (with a byte order mark, for spreadsheets) or TSV (what Ctrl+C copies:
 * tab-separated rows with the column captions first, ready to paste). Also written for the compliance drill-down
 * (src/server/handlers/software-update-handlers.ts).
 */
export function tableFileResponse(format: 'csv' | 'tsv', name: string, captions: string[], rows: string[][]) {
  const table = { fields: captions, data: rows };
  if (format === 'tsv') {
    const tsv = Papa.unparse(table, { delimiter: '\t', escapeFormulae: true, newline: '\r\n' });
    return new HttpResponse(endLine(tsv, rows.length), {
      headers: { 'Content-Type': 'text/tab-separated-values; charset=utf-8' },
    });
  }
  const csv = Papa.unparse(table, { escapeFormulae: true, newline: '\r\n' });
  return new HttpResponse(`\uFEFF${endLine(csv, rows.length)}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.csv"`,
    },
  });
}

/**
 * Every line ends with CRLF, the last one too. papaparse ends a table with no rows with one already; with rows it does
 * not (and a last row of empty cells must keep its own line).
 */
function endLine(text: string, rowCount: number): string {
  return rowCount === 0 && text.endsWith('\r\n') ? text : `${text}\r\n`;
}
