import { DeleteDeploymentTemplateDialog } from './delete-template-dialog';
import { DeployWithTemplateDialog } from './deploy-with-template-dialog';
import { DeploymentTemplateWizard } from './deployment-template-wizard';
import type { DeploymentTemplateDialogName } from './template-actions';

export interface DeploymentTemplateDialogsProps {
  admin: string;
  dialog: DeploymentTemplateDialogName;
  /** The template the dialog acts on (the selected one), when it acts on one. */
  templateId: string | null;
  /** The software updates "Deploy with Template..." deploys, when they were dropped rather than chosen. */
  updateIds: readonly string[] | null;
  onClose: () => void;
  /** A template was created or deleted: select it, or clear the selection (null). */
  onTemplateChanged: (templateId: string | null) => void;
  /** Opens the Deploy Software Updates Wizard with this template preselected and these software updates. */
  onDeploy: (templateId: string, updateIds: string[]) => void;
}

/** The dialog of "New Deployment Template...", "Delete" or "Deploy with Template...", as the console opened it. */
export function DeploymentTemplateDialogs(props: DeploymentTemplateDialogsProps) {
  const { admin, dialog, templateId, onClose } = props;
  switch (dialog) {
    case 'new-deployment-template':
      return <DeploymentTemplateWizard admin={admin} onClose={onClose} onCreated={props.onTemplateChanged} />;
    case 'delete-deployment-template':
      return templateId === null ? null : (
        <DeleteDeploymentTemplateDialog
          admin={admin}
          templateId={templateId}
          onClose={onClose}
          onDeleted={() => props.onTemplateChanged(null)}
        />
      );
    case 'deploy-with-template':
      return (
        <DeployWithTemplateDialog
          admin={admin}
          templateId={templateId}
          updateIds={props.updateIds}
          onClose={onClose}
          onDeploy={props.onDeploy}
        />
      );
  }
}
