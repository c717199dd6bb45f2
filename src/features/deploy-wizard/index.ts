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
export { DeploySoftwareUpdatesWizard, DEPLOY_WIZARD_TITLE } from './deploy-software-updates-wizard';
export { DeployWizardFromSelection, type DeployWizardFromSelectionProps } from './deploy-wizard-from-selection';
export { LEGACY_ACKNOWLEDGEMENT } from './template-selection-page';
export { PAGE_TITLES } from './deploy-wizard-pages';
