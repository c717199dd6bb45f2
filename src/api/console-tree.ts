import { queryOptions } from '@tanstack/react-query';
import { consoleTreeNodeSchema } from '@/domain/contract/api-contract';
import { apiRequest } from './http';

/** The console tree as the connected administrator sees it (Update Repository folders follow their Read rights). */
export const consoleTreeQuery = (admin: string) =>
  queryOptions({
    queryKey: ['console-tree', admin],
    queryFn: ({ signal }) => apiRequest('/api/console-tree', consoleTreeNodeSchema, { admin, signal }),
    staleTime: 60_000,
  });
