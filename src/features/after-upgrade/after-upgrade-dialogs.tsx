import { collectionIdOfNode, NODE_IDS } from '@/domain/console-tree/console-tree';
import type { AfterUpgradeDialogName } from './after-upgrade-actions';
import { ExplainUpdateDialog } from './explain-update-dialog';
import { LegacyCleanupDialog } from './legacy-cleanup-dialog';
import { ChangeSourcePathDialog, UpgradeClientsDialog } from './package-and-collection-dialogs';
import { PublishCustomUpdateDialog } from './publish-custom-update-dialog';
import { RunAdvertisementDialog } from './run-advertisement-dialog';
import {
  InstallKb954474Dialog,
  RemoveItmuDialog,
  RepublishCustomCatalogDialog,
  UpgradeLondonDialog,
} from './site-action-dialogs';
import { DeleteSms2003AdvertisementDialog, RemoveSoftwareUpdatesDialog } from './sms2003-advertisement-dialogs';
import { SoftwareUpdatePointDialog } from './software-update-point-dialog';

export interface AfterUpgradeDialogsProps {
  admin: string;
  /** The dialog to show (the console keeps it in the URL), or null for none. */
  dialog: AfterUpgradeDialogName | null;
  /** The selected node: a collection's node is the collection "Upgrade Clients..." acts on. */
  nodeId: string;
  /** The selected object of the results pane: the one an object's dialog acts on. */
  selectedId: string | null;
  onClose: () => void;
  /** The selected object is gone (a deleted migrated advertisement): close, and select nothing. */
  onDeleted: () => void;
}

/** The dialog an after-upgrade action opened, on the object it acts on. */
export function AfterUpgradeDialogs(props: AfterUpgradeDialogsProps) {
  return dialogFor(props);
}

function dialogFor({ admin, dialog, nodeId, selectedId, onClose, onDeleted }: AfterUpgradeDialogsProps) {
  const common = { admin, onClose };
  switch (dialog) {
    case 'software-update-point':
      return (
        <SoftwareUpdatePointDialog
          {...common}
          serverName={nodeId === NODE_IDS.siteSystems ? (selectedId ?? undefined) : undefined}
        />
      );
    case 'install-kb954474':
      return <InstallKb954474Dialog {...common} />;
    case 'remove-itmu':
      return <RemoveItmuDialog {...common} />;
    case 'republish-custom-catalog':
      return <RepublishCustomCatalogDialog {...common} />;
    case 'publish-custom-update':
      return <PublishCustomUpdateDialog {...common} />;
    case 'legacy-cleanup':
      return <LegacyCleanupDialog {...common} />;
    case 'upgrade-lon':
      return <UpgradeLondonDialog {...common} />;
    case 'run-advertisement':
      return selectedId ? <RunAdvertisementDialog {...common} advertisementId={selectedId} /> : null;
    case 'delete-sms2003-advertisement':
      return selectedId ? (
        <DeleteSms2003AdvertisementDialog {...common} advertisementId={selectedId} onDeleted={onDeleted} />
      ) : null;
    case 'remove-software-updates':
      return selectedId ? <RemoveSoftwareUpdatesDialog {...common} advertisementId={selectedId} /> : null;
    case 'change-package-source':
      return selectedId ? <ChangeSourcePathDialog {...common} packageId={selectedId} /> : null;
    case 'upgrade-clients': {
      const collectionId = collectionIdOfNode(nodeId) ?? selectedId;
      return collectionId ? <UpgradeClientsDialog {...common} collectionId={collectionId} /> : null;
    }
    case 'explain-update':
      return selectedId ? <ExplainUpdateDialog {...common} updateId={selectedId} /> : null;
    default:
      return null;
  }
}
