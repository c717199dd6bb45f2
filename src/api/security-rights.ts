import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  delegationResponseSchema,
  rightsChangeResponseSchema,
  rightsReviewResponseSchema,
  type RightsChangeRequest,
  type RightsReviewRequest,
} from '@/domain/contract/security-rights-contract';
import { apiRequest, retryUnlessRefused } from './http';

/** Whether the administrator may grant or revoke anything ("Grant Rights..." is greyed out with the reason). */
export const delegationQuery = (admin: string) =>
  queryOptions({
    queryKey: ['security-rights-delegation', admin],
    queryFn: ({ signal }) => apiRequest('/api/security-rights/delegation', delegationResponseSchema, { admin, signal }),
    staleTime: 30_000,
    retry: retryUnlessRefused,
  });

/**
 * What a grant or revoke being filled in would meet, right by right: the server's own reasons (POST, it changes
 * nothing). The previous answer stays shown while the next one is asked for.
 */
export const rightsReviewQuery = (admin: string, request: RightsReviewRequest) =>
  queryOptions({
    queryKey: ['security-rights-review', admin, request],
    queryFn: ({ signal }) =>
      apiRequest('/api/security-rights/review', rightsReviewResponseSchema, {
        admin,
        method: 'POST',
        body: request,
        signal,
      }),
    staleTime: 10_000,
    retry: retryUnlessRefused,
    placeholderData: keepPreviousData,
  });

/**
 * POST /api/security-rights/grant or /revoke. Rights decide what every administrator sees and may do, so every cached
 * answer is stale afterwards (the console follows "Connected as": another administrator's lists too).
 */
export function useChangeRights(admin: string, action: 'grant' | 'revoke') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RightsChangeRequest) =>
      apiRequest(`/api/security-rights/${action}`, rightsChangeResponseSchema, {
        admin,
        method: 'POST',
        body: request,
      }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
