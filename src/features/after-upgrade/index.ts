/**
 * After the upgrade: the software update point, synchronization, KB 954474 and the ITMU catalog, the custom catalog,
 * the LEGACY clean-up script, migrated deployments, package sources, client and site upgrades, and "Why?".
 */
export {
  AFTER_UPGRADE_DIALOGS,
  AFTER_UPGRADE_LABELS,
  afterUpgradeActions,
  isAfterUpgradeDialog,
  useAfterUpgradeActions,
  type AfterUpgradeAction,
  type AfterUpgradeDialogName,
} from './after-upgrade-actions';
