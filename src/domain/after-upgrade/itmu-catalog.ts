import { operationTimeSchema } from '../operations/operation-time';
import { z } from 'zod';
import { formatDate } from '../format';
import { RuleViolation } from '../rule-violation';
import { BULLETINS } from '../scenario/bulletins';
import { CONTOSO } from '../scenario/contoso-names';
import { MICROSOFT_UPDATE_CATALOG } from '../scenario/microsoft-update-catalog';
import type { SiteState } from '../site-state';
import { itmuSyncFails, KB954474, latestCatalogRelease, requireConfigMgrSite } from './catalog-rules';
import { finishJob, reportStatus, runningJobOfKind, startJob } from './jobs';
import { withDerivedUpdateFlags } from './update-flags';

/** Run a Software Distribution advertisement now (its program runs on the collection's clients). */
export const runAdvertisementSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('run-advertisement'),
  advertisementId: z.string().min(1).max(16),
  /** The collection to run it against; the advertisement's own collection when left out. */
  collectionId: z.string().min(1).max(16).optional(),
  /** The administrator saw the warning that the collection holds Configuration Manager clients, and goes on. */
  acknowledgeConfigMgrClients: z.boolean().optional(),
  by: z.string(),
});
export type RunAdvertisement = z.infer<typeof runAdvertisementSchema>;

export const installSiteServerUpdateSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('install-site-server-update'),
  articleId: z.literal(KB954474, { message: `the only site server update this console installs is KB ${KB954474}` }),
  by: z.string(),
});

/** "The synchronization task for the Inventory Tool for Microsoft Updates might take longer than an hour complete." */
export const ITMU_SYNC_MINUTES = 75;

const RELEASE_DATES = [
  ...new Set([...BULLETINS.map((b) => b.released), ...MICROSOFT_UPDATE_CATALOG.map((e) => e.dateReleased)]),
];

const COMPONENT = 'Microsoft Updates Tool Sync';

/**
 * The warning before an ITMU advertisement runs on a collection that holds Configuration Manager clients: "Only
 * SMS 2003 clients should be in the target collection for the Microsoft Updates Tool advertisement. The Inventory Tool
 * for Microsoft Updates is supported only for SMS 2003 clients in the hierarchy." Null when there is nothing to warn.
 */
export function configMgrClientsWarning(state: SiteState, collectionId: string): string | null {
  const collection = state.collections.find((candidate) => candidate.id === collectionId);
  if (!collection || collection.configMgrClientCount === 0) return null;
  return (
    `${collection.name} holds ${collection.configMgrClientCount} Configuration Manager 2007 clients. Only SMS 2003 ` +
    'clients should be in the target collection of the Microsoft Updates Tool advertisements: the Inventory Tool for ' +
    'Microsoft Updates is supported only for SMS 2003 clients; Configuration Manager 2007 clients must use the ' +
    'software updates feature.'
  );
}

/** Why the ITMU catalog synchronization will fail if started now, or null when it will succeed. */
export function whyItmuSyncWillFail(state: SiteState, at: string): string | null {
  const release = latestCatalogRelease(RELEASE_DATES, at);
  if (!itmuSyncFails(release, state.facts)) return null;
  return (
    `The Microsoft Update catalog of ${formatDate(release)} holds the Microsoft Office 2003 Service Pack 1 metadata ` +
    `added on June 10, 2008, which UpdateWUSCatalog.exe cannot process: install the update of Knowledge Base article ` +
    `${KB954474} on the site server ${CONTOSO.sites.central.serverName}, then run the Microsoft Updates Tool Sync ` +
    'advertisement again.'
  );
}

/**
 * Runs an advertisement. The Microsoft Updates Tool Sync advertisement starts the ITMU catalog synchronization, a job
 * of more than an hour that fails on any catalog from the June 10, 2008 release on until KB 954474 is installed.
 */
export function runAdvertisement(site: SiteState | null, operation: RunAdvertisement, at: string): SiteState {
  const state = requireConfigMgrSite(site, 'Running an advertisement');
  const advertisement = state.advertisements.find((candidate) => candidate.id === operation.advertisementId);
  if (!advertisement) {
    throw new RuleViolation('unknown-advertisement', `There is no advertisement ${operation.advertisementId}.`);
  }
  const collectionId = operation.collectionId ?? advertisement.collectionId;
  const collection = state.collections.find((candidate) => candidate.id === collectionId);
  if (!collection) throw new RuleViolation('unknown-collection', `There is no collection ${collectionId}.`);
  const itmuAdvertisement = advertisement.scanTool === CONTOSO.scanTools.itmu;
  const warning = itmuAdvertisement ? configMgrClientsWarning(state, collectionId) : null;
  if (warning && !operation.acknowledgeConfigMgrClients) {
    throw new RuleViolation('configmgr-clients-in-itmu-collection', `${warning} Confirm to run it anyway.`);
  }
  const ran = (status: string): SiteState => ({
    ...state,
    advertisements: state.advertisements.map((candidate) =>
      candidate.id === advertisement.id ? { ...candidate, lastRunAt: at, lastRunStatus: status } : candidate,
    ),
  });
  if (!advertisement.synchronizesCatalog) {
    const status = `Program ${advertisement.programName} requested on the ${collection.sms2003ClientCount} SMS 2003 clients of ${collection.name}.`;
    return reportStatus(ran(status), at, [
      {
        component: 'SMS_OFFER_MANAGER',
        severity: 'Informational',
        messageId: 3900,
        description: `${advertisement.name} (${advertisement.id}): ${status}`,
      },
    ]);
  }
  const running = runningJobOfKind(state, 'itmu-catalog-sync');
  if (running) {
    throw new RuleViolation('synchronization-running', `${running.name} (${running.id}) is already running.`);
  }
  return startItmuCatalogSync(ran('Running: catalog synchronization started.'), operation.by, at);
}

