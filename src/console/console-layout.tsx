import { ActionsPane } from './actions-pane';
import { ConsoleHeader } from './console-header';
import { ConsoleWizards } from './console-wizards';
import { ConsoleTreePane } from './console-tree-pane';
import { NoticeBanner } from './notice-banner';
import { ResultsPane } from './results-pane';
import { StatusBar } from './status-bar';

/** The MMC 3.0 layout: console tree | results pane | Actions pane, under the header and over a status bar. */
export function ConsoleLayout() {
  return (
    <div className="console-app flex h-screen min-h-0 flex-col">
      <ConsoleHeader />
      <NoticeBanner />
      <div className="mmc-panes flex min-h-0 flex-1">
        <nav aria-label="Scope pane" className="scope-pane w-[320px] shrink-0 overflow-auto">
          <ConsoleTreePane />
        </nav>
        <main className="results-pane min-w-0 flex-1">
          <ResultsPane />
        </main>
        <div className="w-[210px] shrink-0">
          <ActionsPane />
        </div>
      </div>
      <StatusBar />
      <ConsoleWizards />
    </div>
  );
}
