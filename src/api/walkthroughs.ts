import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionQuery } from './session';
import {
  startWalkthroughResponseSchema,
  walkthroughDetailSchema,
  walkthroughListSchema,
  type StepViewedRequest,
} from '@/domain/contract/walkthrough-contract';
import { apiRequest, retryUnlessRefused } from './http';

/**
 * How often an open walkthrough asks again which of its steps are complete: the site changes through every part of the
 * console and on the site clock (a synchronization ends), so the panel follows it rather than every mutation.
 */
const FOLLOW_SITE_MS = 1_500;

/** GET /api/walkthroughs: every walkthrough, with the connected administrator's progress. */
export const walkthroughListQuery = (admin: string) =>
  queryOptions({
    queryKey: ['walkthroughs', admin],
    queryFn: ({ signal }) => apiRequest('/api/walkthroughs', walkthroughListSchema, { admin, signal }),
    refetchInterval: FOLLOW_SITE_MS * 2,
    retry: retryUnlessRefused,
  });

/** GET /api/walkthroughs/:id: its steps, which are complete, and the current one. */
export const walkthroughQuery = (admin: string, id: string) =>
  queryOptions({
    queryKey: ['walkthroughs', admin, id],
    queryFn: ({ signal }) =>
      apiRequest(`/api/walkthroughs/${encodeURIComponent(id)}`, walkthroughDetailSchema, { admin, signal }),
    refetchInterval: FOLLOW_SITE_MS,
    retry: retryUnlessRefused,
  });

/** POST /api/walkthroughs/:id/start: Reset demo to its stage and start (or restart) it; everything cached is stale. */
export function useStartWalkthrough(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/api/walkthroughs/${encodeURIComponent(id)}/start`, startWalkthroughResponseSchema, {
        admin,
        method: 'POST',
        body: {},
      }),
    onSuccess: async ({ session, walkthrough }) => {
      queryClient.setQueryData(sessionQuery().queryKey, session);
      queryClient.setQueryData(walkthroughQuery(admin, walkthrough.id).queryKey, walkthrough);
      await queryClient.invalidateQueries();
    },
  });
}

/** POST /api/walkthroughs/:id/viewed: the console opened the node of the current step. */
export function useStepViewed(admin: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: StepViewedRequest) =>
      apiRequest(`/api/walkthroughs/${encodeURIComponent(id)}/viewed`, walkthroughDetailSchema, {
        admin,
        method: 'POST',
        body: request,
      }),
    onSuccess: async (walkthrough) => {
      queryClient.setQueryData(walkthroughQuery(admin, id).queryKey, walkthrough);
      await queryClient.invalidateQueries({ queryKey: ['walkthroughs', admin], exact: true });
    },
  });
}
