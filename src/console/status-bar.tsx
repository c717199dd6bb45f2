import { useConnectedAdmin } from '@/api/connection';
import { useRefreshWhenJobsEnd } from '@/api/site-clock';
import { formatCount } from '@/domain/format';
import { SiteJobsDialog, SiteJobsStatus } from '@/features/site-jobs';
import { selectedCount } from '@/ui/grid-selection';
import { useConsoleView } from './console-url';
import { useResultsSelection } from './results-selection';

/** The ?wizard= value of the Site Jobs dialog (mounted here, next to the button that opens it). */
export const SITE_JOBS_DIALOG = 'site-jobs';

/**
 * The window's status bar: how many items the results pane lists and how many are selected, the site's running jobs
 * (a button that opens the Site Jobs dialog), and who is connected. Mounted once, it also refreshes the console when
 * a job ends.
 */
export function StatusBar() {
  const admin = useConnectedAdmin();
  const results = useResultsSelection();
  const [view, setView] = useConsoleView();
  useRefreshWhenJobsEnd(admin);
  const selected = selectedCount(results.selection, results.total);
  return (
    <footer className="status-bar flex gap-4 px-2 py-0.5">
      <span aria-label="Items">
        {results.listKey ? `${formatCount(results.total)} ${results.total === 1 ? 'item' : 'items'}` : 'Ready'}
        {results.listKey && selected > 0 ? `, ${formatCount(selected)} selected` : ''}
      </span>
      <span className="ml-auto">
        <SiteJobsStatus admin={admin} onOpen={() => setView({ wizard: SITE_JOBS_DIALOG })} />
      </span>
      <span>Connected as {admin}</span>
      {view.wizard === SITE_JOBS_DIALOG ? (
        <SiteJobsDialog admin={admin} onClose={() => setView({ wizard: null })} />
      ) : null}
    </footer>
  );
}
