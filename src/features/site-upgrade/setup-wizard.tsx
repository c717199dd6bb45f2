import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useState } from 'react';
import { upgradeChecksQuery, useRunSetup, type SetupRequest } from '@/api/site-upgrade';
import type { SetupLogLine } from '@/domain/model/upgrade-records';
import { formatDateTime } from '@/domain/format';
import { uncPathSchema } from '@/domain/operations/operations';
import type { PreUpgradeCheck } from '@/domain/upgrade/pre-upgrade-checks';
import { Wizard, type WizardPage } from '@/ui/wizard';

const PAGES: WizardPage[] = [
  { id: 'welcome', title: 'Welcome' },
  { id: 'checks', title: 'Pre-upgrade Checks' },
  { id: 'catalog', title: 'Updates Catalog' },
  { id: 'summary', title: 'Summary' },
  { id: 'progress', title: 'Progress' },
  { id: 'completion', title: 'Confirmation' },
];

const BANNERS: Record<string, string> = {
  welcome: 'Upgrade this SMS 2003 site to System Center Configuration Manager 2007.',
  checks: 'Setup checks the site before it changes anything.',
  catalog: 'Setup upgrades the Inventory Tool for Microsoft Updates and needs the latest Microsoft Update catalog.',
  summary: 'Review what Setup will do, then begin the upgrade.',
  progress: 'Setup is upgrading the site. Each decision is written to ConfigMgrSetup.log.',
  completion: 'The upgrade is complete.',
};

/** How long the Progress page takes to play Setup's log (Setup itself runs 150 minutes on the site clock). */
const PLAYBACK_MS = 2400;

interface SetupWizardProps {
  admin: string;
  siteLabel: string;
  onClose: () => void;
  /** Opens a node of the upgraded console (Update Repository, the log, the migration report). */
  onOpenNode: (nodeId: string) => void;
}

