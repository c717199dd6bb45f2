/** The Deploy Software Updates Wizard: deploying the selected software updates, with or without a template. */
export {
  DEPLOY_SOFTWARE_UPDATES_LABEL,
  DEPLOY_SOFTWARE_UPDATES_WIZARD,
  deployActions,
  isDeploySoftwareUpdatesWizard,
  useDeployActions,
  type DeployAction,
  type DeployActionContext,
} from './deploy-actions';
