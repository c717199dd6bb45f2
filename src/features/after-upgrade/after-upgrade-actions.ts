import { useQuery } from '@tanstack/react-query';
import { afterUpgradeStatusQuery, useRunSiteAction, useUpdateDistributionPoints } from '@/api/after-upgrade';
import { objectQuery } from '@/api/resources';
import type { SiteAction } from '@/domain/after-upgrade/after-upgrade-actions';
import { rightNeededFor } from '@/domain/after-upgrade/after-upgrade-rights';
import type { AfterUpgradeOperation } from '@/domain/after-upgrade/after-upgrade-operations';
import type { AfterUpgradeStatus } from '@/domain/contract/after-upgrade-contract';
import { collectionIdOfNode } from '@/domain/console-tree/console-tree';
import type { ResourceName } from '@/domain/query/resources';
import { missingRightOnObjectMessage, type Right } from '@/domain/rights/rights';
import { CONTOSO } from '@/domain/scenario/contoso-names';

/** The dialogs of this feature, by the name the console keeps in its URL (?wizard=...). */
export const AFTER_UPGRADE_DIALOGS = [
  'software-update-point',
  'install-kb954474',
  'remove-itmu',
  'run-advertisement',
  'republish-custom-catalog',
  'publish-custom-update',
  'legacy-cleanup',
  'delete-sms2003-advertisement',
  'remove-software-updates',
  'change-package-source',
  'upgrade-clients',
  'upgrade-lon',
  'explain-update',
] as const;
export type AfterUpgradeDialogName = (typeof AFTER_UPGRADE_DIALOGS)[number];

export function isAfterUpgradeDialog(name: string | null | undefined): name is AfterUpgradeDialogName {
  return (AFTER_UPGRADE_DIALOGS as readonly string[]).includes(name ?? '');
}

/** An action of the Actions pane and the context menu; shown disabled, with the reason, when it cannot be taken. */
export interface AfterUpgradeAction {
  label: string;
  run: () => void;
  disabledBecause?: string;
}

/** The exact labels, as the Actions pane and the context menu show them. */
export const AFTER_UPGRADE_LABELS = {
  newRoles: 'New Roles...',
  installKb954474: 'Install Update KB954474 on Site Server...',
  removeItmu: 'Remove Inventory Tool for Microsoft Updates...',
  runSynchronization: 'Run Synchronization',
  republishCustomCatalog: 'Republish Custom Updates Catalog...',
  publishCustomUpdate: 'Publish Custom Update...',
  runLegacyCleanup: 'Run LEGACY Clean-up Script...',
  runAdvertisement: 'Run Advertisement...',
  deleteSms2003Advertisement: 'Delete',
  removeSoftwareUpdates: 'Remove Software Updates...',
  changeSourcePath: 'Change Source Path...',
  updateDistributionPoints: 'Update Distribution Points',
  upgradeClients: 'Upgrade Clients to Configuration Manager 2007...',
  upgradeSite: 'Upgrade Site with Setup...',
  why: 'Why?',
} as const;

export const CHECKING = 'Checking…';

/** The object selected in the results pane, as the console holds it. */
export type SelectedObject = { id: string } & Record<string, unknown>;

export interface AfterUpgradeActionContext {
  /** The selected console tree node. */
  node: { id: string; kind: string; resource: string | null } | undefined;
  admin: string;
  /** Only a Configuration Manager site has these actions (the SMS 2003 console is read-only). */
  phase: 'sms2003' | 'configmgr' | undefined;
  /** GET /api/site/after-upgrade; undefined while loading (or when the node does not need it). */
  status: AfterUpgradeStatus | undefined;
  /** Why the status could not be read (e.g. no Read right on the site), if it could not. */
  statusError: string | null;
  /** The focused object of the results pane, and how many objects are selected. */
  focused: SelectedObject | null;
  selectedCount: number;
  /** The rights the administrator holds on the object an object action targets; undefined while loading. */
  targetRights: readonly Right[] | undefined;
  /** Why that object could not be read, if it could not. */
  targetError?: string | null;
  /** Opens a dialog; `selectedId` is the object it acts on, when it acts on the selection. */
  open: (dialog: AfterUpgradeDialogName, selectedId?: string) => void;
  /** Starts an action that needs no dialog; its outcome is reported as the console's action message. */
  runNow: (action: 'synchronize' | 'update-distribution-points', id?: string) => void;
}

/** The nodes whose actions depend on the site-wide status. */
const NODES_WITH_SITE_ACTIONS = new Set([
  'site-systems',
  'advertisements',
  'update-repository',
  'software-updates',
  'site-management',
]);

export function needsSiteStatus(node: { kind: string } | undefined): boolean {
  return node !== undefined && NODES_WITH_SITE_ACTIONS.has(node.kind);
}

