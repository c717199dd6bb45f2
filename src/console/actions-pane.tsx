import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { consoleTreeQuery } from '@/api/console-tree';
import { useConnectedAdmin } from '@/api/connection';
import { objectQuery } from '@/api/resources';
import { sessionQuery } from '@/api/session';
import { downloadListCsv, upgradeChecksQuery } from '@/api/site-upgrade';
import { findNode } from '@/domain/console-tree/console-tree';
import { RESOURCE_NAMES, RESOURCES, type ResourceName } from '@/domain/query/resources';
import { useConsoleView, type ConsoleView } from './console-url';
import { viewForNode, type AnyObject } from './node-views';

interface Action {
  label: string;
  run: () => void;
  /** Why the action cannot be taken now; the action is shown disabled with this as its description. */
  disabledBecause?: string;
}

/** MMC 3.0's Actions pane: what can be done with the node, then with the selected object. */
export function ActionsPane() {
  const admin = useConnectedAdmin();
  const queryClient = useQueryClient();
  const [view, setView] = useConsoleView();
  const tree = useQuery(consoleTreeQuery(admin));
  const node = tree.data ? findNode(tree.data, view.nodeId) : undefined;
  const resource = (RESOURCE_NAMES as readonly string[]).includes(node?.resource ?? '')
    ? (node?.resource as ResourceName)
    : null;
  const selected = useQuery({
    ...objectQuery(admin, resource ?? 'software-updates', view.selectedId ?? ''),
    enabled: resource !== null && view.selectedId !== null,
  });
  const selectedName = resource && selected.data ? RESOURCES[resource].nameOf(selected.data.item as AnyObject) : null;

  const session = useQuery(sessionQuery());
  const beforeUpgrade = session.data?.phase === 'sms2003';
  const upgradeChecks = useQuery({ ...upgradeChecksQuery(admin), enabled: beforeUpgrade });
  const [exportError, setExportError] = useState<string | null>(null);

  const nodeActions: Action[] = [];
  if (beforeUpgrade) {
    nodeActions.push({
      label: 'Upgrade Site...',
      run: () => setView({ wizard: 'upgrade-site' }),
      disabledBecause: upgradeChecks.data?.canRun === false ? (upgradeChecks.data.whyNot ?? undefined) : undefined,
    });
  }
  if (resource && node) {
    nodeActions.push({
      label: 'Export List...',
      run: () => {
        setExportError(null);
        downloadListCsv(admin, resource, exportParams(resource, node.kind, node.id, view)).catch((error: unknown) =>
          setExportError(error instanceof Error ? error.message : String(error)),
        );
      },
    });
  }
  nodeActions.push({ label: 'Refresh', run: () => void queryClient.invalidateQueries() });
  const objectActions: Action[] = [
    {
      label: 'Properties',
      run: () => view.selectedId && setView({ propertiesId: view.selectedId }),
      disabledBecause: !resource
        ? 'This node lists other nodes; open one to see its objects.'
        : !view.selectedId
          ? 'Select an object in the results pane to see its properties.'
          : undefined,
    },
  ];
  return (
    <section aria-label="Actions" className="actions-pane h-full overflow-auto">
      <h2 className="actions-title">Actions</h2>
      <ActionGroup title={node?.name ?? 'Console'} actions={nodeActions} />
      {exportError ? (
        <p role="alert" className="px-2 py-1 text-[#a11]">
          {exportError}
        </p>
      ) : null}
      <ActionGroup title={selectedName ?? 'Selected Items'} actions={objectActions} />
    </section>
  );
}

function ActionGroup({ title, actions }: { title: string; actions: Action[] }) {
  return (
    <div className="mb-1">
      <h3 className="actions-group-title truncate" title={title}>
        {title}
      </h3>
      <ul className="py-0.5">
        {actions.map((action) => (
          <ActionItem key={action.label} action={action} />
        ))}
      </ul>
    </div>
  );
}

function ActionItem({ action }: { action: Action }) {
  const descriptionId = useId();
  return (
    <li>
      <button
        type="button"
        className="actions-item w-full text-left"
        aria-disabled={action.disabledBecause ? true : undefined}
        aria-describedby={action.disabledBecause ? descriptionId : undefined}
        title={action.disabledBecause}
        onClick={() => {
          if (!action.disabledBecause) action.run();
        }}
      >
        {action.label}
      </button>
      {action.disabledBecause ? (
        <span id={descriptionId} className="sr-only">
          {action.disabledBecause}
        </span>
      ) : null}
    </li>
  );
}

/** The export asks for what the grid shows: the node, the search, the sort and the visible columns in their order. */
function exportParams(resource: ResourceName, kind: string, nodeId: string, view: ConsoleView): URLSearchParams {
  const params = new URLSearchParams();
  if (resource === 'software-updates') params.set('node', nodeId);
  if (view.q) params.set('q', view.q);
  if (view.searchIn !== 'all') params.set('searchIn', view.searchIn);
  if (view.sort) params.set('sort', view.sort);
  params.set(
    'columns',
    viewForNode(kind, resource)
      .columns.map((column) => column.key)
      .join(','),
  );
  return params;
}
