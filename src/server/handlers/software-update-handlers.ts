import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import {
  clientComplianceQuerySchema,
  setMaxRunTimeRequestSchema,
  type ClientComplianceList,
  type SoftwareUpdateProperties,
} from '@/domain/contract/software-update-contract';
import type { SoftwareUpdate } from '@/domain/model/software-update';
import { parseSort, selectAndSort } from '@/domain/query/list-query';
import { fieldOf } from '@/domain/query/resources';
import { canRead, missingRightOnObjectMessage } from '@/domain/rights/rights';
import {
  CLIENT_COMPLIANCE_DEFAULT_SORT,
  CLIENT_COMPLIANCE_FIELDS,
  CLIENT_COMPLIANCE_LIST,
  clientComplianceRows,
  clientComplianceText,
  clientsInState,
  countOf,
  readableClientIds,
  type ClientComplianceRow,
  type ComplianceDrill,
} from '@/domain/software-updates/client-compliance';
import {
  MAX_MAX_RUN_TIME_MINUTES,
  MIN_MAX_RUN_TIME_MINUTES,
  whyCannotModifyUpdate,
  whyMaxRunTimeIsFixedHere,
} from '@/domain/software-updates/max-run-time';
import {
  articleUrl,
  bulletinUrl,
  contentOf,
  sms2003Deployability,
  supersedenceOf,
} from '@/domain/software-updates/update-properties';
import type { Backend } from '../backend';
import { ApiError, badRequest, forbidden, notFound } from '../errors';
import { objectById, requireNodeRead } from '../queries';
import { pickRows, rowsParamSchema, tableFileResponse } from './export-handlers';
import { json, jsonBodyOf, parseBodyOr400, parseOr400, requireAdmin, searchParamsOf } from './http';

/** The drill-down's CSV and TSV (what Ctrl+C copies): GET /api/export/software-update-clients.csv|.tsv */
export const CLIENT_COMPLIANCE_EXPORT_PATHS = [
  '*/api/export/software-update-clients.csv',
  '*/api/export/software-update-clients.tsv',
] as const;

const exportQuerySchema = clientComplianceQuerySchema.omit({ offset: true, limit: true }).extend({
  update: z.string({ error: 'update must name a software update by its CI ID' }).min(1, 'update cannot be empty'),
  columns: z
    .string()
    .regex(/^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$/, 'columns must be column keys separated by commas, e.g. "name,state"')
    .optional(),
  rows: rowsParamSchema.optional(),
});

/** The rows of one update's drill-down, per site version: made on demand, a few kept for paging and sorting. */
interface RowsEntry {
  version: number;
  updateId: string;
  byState: Map<ComplianceDrill, ClientComplianceRow[]>;
}
const MAX_CACHED_UPDATES = 8;
const rowsCache = new WeakMap<Backend, RowsEntry[]>();

function rowsOf(backend: Backend, update: SoftwareUpdate, drill: ComplianceDrill): ClientComplianceRow[] {
  let entries = rowsCache.get(backend);
  if (!entries) rowsCache.set(backend, (entries = []));
  let entry = entries.find((candidate) => candidate.version === backend.version && candidate.updateId === update.id);
  if (!entry) {
    const all = clientComplianceRows(backend.state, update);
    entry = { version: backend.version, updateId: update.id, byState: new Map([['all', all]]) };
    entries.unshift(entry);
    entries.splice(MAX_CACHED_UPDATES);
  }
  let rows = entry.byState.get(drill);
  if (!rows) entry.byState.set(drill, (rows = clientsInState(entry.byState.get('all') ?? [], drill)));
  return rows;
}

/**
 * A software update's Properties (the tabs beyond its own fields), its Maximum Run Time, and the clients behind each of
 * its compliance counts. Every answer names only what the caller may read: an update needs Read on it, a client Read on
 * a collection it belongs to (as a collection's node lists it), a package Read on it.
 */