/** "Upgrade Site": Configuration Manager 2007 Setup run on the SMS 2003 site, as a wizard. */
export function SetupWizard({ admin, siteLabel, onClose, onOpenNode }: SetupWizardProps) {
  const [pageId, setPageId] = useState('welcome');
  const [catalogSource, setCatalogSource] = useState<SetupRequest['catalogSource']>('internet');
  const [localPath, setLocalPath] = useState('');
  const [pathError, setPathError] = useState<string | null>(null);
  const checks = useQuery(upgradeChecksQuery(admin));
  const runSetup = useRunSetup(admin);
  const index = PAGES.findIndex((page) => page.id === pageId);
  const go = (id: string) => setPageId(id);
  const toCompletion = useCallback(() => setPageId('completion'), []);
  const failed = checks.data?.checks.some((check) => check.status === 'Failed') ?? false;
  const blockedBecause = checks.data && !checks.data.canRun ? checks.data.whyNot : null;

  const next = () => {
    if (pageId === 'catalog' && catalogSource === 'local') {
      const parsed = uncPathSchema.safeParse(localPath.trim());
      if (!parsed.success) {
        setPathError(`The catalog location is not valid: ${parsed.error.issues[0]?.message ?? 'check the path'}.`);
        return;
      }
      setPathError(null);
    }
    if (pageId === 'summary') {
      go('progress');
      runSetup.mutate(
        catalogSource === 'local' ? { catalogSource, localCatalogPath: localPath.trim() } : { catalogSource },
      );
      return;
    }
    const following = PAGES[index + 1];
    if (following) go(following.id);
  };

  const running = pageId === 'progress';
  const nextDisabled =
    (pageId === 'checks' && (checks.isPending || failed || blockedBecause !== null)) ||
    running ||
    pageId === 'completion';
  const footer = (
    <>
      <button
        type="button"
        className="win-button"
        disabled={index === 0 || running || pageId === 'completion'}
        onClick={() => go((PAGES[index - 1] as WizardPage).id)}
      >
        &lt; Previous
      </button>
      {pageId === 'completion' ? (
        <button type="button" className="win-button" onClick={() => onOpenNode('software-updates/update-repository')}>
          Close
        </button>
      ) : (
        <button type="button" className="win-button" disabled={nextDisabled} onClick={next}>
          {pageId === 'summary' ? 'Begin Install' : 'Next >'}
        </button>
      )}
      <button type="button" className="win-button" disabled={running && !runSetup.isError} onClick={onClose}>
        Cancel
      </button>
    </>
  );

  return (
    <Wizard
      title="Configuration Manager 2007 Setup Wizard - Upgrade Site"
      pages={PAGES}
      currentId={pageId}
      banner={BANNERS[pageId] ?? ''}
      onClose={running && !runSetup.isError ? () => undefined : onClose}
      footer={footer}
    >
      {pageId === 'welcome' ? (
        <div className="space-y-3">
          <p>
            This wizard upgrades <strong>{siteLabel}</strong> from SMS 2003 SP3 to System Center Configuration Manager
            2007. The SMS 2003 files and the SQL Server database are upgraded, and the software updates information is
            migrated to the Configuration Manager 2007 schema.
          </p>
          <fieldset className="border border-[#c8c8c8] p-2">
            <legend className="px-1">Available Setup Options</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="setup-option" defaultChecked />
              Upgrade an existing Configuration Manager or SMS 2003 installation
            </label>
          </fieldset>
          <p>The upgrade details are logged in %systemdrive%\ConfigMgrSetup.log.</p>
        </div>
      ) : null}
      {pageId === 'checks' ? (
        <ChecksPage
          pending={checks.isPending}
          error={checks.isError ? checks.error.message : null}
          checks={checks.data?.checks ?? []}
          blockedBecause={blockedBecause}
        />
      ) : null}
      {pageId === 'catalog' ? (
        <CatalogPage
          catalogSource={catalogSource}
          localPath={localPath}
          error={pathError}
          onSource={setCatalogSource}
          onPath={setLocalPath}
        />
      ) : null}
      {pageId === 'summary' ? (
        <div className="space-y-2">
          <p>Setup will:</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              upgrade {siteLabel} to Configuration Manager 2007, run by {admin};
            </li>
            <li>migrate every software update, expired and with (LEGACY) appended to its title;</li>
            <li>migrate the distributions whose program and advertisement were created at this site;</li>
            <li>
              upgrade the Inventory Tool for Microsoft Updates with the catalog from{' '}
              {catalogSource === 'internet' ? 'the Internet' : localPath.trim()};
            </li>
            <li>keep compliance, client status and security rights.</li>
          </ul>
          <p>Choose Begin Install to start. The upgrade cannot be undone, except with Reset demo.</p>
        </div>
      ) : null}
      {pageId === 'progress' ? (
        <ProgressPage
          pending={runSetup.isPending}
          error={runSetup.isError ? runSetup.error.message : null}
          lines={runSetup.data?.setupLog ?? []}
          onDone={toCompletion}
        />
      ) : null}
      {pageId === 'completion' ? (
        <div className="space-y-3">
          <p role="status">
            Setup completed the upgrade of {siteLabel} to Configuration Manager 2007
            {runSetup.data ? ` at ${formatDateTime(runSetup.data.session.clock)} on the site clock` : ''}.
          </p>
          <p>Read what it did, then open the upgraded console:</p>
          <div className="flex gap-2">
            <button
              type="button"
              className="win-button"
              onClick={() => onOpenNode('site-management/configmgr-setup-log')}
            >
              View ConfigMgrSetup.log
            </button>
            <button type="button" className="win-button" onClick={() => onOpenNode('site-management/migration-report')}>
              View Migration Report
            </button>
          </div>
        </div>
      ) : null}
    </Wizard>
  );
}

