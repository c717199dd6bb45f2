import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  publishCustomUpdateResponseSchema,
  type PublishCustomUpdateRequest,
} from '@/domain/contract/custom-update-contract';
import { apiRequest } from './http';

/**
 * POST /api/site/custom-updates: a custom update authored with System Center Updates Publisher's Create Update Wizard
 * and published to the WSUS server of the software update point. It reaches Update Repository at the next
 * synchronization; the site's status messages and audit log change at once, so every cached answer is refreshed.
 */
export function usePublishCustomUpdate(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: PublishCustomUpdateRequest) =>
      apiRequest('/api/site/custom-updates', publishCustomUpdateResponseSchema, {
        admin,
        method: 'POST',
        body: request,
      }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
