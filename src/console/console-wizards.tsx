import { useQuery } from '@tanstack/react-query';
import { useConnectedAdmin } from '@/api/connection';
import { sessionQuery } from '@/api/session';
import { isAfterUpgradeDialog } from '@/features/after-upgrade';
import { isSearchFolderDialog } from '@/features/search-folders';
import { isDeploymentTemplateDialog } from '@/features/deployment-templates';
import { isDeploySoftwareUpdatesWizard } from '@/features/deploy-wizard';
import { isSecurityRightsDialog } from '@/features/security-rights';
import { isUpdateListDialog } from '@/features/update-lists';
import { isHomepageDialog } from '@/features/software-updates-home';
import { isDeploymentManagementDialog } from '@/features/deployment-management';
import { isCollectionDialog } from '@/features/collections';
import { useSiteClock } from '@/features/site-jobs';
import { isMigrationWhyDialog } from '@/features/why';
import {
  deploymentPackageNodeId,
  NODE_IDS,
  searchFolderNodeId,
  updateListIdOfNode,
} from '@/domain/console-tree/console-tree';
import { isDownloadSoftwareUpdatesWizard } from '@/features/deployment-packages';
import {
  AfterUpgradeDialogs,
  CollectionPropertiesDialog,
  DeploymentManagementDialogs,
  DeploymentTemplateDialogs,
  DeployWizardFromSelection,
  DownloadUpdatesWizard,
  MigrationWhyDialog,
  ScheduleHomePageSummarizationDialog,
  SearchFolderDialogs,
  SecurityRightsDialog,
  SetupWizard,
  UpdateListDialogs,
} from './lazy-parts';
import { AboutDialog, OptionsDialog } from './about-and-options';
import { ColumnChooser } from './column-chooser';
import { useConsoleView } from './console-url';

/** The wizard or dialog the URL names (?wizard=...), so a demo link can open one. */
export function ConsoleWizards() {
  const admin = useConnectedAdmin();
  const session = useQuery(sessionQuery());
  const [view, setView] = useConsoleView();
  if (isSearchFolderDialog(view.wizard)) {
    return (
      <SearchFolderDialogs
        admin={admin}
        dialog={view.wizard}
        nodeId={
          // From the Search Folders list, a selected folder row is the folder the dialog acts on.
          view.nodeId === NODE_IDS.searchFolders && view.selectedId ? searchFolderNodeId(view.selectedId) : view.nodeId
        }
        onClose={() => setView({ wizard: null })}
        onOpenNode={(nodeId) => setView({ nodeId, wizard: null, selectedId: null })}
      />
    );
  }
  if (isUpdateListDialog(view.wizard)) {
    return (
      <UpdateListDialogs
        admin={admin}
        dialog={view.wizard}
        // A list's node names its list; on Update Lists the selected row is the list.
        listId={updateListIdOfNode(view.nodeId) ?? (view.nodeId === NODE_IDS.updateLists ? view.selectedId : null)}
        onClose={() => setView({ wizard: null })}
        onOpenNode={(nodeId) => setView({ nodeId, wizard: null, selectedId: null, propertiesId: null })}
      />
    );
  }
  if (isAfterUpgradeDialog(view.wizard)) {
    return (
      <AfterUpgradeDialogs
        admin={admin}
        dialog={view.wizard}
        nodeId={view.nodeId}
        selectedId={view.selectedId}
        onClose={() => setView({ wizard: null })}
        onDeleted={() => setView({ wizard: null, selectedId: null, propertiesId: null })}
      />
    );
  }
  if (isDeploymentTemplateDialog(view.wizard)) {
    return (
      <DeploymentTemplateDialogs
        admin={admin}
        dialog={view.wizard}
        templateId={view.templateId ?? (view.wizard === 'deploy-with-template' ? null : view.selectedId)}
        updateIds={view.updateIds}
        onClose={() => setView({ wizard: null })}
        onTemplateChanged={(templateId) =>
          setView({ nodeId: NODE_IDS.deploymentTemplates, wizard: null, selectedId: templateId, propertiesId: null })
        }
        // The Deploy Software Updates Wizard, with the template preselected (?template=) and the updates (?updates=).
        onDeploy={(templateId, updateIds) => setView({ wizard: 'deploy-software-updates', templateId, updateIds })}
      />
    );
  }
  if (isDownloadSoftwareUpdatesWizard(view.wizard)) {
    return (
      <DownloadUpdatesWizard
        admin={admin}
        onClose={() => setView({ wizard: null })}
        onOpenPackage={(packageId) =>
          setView({ nodeId: deploymentPackageNodeId(packageId), wizard: null, selectedId: null })
        }
      />
    );
  }
  if (isDeploySoftwareUpdatesWizard(view.wizard)) {
    return (
      <DeployWizardOnSiteClock
        // A new start (another template or other updates named in the URL) is a new wizard.
        key={`${view.templateId ?? ''}|${view.updateIds?.join(',') ?? ''}`}
        admin={admin}
        templateId={view.templateId}
        updateIds={view.updateIds}
        onClose={() => setView({ wizard: null })}
      />
    );
  }
  if (isDeploymentManagementDialog(view.wizard)) {
    return (
      <DeploymentManagementDialogs
        admin={admin}
        dialog={view.wizard}
        deploymentId={view.selectedId}
        updateIds={view.updateIds}
        onClose={() => setView({ wizard: null })}
      />
    );
  }
  if (isCollectionDialog(view.wizard)) {
    return view.selectedId ? (
      <CollectionPropertiesDialog
        admin={admin}
        collectionId={view.selectedId}
        onClose={() => setView({ wizard: null })}
      />
    ) : null;
  }
  if (isSecurityRightsDialog(view.wizard)) {
    return (
      <SecurityRightsDialog
        // A new start (another row) is a new dialog.
        key={`${view.wizard}|${view.selectedId ?? ''}`}
        admin={admin}
        dialog={view.wizard}
        rowId={view.nodeId === NODE_IDS.securityRights ? view.selectedId : null}
        onClose={() => setView({ wizard: null })}
      />
    );
  }
  if (isHomepageDialog(view.wizard)) {
    return <ScheduleHomePageSummarizationDialog admin={admin} onClose={() => setView({ wizard: null })} />;
  }
  if (isMigrationWhyDialog(view.wizard) && view.selectedId) {
    return <MigrationWhyDialog admin={admin} rowId={view.selectedId} onClose={() => setView({ wizard: null })} />;
  }
  if (view.wizard === 'about') return <AboutDialog onClose={() => setView({ wizard: null })} />;
  if (view.wizard === 'options') return <OptionsDialog onClose={() => setView({ wizard: null })} />;
  if (view.wizard === 'add-remove-columns') return <ColumnChooser onClose={() => setView({ wizard: null })} />;
  if (view.wizard !== 'upgrade-site' || !session.data) return null;
  return (
    <SetupWizard
      admin={admin}
      siteLabel={`${session.data.site.code} - ${session.data.site.name}`}
      onClose={() => setView({ wizard: null })}
      onOpenNode={(nodeId) => setView({ nodeId, wizard: null })}
    />
  );
}

/** The Deploy Software Updates Wizard, its schedule on the header's site clock. */
function DeployWizardOnSiteClock(props: Omit<Parameters<typeof DeployWizardFromSelection>[0], 'siteTime'>) {
  const clock = useSiteClock(props.admin);
  return <DeployWizardFromSelection {...props} siteTime={clock.time} />;
}
