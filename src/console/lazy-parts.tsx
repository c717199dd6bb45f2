import { lazy, Suspense, useEffect, useState, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';

/** Every part's loader, fetched while the page is idle once the console is up (see preloadWhenIdle). */
const PRELOADS: Array<() => Promise<unknown>> = [];

/**
 * Parts of the console loaded apart from the shell: the rest of the window (results pane, bars, Actions pane: see
 * lazyWindowPart) and each dialog and wizard (loaded the first time it opens). The console tree is then interactive
 * before any of them has arrived (npm run bench, "Initial JavaScript"). Dialogs come from each feature's own file, not
 * its index, so the index (which the shell imports for actions) does not pull them in. While a dialog loads nothing
 * shows; it is a few kilobytes from the same server.
 */
function lazyDialog<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null) {
  // Once the code is here the part renders directly: a lazy component would still suspend on its first render, and a
  // suspension inside a navigation (a transition) is held back by React for a few hundred milliseconds.
  let Loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const loadOnce = () =>
    (loading ??= load().then(
      (component) => (Loaded = component),
      (error: unknown) => {
        loading = null; // tried again when the part is next needed
        throw error;
      },
    ));
  const Lazy = lazy(async () => ({ default: await loadOnce() }));
  PRELOADS.push(loadOnce);
  function LazyPart(props: P) {
    // Decided once per mount: switching from the lazy component to the loaded one while mounted would mount the part
    // again and lose what it holds (a wizard's page, a dialog's fields).
    const [Ready] = useState(() => Loaded);
    if (Ready) return <Ready {...props} />;
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  LazyPart.preload = loadOnce;
  return LazyPart;
}

/**
 * Whether the console has painted its tree once (for the life of the page). The window's other parts are requested
 * only then: rendered with the tree, they would be fetched while it waits, and React would hold the tree back until
 * they arrived (the first render is a navigation, a transition).
 */
let treeShown = false;
const treeShownListeners = new Set<() => void>();
export function markTreeShown() {
  if (treeShown) return;
  treeShown = true;
  for (const listener of treeShownListeners) listener();
}
function useTreeShown() {
  return useSyncExternalStore(
    (listener) => {
      treeShownListeners.add(listener);
      return () => treeShownListeners.delete(listener);
    },
    () => treeShown,
  );
}

/**
 * A part of the window (the results pane, the menu bar, ...): its fallback (the same size, so nothing moves) until the
 * console tree is painted, then its code is requested and the part replaces the fallback as soon as it arrives. No
 * Suspense: React reveals a suspended boundary's content at the earliest 300 ms after its fallback showed, which
 * would hold the first rows back. The part itself is never mounted before its code is here, so it loses nothing.
 */
function lazyWindowPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = null,
  /** What to wait for before asking for this part: the first rows need the results pane, not the bars. */
  after: () => Promise<unknown> = () => Promise.resolve(),
) {
  let state: { Loaded: ComponentType<P> | null; error: unknown } = { Loaded: null, error: null };
  let loading: Promise<unknown> | null = null;
  const listeners = new Set<() => void>();
  const settle = (next: typeof state) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const loadOnce = () =>
    (loading ??= load().then(
      (component) => settle({ Loaded: component, error: null }),
      (error: unknown) => {
        loading = null; // tried again when the part is next rendered
        settle({ Loaded: null, error });
      },
    ));
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  PRELOADS.push(loadOnce);
  function WindowPart(props: P) {
    const shown = useTreeShown();
    const { Loaded, error } = useSyncExternalStore(subscribe, () => state);
    useEffect(() => {
      if (shown && !Loaded) void after().finally(loadOnce);
    }, [shown, Loaded]);
    if (Loaded) return <Loaded {...props} />;
    if (error) {
      void loadOnce(); // asked again, so the error boundary's Try again finds the part once it has arrived
      throw error;
    }
    return fallback;
  }
  WindowPart.preload = loadOnce;
  return WindowPart;
}

