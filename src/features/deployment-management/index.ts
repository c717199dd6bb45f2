/**
 * Deployment Management: deployments, each a node with its Software Updates; their Properties (General and Schedule
 * editable, rollout and compliance, SMS 2003 clients switched off) and Remove Software Updates.
 */
export { deploymentView } from './deployment-view';
export { DeploymentPropertiesDialog, type DeploymentPropertiesDialogProps } from './deployment-properties-dialog';
export { SMS2003_CONFIRM_TITLE, SMS2003_DEPLOY_LABEL } from './sms2003-settings-tab';
export {
  DEPLOYMENT_MANAGEMENT_DIALOGS,
  DEPLOYMENT_MANAGEMENT_LABELS,
  isDeploymentManagementDialog,
  useDeploymentManagementActions,
  type DeploymentManagementAction,
  type DeploymentManagementDialogName,
} from './deployment-management-actions';
export { DeploymentManagementDialogs, type DeploymentManagementDialogsProps } from './deployment-management-dialogs';
