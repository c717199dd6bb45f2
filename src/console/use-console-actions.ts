import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { consoleTreeQuery } from '@/api/console-tree';
import { useConnectedAdmin } from '@/api/connection';
import { sessionQuery } from '@/api/session';
import { downloadListCsv, fetchListText } from '@/api/list-export';
import { upgradeChecksQuery } from '@/api/site-upgrade';
import type { ConsoleTreeNode } from '@/domain/contract/api-contract';
import { deploymentPackageOfNode, findNode, searchFolderNodeId } from '@/domain/console-tree/console-tree';
import { DOWNLOAD_SOFTWARE_UPDATES_WIZARD, downloadActions } from '@/features/deployment-packages';
import { formatCount } from '@/domain/format';
import { RESOURCE_NAMES, RESOURCES, type ResourceName } from '@/domain/query/resources';
import { rangesParam, selectedCount, selectedRanges } from '@/ui/grid-selection';
import type { MenuItem } from '@/ui/context-menu';
import { useAfterUpgradeActions } from '@/features/after-upgrade';
import { useSearchFolderActions } from '@/features/search-folders';
import { useDeploymentTemplateActions } from '@/features/deployment-templates';
import { useSecurityRightsActions } from '@/features/security-rights';
import { DEPLOY_SOFTWARE_UPDATES_WIZARD, useDeployActions } from '@/features/deploy-wizard';
import { useUpdateListActions } from '@/features/update-lists';
import { useDeploymentManagementActions } from '@/features/deployment-management';
import { collectionNodeActions } from '@/features/collections';
import { reportActions } from '@/features/reports';
import { useHomepageActions } from '@/features/software-updates-home';
import { MIGRATION_WHY_DIALOG, WHY_LABEL } from '@/features/why';
import { useConsoleView, type ConsoleView } from './console-url';
import { columnsInLayout, viewForNode, viewKeyFor } from './node-views';
import { listNodeOf } from './first-list';
import { useColumnLayout } from './column-layout';
import { useResultsSelection } from './results-selection';

export type Action = MenuItem;

/**
 * What can be done with the selected node and the selected objects: the Actions pane and the context menu (right-click,
 * Shift+F10) list the same actions, from here.
 */
