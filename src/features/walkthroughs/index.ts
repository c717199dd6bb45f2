/** The training walkthroughs: the side panel the console opens with ?walkthrough=<id> (or "all", the list). */
export { ALL_WALKTHROUGHS, WalkthroughPanel } from './walkthrough-panel';
