import { useQuery } from '@tanstack/react-query';
import { useDeleteDeploymentTemplate } from '@/api/deployments';
import { objectQuery } from '@/api/resources';
import type { DeploymentTemplate } from '@/domain/model/site-objects';
import { Dialog, INITIAL_FOCUS } from '@/ui/dialog';
import { retryUnlessRefused } from './template-actions';

/** Delete, after asking (No is the safe answer, and focused first): the template goes, its deployments stay. */
export function DeleteDeploymentTemplateDialog(props: {
  admin: string;
  templateId: string;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const remove = useDeleteDeploymentTemplate(props.admin);
  const object = useQuery({
    ...objectQuery(props.admin, 'deployment-templates', props.templateId),
    retry: retryUnlessRefused,
    // Once it is being deleted, the template is not read again (it would be a 404 the dialog waits for).
    enabled: remove.isIdle || remove.isError,
  });
  const template = object.data?.item as DeploymentTemplate | undefined;
  return (
    <Dialog
      title="Confirm Delete"
      onClose={props.onClose}
      footer={
        <>
          <button
            type="button"
            className="win-button"
            disabled={!template || remove.isPending}
            onClick={() => remove.mutate(props.templateId, { onSuccess: props.onDeleted })}
          >
            Yes
          </button>
          <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={props.onClose}>
            No
          </button>
        </>
      }
    >
      {object.isError ? (
        <p role="alert">{object.error.message}</p>
      ) : (
        <p>
          Are you sure you want to delete the deployment template <strong>{template?.name ?? props.templateId}</strong>?
          Deployments made with it keep their settings.
        </p>
      )}
      {remove.isError ? (
        <p role="alert" className="mt-2 border border-[#c9a13b] bg-[#fff8dc] p-2">
          The deployment template was not deleted: {remove.error.message}
        </p>
      ) : null}
    </Dialog>
  );
}
