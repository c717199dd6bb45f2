import { useConnectedAdmin } from '@/api/connection';
import { formatCount } from '@/domain/format';
import { selectedCount } from '@/ui/grid-selection';
import { useResultsSelection } from './results-selection';

/** The window's status bar: how many items the results pane lists and how many are selected, and who is connected. */
export function StatusBar() {
  const admin = useConnectedAdmin();
  const results = useResultsSelection();
  const selected = selectedCount(results.selection, results.total);
  return (
    <footer className="status-bar flex gap-4 px-2 py-0.5">
      <span aria-label="Items">
        {results.listKey ? `${formatCount(results.total)} ${results.total === 1 ? 'item' : 'items'}` : 'Ready'}
        {results.listKey && selected > 0 ? `, ${formatCount(selected)} selected` : ''}
      </span>
      <span className="ml-auto">Connected as {admin}</span>
    </footer>
  );
}
