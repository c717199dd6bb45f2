/** The site clock's menu and the Site Jobs dialog: long-running jobs (synchronizations, downloads) on the site clock. */
export { SiteClockMenu, SPEED_LABELS, clockRateText } from './site-clock-menu';
export { SiteJobsDialog, JobProgress, type SiteJob } from './site-jobs-dialog';
export { SiteJobsStatus, runningJobsText } from './site-jobs-status';
export { useSiteClock, type SiteClockReading } from './use-site-clock';
