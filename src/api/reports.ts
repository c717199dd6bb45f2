import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  reportParametersResponseSchema,
  reportValuesResponseSchema,
  runReportResponseSchema,
} from '@/domain/contract/report-contract';
import { fetchFile, saveAs } from './file-download';
import { apiRequest, retryUnlessRefused } from './http';

/**
 * Reports (docs/api.md, "Reports"): a report's parameter form, the values of a parameter, running it and exporting
 * it. The list of reports is GET /api/reports, read like every list (resources.ts).
 */

/** The query string of a run: the report's parameters (empty ones left out) and the acknowledgement of a warning. */
export function reportRunSearch(params: Readonly<Record<string, string>>, acknowledged: boolean): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== '') search.set(name, value);
  if (acknowledged) search.set('acknowledgeDeprecated', 'yes');
  return search.toString();
}

/** GET /api/reports/:id/parameters: the report and its parameter form, its pickers fed by the site. */
export const reportParametersQuery = (admin: string, reportId: string) =>
  queryOptions({
    queryKey: ['report-parameters', admin, reportId],
    queryFn: ({ signal }) =>
      apiRequest(`/api/reports/${encodeURIComponent(reportId)}/parameters`, reportParametersResponseSchema, {
        admin,
        signal,
      }),
    retry: retryUnlessRefused,
  });

/** GET /api/reports/:id/values/:parameter?q=: the values of a parameter too long to list ("Values..."). */
export const reportValuesQuery = (admin: string, reportId: string, parameter: string, q: string) =>
  queryOptions({
    queryKey: ['report-values', admin, reportId, parameter, q],
    queryFn: ({ signal }) =>
      apiRequest(
        `/api/reports/${encodeURIComponent(reportId)}/values/${encodeURIComponent(parameter)}?${new URLSearchParams({ q })}`,
        reportValuesResponseSchema,
        { admin, signal },
      ),
    retry: retryUnlessRefused,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

/** GET /api/reports/:id/run: the report run with these parameters, counting only what the caller may read. */
export const reportRunQuery = (
  admin: string,
  reportId: string,
  params: Readonly<Record<string, string>>,
  acknowledged: boolean,
) =>
  queryOptions({
    // A run reads the site as it is now: the report changes as the site does, so it is asked again on every display.
    queryKey: ['report-run', admin, reportId, reportRunSearch(params, acknowledged)],
    queryFn: ({ signal }) =>
      apiRequest(
        `/api/reports/${encodeURIComponent(reportId)}/run?${reportRunSearch(params, acknowledged)}`,
        runReportResponseSchema,
        { admin, signal },
      ),
    retry: retryUnlessRefused,
    staleTime: 0,
  });

/** GET /api/reports/:id/result.csv: Export, saved as <report id>.csv. */
export async function downloadReportCsv(
  admin: string,
  reportId: string,
  params: Readonly<Record<string, string>>,
  acknowledged: boolean,
) {
  const response = await fetchFile(
    `/api/reports/${encodeURIComponent(reportId)}/result.csv?${reportRunSearch(params, acknowledged)}`,
    admin,
    'The export failed',
  );
  await saveAs(response, `${reportId}.csv`);
}
