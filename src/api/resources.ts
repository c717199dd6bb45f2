import { queryOptions } from '@tanstack/react-query';
import { listResponseSchema, objectResponseSchema, RESOURCE_ITEM_SCHEMAS } from '@/domain/contract/api-contract';
import type { ResourceName } from '@/domain/query/resources';
import { apiRequest, retryUnlessRefused } from './http';

export interface ListParams {
  node?: string;
  q?: string;
  searchIn?: string;
  sort?: string;
}

export const LIST_PAGE_SIZE = 100;

function listUrl(resource: ResourceName, params: ListParams, page: number) {
  const search = new URLSearchParams();
  if (params.node) search.set('node', params.node);
  if (params.q) search.set('q', params.q);
  if (params.searchIn && params.searchIn !== 'all') search.set('searchIn', params.searchIn);
  if (params.sort) search.set('sort', params.sort);
  search.set('offset', String(page * LIST_PAGE_SIZE));
  search.set('limit', String(LIST_PAGE_SIZE));
  return `/api/${resource}?${search.toString()}`;
}

/** One page (window) of a node's list; the grid asks for the pages its visible rows fall in. */
export const listPageQuery = (admin: string, resource: ResourceName, params: ListParams, page: number) =>
  queryOptions({
    queryKey: ['list', admin, resource, params, page],
    queryFn: ({ signal }) =>
      apiRequest(listUrl(resource, params, page), listResponseSchema(RESOURCE_ITEM_SCHEMAS[resource]), {
        admin,
        signal,
      }),
    // The audit log grows with refused attempts too, which refresh nothing else: read it again whenever it is shown.
    staleTime: resource === 'audit-log' ? 0 : 30_000,
    // Windows scrolled past are let go soon (the first stays for a return to the node): kept for minutes, the 500
    // windows of a drag to the bottom of 50,000 updates filled the heap and made the garbage collector's pauses long.
    gcTime: page === 0 ? 5 * 60_000 : 10_000,
    // A refusal will not change by asking again.
    retry: retryUnlessRefused,
  });

/** One object with the rights the administrator holds on it (the Properties dialog). */
export const objectQuery = (admin: string, resource: ResourceName, id: string) =>
  queryOptions({
    queryKey: ['object', admin, resource, id],
    queryFn: ({ signal }) =>
      apiRequest(`/api/${resource}/${encodeURIComponent(id)}`, objectResponseSchema(RESOURCE_ITEM_SCHEMAS[resource]), {
        admin,
        signal,
      }),
    staleTime: 30_000,
    retry: retryUnlessRefused,
  });
