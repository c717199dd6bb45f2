/**
 * Deployment Management: deployments, each a node with its Software Updates; their Properties (General and Schedule
 * editable, rollout and compliance, SMS 2003 clients switched off) and Remove Software Updates.
 */
export {
  DEPLOYMENT_MANAGEMENT_DIALOGS,
  DEPLOYMENT_MANAGEMENT_LABELS,
  isDeploymentManagementDialog,
  useDeploymentManagementActions,
  type DeploymentManagementAction,
  type DeploymentManagementDialogName,
} from './deployment-management-actions';
