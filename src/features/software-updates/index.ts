/** Software updates: their views, their Properties, and the compliance counts that open the clients behind them. */
export { sms2003SoftwareUpdatesView, softwareUpdatesHomeView, updateRepositoryView } from './software-update-views';
export {
  SoftwareUpdatePropertiesDialog,
  type SoftwareUpdatePropertiesDialogProps,
} from './software-update-properties-dialog';
export {
  ComplianceCountLink,
  ComplianceDrillContext,
  drillLinkName,
  type ComplianceDrillTarget,
} from './compliance-drill';
export { UpdateStateIcon } from './update-state-icon';
