import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { sessionSchema } from '@/domain/contract/api-contract';
import { setupLogLineSchema } from '@/domain/model/upgrade-records';
import { preUpgradeCheckSchema } from '@/domain/upgrade/pre-upgrade-check-schema';
import { apiRequest } from './http';
import { sessionQuery } from './session';

const checksResponseSchema = z.object({
  checks: z.array(preUpgradeCheckSchema),
  canRun: z.boolean(),
  whyNot: z.string().nullable(),
});

/** Setup's pre-upgrade checks, and whether the connected administrator may run Setup (and why not). */
export const upgradeChecksQuery = (admin: string) =>
  queryOptions({
    queryKey: ['upgrade-checks', admin],
    queryFn: ({ signal }) => apiRequest('/api/site/upgrade/checks', checksResponseSchema, { admin, signal }),
    staleTime: 10_000,
  });

const runSetupResponseSchema = z.object({ session: sessionSchema, setupLog: z.array(setupLogLineSchema) });

export interface SetupRequest {
  catalogSource: 'internet' | 'local';
  localCatalogPath?: string;
}

/** Runs Configuration Manager 2007 Setup: the upgrade of site CEN. Every cached answer is stale after it. */
export function useRunSetup(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SetupRequest) =>
      apiRequest('/api/site/upgrade', runSetupResponseSchema, { admin, method: 'POST', body: request }),
    onSuccess: async ({ session }) => {
      queryClient.setQueryData(sessionQuery().queryKey, session);
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
    },
  });
}
