import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { consoleTreeQuery } from '@/api/console-tree';
import { useConnectedAdmin } from '@/api/connection';
import type { ConsoleTreeNode } from '@/domain/contract/api-contract';
import { NODE_IDS, pathToNode } from '@/domain/console-tree/console-tree';
// From its own file, not the feature's index: the index brings the template actions (their API and zod schemas).
import { useTreeNodeDrop } from '@/features/deployment-templates/update-drop';
import { TreeView, type TreeItemData } from '@/ui/tree-view';
import { NodeIcon } from './node-icon';
import { useConsoleView } from './console-url';

function toTreeItem(node: ConsoleTreeNode): TreeItemData {
  return {
    id: node.id,
    label: node.name,
    icon: <NodeIcon kind={node.kind} />,
    children: node.children.map(toTreeItem),
  };
}

/** The nodes to open so that the node with this id shows: every node on its path but itself. */
function ancestorsOf(root: ConsoleTreeNode, id: string): string[] {
  return pathToNode(root, id)
    .slice(0, -1)
    .map((node) => node.id);
}

const ALWAYS_OPEN = ['root', 'site-database', 'computer-management', 'software-updates'];

/** The scope pane: the console tree as the connected administrator sees it. */
export function ConsoleTreePane() {
  const admin = useConnectedAdmin();
  const tree = useQuery(consoleTreeQuery(admin));
  const [view, setView] = useConsoleView();
  const [toggled, setToggled] = useState<Map<string, boolean>>(new Map());
  // Software updates dropped on Deployment Templates: "Deploy with Template..." asks which template.
  const templatesDrop = useTreeNodeDrop(NODE_IDS.deploymentTemplates, (payload) =>
    setView({ wizard: 'deploy-with-template', templateId: null, updateIds: payload.updateIds }),
  );
  const root = useMemo(() => (tree.data ? toTreeItem(tree.data) : null), [tree.data]);
  const expanded = useMemo(() => {
    const open = new Set<string>(ALWAYS_OPEN);
    if (tree.data) for (const id of ancestorsOf(tree.data, view.nodeId)) open.add(id);
    for (const [id, isOpen] of toggled) {
      if (isOpen) open.add(id);
      else open.delete(id);
    }
    return open;
  }, [tree.data, view.nodeId, toggled]);

  if (tree.isError) {
    return (
      <div role="alert" className="p-2">
        <p>The console tree could not be loaded: {tree.error.message}</p>
        <button type="button" className="win-button mt-2" onClick={() => void tree.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  if (!root) return <p className="p-2 text-[#555]">Loading the console tree…</p>;
  return (
    <div className="contents" {...templatesDrop}>
      <TreeView
        label="Console tree"
        root={root}
        selectedId={view.nodeId}
        expandedIds={expanded}
        onExpandedChange={(id, isOpen) => setToggled((previous) => new Map(previous).set(id, isOpen))}
        onSelect={(id, how) => {
          if (id !== view.nodeId) setView({ nodeId: id }, { replace: how === 'move' });
        }}
      />
    </div>
  );
}
