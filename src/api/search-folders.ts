import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  deleteSearchFolderResponseSchema,
  searchFolderClassRightsSchema,
  searchFolderResponseSchema,
  type CreateSearchFolderRequest,
  type RenameSearchFolderRequest,
} from '@/domain/contract/search-folder-contract';
import { softwareUpdateFacetsSchema } from '@/domain/search-folders/search-folder-criteria';
import { apiRequest, retryUnlessRefused } from './http';

/** The products, vendors, classifications and severities of the updates the administrator may read. */
export const softwareUpdateFacetsQuery = (admin: string) =>
  queryOptions({
    queryKey: ['software-update-facets', admin],
    queryFn: ({ signal }) => apiRequest('/api/software-updates/facets', softwareUpdateFacetsSchema, { admin, signal }),
    staleTime: 60_000,
    retry: retryUnlessRefused,
  });

/** Whether the administrator may create search folders, and if not why ("New Search Folder..." is greyed out with it). */
export const searchFolderClassRightsQuery = (admin: string) =>
  queryOptions({
    queryKey: ['search-folder-rights', admin],
    queryFn: ({ signal }) => apiRequest('/api/search-folders/rights', searchFolderClassRightsSchema, { admin, signal }),
    staleTime: 60_000,
  });

/**
 * After a search folder changes, the console tree (its nodes under Search Folders), the lists (the Search Folders
 * list, the folder's own list) and open objects are stale, for every administrator: smsadmin sees everyone's folders.
 */
async function refreshAfterChange(queryClient: QueryClient) {
  const stale = new Set(['console-tree', 'list', 'object', 'search-folder-rights']);
  await queryClient.invalidateQueries({ predicate: (query) => stale.has(String(query.queryKey[0])) });
}

/** POST /api/search-folders: the Search Folder Criteria dialog's OK. */
export function useCreateSearchFolder(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateSearchFolderRequest) =>
      apiRequest('/api/search-folders', searchFolderResponseSchema, { admin, method: 'POST', body: request }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** PATCH /api/search-folders/:id: Rename. */
export function useRenameSearchFolder(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...request }: RenameSearchFolderRequest & { id: string }) =>
      apiRequest(`/api/search-folders/${encodeURIComponent(id)}`, searchFolderResponseSchema, {
        admin,
        method: 'PATCH',
        body: request,
      }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** DELETE /api/search-folders/:id: Delete (the folder, never the updates it finds). */
export function useDeleteSearchFolder(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/api/search-folders/${encodeURIComponent(id)}`, deleteSearchFolderResponseSchema, {
        admin,
        method: 'DELETE',
      }),
    onSuccess: async ({ deleted }) => {
      // The folder and its node are gone: forget their cached answers rather than ask again for what is not there.
      queryClient.removeQueries({
        predicate: ({ queryKey }) =>
          (queryKey[0] === 'object' && queryKey[2] === 'search-folders' && queryKey[3] === deleted.id) ||
          (queryKey[0] === 'list' && JSON.stringify(queryKey).includes(`/search-folders/${deleted.id}"`)),
      });
      await refreshAfterChange(queryClient);
    },
  });
}
