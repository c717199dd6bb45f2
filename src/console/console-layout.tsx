import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { PaneBoundary } from '@/ui/pane-boundary';
import { Splitter } from '@/ui/splitter';
import { ConsoleHeader } from './console-header';
import { ConsoleTreePane } from './console-tree-pane';
import { useConsoleView } from './console-url';
import { updateDisplaySettings, useDisplaySettings } from './display-settings';
import { NoticeBanner } from './notice-banner';
import {
  ActionsPane,
  ConsoleWizards,
  KeyboardShortcuts,
  markTreeShown,
  MenuBar,
  preloadWhenIdle,
  ResultsPane,
  StageLinkPrompt,
  ToolBar,
  WalkthroughSidePanel,
} from './lazy-parts';
import { StatusBar } from './status-bar';

/** The narrowest the results pane may get: the side panes give way first, at 200 % zoom or on a small screen. */
const MIN_RESULTS_WIDTH = 260;

/**
 * The MMC 3.0 window: header, menu bar and toolbar, then console tree | results pane | Actions pane with splitters
 * (sizes remembered), then the status bar. Only the header, the console tree and the status bar come with the shell;
 * the other parts are requested as this first renders, when the tree already has its data (see lazy-parts.tsx).
 */
export function ConsoleLayout() {
  const display = useDisplaySettings();
  const width = useWindowWidth();
  const location = useLocation();
  // The URL's dialog or wizard (?wizard=) and the walkthrough panel (?walkthrough=): their code is requested only when
  // the URL names one (they show nothing otherwise), and in idle time once the console is up.
  const [view] = useConsoleView();
  const sideMax = Math.max(120, Math.floor((width - MIN_RESULTS_WIDTH) / 2));
  const treeWidth = Math.min(display.treeWidth, sideMax);
  const actionsWidth = Math.min(display.actionsWidth, sideMax);
  // Once this first render (the header, the console tree, the status bar) is painted, the rest of the window is
  // requested: the frame's callback runs before that paint, the timer after it.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(markTreeShown, 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
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
        {view.walkthrough ? <WalkthroughSidePanel /> : null}
      </div>
      <StatusBar />
      <PaneBoundary what="this dialog" resetKeys={[location.search]}>
        {view.wizard ? <ConsoleWizards /> : null}
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
