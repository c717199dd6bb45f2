import { useState, type ReactNode } from 'react';
import { useRunSiteAction } from '@/api/after-upgrade';
import type { SiteAction } from '@/domain/after-upgrade/after-upgrade-actions';
import type { AfterUpgradeStatus } from '@/domain/contract/after-upgrade-contract';
import { formatDate, formatDateTime } from '@/domain/format';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { Dialog } from '@/ui/dialog';
import { DoneNote, PlanningNote, Refusal, useSiteStatus, INITIAL_FOCUS } from './dialog-parts';

interface SiteActionDialogProps {
  admin: string;
  onClose: () => void;
}

/**
 * A site-wide action, asked first: what it does and why (the planning topic's words), the server's reason when it may
 * not run now, and what it did once done. The confirming button is never the one focused first.
 */
function SiteActionDialog(props: {
  admin: string;
  onClose: () => void;
  title: string;
  action: SiteAction;
  confirmLabel: string;
  body: (status: AfterUpgradeStatus) => ReactNode;
  done: string;
  /** What to offer once done, e.g. synchronizing after republishing the catalog. */
  next?: { label: string; action: SiteAction; done: string };
}) {
  const status = useSiteStatus(props.admin);
  const run = useRunSiteAction(props.admin);
  const [done, setDone] = useState<string | null>(null);
  const data = status.data;
  const state = data?.actions[props.action];
  const notAllowed = state && !state.enabled ? state.why : null;
  const next = props.next;
  const nextState = next ? data?.actions[next.action] : undefined;

  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      width={520}
      footer={
        done ? (
          <>
            {next && done === props.done ? (
              <button
                type="button"
                className="win-button"
                disabled={!nextState?.enabled || run.isPending}
                title={nextState?.enabled ? undefined : (nextState?.why ?? undefined)}
                onClick={() => run.mutate(next.action, { onSuccess: () => setDone(next.done) })}
              >
                {next.label}
              </button>
            ) : null}
            <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={props.onClose}>
              Close
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="win-button"
              disabled={!data || notAllowed !== null || run.isPending}
              onClick={() => run.mutate(props.action, { onSuccess: () => setDone(props.done) })}
            >
              {props.confirmLabel}
            </button>
            <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={props.onClose}>
              Cancel
            </button>
          </>
        )
      }
    >
      {status.isError ? <Refusal>{status.error.message}</Refusal> : null}
      {!data && status.isPending ? <p>Loading…</p> : null}
      {data ? props.body(data) : null}
      {notAllowed && !done ? <p className="mt-2 text-[#a11]">{notAllowed}</p> : null}
      {run.isError ? <Refusal>{run.error.message}</Refusal> : null}
      {done ? <DoneNote>{done}</DoneNote> : null}
    </Dialog>
  );
}

const { central, london } = CONTOSO.sites;

/** "Install Update KB954474 on Site Server...": the fix for the ITMU catalog synchronization. */
export function InstallKb954474Dialog(props: SiteActionDialogProps) {
  return (
    <SiteActionDialog
      {...props}
      title="Install Update KB954474 on Site Server"
      action="install-kb954474"
      confirmLabel="Install"
      body={(status) => (
        <>
          <p>
            Install the update described in Knowledge Base article 954474 on the site server{' '}
            <strong>{central.serverName}</strong>? It changes UpdateWUSCatalog.exe, the catalog synchronization of the
            Inventory Tool for Microsoft Updates.
          </p>
          <PlanningNote>
            During the June 10, 2008 release of the Microsoft Update catalog, additional metadata that is associated
            with Microsoft Office 2003 Service Pack 1 was added to the Wsusscn2.cab file. The catalog synchronization
            process (UpdateWUSCatalog.exe) was not designed to handle the specific changes, and as a result,
            synchronization for the Inventory Tool for Microsoft Updates fails and the latest updates are not available
            to SMS 2003 clients.
          </PlanningNote>
          <p>
            The ITMU catalog last synchronized is the Microsoft Update catalog of{' '}
            {formatDate(status.facts.itmuCatalogDate)}.{' '}
            {status.facts.siteServerUpdates.includes('954474')
              ? 'KB954474 is already installed on the site server.'
              : 'After installing it, run the Microsoft Updates Tool Sync advertisement (Software Distribution > Advertisements) so that SMS 2003 clients scan with the latest catalog.'}
          </p>
          <p className="mt-1">
            Knowledge Base article 954474:{' '}
            <a
              className="win-link"
              href="http://go.microsoft.com/fwlink/?LinkId=123771"
              target="_blank"
              rel="noreferrer"
            >
              http://go.microsoft.com/fwlink/?LinkId=123771
            </a>
          </p>
        </>
      )}
      done={`KB954474 is installed on ${central.serverName}. Run the Microsoft Updates Tool Sync advertisement (Software Distribution > Advertisements) to synchronize the ITMU catalog; it takes more than an hour on the site clock.`}
    />
  );
}

