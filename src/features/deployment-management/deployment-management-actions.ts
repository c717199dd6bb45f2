import { useQuery } from '@tanstack/react-query';
import { listIdsQuery } from '@/api/list-ids';
import { objectQuery } from '@/api/resources';
import { retryUnlessRefused } from '@/api/http';
import { deploymentIdOfNode, deploymentIdOfUpdatesNode } from '@/domain/console-tree/console-tree';
import type { Right } from '@/domain/rights/rights';
import { whyDeploymentIsReadOnly } from './deployment-read-only';

/** The dialogs of this feature, by the name the console keeps in its URL (?wizard=...&sel=<deployment id>). */
export const DEPLOYMENT_MANAGEMENT_DIALOGS = ['deployment-properties', 'remove-deployment-software-updates'] as const;
export type DeploymentManagementDialogName = (typeof DEPLOYMENT_MANAGEMENT_DIALOGS)[number];

export function isDeploymentManagementDialog(name: string | null | undefined): name is DeploymentManagementDialogName {
  return (DEPLOYMENT_MANAGEMENT_DIALOGS as readonly string[]).includes(name ?? '');
}

/** The exact labels, as the Actions pane and the context menu show them. */
export const DEPLOYMENT_MANAGEMENT_LABELS = {
  properties: 'Properties',
  removeSoftwareUpdates: 'Remove Software Updates...',
} as const;

export interface DeploymentManagementAction {
  label: string;
  run: () => void;
  disabledBecause?: string;
}

export interface DeploymentManagementActionContext {
  admin: string;
  node: { id: string; kind: string } | undefined;
  /** The list as shown (search, sort) and the selected rows ("0-4,10"), to read the selected updates' IDs. */
  list: { q: string; searchIn: string; sort: string | null };
  selectedRows: string;
  selectedCount: number;
  /** Opens a dialog on the deployment; `updateIds` are the software updates it acts on. */
  open: (dialog: DeploymentManagementDialogName, deploymentId: string, updateIds?: string[]) => void;
}

const CHECKING = 'Checking your rights on the deployment…';

/** Why the updates cannot be removed now (the selection, the rights), or undefined when they can. */
export function whyCannotRemoveUpdates(input: {
  admin: string;
  deploymentId: string;
  rights: readonly Right[] | undefined;
  selectedCount: number;
  ids: readonly string[] | undefined;
  idsError: string | null;
}): string | undefined {
  if (input.selectedCount === 0) return 'Select the software updates to remove from the deployment first.';
  if (!input.rights) return CHECKING;
  const readOnly = whyDeploymentIsReadOnly(input.admin, input.deploymentId, input.rights);
  if (readOnly) return readOnly;
  if (input.idsError) return `The selected software updates cannot be read: ${input.idsError}`;
  if (!input.ids) return 'Reading the selected software updates…';
  return undefined;
}

/**
 * A deployment's node: "Properties" of the deployment. Its Software Updates node: "Remove Software Updates..." on the
 * selected updates (Modify on the deployment; the server refuses removing every update) and Properties of an update
 * (the console's own).
 */
export function useDeploymentManagementActions(context: DeploymentManagementActionContext): {
  nodeActions: DeploymentManagementAction[];
  objectActions: DeploymentManagementAction[];
} {
  const { admin, node, list, selectedRows, selectedCount, open } = context;
  const onDeployment = node?.kind === 'deployment' ? deploymentIdOfNode(node.id) : null;
  const onUpdates = node?.kind === 'deployment-software-updates' ? deploymentIdOfUpdatesNode(node.id) : null;
  const deploymentId = onDeployment ?? onUpdates;
  const object = useQuery({
    ...objectQuery(admin, 'deployments', deploymentId ?? ''),
    enabled: deploymentId !== null,
    retry: retryUnlessRefused,
  });
  const ids = useQuery({
    ...listIdsQuery(admin, 'software-updates', {
      node: node?.id,
      q: list.q,
      searchIn: list.searchIn,
      sort: list.sort ?? undefined,
      rows: selectedRows,
    }),
    enabled: onUpdates !== null && selectedCount > 0 && selectedRows !== '',
  });
  if (!deploymentId) return { nodeActions: [], objectActions: [] };
  const rights = object.isError ? [] : object.data?.rights;
  const nodeActions: DeploymentManagementAction[] = [
    {
      label: DEPLOYMENT_MANAGEMENT_LABELS.properties,
      run: () => open('deployment-properties', deploymentId),
      disabledBecause: object.isError ? object.error.message : undefined,
    },
  ];
  if (!onUpdates) return { nodeActions, objectActions: [] };
  const selectedIds = ids.data?.ids;
  return {
    nodeActions,
    objectActions: [
      {
        label: DEPLOYMENT_MANAGEMENT_LABELS.removeSoftwareUpdates,
        run: () => selectedIds && open('remove-deployment-software-updates', onUpdates, [...selectedIds]),
        disabledBecause: whyCannotRemoveUpdates({
          admin,
          deploymentId: onUpdates,
          rights,
          selectedCount,
          ids: selectedIds,
          idsError: ids.isError ? ids.error.message : null,
        }),
      },
    ],
  };
}