export function useConsoleActions() {
  const admin = useConnectedAdmin();
  const queryClient = useQueryClient();
  const [view, setView] = useConsoleView();
  const tree = useQuery(consoleTreeQuery(admin));
  const node: ConsoleTreeNode | undefined = tree.data ? findNode(tree.data, view.nodeId) : undefined;
  const resource = (RESOURCE_NAMES as readonly string[]).includes(node?.resource ?? '')
    ? (node?.resource as ResourceName)
    : null;
  const session = useQuery(sessionQuery());
  const beforeUpgrade = session.data?.phase === 'sms2003';
  const upgradeChecks = useQuery({ ...upgradeChecksQuery(admin), enabled: beforeUpgrade });
  const results = useResultsSelection();
  const layout = useColumnLayout(admin, resource && node ? viewKeyFor(node.kind, resource) : '');
  const message = useActionMessage();

  const listMatches = resource !== null && results.listKey === listKeyOf(admin, view);
  const count = listMatches ? selectedCount(results.selection, results.total) : 0;
  const focused = listMatches ? results.focused : null;

  const exportParams = (withSelection: boolean) => {
    const params = new URLSearchParams();
    if (!resource || !node) return params;
    const listNode = listNodeOf(node.id, resource);
    if (listNode) params.set('node', listNode);
    if (view.q) params.set('q', view.q);
    if (view.searchIn !== 'all') params.set('searchIn', view.searchIn);
    if (view.sort) params.set('sort', view.sort);
    const columns = columnsInLayout(viewForNode(node.kind, resource), resource, layout);
    params.set('columns', columns.map((column) => column.key).join(','));
    if (withSelection) params.set('rows', rangesParam(selectedRanges(results.selection, results.total)));
    return params;
  };
  const report = (promise: Promise<string>) => {
    setMessage(null);
    promise
      .then((text) => setMessage({ text, error: false }))
      .catch((error: unknown) =>
        setMessage({ text: error instanceof Error ? error.message : String(error), error: true }),
      );
  };

  const searchFolderActions = useSearchFolderActions(admin, node, (dialog) => setView({ wizard: dialog }));
  const afterUpgrade = useAfterUpgradeActions({
    admin,
    node,
    phase: session.data?.phase,
    focused,
    selectedCount: count,
    // An object's dialog acts on the object it was opened for, kept in the URL as the selection.
    open: (dialog, selectedId) => setView(selectedId ? { selectedId, wizard: dialog } : { wizard: dialog }),
    report,
  });
  const templateActions = useDeploymentTemplateActions({
    admin,
    node,
    focused,
    selectedCount: count,
    // A template's dialog acts on the template it was opened for, kept in the URL as the selection.
    open: (dialog, templateId) =>
      setView(templateId ? { selectedId: templateId, wizard: dialog, templateId } : { wizard: dialog }),
  });
  // One folder selected in the Search Folders list: Rename and Delete need the rights on it, as on its own node.
  const folderRowRights = useSearchFolderActions(
    admin,
    resource === 'search-folders' && count === 1 && focused
      ? { id: searchFolderNodeId(focused.id), kind: 'search-folder' }
      : undefined,
    () => undefined,
  );
  const folderRowWhyNot = (label: string) => folderRowRights.find((action) => action.label === label)?.disabledBecause;
  // Security Rights: "Grant Rights..." and "Revoke Rights...", from the selected row when there is one.
  const securityRightsActions = useSecurityRightsActions({
    admin,
    node,
    focused,
    selectedCount: count,
    open: (dialog, rowId) => setView(rowId ? { selectedId: rowId, wizard: dialog } : { wizard: dialog }),
  });
  // "Deploy Software Updates...": the selected updates (or a search folder's), by their rows in this very list.
  const deploy = useDeployActions({
    admin,
    node,
    phase: session.data?.phase,
    list: { q: view.q, searchIn: view.searchIn, sort: view.sort },
    selectedRows: listMatches ? rangesParam(selectedRanges(results.selection, results.total)) : '',
    selectedCount: count,
    total: listMatches ? results.total : 0,
    open: () => setView({ wizard: DEPLOY_SOFTWARE_UPDATES_WIZARD }),
  });
  // "Download Software Updates...": the selected updates, into a deployment package (the Download Updates Wizard).
  const download = downloadActions({
    admin,
    node,
    phase: session.data?.phase,
    list: { q: view.q, searchIn: view.searchIn, sort: view.sort },
    selectedRows: listMatches ? rangesParam(selectedRanges(results.selection, results.total)) : '',
    selectedCount: count,
    open: () => setView({ wizard: DOWNLOAD_SOFTWARE_UPDATES_WIZARD }),
  });
  // A deployment package's own node: its Properties (the node lists its three children, not objects).
  const packageOfNode = node?.kind === 'deployment-package' ? deploymentPackageOfNode(node.id) : null;
  // "Update List..." on selected updates; Rename, Delete, Properties and "Remove from Update List" on a list.
  const updateListActions = useUpdateListActions({
    admin,
    node,
    phase: session.data?.phase,
    list: { q: view.q, searchIn: view.searchIn, sort: view.sort },
    selectedRows: listMatches ? rangesParam(selectedRanges(results.selection, results.total)) : '',
    selectedCount: count,
    focused,
    resource,
    // On Update Lists the list is the selected row; on a list's node it is the node's (its rows are updates).
    open: (dialog, listId) =>
      setView(listId && node?.kind === 'update-lists' ? { wizard: dialog, selectedId: listId } : { wizard: dialog }),
  });
  // A deployment's node: its Properties; its Software Updates node: "Remove Software Updates..." on the selection.
  const deploymentActions = useDeploymentManagementActions({
    admin,
    node,
    list: { q: view.q, searchIn: view.searchIn, sort: view.sort },
    selectedRows: listMatches ? rangesParam(selectedRanges(results.selection, results.total)) : '',
    selectedCount: count,
    open: (dialog, deploymentId, updateIds) =>
      setView({ wizard: dialog, selectedId: deploymentId, updateIds: updateIds ?? null }),
  });
  // A collection's node lists its members: the collection's own Properties is an action of the node.
  const collectionActions = collectionNodeActions(node, (dialog, collectionId) =>
    setView({ wizard: dialog, selectedId: collectionId }),
  );
  // The Software Updates home page: "Run Homepage Summarization" and "Schedule Home Page Summarization...".
  const onHomepage = node?.kind === 'software-updates';
  const homepageActions = useHomepageActions({ admin, node, open: (dialog) => setView({ wizard: dialog }), report });
  const nodeActions: Action[] = [
    ...homepageActions,
    ...deploymentActions.nodeActions,
    ...collectionActions,
    ...updateListActions.nodeActions,
    ...searchFolderActions,
    ...afterUpgrade.nodeActions,
    ...templateActions.nodeActions,
    ...deploy.nodeActions,
    ...securityRightsActions,
  ];
  if (beforeUpgrade) {
    nodeActions.push({
      label: 'Upgrade Site...',
      run: () => setView({ wizard: 'upgrade-site' }),
      disabledBecause: upgradeChecks.data?.canRun === false ? (upgradeChecks.data.whyNot ?? undefined) : undefined,
    });
  }
  // A compliance drill-down (?clients=) and a report (?report=) have their own Export: these would export the list.
  if (resource && node && !view.clientsOf && !view.reportId && !onHomepage) {
    nodeActions.push(
      {
        label: 'Export List...',
        run: () =>
          report(
            downloadListCsv(admin, resource, exportParams(false)).then(
              () => `Exported ${formatCount(results.total)} items to ${resource}.csv.`,
            ),
          ),
      },
      { label: 'Add/Remove Columns...', run: () => setView({ wizard: 'add-remove-columns' }) },
    );
  }
  nodeActions.push({ label: 'Refresh', run: () => void queryClient.invalidateQueries() });

  const noObjects = !resource ? 'This node lists other nodes; open one to see its objects.' : undefined;
  const objectActions: Action[] = [
    {
      label: 'Properties',
      run: () =>
        packageOfNode
          ? setView({ propertiesId: packageOfNode.packageId })
          : focused && setView({ selectedId: focused.id, propertiesId: focused.id }),
      // A deployment package's own node lists its children; its Properties are the package's.
      disabledBecause: packageOfNode
        ? undefined
        : (noObjects ?? (!focused ? 'Select an object in the results pane to see its properties.' : undefined)),
    },
    {
      label: 'Copy',
      run: () =>
        resource &&
        report(
          fetchListText(admin, resource, exportParams(true)).then(async (text) => {
            await navigator.clipboard.writeText(text);
            return `Copied ${formatCount(count)} ${count === 1 ? 'row' : 'rows'} to the clipboard.`;
          }),
        ),
      disabledBecause: noObjects ?? (count === 0 ? 'Select the objects to copy first.' : undefined),
    },
    {
      label: 'Export Selected...',
      run: () =>
        resource &&
        report(
          downloadListCsv(admin, resource, exportParams(true)).then(
            () => `Exported ${formatCount(count)} selected items to ${resource}.csv.`,
          ),
        ),
      disabledBecause: noObjects ?? (count === 0 ? 'Select the objects to export first.' : undefined),
    },
  ];
  if (resource === 'search-folders') {
    // The Search Folders list: its rows are folders, which the Delete key deletes after a confirmation.
    objectActions.push(
      {
        label: 'Rename...',
        run: () => focused && setView({ selectedId: focused.id, wizard: 'rename-search-folder' }),
        disabledBecause: count !== 1 || !focused ? 'Select one search folder to rename.' : folderRowWhyNot('Rename...'),
      },
      {
        label: 'Delete',
        run: () => focused && setView({ selectedId: focused.id, wizard: 'delete-search-folder' }),
        disabledBecause: count !== 1 || !focused ? 'Select one search folder to delete.' : folderRowWhyNot('Delete'),
      },
    );
  }
  objectActions.push(...afterUpgrade.objectActions);
  objectActions.push(...templateActions.objectActions);
  objectActions.push(...deploy.objectActions);
  objectActions.push(...download);
  objectActions.push(...updateListActions.objectActions);
  objectActions.push(...deploymentActions.objectActions);
  // Reporting > Reports: "Run" opens the selected report's Report Viewer (?report=<id>).
  objectActions.push(
    ...reportActions({
      node,
      focused,
      selectedCount: count,
      open: (reportId) =>
        setView({
          selectedId: reportId,
          reportId,
          reportParams: {},
          reportDisplayed: false,
          reportAcknowledged: false,
        }),
    }),
  );
  if (resource === 'migration-report') {
    // "Why?" on a Migration Report row: the rule that decided what became of the object, and its planning section.
    objectActions.push({
      label: WHY_LABEL,
      run: () => focused && setView({ selectedId: focused.id, wizard: MIGRATION_WHY_DIALOG }),
      disabledBecause: count !== 1 || !focused ? 'Select one row of the Migration Report to see why.' : undefined,
    });
  }
  const selectionTitle =
    count === 1 && focused && resource
      ? RESOURCES[resource].nameOf(focused)
      : count > 1
        ? `${formatCount(count)} items selected`
        : 'Selected Items';
  return {
    node,
    resource,
    nodeActions,
    // The home page's rows are a summary, in its own order: only their Properties act on them.
    objectActions: onHomepage ? objectActions.filter((action) => action.label === 'Properties') : objectActions,
    selectionTitle,
    message,
    clearMessage: () => setMessage(null),
  };
}

/** The identity of a list as shown: a selection made in one list never applies to another. */
export function listKeyOf(admin: string, view: Pick<ConsoleView, 'nodeId' | 'q' | 'searchIn' | 'sort'>) {
  return [admin, view.nodeId, view.q, view.searchIn, view.sort ?? ''].join('\u0000');
}

/**
 * What the last action said ("Copied 3 rows to the clipboard.", or why it failed): one message for the whole console,
 * whichever of the Actions pane, the menus, the toolbar or the keyboard ran the action.
 */
type ActionMessage = { text: string; error: boolean } | null;
let actionMessage: ActionMessage = null;
const messageListeners = new Set<() => void>();

function setMessage(next: ActionMessage) {
  actionMessage = next;
  for (const listener of messageListeners) listener();
}

function useActionMessage(): ActionMessage {
  return useSyncExternalStore(
    (listener) => {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    () => actionMessage,
    () => actionMessage,
  );
}
