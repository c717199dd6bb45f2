import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  collectionObjectResponseSchema,
  deploymentObjectResponseSchema,
  type CollectionPropertiesRequest,
  type DeploymentPropertiesRequest,
} from '@/domain/contract/deployment-properties-contract';
import { apiRequest } from './http';

/**
 * A deployment's Properties (General, Schedule), Remove Software Updates from a deployment, and a collection's
 * Properties (docs/api.md, "Deployment and collection Properties").
 */

/** After a change the lists, the console tree (a deployment's name), open objects, selections and jobs are stale. */
async function refreshAfterChange(queryClient: QueryClient) {
  const stale = new Set(['console-tree', 'list', 'object', 'list-ids', 'deployment-eligibility', 'site-jobs']);
  await queryClient.invalidateQueries({ predicate: (query) => stale.has(String(query.queryKey[0])) });
}

/** PATCH /api/deployments/:id: the deployment's General and Schedule saved (OK or Apply). */
export function useUpdateDeploymentProperties(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...request }: DeploymentPropertiesRequest & { id: string }) =>
      apiRequest(`/api/deployments/${encodeURIComponent(id)}`, deploymentObjectResponseSchema, {
        admin,
        method: 'PATCH',
        body: request,
      }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** POST /api/deployments/:id/remove-updates: the selected updates of the deployment's Software Updates node. */
export function useRemoveDeploymentUpdates(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, updateIds }: { id: string; updateIds: readonly string[] }) =>
      apiRequest(`/api/deployments/${encodeURIComponent(id)}/remove-updates`, deploymentObjectResponseSchema, {
        admin,
        method: 'POST',
        body: { updateIds },
      }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** PATCH /api/collections/:id: the collection's comment saved. */
export function useUpdateCollectionProperties(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...request }: CollectionPropertiesRequest & { id: string }) =>
      apiRequest(`/api/collections/${encodeURIComponent(id)}`, collectionObjectResponseSchema, {
        admin,
        method: 'PATCH',
        body: request,
      }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}
