import { queryOptions } from '@tanstack/react-query';
import { listIdsResponseSchema, type ListIdsResponse } from '@/domain/contract/api-contract';
import type { ResourceName } from '@/domain/query/resources';
import { apiRequest, retryUnlessRefused } from './http';
import type { ListParams } from './resources';

export { listIdsResponseSchema, type ListIdsResponse };

export interface ListRows extends ListParams {
  /** The selection as the API's `rows` parameter writes it ("0-4,10"); undefined: every row of the list. */
  rows?: string;
}

function listIdsUrl(resource: ResourceName, params: ListRows) {
  const search = new URLSearchParams();
  if (params.node) search.set('node', params.node);
  if (params.q) search.set('q', params.q);
  if (params.searchIn && params.searchIn !== 'all') search.set('searchIn', params.searchIn);
  if (params.sort) search.set('sort', params.sort);
  if (params.rows !== undefined) search.set('rows', params.rows);
  const query = search.toString();
  return `/api/ids/${resource}${query ? `?${query}` : ''}`;
}

/**
 * The IDs of a list's selected rows (the grid's selection is index ranges over the server's list, rows never loaded
 * included). Read once for what a wizard acts on: the answer is kept, not refreshed, so the wizard's objects do not
 * change under it when the list does.
 */
export const listIdsQuery = (admin: string, resource: ResourceName, params: ListRows) =>
  queryOptions({
    queryKey: ['list-ids', admin, resource, params],
    queryFn: ({ signal }) => apiRequest(listIdsUrl(resource, params), listIdsResponseSchema, { admin, signal }),
    staleTime: Infinity,
    retry: retryUnlessRefused,
  });
