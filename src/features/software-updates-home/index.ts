/** Software Updates: the home page ("Software Update Installation Status Summary") and its summarization. */
export { SoftwareUpdatesHome, INSTALLATION_SERIES, type SoftwareUpdatesHomeProps } from './software-updates-home';
export { homepageParamsOf, HOMEPAGE_DEFAULTS, type HomepageUrlFilter } from './homepage-url';
export {
  isHomepageDialog,
  SCHEDULE_HOME_PAGE_SUMMARIZATION,
  useHomepageActions,
  type HomepageAction,
} from './homepage-actions';
export { ScheduleHomePageSummarizationDialog } from './schedule-dialog';
