import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionSchema, type ResetRequest } from '@/domain/contract/api-contract';
import { apiRequest } from './http';

export const sessionQuery = () =>
  queryOptions({
    queryKey: ['session'],
    queryFn: ({ signal }) => apiRequest('/api/session', sessionSchema, { signal }),
    staleTime: 30_000,
  });

/** "Reset demo": the site returns to the start of the stage; every cached answer is stale after it. */
export function useResetDemo(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ResetRequest) =>
      apiRequest('/api/demo/reset', sessionSchema, { admin, method: 'POST', body: request }),
    onSuccess: async (session) => {
      queryClient.setQueryData(sessionQuery().queryKey, session);
      await queryClient.invalidateQueries();
    },
  });
}

export function useDismissNotice(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/session/notice/dismiss', sessionSchema, { admin, method: 'POST' }),
    onSuccess: (session) => queryClient.setQueryData(sessionQuery().queryKey, session),
  });
}
