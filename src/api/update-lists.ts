import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  addUpdatesResponseSchema,
  deleteUpdateListResponseSchema,
  updateListClassRightsSchema,
  updateListEligibilityResponseSchema,
  updateListResponseSchema,
  type ChangeUpdateListRequest,
  type CreateUpdateListRequest,
} from '@/domain/contract/update-list-contract';
import { apiRequest, retryUnlessRefused } from './http';

/**
 * Update lists (docs/api.md, "Update lists"): what the Update List Wizard may offer, creating a list, adding and
 * removing its updates, renaming or describing it, deleting it.
 */

/** What the Update List Wizard may offer for these updates: the lists one may add to, and why not. */
export const updateListEligibilityQuery = (admin: string, updateIds: readonly string[]) =>
  queryOptions({
    queryKey: ['update-list-eligibility', admin, [...updateIds].sort().join(',')],
    queryFn: ({ signal }) =>
      apiRequest('/api/update-lists/eligibility', updateListEligibilityResponseSchema, {
        admin,
        signal,
        method: 'POST',
        body: { updateIds },
      }),
    enabled: updateIds.length > 0,
    retry: retryUnlessRefused,
  });

/** Whether the administrator may create update lists, and if not why. */
export const updateListClassRightsQuery = (admin: string) =>
  queryOptions({
    queryKey: ['update-list-rights', admin],
    queryFn: ({ signal }) => apiRequest('/api/update-lists/rights', updateListClassRightsSchema, { admin, signal }),
    staleTime: 60_000,
  });

/**
 * After a list changes, the console tree (its node under Update Lists), the lists (Update Lists, the list's own
 * updates), open objects and the wizard's answers are stale, for every administrator.
 */
async function refreshAfterChange(queryClient: QueryClient) {
  const stale = new Set([
    'console-tree',
    'list',
    'list-ids',
    'object',
    'update-list-eligibility',
    'update-list-rights',
  ]);
  await queryClient.invalidateQueries({ predicate: (query) => stale.has(String(query.queryKey[0])) });
}

const listPath = (id: string) => `/api/update-lists/${encodeURIComponent(id)}`;

/** POST /api/update-lists: the Update List Wizard's "Create a new update list". */
export function useCreateUpdateList(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateUpdateListRequest) =>
      apiRequest('/api/update-lists', updateListResponseSchema, { admin, method: 'POST', body: request }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** POST /api/update-lists/:id/add-updates: the Update List Wizard's "Add to an existing update list". */
export function useAddUpdatesToUpdateList(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, updateIds }: { id: string; updateIds: readonly string[] }) =>
      apiRequest(`${listPath(id)}/add-updates`, addUpdatesResponseSchema, {
        admin,
        method: 'POST',
        body: { updateIds },
      }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** POST /api/update-lists/:id/remove-updates: "Remove from Update List" on the list's node. */
export function useRemoveUpdatesFromUpdateList(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, updateIds }: { id: string; updateIds: readonly string[] }) =>
      apiRequest(`${listPath(id)}/remove-updates`, updateListResponseSchema, {
        admin,
        method: 'POST',
        body: { updateIds },
      }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** PATCH /api/update-lists/:id: Rename, and the General tab of Properties. */
export function useChangeUpdateList(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...request }: ChangeUpdateListRequest & { id: string }) =>
      apiRequest(listPath(id), updateListResponseSchema, { admin, method: 'PATCH', body: request }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** DELETE /api/update-lists/:id: Delete (the list, never its updates). */
export function useDeleteUpdateList(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(listPath(id), deleteUpdateListResponseSchema, { admin, method: 'DELETE' }),
    onSuccess: async ({ deleted }) => {
      // The list and its node are gone: forget their cached answers rather than ask again for what is not there.
      queryClient.removeQueries({
        predicate: ({ queryKey }) =>
          (queryKey[0] === 'object' && queryKey[2] === 'update-lists' && queryKey[3] === deleted.id) ||
          (queryKey[0] === 'list' && JSON.stringify(queryKey).includes(`/update-lists/${deleted.id}"`)),
      });
      await refreshAfterChange(queryClient);
    },
  });
}
