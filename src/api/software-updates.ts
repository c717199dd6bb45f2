import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CLIENT_COMPLIANCE_EXPORT,
  clientComplianceListSchema,
  softwareUpdatePropertiesSchema,
} from '@/domain/contract/software-update-contract';
import type { ComplianceDrill } from '@/domain/software-updates/client-compliance';
import { apiRequest, retryUnlessRefused } from './http';
import { downloadListCsv, fetchListText } from './list-export';

/** A software update's Properties and its compliance drill-down (docs/api.md, "Software update Properties"). */

/** GET /api/software-updates/:id/properties: the tabs of "<title> Properties". */
export const softwareUpdatePropertiesQuery = (admin: string, id: string) =>
  queryOptions({
    queryKey: ['software-update-properties', admin, id],
    queryFn: ({ signal }) =>
      apiRequest(`/api/software-updates/${encodeURIComponent(id)}/properties`, softwareUpdatePropertiesSchema, {
        admin,
        signal,
      }),
    staleTime: 10_000,
    retry: retryUnlessRefused,
  });

/** PUT /api/software-updates/:id/max-run-time: the Maximum Run Time tab's OK or Apply. */
export function useSetMaxRunTime(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, maxRunTimeMinutes }: { id: string; maxRunTimeMinutes: number }) =>
      apiRequest(`/api/software-updates/${encodeURIComponent(id)}/max-run-time`, softwareUpdatePropertiesSchema, {
        admin,
        method: 'PUT',
        body: { maxRunTimeMinutes },
      }),
    onSuccess: async (answer) => {
      queryClient.setQueryData(softwareUpdatePropertiesQuery(admin, answer.item.id).queryKey, answer);
      // The lists show the Maximum Run Time column, and the audit log has a new entry.
      const stale = new Set(['list', 'object', 'software-update-properties']);
      await queryClient.invalidateQueries({ predicate: (query) => stale.has(String(query.queryKey[0])) });
    },
  });
}

export interface ClientComplianceParams {
  updateId: string;
  state: ComplianceDrill;
  q?: string;
  searchIn?: string;
  sort?: string;
}

export const CLIENT_COMPLIANCE_PAGE_SIZE = 100;

function clientSearch(params: ClientComplianceParams) {
  const search = new URLSearchParams({ state: params.state });
  if (params.q) search.set('q', params.q);
  if (params.searchIn && params.searchIn !== 'all') search.set('searchIn', params.searchIn);
  if (params.sort) search.set('sort', params.sort);
  return search;
}

/** One page of the clients behind a compliance count (GET /api/software-updates/:id/clients). */
export const clientCompliancePageQuery = (admin: string, params: ClientComplianceParams, page: number) =>
  queryOptions({
    queryKey: ['list', admin, 'software-update-clients', params, page],
    queryFn: ({ signal }) => {
      const search = clientSearch(params);
      search.set('offset', String(page * CLIENT_COMPLIANCE_PAGE_SIZE));
      search.set('limit', String(CLIENT_COMPLIANCE_PAGE_SIZE));
      return apiRequest(
        `/api/software-updates/${encodeURIComponent(params.updateId)}/clients?${search.toString()}`,
        clientComplianceListSchema,
        { admin, signal },
      );
    },
    staleTime: 10_000,
    retry: retryUnlessRefused,
  });

/** The export's parameters: the list as shown (its search, sort and columns), all rows or the selected `rows`. */
function exportParams(params: ClientComplianceParams, columns: string[], rows?: string) {
  const search = clientSearch(params);
  search.set('update', params.updateId);
  search.set('columns', columns.join(','));
  if (rows) search.set('rows', rows);
  return search;
}

/** Export List...: the drill-down as CSV, through the console's list export (GET /api/export/...csv). */
export function downloadClientComplianceCsv(admin: string, params: ClientComplianceParams, columns: string[]) {
  return downloadListCsv(admin, CLIENT_COMPLIANCE_EXPORT, exportParams(params, columns));
}

/** Ctrl+C: the selected rows as tab-separated text with the captions. */
export function fetchClientComplianceText(
  admin: string,
  params: ClientComplianceParams,
  columns: string[],
  rows: string,
) {
  return fetchListText(admin, CLIENT_COMPLIANCE_EXPORT, exportParams(params, columns, rows));
}