/** The object whose rights the object actions of this node need: the node's collection, or the one selected row. */
export function actionTarget(
  node: AfterUpgradeActionContext['node'],
  focused: SelectedObject | null,
  selectedCount: number,
): { resource: ResourceName; id: string } | null {
  if (node?.kind === 'collection') {
    const collectionId = collectionIdOfNode(node.id);
    return collectionId ? { resource: 'collections', id: collectionId } : null;
  }
  if (!focused || selectedCount !== 1) return null;
  const resource = TARGET_RESOURCES[node?.kind ?? ''];
  return resource ? { resource, id: focused.id } : null;
}

const TARGET_RESOURCES: Partial<Record<string, ResourceName>> = {
  collections: 'collections',
  advertisements: 'advertisements',
  'sms2003-advertisements': 'sms2003-advertisements',
  packages: 'packages',
};

/**
 * What can be done after the upgrade, from the node and the selection: the software update point, synchronization,
 * KB 954474, the custom catalog, the LEGACY clean-up script, advertisements, migrated deployments, package sources,
 * client and site upgrades, and "Why?". The reasons are the server's own words (the status endpoint's `why`, or the
 * right the server would find missing): the server refuses the same requests with them.
 */
export function afterUpgradeActions(context: AfterUpgradeActionContext): {
  nodeActions: AfterUpgradeAction[];
  objectActions: AfterUpgradeAction[];
} {
  const { node, admin, phase, status, statusError, focused, selectedCount, targetRights, targetError, open, runNow } =
    context;
  const nodeActions: AfterUpgradeAction[] = [];
  const objectActions: AfterUpgradeAction[] = [];
  if (phase !== 'configmgr' || !node) return { nodeActions, objectActions };
  const L = AFTER_UPGRADE_LABELS;

  const siteWhy = (action: SiteAction): string | undefined => {
    if (!status) return statusError ?? CHECKING;
    const state = status.actions[action];
    return state?.enabled ? undefined : (state?.why ?? 'This action is not available now.');
  };
  /** Why the administrator may not do the operation for lack of a right on its object, or undefined when they may. */
  const objectWhy = (operation: AfterUpgradeOperation): string | undefined => {
    if (targetError) return targetError;
    if (!targetRights) return CHECKING;
    const needed = rightNeededFor(operation);
    return targetRights.includes(needed.right)
      ? undefined
      : missingRightOnObjectMessage(admin, needed.right, needed.objectType, needed.id);
  };
  const one = focused !== null && selectedCount === 1 ? focused : null;
  const selectOne = (what: string) => `Select one ${what} first.`;

  const siteServerActions = () => [
    {
      label: L.installKb954474,
      run: () => open('install-kb954474'),
      disabledBecause: siteWhy('install-kb954474'),
    },
    {
      label: L.removeItmu,
      run: () => open('remove-itmu'),
      disabledBecause: siteWhy('remove-itmu'),
    },
  ];

  switch (node.kind) {
    case 'site-systems': {
      const serverId = one ? one.id : undefined;
      nodeActions.push(
        {
          label: L.newRoles,
          run: () => open('software-update-point', serverId),
          disabledBecause: !status
            ? (statusError ?? CHECKING)
            : status.configureSoftwareUpdatePoint.enabled
              ? undefined
              : (status.configureSoftwareUpdatePoint.why ?? 'This action is not available now.'),
        },
        ...siteServerActions(),
      );
      break;
    }
    case 'advertisements':
      nodeActions.push(...siteServerActions());
      if (one) {
        objectActions.push({
          label: L.runAdvertisement,
          run: () => open('run-advertisement', one.id),
          disabledBecause: objectWhy({ type: 'run-advertisement', advertisementId: one.id, by: admin }),
        });
      } else {
        objectActions.push({
          label: L.runAdvertisement,
          run: () => undefined,
          disabledBecause: selectOne('advertisement'),
        });
      }
      break;
    case 'update-repository':
    case 'software-updates':
      nodeActions.push(
        {
          label: L.runSynchronization,
          run: () => runNow('synchronize'),
          disabledBecause: siteWhy('synchronize-software-updates'),
        },
        {
          label: L.republishCustomCatalog,
          run: () => open('republish-custom-catalog'),
          disabledBecause: siteWhy('republish-custom-catalog'),
        },
        {
          label: L.publishCustomUpdate,
          run: () => open('publish-custom-update'),
          disabledBecause: !status
            ? (statusError ?? CHECKING)
            : status.publishCustomUpdate.enabled
              ? undefined
              : (status.publishCustomUpdate.why ?? 'This action is not available now.'),
        },
        {
          label: L.runLegacyCleanup,
          run: () => open('legacy-cleanup'),
          disabledBecause: siteWhy('run-legacy-cleanup-script'),
        },
      );
      break;
    case 'sms2003-advertisements':
      objectActions.push(
        {
          label: L.deleteSms2003Advertisement,
          run: () => one && open('delete-sms2003-advertisement', one.id),
          disabledBecause: one
            ? objectWhy({ type: 'delete-sms2003-advertisement', advertisementId: one.id, by: admin })
            : selectOne('migrated SMS 2003 advertisement'),
        },
        {
          label: L.removeSoftwareUpdates,
          run: () => one && open('remove-software-updates', one.id),
          disabledBecause: one
            ? objectWhy({
                type: 'remove-updates-from-sms2003-advertisement',
                advertisementId: one.id,
                updateIds: [],
                by: admin,
              })
            : selectOne('migrated SMS 2003 advertisement'),
        },
      );
      break;
    case 'packages':
      objectActions.push(
        {
          label: L.changeSourcePath,
          run: () => one && open('change-package-source', one.id),
          disabledBecause: one
            ? objectWhy({ type: 'change-package-source', packageId: one.id, sourcePath: '', by: admin })
            : selectOne('package'),
        },
        {
          label: L.updateDistributionPoints,
          run: () => one && runNow('update-distribution-points', one.id),
          disabledBecause: one
            ? objectWhy({ type: 'update-distribution-points', packageId: one.id, by: admin })
            : selectOne('package'),
        },
      );
      break;
    case 'collection': {
      const collectionId = collectionIdOfNode(node.id);
      if (collectionId) {
        nodeActions.push({
          label: L.upgradeClients,
          run: () => open('upgrade-clients'),
          disabledBecause: objectWhy({ type: 'upgrade-clients', collectionId, by: admin }),
        });
      }
      break;
    }
    case 'collections':
      objectActions.push({
        label: L.upgradeClients,
        run: () => one && open('upgrade-clients', one.id),
        disabledBecause: one
          ? objectWhy({ type: 'upgrade-clients', collectionId: one.id, by: admin })
          : selectOne('collection'),
      });
      break;
    case 'site-management': {
      const london = CONTOSO.sites.london;
      const isLondon = one !== null && one.code === london.code;
      objectActions.push({
        label: L.upgradeSite,
        run: () => one && open('upgrade-lon', one.id),
        disabledBecause: !one
          ? `Select the site ${london.code} - ${london.name} first: Setup upgrades it from SMS 2003 SP3.`
          : isLondon
            ? siteWhy('upgrade-lon')
            : `Site ${String(one.code ?? one.id)} already runs Configuration Manager 2007; Setup upgrades ${london.code}, the site that still runs SMS 2003 SP3.`,
      });
      break;
    }
    default:
      break;
  }

  if (node.resource === 'software-updates') {
    objectActions.push({
      label: L.why,
      run: () => one && open('explain-update', one.id),
      disabledBecause: one ? undefined : 'Select one software update to see why it stands where it does.',
    });
  }
  return { nodeActions, objectActions };
}

