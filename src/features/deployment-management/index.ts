/** Deployment Management: deployments, their Properties (rollout and compliance, SMS 2003 clients switched off). */
export { deploymentView } from './deployment-view';
export { DeploymentPropertiesDialog, type DeploymentPropertiesDialogProps } from './deployment-properties-dialog';
export { SMS2003_CONFIRM_TITLE, SMS2003_DEPLOY_LABEL } from './sms2003-settings-tab';