function ChecksPage({
  pending,
  error,
  checks,
  blockedBecause,
}: {
  pending: boolean;
  error: string | null;
  checks: PreUpgradeCheck[];
  blockedBecause: string | null;
}) {
  if (pending) return <p>Checking the site…</p>;
  if (error) return <p role="alert">{error}</p>;
  return (
    <div className="space-y-2">
      {blockedBecause ? (
        <p role="alert" className="border border-[#c9a13b] bg-[#fff8dc] p-2">
          Setup cannot run: {blockedBecause}.
        </p>
      ) : null}
      <table className="w-full border-collapse">
        <caption className="sr-only">Pre-upgrade checks</caption>
        <thead>
          <tr className="text-left">
            <th className="border-b border-[#c8c8c8] py-1 pr-2">Check</th>
            <th className="border-b border-[#c8c8c8] py-1 pr-2">Status</th>
            <th className="border-b border-[#c8c8c8] py-1">Details</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => (
            <tr key={check.id} className="align-top">
              <td className="border-b border-[#e2e2e2] py-1 pr-2 whitespace-nowrap">{check.name}</td>
              <td className="border-b border-[#e2e2e2] py-1 pr-2">
                <span className="check-status" data-status={check.status}>
                  {check.status}
                </span>
              </td>
              <td className="border-b border-[#e2e2e2] py-1">{check.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CatalogPage(props: {
  catalogSource: SetupRequest['catalogSource'];
  localPath: string;
  error: string | null;
  onSource: (source: SetupRequest['catalogSource']) => void;
  onPath: (path: string) => void;
}) {
  const errorId = useId();
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2">Where should Setup get the latest Microsoft Update catalog?</legend>
      <label className="flex items-center gap-2">
        <input
          type="radio"
          name="catalog-source"
          checked={props.catalogSource === 'internet'}
          onChange={() => props.onSource('internet')}
        />
        Download the catalog from the Internet
      </label>
      <label className="flex items-center gap-2">
        <input
          type="radio"
          name="catalog-source"
          checked={props.catalogSource === 'local'}
          onChange={() => props.onSource('local')}
        />
        Use a catalog from a local location
      </label>
      <label className="ml-6 flex items-center gap-2">
        <span>Catalog location:</span>
        <input
          className="win-input w-80"
          value={props.localPath}
          disabled={props.catalogSource !== 'local'}
          placeholder="\\CEN-SMS01\Catalog\wsusscn2.cab"
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? errorId : undefined}
          onChange={(event) => props.onPath(event.target.value)}
        />
      </label>
      {props.error ? (
        <p id={errorId} role="alert" className="ml-6 text-[#a11]">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

function ProgressPage({
  pending,
  error,
  lines,
  onDone,
}: {
  pending: boolean;
  error: string | null;
  lines: SetupLogLine[];
  onDone: () => void;
}) {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (lines.length === 0) return;
    const started = performance.now();
    const timer = setInterval(() => {
      const share = Math.min(1, (performance.now() - started) / PLAYBACK_MS);
      setShown(Math.ceil(share * lines.length));
      if (share >= 1) {
        clearInterval(timer);
        onDone();
      }
    }, 80);
    return () => clearInterval(timer);
  }, [lines, onDone]);
  const percent = lines.length === 0 ? 0 : Math.round((shown / lines.length) * 100);
  if (error) {
    return (
      <p role="alert" className="text-[#a11]">
        Setup could not upgrade the site: {error}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <p>{pending ? 'Starting Setup…' : (lines[Math.max(0, shown - 1)]?.component ?? 'Setup')}</p>
      <div
        role="progressbar"
        aria-label="Upgrade progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="win-progress"
      >
        <div style={{ width: `${percent}%` }} />
      </div>
      <div className="log-view" aria-label="ConfigMgrSetup.log" role="log">
        {lines.slice(0, shown).map((line) => (
          <div key={line.id}>
            {formatDateTime(line.time)} {line.component}: {line.message}
          </div>
        ))}
      </div>
    </div>
  );
}
