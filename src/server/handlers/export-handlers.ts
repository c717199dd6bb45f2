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

const exportQuerySchema = listQuerySchema.omit({ offset: true, limit: true }).extend({
  columns: z
    .string()
    .regex(/^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$/, 'columns must be column keys separated by commas, e.g. "title,bulletinId"')
    .optional(),
});

const EXPORT_LIMIT = 100_000;

/**
 * GET /api/export/<resource>.csv: the rows of a list exactly as the console shows them (same node, search and sort;
 * the columns asked for, in that order, with their captions as headers), as CSV. Cells that a spreadsheet would run
 * as a formula are escaped (papaparse's escapeFormulae).
 */
export function exportHandlers(backend: Backend) {
  return [
    http.get('*/api/export/:file', async ({ request, params }) => {
      try {
        const account = requireAdmin(request, backend);
        const file = String(params.file);
        const resource = file.replace(/\.csv$/, '') as ResourceName;
        if (!file.endsWith('.csv') || !(RESOURCE_NAMES as readonly string[]).includes(resource)) {
          throw badRequest(
            'resource',
            `resource: "${file}" is not an export; use <resource>.csv, e.g. migration-report.csv`,
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
        const { items } = listWindow(backend, account, resource, { ...query, offset: 0, limit: EXPORT_LIMIT });
        const csv = Papa.unparse(
          {
            fields: fields.map((field) => field.caption),
            data: items.map((item) => fields.map((field) => fieldText(field, item))),
          },
          { escapeFormulae: true, newline: '\r\n' },
        );
        return new HttpResponse(`\uFEFF${csv}\r\n`, {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="${resource}.csv"`,
          },
        });
      } catch (error) {
        if (error instanceof ApiError) return HttpResponse.json(error.toBody(), { status: error.status });
        throw error;
      }
    }),
  ];
}
