import type { QueryClient } from '@tanstack/react-query';
import { listPageQuery, type ListParams } from '@/api/resources';
import { findNode } from '@/domain/console-tree/console-tree';
import type { ConsoleTreeNode } from '@/domain/contract/api-contract';
import { RESOURCE_NAMES, type ResourceName } from '@/domain/query/resources';
import type { ConsoleView } from './console-url';
import { opensSoftwareUpdateProperties } from './properties-query';

/**
 * The node a list request names, for the resources whose objects depend on it (a folder's or search folder's updates,
 * a collection's members); other nodes list all objects of their type.
 */
export function listNodeOf(nodeId: string, resource: ResourceName): string | undefined {
  return resource === 'software-updates' ||
    resource === 'clients' ||
    // A deployment package's Access Accounts and Distribution Points list that package's rows.
    resource === 'deployment-package-access-accounts' ||
    resource === 'deployment-package-distribution-points'
    ? nodeId
    : undefined;
}

/** What a node's list asks the server for, in this view (its search and sort). */
export function listParamsOf(nodeId: string, resource: ResourceName, view: ConsoleView): ListParams {
  return { node: listNodeOf(nodeId, resource), q: view.q, searchIn: view.searchIn, sort: view.sort ?? undefined };
}

export const isResourceName = (value: string | null): value is ResourceName =>
  value !== null && (RESOURCE_NAMES as readonly string[]).includes(value);

/**
 * The resource whose objects the results pane lists for this node and view, or null when it shows something else: a
 * compliance drill-down (?clients=), a report (?report=), the Software Updates home page, or the node's children.
 */
export function objectListOf(node: ConsoleTreeNode, view: ConsoleView): ResourceName | null {
  if (opensSoftwareUpdateProperties(node.resource, node.kind) && view.clientsOf) return null;
  if (node.kind === 'reports' && view.reportId) return null;
  if (node.kind === 'software-updates') return null;
  return isResourceName(node.resource) ? node.resource : null;
}

/**
 * Asks for the first window of the list a console URL shows, as soon as the console tree says what the node lists:
 * the server answers it while the results pane's code is still arriving, instead of after it has rendered. The
 * results pane then finds it under the same key (listParamsOf), or already on its way.
 */
export function prefetchFirstListWindow(
  queryClient: QueryClient,
  admin: string,
  tree: ConsoleTreeNode,
  view: ConsoleView,
): void {
  const node = findNode(tree, view.nodeId);
  const resource = node ? objectListOf(node, view) : null;
  if (!node || !resource) return;
  void queryClient.prefetchQuery(listPageQuery(admin, resource, listParamsOf(node.id, resource, view), 0));
}
