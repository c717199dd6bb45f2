import { useQueries, useQuery } from '@tanstack/react-query';
import { useRemoveDeploymentUpdates } from '@/api/deployment-properties';
import { objectQuery } from '@/api/resources';
import type { SoftwareUpdate } from '@/domain/model/software-update';
import type { Deployment } from '@/domain/model/site-objects';
import { Dialog } from '@/ui/dialog';
import type { DeploymentManagementDialogName } from './deployment-management-actions';
import { DeploymentPropertiesDialog } from './deployment-properties-dialog';

export interface DeploymentManagementDialogsProps {
  admin: string;
  dialog: DeploymentManagementDialogName;
  deploymentId: string | null;
  updateIds: readonly string[] | null;
  onClose: () => void;
}

/** The dialog the URL names (?wizard=deployment-properties or remove-deployment-software-updates, &sel=<id>). */
export function DeploymentManagementDialogs(props: DeploymentManagementDialogsProps) {
  if (!props.deploymentId) return null;
  if (props.dialog === 'deployment-properties') {
    return <DeploymentPropertiesDialog admin={props.admin} deploymentId={props.deploymentId} onClose={props.onClose} />;
  }
  return (
    <RemoveDeploymentUpdatesDialog
      admin={props.admin}
      deploymentId={props.deploymentId}
      updateIds={props.updateIds ?? []}
      onClose={props.onClose}
    />
  );
}

const SHOWN_TITLES = 10;

/**
 * "Remove Software Updates": takes the selected software updates out of a deployment. Its clients are no longer asked
 * to install them; an update no other deployment holds is no longer Deployed.
 */
export function RemoveDeploymentUpdatesDialog(props: {
  admin: string;
  deploymentId: string;
  updateIds: readonly string[];
  onClose: () => void;
}) {
  const object = useQuery(objectQuery(props.admin, 'deployments', props.deploymentId));
  const deployment = object.data?.item as Deployment | undefined;
  const updates = useQueries({
    queries: props.updateIds.slice(0, SHOWN_TITLES).map((id) => objectQuery(props.admin, 'software-updates', id)),
  });
  const remove = useRemoveDeploymentUpdates(props.admin);
  const count = props.updateIds.length;
  const more = count - Math.min(count, SHOWN_TITLES);
  return (
    <Dialog
      title="Remove Software Updates"
      onClose={props.onClose}
      width={560}
      footer={
        <>
          <button
            type="button"
            className="win-button"
            disabled={count === 0 || remove.isPending || !deployment}
            onClick={() =>
              remove.mutate({ id: props.deploymentId, updateIds: props.updateIds }, { onSuccess: props.onClose })
            }
          >
            Remove
          </button>
          <button type="button" className="win-button" onClick={props.onClose}>
            Cancel
          </button>
        </>
      }
    >
      <div className="space-y-2">
        {object.isError ? <p role="alert">{object.error.message}</p> : null}
        {count === 0 ? (
          <p>No software updates are selected: select them in the deployment&apos;s Software Updates node first.</p>
        ) : deployment ? (
          <p>
            Remove {count === 1 ? 'this software update' : `these ${count} software updates`} from the deployment{' '}
            <strong>{deployment.name}</strong> ({deployment.id})? Clients of {deployment.collectionName} are no longer
            asked to install {count === 1 ? 'it' : 'them'}; the deployment keeps its other software updates.
          </p>
        ) : (
          <p>Loading the deployment…</p>
        )}
        {count > 0 ? (
          <ul aria-label="Software updates to remove" className="win-listbox max-h-48 overflow-auto">
            {props.updateIds.slice(0, SHOWN_TITLES).map((id, index) => (
              <li key={id}>{(updates[index]?.data?.item as SoftwareUpdate | undefined)?.title ?? id}</li>
            ))}
            {more > 0 ? <li>and {more} more</li> : null}
          </ul>
        ) : null}
        {remove.isError ? (
          <p role="alert" className="border border-[#c9a13b] bg-[#fff8dc] p-2">
            The software updates were not removed: {remove.error.message}
          </p>
        ) : null}
      </div>
    </Dialog>
  );
}