export const AfterUpgradeDialogs = lazyDialog(
  async () => (await import('@/features/after-upgrade/after-upgrade-dialogs')).AfterUpgradeDialogs,
);
export const SearchFolderDialogs = lazyDialog(
  async () => (await import('@/features/search-folders/search-folder-dialogs')).SearchFolderDialogs,
);
export const DeploymentTemplateDialogs = lazyDialog(
  async () => (await import('@/features/deployment-templates/template-dialogs')).DeploymentTemplateDialogs,
);
export const DeploymentTemplatePropertiesDialog = lazyDialog(
  async () =>
    (await import('@/features/deployment-templates/template-properties-dialog')).DeploymentTemplatePropertiesDialog,
);
export const DeployWizardFromSelection = lazyDialog(
  async () => (await import('@/features/deploy-wizard/deploy-wizard-from-selection')).DeployWizardFromSelection,
);
export const SecurityRightsDialog = lazyDialog(
  async () => (await import('@/features/security-rights/rights-dialog')).SecurityRightsDialog,
);
export const UpdateListDialogs = lazyDialog(
  async () => (await import('@/features/update-lists/update-list-dialogs')).UpdateListDialogs,
);
export const UpdateListPropertiesDialog = lazyDialog(
  async () => (await import('@/features/update-lists/update-list-properties-dialog')).UpdateListPropertiesDialog,
);
export const ScheduleHomePageSummarizationDialog = lazyDialog(
  async () => (await import('@/features/software-updates-home/schedule-dialog')).ScheduleHomePageSummarizationDialog,
);
export const DeploymentManagementDialogs = lazyDialog(
  async () =>
    (await import('@/features/deployment-management/deployment-management-dialogs')).DeploymentManagementDialogs,
);
export const DeploymentPropertiesDialog = lazyDialog(
  async () =>
    (await import('@/features/deployment-management/deployment-properties-dialog')).DeploymentPropertiesDialog,
);
export const CollectionPropertiesDialog = lazyDialog(
  async () => (await import('@/features/collections/collection-properties-dialog')).CollectionPropertiesDialog,
);
export const SetupWizard = lazyDialog(async () => (await import('@/features/site-upgrade/setup-wizard')).SetupWizard);
export const MigrationWhyDialog = lazyDialog(
  async () => (await import('@/features/why/migration-why-dialog')).MigrationWhyDialog,
);
export const CopyLinkDialog = lazyDialog(
  async () => (await import('@/features/demo-mode/copy-link-dialog')).CopyLinkDialog,
);
export const DownloadUpdatesWizard = lazyDialog(
  async () => (await import('@/features/deployment-packages/download-updates-wizard')).DownloadUpdatesWizard,
);
export const DeploymentPackagePropertiesDialog = lazyDialog(
  async () =>
    (await import('@/features/deployment-packages/package-properties-dialog')).DeploymentPackagePropertiesDialog,
);
export const SoftwareUpdatePropertiesDialog = lazyDialog(
  async () =>
    (await import('@/features/software-updates/software-update-properties-dialog')).SoftwareUpdatePropertiesDialog,
);

/** Reporting > Reports: a report's Report Viewer (its form, result and chart), loaded when a report is first run. */
export const ReportViewer = lazyDialog(async () => (await import('@/features/reports/report-viewer')).ReportViewer);

/** The Software Updates node's home page (its chart and summary): loaded when the node is first opened. */
export const SoftwareUpdatesHomePane = lazyDialog(
  async () => (await import('./software-updates-home-pane')).SoftwareUpdatesHomePane,
);

/**
 * The results pane: requested as soon as the console tree is painted (the route's loader has fetched the tree's data
 * before the console renders), so it never competes with the code the tree needs.
 */
export const ResultsPane = lazyWindowPart(
  async () => (await import('./results-pane')).ResultsPane,
  <main className="flex-1 p-3 text-[#555]" aria-busy="true">
    Loading…
  </main>,
);

/*
 * The rest of the MMC window, requested like the results pane once the tree is painted: the menu bar, the toolbar and the
 * Actions pane (they compute the node's actions, which takes every feature's actions, views and API files, and with
 * them zod's full API), the URL's dialogs and wizards, the walkthrough panel and demo mode's stage prompt and keyboard
 * shortcuts. While they load, the bars keep their height so nothing moves when they arrive.
 */
const afterResultsPane = () => ResultsPane.preload();
export const MenuBar = lazyWindowPart(
  async () => (await import('./menu-bar')).MenuBar,
  <div className="menu-bar flex px-1" aria-hidden="true">
    <span className="menu-bar-item invisible">File</span>
  </div>,
  afterResultsPane,
);
export const ToolBar = lazyWindowPart(
  async () => (await import('./tool-bar')).ToolBar,
  <div className="tool-bar flex items-center gap-0.5 px-1 py-0.5" aria-hidden="true">
    <span className="tool-bar-button" />
  </div>,
  afterResultsPane,
);
export const ActionsPane = lazyWindowPart(
  async () => (await import('./actions-pane')).ActionsPane,
  <div className="actions-pane h-full" aria-busy="true">
    <div className="actions-title" aria-hidden="true">
      Actions
    </div>
  </div>,
  afterResultsPane,
);
export const ConsoleWizards = lazyWindowPart(
  async () => (await import('./console-wizards')).ConsoleWizards,
  null,
  afterResultsPane,
);
export const WalkthroughSidePanel = lazyWindowPart(
  async () => (await import('./walkthrough-side-panel')).WalkthroughSidePanel,
  null,
  afterResultsPane,
);
export const StageLinkPrompt = lazyWindowPart(
  async () => (await import('@/features/demo-mode/stage-link-prompt')).StageLinkPrompt,
  null,
  afterResultsPane,
);
export const KeyboardShortcuts = lazyWindowPart(
  async () => (await import('@/features/demo-mode/keyboard-shortcuts')).KeyboardShortcuts,
  null,
  afterResultsPane,
);

/**
 * Once the console has drawn its first rows and nobody is busy, the dialogs are fetched one at a time in idle time, so
 * the first Properties opens as fast as the next one. A failed fetch is retried when the dialog is opened.
 */
export function preloadWhenIdle() {
  // The dialog opened most, first: an update's Properties.
  const first = PRELOADS.indexOf(SoftwareUpdatePropertiesDialog.preload);
  if (first > 0) PRELOADS.unshift(...PRELOADS.splice(first, 1));
  const idle = (run: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 5_000 }) : setTimeout(run, 200);
  const next = (index: number) => {
    const load = PRELOADS[index];
    if (!load) return;
    idle(
      () =>
        void load().then(
          () => next(index + 1),
          () => next(index + 1),
        ),
    );
  };
  next(0);
}
