import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  deploymentPackagePropertiesSchema,
  downloadEligibilityResponseSchema,
  downloadResponseSchema,
  type DownloadRequest,
  type UpdateDeploymentPackageRequest,
} from '@/domain/contract/deployment-package-contract';
import { apiRequest } from './http';

/** The Download Updates Wizard's and a deployment package's Properties calls (docs/api.md, "Deployment packages"). */

/** What the wizard may offer for these updates: the packages, the distribution points, and why not. */
export const downloadEligibilityQuery = (admin: string, updateIds: readonly string[]) =>
  queryOptions({
    queryKey: ['download-eligibility', admin, [...updateIds].sort().join(',')],
    queryFn: ({ signal }) =>
      apiRequest('/api/deployment-packages/download-eligibility', downloadEligibilityResponseSchema, {
        admin,
        signal,
        method: 'POST',
        body: { updateIds },
      }),
    enabled: updateIds.length > 0,
  });

/** A package's Properties: the package, the rights held on it, its content and distribution points. */
export const deploymentPackagePropertiesQuery = (admin: string, id: string) =>
  queryOptions({
    queryKey: ['object', 'deployment-package-properties', admin, id],
    queryFn: ({ signal }) =>
      apiRequest(`/api/deployment-packages/${encodeURIComponent(id)}/properties`, deploymentPackagePropertiesSchema, {
        admin,
        signal,
      }),
  });

/** After a download or a change, the tree, the lists, open objects and jobs are stale. */
async function refreshAfterChange(queryClient: QueryClient) {
  const stale = new Set([
    'console-tree',
    'list',
    'object',
    'download-eligibility',
    'deployment-eligibility',
    'site-jobs',
  ]);
  await queryClient.invalidateQueries({ predicate: (query) => stale.has(String(query.queryKey[0])) });
}

/** POST /api/deployment-packages/download: the Download Updates Wizard's Summary > Next. */
export function useDownloadSoftwareUpdates(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: DownloadRequest) =>
      apiRequest('/api/deployment-packages/download', downloadResponseSchema, { admin, method: 'POST', body: request }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** PATCH /api/deployment-packages/:id: the General tab saved. */
export function useUpdateDeploymentPackage(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...request }: UpdateDeploymentPackageRequest & { id: string }) =>
      apiRequest(`/api/deployment-packages/${encodeURIComponent(id)}`, deploymentPackagePropertiesSchema, {
        admin,
        method: 'PATCH',
        body: request,
      }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}