/** `afterUpgradeActions` with what it needs fetched: the site status only on the nodes that use it. */
export function useAfterUpgradeActions(options: {
  admin: string;
  node: AfterUpgradeActionContext['node'];
  phase: AfterUpgradeActionContext['phase'];
  focused: SelectedObject | null;
  selectedCount: number;
  open: AfterUpgradeActionContext['open'];
  /** Reports the outcome of an action that needs no dialog (the console's action message). */
  report: (outcome: Promise<string>) => void;
}) {
  const { admin, node, phase, focused, selectedCount, open, report } = options;
  const configMgr = phase === 'configmgr';
  const status = useQuery({ ...afterUpgradeStatusQuery(admin), enabled: configMgr && needsSiteStatus(node) });
  const target = configMgr ? actionTarget(node, focused, selectedCount) : null;
  const targetObject = useQuery({
    ...objectQuery(admin, target?.resource ?? 'collections', target?.id ?? ''),
    enabled: target !== null,
  });
  const runSiteAction = useRunSiteAction(admin);
  const updateDistributionPoints = useUpdateDistributionPoints(admin);

  const runNow: AfterUpgradeActionContext['runNow'] = (action, id) => {
    if (action === 'synchronize') {
      report(
        runSiteAction
          .mutateAsync('synchronize-software-updates')
          .then(
            () =>
              'Software updates synchronization started on the software update point; follow it in Site Jobs and System Status > Status Messages.',
          ),
      );
    } else if (id) {
      report(
        updateDistributionPoints.mutateAsync(id).then(({ item }) => {
          const name = item ? `${item.name} (${item.id})` : id;
          return `Update Distribution Points started for ${name}: ${item?.contentStatus ?? 'its content is being downloaded again.'}`;
        }),
      );
    }
  };

  return afterUpgradeActions({
    node,
    admin,
    phase,
    status: status.data,
    statusError: status.isError ? status.error.message : null,
    focused,
    selectedCount,
    targetRights: targetObject.data?.rights,
    targetError: targetObject.isError ? targetObject.error.message : null,
    open,
    runNow,
  });
}
