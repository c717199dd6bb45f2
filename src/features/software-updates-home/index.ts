/** Software Updates: the home page ("Software Update Installation Status Summary") and its summarization. */
// The page itself (software-updates-home.tsx) is loaded by the console when the node opens, not with the shell.
export {
  isHomepageDialog,
  SCHEDULE_HOME_PAGE_SUMMARIZATION,
  useHomepageActions,
  type HomepageAction,
} from './homepage-actions';
