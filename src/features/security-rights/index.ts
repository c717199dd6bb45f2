/** Site Management > CEN > Security Rights: who holds which rights, and granting and revoking them. */
export {
  isSecurityRightsDialog,
  SECURITY_RIGHTS_DIALOGS,
  SECURITY_RIGHTS_LABELS,
  SECURITY_RIGHTS_TITLES,
  securityRightsActions,
  useSecurityRightsActions,
  type SecurityRightsAction,
  type SecurityRightsDialogName,
} from './security-rights-actions';
