/** Deployment Packages: each package's nodes and Properties, and the Download Updates Wizard. */
export {
  DOWNLOAD_SOFTWARE_UPDATES_LABEL,
  DOWNLOAD_SOFTWARE_UPDATES_WIZARD,
  DOWNLOAD_WIZARD_TITLE,
  downloadActions,
  isDownloadSoftwareUpdatesWizard,
  type DownloadAction,
  type DownloadActionContext,
} from './download-actions';