/** "Remove Inventory Tool for Microsoft Updates...": only once every client in the hierarchy is upgraded. */
export function RemoveItmuDialog(props: SiteActionDialogProps) {
  return (
    <SiteActionDialog
      {...props}
      title="Remove Inventory Tool for Microsoft Updates"
      action="remove-itmu"
      confirmLabel="Remove"
      body={(status) => (
        <>
          <p>
            Remove the Inventory Tool for Microsoft Updates from the site server <strong>{central.serverName}</strong>?
            Its advertisements and scan package go with it.
          </p>
          <PlanningNote>
            When all client computers in the hierarchy have been upgraded to Configuration Manager 2007, the Inventory
            Tool for Microsoft Updates should be removed from the site server.
          </PlanningNote>
          <p>{status.itmu.message}</p>
        </>
      )}
      done={`The Inventory Tool for Microsoft Updates was removed from ${central.serverName}: every client now scans with the software updates feature.`}
    />
  );
}

/** "Republish Custom Updates Catalog...": System Center Updates Publisher republishes the custom catalog to WSUS. */
export function RepublishCustomCatalogDialog(props: SiteActionDialogProps) {
  return (
    <SiteActionDialog
      {...props}
      title="Republish Custom Updates Catalog"
      action="republish-custom-catalog"
      confirmLabel="Republish"
      body={(status) => (
        <>
          <p>
            System Center Updates Publisher republishes the custom catalog <strong>{CONTOSO.customCatalog}</strong> to
            the WSUS server of the software update point. Then synchronize software updates, so that the custom updates
            reach the site database and become active again.
          </p>
          <PlanningNote>
            Custom catalogs that have been published to the site server using the Custom Updates Publishing Tool must be
            republished to WSUS using System Center Updates Publisher after the site server has been upgraded. Until the
            custom catalog is republished, the custom updates will not be synchronized to the site database and the
            updates will remain in an expired state.
          </PlanningNote>
          {status.facts.customCatalogRepublishedAt ? (
            <p>The catalog was last republished on {formatDateTime(status.facts.customCatalogRepublishedAt)}.</p>
          ) : null}
        </>
      )}
      done={`${CONTOSO.customCatalog} was republished to WSUS. Synchronize software updates to bring its updates to the site database.`}
      next={{
        label: 'Run Synchronization',
        action: 'synchronize-software-updates',
        done: `${CONTOSO.customCatalog} was republished to WSUS, and software updates synchronization has started; follow it in Site Jobs.`,
      }}
    />
  );
}

/** "Upgrade Site with Setup..." on the LON row of Site Management: Configuration Manager 2007 Setup on LON. */
export function UpgradeLondonDialog(props: SiteActionDialogProps) {
  return (
    <SiteActionDialog
      {...props}
      title="Upgrade Site with Setup"
      action="upgrade-lon"
      confirmLabel="Run Setup"
      body={() => (
        <>
          <p>
            Run Configuration Manager 2007 Setup on <strong>{london.serverName}</strong> to upgrade the site{' '}
            <strong>
              {london.code} - {london.name}
            </strong>{' '}
            from SMS 2003 SP3?
          </p>
          <p className="mt-1">
            Its clients stay SMS 2003 clients until they are upgraded (Collections &gt; LON Workstations &gt; Upgrade
            Clients to Configuration Manager 2007); they can be upgraded only once their site runs Configuration Manager
            2007.
          </p>
        </>
      )}
      done={`Site ${london.code} now runs Configuration Manager 2007: its clients can be upgraded.`}
    />
  );
}
