import { useQuery } from '@tanstack/react-query';
import { consoleTreeQuery } from '@/api/console-tree';
import { useConnectedAdmin } from '@/api/connection';
import { findNode } from '@/domain/console-tree/console-tree';
import { RESOURCE_NAMES, type ResourceName } from '@/domain/query/resources';
import { PaneBoundary } from '@/ui/pane-boundary';
import { ChildrenList } from './children-list';
import { useConsoleView } from './console-url';
import { ObjectList } from './object-list';
import { PropertiesDialog } from './properties-dialog';
import { DeploymentPropertiesDialog } from '@/features/deployment-management';
import { DeploymentTemplatePropertiesDialog } from '@/features/deployment-templates';

const isResourceName = (value: string | null): value is ResourceName =>
  value !== null && (RESOURCE_NAMES as readonly string[]).includes(value);

/** The results pane: the selected node's objects, or its child nodes, or why it cannot be shown. */
export function ResultsPane() {
  const admin = useConnectedAdmin();
  const tree = useQuery(consoleTreeQuery(admin));
  const [view, setView] = useConsoleView();
  if (tree.isError) {
    return (
      <div role="alert" className="m-3">
        <p>The console tree could not be loaded: {tree.error.message}</p>
        <button type="button" className="win-button mt-2" onClick={() => void tree.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  if (!tree.data) return <p className="p-3 text-[#555]">Loading…</p>;
  const node = findNode(tree.data, view.nodeId);
  if (!node) {
    return (
      <div className="m-3" role="note" aria-label="Node not found">
        <p className="font-semibold">The console has no node {view.nodeId}.</p>
        <p className="mt-1">
          It may be a folder of updates that {admin} may not read, or a link from another version of the console.
        </p>
      </div>
    );
  }
  const resource = node.resource;
  return (
    <>
      {isResourceName(resource) ? (
        <ObjectList key={`${node.id}|${admin}`} node={node} resource={resource} />
      ) : (
        <ChildrenList node={node} />
      )}
      {view.propertiesId && isResourceName(resource) ? (
        <PaneBoundary what="the Properties dialog" resetKeys={[view.propertiesId]}>
          {resource === 'deployment-templates' ? (
            // Templates and deployments have their own Properties: editable where the administrator may modify them.
            <DeploymentTemplatePropertiesDialog
              admin={admin}
              templateId={view.propertiesId}
              onClose={() => setView({ propertiesId: null })}
            />
          ) : resource === 'deployments' ? (
            <DeploymentPropertiesDialog
              admin={admin}
              deploymentId={view.propertiesId}
              onClose={() => setView({ propertiesId: null })}
            />
          ) : (
            <PropertiesDialog resource={resource} nodeKind={node.kind} id={view.propertiesId} />
          )}
        </PaneBoundary>
      ) : null}
    </>
  );
}