/** Starts the ITMU catalog synchronization job (also started by Setup once it has upgraded the tool). */
export function startItmuCatalogSync(state: SiteState, by: string, at: string): SiteState {
  const release = latestCatalogRelease(RELEASE_DATES, at);
  const failure = whyItmuSyncWillFail(state, at);
  const m = ITMU_SYNC_MINUTES;
  const download = `Downloading the Microsoft Update catalog (Wsusscn2.cab) of ${formatDate(release)}.`;
  return startJob(
    state,
    {
      kind: 'itmu-catalog-sync',
      name: 'Microsoft Updates Tool Sync',
      requestedBy: by,
      durationMinutes: m,
      willSucceed: failure === null,
      targetId: null,
      milestones: [
        {
          afterMinutes: 0,
          component: COMPONENT,
          severity: 'Informational',
          messageId: 10002,
          description: `Program Microsoft Updates Tool Sync started on ${CONTOSO.sites.central.serverName}. ${download}`,
        },
        {
          afterMinutes: 20,
          component: COMPONENT,
          severity: 'Informational',
          messageId: 10005,
          description: 'UpdateWUSCatalog.exe is processing the catalog.',
        },
        failure === null
          ? {
              afterMinutes: m,
              component: COMPONENT,
              severity: 'Informational',
              messageId: 10009,
              description: `Catalog synchronization succeeded: the ITMU catalog is now the catalog of ${formatDate(release)}.`,
            }
          : {
              afterMinutes: m,
              component: COMPONENT,
              severity: 'Error',
              messageId: 10006,
              description: `Catalog synchronization failed: UpdateWUSCatalog.exe could not process the catalog. See Knowledge Base article ${KB954474}. ${failure}`,
            },
      ],
    },
    at,
  );
}

/**
 * The end of an ITMU catalog synchronization. When it worked: "the synchronized software updates from the Microsoft
 * Updates catalog are reset to an active state", and updates the new catalog holds become deployable to SMS 2003.
 */
export function completeItmuCatalogSync(state: SiteState, jobId: string, at: string): SiteState {
  const job = state.jobs.find((candidate) => candidate.id === jobId);
  const release = latestCatalogRelease(RELEASE_DATES, job?.startedAt ?? at);
  const itmuName = CONTOSO.scanTools.itmu;
  if (!job?.willSucceed) {
    const failed = finishJob(state, jobId, at, 'Failed');
    return {
      ...failed,
      scanTools: failed.scanTools.map((tool) =>
        tool.name === itmuName
          ? {
              ...tool,
              lastSyncStatus: `Catalog synchronization failed on ${formatDate(at)}: UpdateWUSCatalog.exe could not process the catalog of ${formatDate(release)} (Microsoft Office 2003 Service Pack 1 metadata). See Knowledge Base article ${KB954474}.`,
            }
          : tool,
      ),
      advertisements: failed.advertisements.map((ad) =>
        !ad.synchronizesCatalog ? ad : { ...ad, lastRunStatus: `Failed: see Knowledge Base article ${KB954474}.` },
      ),
    };
  }
  let reset = 0;
  const softwareUpdates = state.softwareUpdates.map((update) => {
    if (!update.legacy || update.sourceCatalog !== 'Microsoft Update' || !update.expired) return update;
    reset += 1;
    return { ...update, expired: false };
  });
  const synced: SiteState = {
    ...state,
    softwareUpdates,
    facts: { ...state.facts, itmuCatalogDate: release },
    scanTools: state.scanTools.map((tool) =>
      tool.name === itmuName
        ? {
            ...tool,
            catalogDate: release,
            lastSyncStatus: `Catalog synchronization succeeded on ${formatDate(at)} with the catalog of ${formatDate(release)}.`,
          }
        : tool,
    ),
    advertisements: state.advertisements.map((ad) =>
      ad.synchronizesCatalog ? { ...ad, lastRunStatus: 'Succeeded.' } : ad,
    ),
  };
  return withDerivedUpdateFlags(
    finishJob(synced, jobId, at, 'Succeeded', [
      {
        component: COMPONENT,
        severity: 'Informational',
        messageId: 10010,
        description: `${reset} migrated Microsoft Update catalog updates were reset to an active state; the scan package was updated and SMS 2003 clients scan with the catalog of ${formatDate(release)}.`,
      },
    ]),
  );
}

/** Installs the update of KB 954474 (the new UpdateWUSCatalog.exe) on the site server. */
export function installSiteServerUpdate(site: SiteState | null, articleId: string, by: string, at: string): SiteState {
  const state = requireConfigMgrSite(site, `Installing the update of KB ${articleId}`);
  if (state.facts.siteServerUpdates.includes(articleId)) {
    throw new RuleViolation(
      'update-already-installed',
      `The update of Knowledge Base article ${articleId} is already installed on ${CONTOSO.sites.central.serverName}.`,
    );
  }
  return reportStatus(
    { ...state, facts: { ...state.facts, siteServerUpdates: [...state.facts.siteServerUpdates, articleId] } },
    at,
    [
      {
        component: 'SMS_SITE_COMPONENT_MANAGER',
        severity: 'Informational',
        messageId: 1027,
        description: `${by} installed the update of Knowledge Base article ${articleId} on ${CONTOSO.sites.central.serverName}: UpdateWUSCatalog.exe now handles the catalog from the June 10, 2008 release on. Run the Microsoft Updates Tool Sync advertisement to synchronize the catalog.`,
      },
    ],
  );
}
