/**
 * Deployment Templates: the Deployment Template Wizard, a template's Properties, Delete, and deploying with a template
 * (dragging an update list or software updates onto it, or "Deploy with Template...").
 */
export { deploymentTemplateView } from './deployment-template-view';
export {
  DEPLOYMENT_TEMPLATE_DIALOGS,
  DEPLOYMENT_TEMPLATE_LABELS,
  deploymentTemplateActions,
  isDeploymentTemplateDialog,
  useDeploymentTemplateActions,
  type DeploymentTemplateAction,
  type DeploymentTemplateDialogName,
} from './template-actions';
export { DeploymentTemplateDialogs, type DeploymentTemplateDialogsProps } from './template-dialogs';
export { DeploymentTemplatePropertiesDialog } from './template-properties-dialog';
export { DeploymentTemplateWizard, TEMPLATE_WIZARD_TITLE } from './deployment-template-wizard';
export { DEPLOY_WITH_TEMPLATE_TITLE } from './deploy-with-template-dialog';
export { canDragRowsOf, MAX_UPDATES_IN_LINK, SOFTWARE_UPDATES_DRAG_TYPE, type UpdatesDragPayload } from './update-drag';
export { useResultsDragAndDrop, useTreeNodeDrop } from './update-drop';
