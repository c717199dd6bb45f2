import type { QueryClient } from '@tanstack/react-query';
import { objectQuery } from '@/api/resources';
import type { ResourceName } from '@/domain/query/resources';

/** A node of these software updates opens the ConfigMgr "<title> Properties" (SMS 2003's own updates the plain one). */
export function opensSoftwareUpdateProperties(resource: string | null, nodeKind: string): boolean {
  return resource === 'software-updates' && nodeKind !== 'sms2003-software-updates';
}

/**
 * Asks for what an object's Properties dialog shows first (the request its dialog makes; see ResultsPane for which
 * dialog opens), so a double-click can open the dialog with its tabs filled. The queries of the dialogs with their own
 * endpoint come with the dialogs' code, loaded in idle time once the console is up.
 */
export async function prefetchProperties(
  queryClient: QueryClient,
  admin: string,
  resource: ResourceName,
  nodeKind: string,
  id: string,
): Promise<void> {
  if (opensSoftwareUpdateProperties(resource, nodeKind)) {
    const { softwareUpdatePropertiesQuery } = await import('@/api/software-updates');
    return queryClient.prefetchQuery(softwareUpdatePropertiesQuery(admin, id));
  }
  if (resource === 'deployment-packages') {
    const { deploymentPackagePropertiesQuery } = await import('@/api/deployment-packages');
    return queryClient.prefetchQuery(deploymentPackagePropertiesQuery(admin, id));
  }
  return queryClient.prefetchQuery(objectQuery(admin, resource, id));
}
