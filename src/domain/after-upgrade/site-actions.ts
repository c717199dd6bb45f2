/** The site's own actions after the upgrade, as the Actions pane offers them (each maps to an operation). */
export const SITE_ACTIONS = [
  'synchronize-software-updates',
  'install-kb954474',
  'run-microsoft-updates-tool-sync',
  'republish-custom-catalog',
  'run-legacy-cleanup-script',
  'upgrade-lon',
  'remove-itmu',
] as const;
export type SiteAction = (typeof SITE_ACTIONS)[number];
