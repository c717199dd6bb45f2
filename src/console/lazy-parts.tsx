import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';

/** Every part's loader, fetched while the page is idle once the console is up (see preloadWhenIdle). */
const PRELOADS: Array<() => Promise<unknown>> = [];

/**
 * Parts of the console loaded apart from the shell: the results pane (loaded at once, in parallel with the tree) and
 * each dialog and wizard (loaded the first time it opens). The console tree is then interactive before any of them
 * has arrived (npm run bench, "Initial JavaScript"). Dialogs come from each feature's own file, not its index, so the
 * index (which the shell imports for actions) does not pull them in. While a dialog loads nothing shows; it is a few
 * kilobytes from the same server.
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

/** The results pane: requested as the shell starts, so it arrives while the tree is drawn. */
export const ResultsPane = lazyDialog(
  async () => (await import('./results-pane')).ResultsPane,
  <main className="flex-1 p-3 text-[#555]" aria-busy="true">
    Loading…
  </main>,
);
void ResultsPane.preload().catch(() => undefined);

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
