/**
 * Deployment Templates: the Deployment Template Wizard, a template's Properties, Delete, and deploying with a template
 * (dragging an update list or software updates onto it, or "Deploy with Template...").
 */
export {
  DEPLOYMENT_TEMPLATE_DIALOGS,
  DEPLOYMENT_TEMPLATE_LABELS,
  deploymentTemplateActions,
  isDeploymentTemplateDialog,
  useDeploymentTemplateActions,
  type DeploymentTemplateAction,
  type DeploymentTemplateDialogName,
} from './template-actions';
export { useResultsDragAndDrop, useTreeNodeDrop } from './update-drop';
