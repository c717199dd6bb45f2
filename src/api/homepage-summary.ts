import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  homepageResponseSchema,
  homepageSummarizationResponseSchema,
  type ScheduleHomepageRequest,
} from '@/domain/contract/homepage-contract';
import type { HomepageFilter } from '@/domain/homepage-summary/homepage-summary';
import { apiRequest, isForbidden, retryUnlessRefused } from './http';

/** Rows of the summary grid fetched at a time. */
export const HOMEPAGE_PAGE_SIZE = 200;

/**
 * How often the home page asks again: a scheduled summarization runs on the site clock, and another administrator may
 * run one (the product shows it "the next time the screen is refreshed").
 */
export const HOMEPAGE_POLL_MS = 5000;

export interface HomepageParams extends HomepageFilter {
  sort: string | null;
}

export function homepagePath(params: HomepageParams, page: number): string {
  const search = new URLSearchParams();
  if (params.vendor !== null) search.set('vendor', params.vendor);
  if (params.classification !== null) search.set('classification', params.classification);
  if (params.month !== null) search.set('month', String(params.month));
  if (params.year !== null) search.set('year', String(params.year));
  if (params.sort) search.set('sort', params.sort);
  search.set('offset', String(page * HOMEPAGE_PAGE_SIZE));
  search.set('limit', String(HOMEPAGE_PAGE_SIZE));
  return `/api/homepage-summary?${search.toString()}`;
}

/** GET /api/homepage-summary: one window of the Software Update Installation Status Summary, with its chart. */
export const homepageSummaryQuery = (admin: string, params: HomepageParams, page = 0) =>
  queryOptions({
    queryKey: ['homepage-summary', admin, params, page],
    queryFn: ({ signal }) => apiRequest(homepagePath(params, page), homepageResponseSchema, { admin, signal }),
    retry: retryUnlessRefused,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (isForbidden(query.state.error) ? false : HOMEPAGE_POLL_MS),
  });

/** What changed when a summarization ran or its schedule changed: the home page, and the audit log's list. */
function refreshAfterChange(queryClient: ReturnType<typeof useQueryClient>) {
  return queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] === 'homepage-summary' || query.queryKey[0] === 'list',
  });
}

/** POST /api/homepage-summary/run: Run Homepage Summarization. */
export function useRunHomepageSummarization(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest('/api/homepage-summary/run', homepageSummarizationResponseSchema, {
        admin,
        method: 'POST',
        body: {},
      }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** PUT /api/homepage-summary/schedule: the Custom Schedule dialog of Schedule Home Page Summarization. */
export function useScheduleHomepageSummarization(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ScheduleHomepageRequest) =>
      apiRequest('/api/homepage-summary/schedule', homepageSummarizationResponseSchema, {
        admin,
        method: 'PUT',
        body: request,
      }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}
