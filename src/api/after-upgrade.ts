import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { SiteAction } from '@/domain/after-upgrade/after-upgrade-actions';
import { afterUpgradeStatusSchema, explanationResponseSchema } from '@/domain/contract/after-upgrade-contract';
import { advertisementSchema } from '@/domain/model/after-upgrade-objects';
import { collectionSchema, packageSchema, sms2003AdvertisementSchema } from '@/domain/model/site-objects';
import { apiRequest, isRuleConflict, retryUnlessRefused } from './http';

/**
 * After the upgrade: where the site stands (GET /api/site/after-upgrade), and the changes an administrator makes to it
 * (the software update point, site actions, advertisements, migrated deployments, package sources, client upgrades).
 * A change may touch anything the console shows (lists, the tree, jobs, status messages): every cached answer is
 * invalidated after one.
 */

/** GET /api/site/after-upgrade: the software update point, the LEGACY clean-up preview, and which actions may run. */
export const afterUpgradeStatusQuery = (admin: string) =>
  queryOptions({
    queryKey: ['after-upgrade', admin],
    queryFn: ({ signal }) => apiRequest('/api/site/after-upgrade', afterUpgradeStatusSchema, { admin, signal }),
    staleTime: 10_000,
    retry: retryUnlessRefused,
  });

/** GET /api/software-updates/:id/explanation: why an update stands where it does ("Why?"). */
export const softwareUpdateExplanationQuery = (admin: string, id: string) =>
  queryOptions({
    queryKey: ['software-update-explanation', admin, id],
    queryFn: ({ signal }) =>
      apiRequest(`/api/software-updates/${encodeURIComponent(id)}/explanation`, explanationResponseSchema, {
        admin,
        signal,
      }),
    staleTime: 10_000,
    // A refusal (no such update, no Read right) will not change by asking again.
    retry: retryUnlessRefused,
  });

/** The rule the ITMU advertisement warning is refused with until the administrator acknowledges it. */
export const CONFIGMGR_CLIENTS_IN_ITMU_COLLECTION = 'configmgr-clients-in-itmu-collection';

export { isRuleConflict };

const refreshAll = (queryClient: QueryClient) => queryClient.invalidateQueries();

/** PUT /api/site/software-update-point: create the software update point role, or change what it synchronizes. */
export interface SoftwareUpdatePointRequest {
  serverName?: string;
  products: string[];
  classifications: string[];
  languages: string[];
}

export function useSaveSoftwareUpdatePoint(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SoftwareUpdatePointRequest) =>
      apiRequest('/api/site/software-update-point', afterUpgradeStatusSchema, { admin, method: 'PUT', body: request }),
    onSuccess: async (status) => {
      queryClient.setQueryData(afterUpgradeStatusQuery(admin).queryKey, status);
      await refreshAll(queryClient);
    },
  });
}

/** POST /api/site/actions/:action: a site-wide action (synchronize, install KB 954474, the clean-up script, ...). */
export function useRunSiteAction(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: SiteAction) =>
      apiRequest(`/api/site/actions/${encodeURIComponent(action)}`, afterUpgradeStatusSchema, {
        admin,
        method: 'POST',
        body: {},
      }),
    onSuccess: async (status) => {
      queryClient.setQueryData(afterUpgradeStatusQuery(admin).queryKey, status);
      await refreshAll(queryClient);
    },
  });
}

export interface RunAdvertisementRequest {
  id: string;
  collectionId?: string;
  acknowledgeConfigMgrClients?: boolean;
}

/**
 * POST /api/advertisements/:id/run. An ITMU advertisement on a collection that holds Configuration Manager clients
 * is refused with a 409 (rule configmgr-clients-in-itmu-collection) until acknowledged.
 */
export function useRunAdvertisement(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: RunAdvertisementRequest) =>
      apiRequest(
        `/api/advertisements/${encodeURIComponent(id)}/run`,
        z.object({ item: advertisementSchema.nullable() }),
        { admin, method: 'POST', body },
      ),
    onSuccess: () => refreshAll(queryClient),
  });
}

/** DELETE /api/sms2003-advertisements/:id: delete a migrated SMS 2003 software update deployment. */
export function useDeleteSms2003Advertisement(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(
        `/api/sms2003-advertisements/${encodeURIComponent(id)}`,
        z.object({ deleted: z.object({ id: z.string(), name: z.string() }) }),
        { admin, method: 'DELETE' },
      ),
    onSuccess: async ({ deleted }) => {
      // It is gone: forget its cached answer rather than ask again for what is not there.
      queryClient.removeQueries({ queryKey: ['object', admin, 'sms2003-advertisements', deleted.id] });
      await refreshAll(queryClient);
    },
  });
}

/** POST /api/sms2003-advertisements/:id/remove-updates */
export function useRemoveUpdatesFromSms2003Advertisement(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, updateIds }: { id: string; updateIds: string[] }) =>
      apiRequest(
        `/api/sms2003-advertisements/${encodeURIComponent(id)}/remove-updates`,
        z.object({ item: sms2003AdvertisementSchema.nullable() }),
        { admin, method: 'POST', body: { updateIds } },
      ),
    onSuccess: () => refreshAll(queryClient),
  });
}

const packageResponseSchema = z.object({ item: packageSchema.nullable() });

/** PATCH /api/packages/:id: the package's source path (a UNC path; 400 with field sourcePath otherwise). */
export function useChangePackageSource(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, sourcePath }: { id: string; sourcePath: string }) =>
      apiRequest(`/api/packages/${encodeURIComponent(id)}`, packageResponseSchema, {
        admin,
        method: 'PATCH',
        body: { sourcePath },
      }),
    onSuccess: () => refreshAll(queryClient),
  });
}

/** POST /api/packages/:id/update-distribution-points: starts a content download job on the site clock. */
export function useUpdateDistributionPoints(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/api/packages/${encodeURIComponent(id)}/update-distribution-points`, packageResponseSchema, {
        admin,
        method: 'POST',
        body: {},
      }),
    onSuccess: () => refreshAll(queryClient),
  });
}

/** POST /api/collections/:id/upgrade-clients: its SMS 2003 clients become Configuration Manager 2007 clients. */
export function useUpgradeClients(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(
        `/api/collections/${encodeURIComponent(id)}/upgrade-clients`,
        z.object({ item: collectionSchema.nullable() }),
        { admin, method: 'POST', body: {} },
      ),
    onSuccess: () => refreshAll(queryClient),
  });
}
