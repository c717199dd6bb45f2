import { useQuery } from '@tanstack/react-query';
import { consoleTreeQuery } from '@/api/console-tree';
import { useConnectedAdmin } from '@/api/connection';
import { findNode, NODE_IDS } from '@/domain/console-tree/console-tree';
import { PaneBoundary } from '@/ui/pane-boundary';
import { ChildrenList } from './children-list';
import { useConsoleView } from './console-url';
import { ObjectList } from './object-list';
import { PropertiesDialog } from './properties-dialog';
import { ComplianceDrillContext, type ComplianceDrillTarget } from '@/features/software-updates';
import {
  CollectionPropertiesDialog,
  DeploymentPackagePropertiesDialog,
  DeploymentPropertiesDialog,
  DeploymentTemplatePropertiesDialog,
  SoftwareUpdatePropertiesDialog,
  UpdateListPropertiesDialog,
  SoftwareUpdatesHomePane,
  ReportViewer,
} from './lazy-parts';
import { ComplianceClientsList } from './compliance-clients-list';
import { consolePath } from './console-url';
import { opensSoftwareUpdateProperties } from './properties-query';
import { isResourceName, objectListOf } from './first-list';

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
  const listed = objectListOf(node, view);
  // Software updates' compliance counts open the clients behind them (?clients=<update>&state=<state>), in this pane.
  const updatesOfConfigMgr = opensSoftwareUpdateProperties(resource, node.kind);
  const drill: ComplianceDrillTarget = {
    hrefOf: (updateId, state) => consolePath({ nodeId: node.id, clientsOf: updateId, complianceState: state }),
    open: (updateId, state) =>
      setView({
        clientsOf: updateId,
        complianceState: state,
        q: '',
        searchIn: 'all',
        sort: null,
        selectedId: null,
        propertiesId: null,
      }),
  };
  return (
    <ComplianceDrillContext.Provider value={updatesOfConfigMgr ? drill : null}>
      {updatesOfConfigMgr && view.clientsOf ? (
        <ComplianceClientsList
          key={`${view.clientsOf}|${admin}`}
          node={node}
          updateId={view.clientsOf}
          state={view.complianceState ?? 'required'}
        />
      ) : node.kind === 'reports' && view.reportId ? (
        // Reporting > Reports: a report in its Report Viewer (?report=<id>&p.<parameter>=...&display=1).
        <ReportViewer
          key={`${view.reportId}|${JSON.stringify(view.reportParams ?? {})}|${admin}`}
          admin={admin}
          reportId={view.reportId}
          params={view.reportParams ?? {}}
          displayed={view.reportDisplayed ?? false}
          acknowledged={view.reportAcknowledged ?? false}
          onChange={(next) =>
            setView({
              reportParams: next.params,
              reportDisplayed: next.displayed,
              reportAcknowledged: next.acknowledged,
            })
          }
          hrefOf={(link) =>
            consolePath({
              nodeId: node.id,
              reportId: link.reportId,
              reportParams: link.params,
              reportDisplayed: Object.keys(link.params).length > 0,
            })
          }
          openLink={(link) =>
            setView({
              reportId: link.reportId,
              reportParams: link.params,
              reportDisplayed: Object.keys(link.params).length > 0,
              reportAcknowledged: false,
              selectedId: link.reportId,
            })
          }
          onBack={() =>
            setView({ reportId: null, reportParams: null, reportDisplayed: false, reportAcknowledged: false })
          }
        />
      ) : node.kind === 'software-updates' ? (
        // The Software Updates node is the feature's home page: the Software Update Installation Status Summary.
        <SoftwareUpdatesHomePane key={admin} node={node} />
      ) : listed !== null ? (
        <ObjectList key={`${node.id}|${admin}`} node={node} resource={listed} />
      ) : (
        <ChildrenList node={node} />
      )}
      {view.propertiesId && node.kind === 'deployment-package' ? (
        // A package's own node (its children listed) opens the package's Properties.
        <PaneBoundary what="the Properties dialog" resetKeys={[view.propertiesId]}>
          <DeploymentPackagePropertiesDialog
            admin={admin}
            packageId={view.propertiesId}
            onClose={() => setView({ propertiesId: null })}
          />
        </PaneBoundary>
      ) : null}
      {view.propertiesId && isResourceName(resource) ? (
        <PaneBoundary what="the Properties dialog" resetKeys={[view.propertiesId]}>
          {resource === 'deployment-templates' ? (
            // Templates and deployments have their own Properties: editable where the administrator may modify them.
            <DeploymentTemplatePropertiesDialog
              admin={admin}
              templateId={view.propertiesId}
              onClose={() => setView({ propertiesId: null })}
            />
          ) : updatesOfConfigMgr ? (
            // A software update's Properties: its tabs, compliance counts that drill down, Maximum Run Time to save.
            <SoftwareUpdatePropertiesDialog
              admin={admin}
              updateId={view.propertiesId}
              onClose={() => setView({ propertiesId: null })}
            />
          ) : resource === 'deployment-packages' ? (
            <DeploymentPackagePropertiesDialog
              admin={admin}
              packageId={view.propertiesId}
              onClose={() => setView({ propertiesId: null })}
            />
          ) : resource === 'update-lists' ? (
            <UpdateListPropertiesDialog
              admin={admin}
              listId={view.propertiesId}
              onClose={() => setView({ propertiesId: null })}
            />
          ) : resource === 'deployments' ? (
            <DeploymentPropertiesDialog
              admin={admin}
              deploymentId={view.propertiesId}
              onClose={() => setView({ propertiesId: null })}
            />
          ) : node.id === NODE_IDS.collections ? (
            // A collection's Properties: General (its comment editable with Modify), Membership Rules, Security.
            <CollectionPropertiesDialog
              admin={admin}
              collectionId={view.propertiesId}
              onClose={() => setView({ propertiesId: null })}
            />
          ) : (
            <PropertiesDialog resource={resource} nodeKind={node.kind} id={view.propertiesId} />
          )}
        </PaneBoundary>
      ) : null}
    </ComplianceDrillContext.Provider>
  );
}