export function softwareUpdateHandlers(backend: Backend) {
  /** The update the request names: 404 (to a caller who may see updates at all), 403 without Read on it. */
  const readableUpdate = (account: string, id: string): SoftwareUpdate => {
    const update = objectById(backend, 'software-updates', id) as SoftwareUpdate | undefined;
    if (!update) {
      requireNodeRead(backend, account, 'software-updates');
      throw notFound(`There is no software update with ID ${id}.`);
    }
    if (!canRead(backend.rights, account, 'SoftwareUpdate', id)) {
      throw forbidden(missingRightOnObjectMessage(account, 'Read', 'SoftwareUpdate', id));
    }
    return update;
  };

  const properties = (account: string, update: SoftwareUpdate): SoftwareUpdateProperties => {
    const state = backend.state;
    const { rights } = backend;
    return {
      item: update,
      rights: rights.rightsOn(account, 'SoftwareUpdate', update.id),
      links: { article: articleUrl(update.articleId), bulletin: bulletinUrl(update.bulletinId) },
      sms2003: sms2003Deployability(update, state),
      supersedence: supersedenceOf(update, state, (id) => canRead(rights, account, 'SoftwareUpdate', id)),
      content: contentOf(update, state, (kind, id) =>
        canRead(rights, account, kind === 'Deployment package' ? 'DeploymentPackage' : 'Package', id),
      ),
      maxRunTime: {
        minutes: update.maxRunTimeMinutes,
        min: MIN_MAX_RUN_TIME_MINUTES,
        max: MAX_MAX_RUN_TIME_MINUTES,
        whyNot: whyCannotModifyUpdate(rights, account, update.id) ?? whyMaxRunTimeIsFixedHere(state),
      },
    };
  };

  /** The clients behind one count, those the caller may read, found and sorted like any list. */
  const clientsList = (
    account: string,
    update: SoftwareUpdate,
    query: { state: ComplianceDrill; q: string; searchIn: string; sort?: string },
  ): ClientComplianceRow[] => {
    const sortText = query.sort ?? CLIENT_COMPLIANCE_DEFAULT_SORT;
    const sort = parseSort(sortText);
    if (!sort || !fieldOf(CLIENT_COMPLIANCE_LIST, sort.field)) {
      throw badRequest('sort', `sort: "${sort?.field ?? sortText}" is not a column of the compliance drill-down`);
    }
    if (query.searchIn !== 'all' && !fieldOf(CLIENT_COMPLIANCE_LIST, query.searchIn)) {
      throw badRequest(
        'searchIn',
        `searchIn: "${query.searchIn}" is not a column of the compliance drill-down; use "all" or a column key`,
      );
    }
    const readable = readableClientIds(backend.rights, account, backend.state.collectionMembers);
    return selectAndSort(
      CLIENT_COMPLIANCE_LIST,
      rowsOf(backend, update, query.state),
      { q: query.q, searchIn: query.searchIn, sort },
      (row) => readable.has(row.id),
    );
  };

  const exportHandler =
    (format: 'csv' | 'tsv') =>
    async ({ request }: { request: Request }) => {
      try {
        const account = requireAdmin(request, backend);
        const query = parseOr400(exportQuerySchema, searchParamsOf(request));
        const keys = query.columns ? query.columns.split(',') : CLIENT_COMPLIANCE_FIELDS.map((field) => field.key);
        const fields = keys.map((key) => {
          const field = CLIENT_COMPLIANCE_FIELDS.find((candidate) => candidate.key === key);
          if (!field) throw badRequest('columns', `columns: "${key}" is not a column of the compliance drill-down`);
          return field;
        });
        const update = readableUpdate(account, query.update);
        const all = clientsList(account, update, query);
        const rows = query.rows
          ? pickRows(query.rows, all.length).map((index) => all[index] as ClientComplianceRow)
          : all;
        return tableFileResponse(
          format,
          'software-update-clients',
          fields.map((field) => field.caption),
          rows.map((row) => fields.map((field) => clientComplianceText(field.key, row))),
        );
      } catch (error) {
        if (error instanceof ApiError) return HttpResponse.json(error.toBody(), { status: error.status });
        throw error;
      }
    };

  return [
    http.get(
      '*/api/software-updates/:id/properties',
      json(({ request, params }) => {
        const account = requireAdmin(request, backend);
        return properties(account, readableUpdate(account, String(params.id)));
      }),
    ),
    http.put(
      '*/api/software-updates/:id/max-run-time',
      json(async ({ request, params }) => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        const body = parseBodyOr400(
          setMaxRunTimeRequestSchema,
          await jsonBodyOf(request),
          'PUT /api/software-updates/:id/max-run-time',
        );
        readableUpdate(account, id);
        const refused = whyCannotModifyUpdate(backend.rights, account, id);
        if (refused) throw forbidden(refused);
        // The central-site rule and the range are the domain's: a refusal there is a 409 naming the rule.
        await backend.apply({
          type: 'set-software-update-max-run-time',
          updateId: id,
          maxRunTimeMinutes: body.maxRunTimeMinutes,
          by: account,
        });
        return properties(account, readableUpdate(account, id));
      }),
    ),
    http.get(
      '*/api/software-updates/:id/clients',
      json(({ request, params }): ClientComplianceList => {
        const account = requireAdmin(request, backend);
        const query = parseOr400(clientComplianceQuerySchema, searchParamsOf(request));
        const update = readableUpdate(account, String(params.id));
        const rows = clientsList(account, update, query);
        return {
          items: rows.slice(query.offset, query.offset + query.limit),
          total: rows.length,
          offset: query.offset,
          limit: query.limit,
          update: { id: update.id, title: update.title },
          state: query.state,
          count: countOf(update.compliance, query.state),
        };
      }),
    ),
    http.get(CLIENT_COMPLIANCE_EXPORT_PATHS[0], exportHandler('csv')),
    http.get(CLIENT_COMPLIANCE_EXPORT_PATHS[1], exportHandler('tsv')),
  ];
}
