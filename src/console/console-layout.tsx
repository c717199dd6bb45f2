import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { KeyboardShortcuts, StageLinkPrompt } from '@/features/demo-mode';
import { PaneBoundary } from '@/ui/pane-boundary';
import { Splitter } from '@/ui/splitter';
import { ActionsPane } from './actions-pane';
import { ConsoleHeader } from './console-header';
import { ConsoleTreePane } from './console-tree-pane';
import { ConsoleWizards } from './console-wizards';
import { updateDisplaySettings, useDisplaySettings } from './display-settings';
import { MenuBar } from './menu-bar';
import { NoticeBanner } from './notice-banner';
import { preloadWhenIdle, ResultsPane } from './lazy-parts';
import { StatusBar } from './status-bar';
import { ToolBar } from './tool-bar';
import { WalkthroughSidePanel } from './walkthrough-side-panel';

/** The narrowest the results pane may get: the side panes give way first, at 200 % zoom or on a small screen. */
const MIN_RESULTS_WIDTH = 260;

/**
 * The MMC 3.0 window: header, menu bar and toolbar, then console tree | results pane | Actions pane with splitters
 * (sizes remembered), then the status bar.
 */
export function ConsoleLayout() {
  const display = useDisplaySettings();
  const width = useWindowWidth();
  const location = useLocation();
  const sideMax = Math.max(120, Math.floor((width - MIN_RESULTS_WIDTH) / 2));
  const treeWidth = Math.min(display.treeWidth, sideMax);
  const actionsWidth = Math.min(display.actionsWidth, sideMax);
  // The dialogs arrive in idle time a little after the first rows, so no first Properties waits for its code.
  useEffect(() => {
    const timer = setTimeout(preloadWhenIdle, 500);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="console-app flex h-screen min-h-0 flex-col">
      <header>
        <ConsoleHeader />
        <MenuBar />
        <ToolBar />
      </header>
      <NoticeBanner />
      <div className="mmc-panes flex min-h-0 flex-1">
        {display.showTree ? (
          <>
            <nav aria-label="Scope pane" className="flex shrink-0" style={{ width: treeWidth }}>
              <div className="scope-pane min-w-0 flex-1 overflow-y-auto">
                <PaneBoundary what="the console tree">
                  <ConsoleTreePane />
                </PaneBoundary>
              </div>
              <Splitter
                label="Resize the console tree"
                value={treeWidth}
                min={120}
                max={sideMax}
                direction={1}
                onChange={(value) => updateDisplaySettings({ treeWidth: value })}
              />
            </nav>
          </>
        ) : null}
        <main className="results-pane min-w-0 flex-1">
          <PaneBoundary what="the results pane" resetKeys={[location.pathname, location.search]}>
            <ResultsPane />
          </PaneBoundary>
        </main>
        {display.showActions ? (
          <>
            <aside aria-label="Actions pane" className="flex shrink-0" style={{ width: actionsWidth }}>
              <Splitter
                label="Resize the Actions pane"
                value={actionsWidth}
                min={120}
                max={sideMax}
                direction={-1}
                onChange={(value) => updateDisplaySettings({ actionsWidth: value })}
              />
              <div className="min-w-0 flex-1">
                <PaneBoundary what="the Actions pane" resetKeys={[location.pathname]}>
                  <ActionsPane />
                </PaneBoundary>
              </div>
            </aside>
          </>
        ) : null}
        {/* The training walkthrough, while ?walkthrough= asks for it (Help > Walkthroughs...). */}
        <WalkthroughSidePanel />
      </div>
      <StatusBar />
      <PaneBoundary what="this dialog" resetKeys={[location.search]}>
        <ConsoleWizards />
      </PaneBoundary>
      {/* Demo mode: a link's ?stage= asks before it resets the site; `?` opens the keyboard shortcuts. */}
      <StageLinkPrompt />
      <KeyboardShortcuts />
    </div>
  );
}

function useWindowWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}
