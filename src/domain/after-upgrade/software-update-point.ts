import { operationTimeSchema } from '../operations/operation-time';
import { z } from 'zod';
import type { Compliance, SoftwareUpdate } from '../model/software-update';
import type { Client } from '../model/site-objects';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import { MICROSOFT_UPDATE_CATALOG, supersedenceWithin, type CatalogEntry } from '../scenario/microsoft-update-catalog';
import { addMinutes } from '../site-clock/site-clock';
import type { SiteState } from '../site-state';
import { uniqueIdFor } from '../sms2003/software-update-record';
import {
  isCatalogEntryDeployableToSms2003,
  OTHER_SCAN_TOOL_RETENTION_DAYS,
  requireConfigMgrSite,
} from './catalog-rules';
import {
  publishedCustomUpdateKey,
  publishedCustomUpdatesBy,
  synchronizedCustomUpdate,
} from './custom-update-publishing';
import { finishJob, runningJobOfKind, startJob } from './jobs';
import { SOFTWARE_UPDATE_POINT_ROLE } from './site-after-setup';
import { withDerivedUpdateFlags } from './update-flags';

// The choices WSUS offers live in software-update-point-options.ts (the console's dialog reads them alone).
export {
  DEFAULT_SUP_SETTINGS,
  SUP_CLASSIFICATIONS,
  SUP_LANGUAGES,
  SUP_PRODUCTS,
} from './software-update-point-options';
import { SUP_CLASSIFICATIONS, SUP_LANGUAGES, SUP_PRODUCTS } from './software-update-point-options';

const pickFrom = (name: string, values: readonly string[]) =>
  z
    .array(z.string().refine((value) => values.includes(value), { message: `is not one of the ${name} WSUS offers` }))
    .min(1, `choose at least one of the ${name}`)
    .max(values.length)
    .refine((chosen) => new Set(chosen).size === chosen.length, { message: `${name} must not repeat` });

/** Create the software update point role on a site system, or change its settings. */
export const configureSoftwareUpdatePointSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('configure-software-update-point'),
  serverName: z.string().min(1).max(64),
  products: pickFrom('products', SUP_PRODUCTS),
  classifications: pickFrom('classifications', SUP_CLASSIFICATIONS),
  languages: pickFrom('languages', SUP_LANGUAGES),
  by: z.string(),
});
export type ConfigureSoftwareUpdatePoint = z.infer<typeof configureSoftwareUpdatePointSchema>;

export const synchronizeSoftwareUpdatesSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('synchronize-software-updates'),
  by: z.string(),
});

export function configureSoftwareUpdatePoint(
  site: SiteState | null,
  operation: ConfigureSoftwareUpdatePoint,
  at: string,
): SiteState {
  const state = requireConfigMgrSite(site, 'The software update point');
  const system = state.siteSystems.find(
    (candidate) => candidate.id.toLowerCase() === operation.serverName.toLowerCase(),
  );
  if (!system) {
    throw new RuleViolation(
      'unknown-site-system',
      `There is no site system ${operation.serverName} at ${CONTOSO.sites.central.code}: the software update point must be on one of its site systems (${state.siteSystems.map((s) => s.id).join(', ')}).`,
    );
  }
  const running = runningJobOfKind(state, 'software-update-point-sync');
  if (running) {
    throw new RuleViolation(
      'synchronization-running',
      `${running.name} (${running.id}) is running: change the software update point once it has finished or is cancelled.`,
    );
  }
  const existing = state.softwareUpdatePoint;
  return {
    ...state,
    softwareUpdatePoint: {
      serverName: system.id,
      createdAt: existing?.createdAt ?? at,
      createdBy: existing?.createdBy ?? operation.by,
      products: [...operation.products],
      classifications: [...operation.classifications],
      languages: [...operation.languages],
      lastSynchronizedAt: existing?.lastSynchronizedAt ?? null,
    },
    siteSystems: state.siteSystems.map((candidate) => ({
      ...candidate,
      roles:
        candidate.id === system.id
          ? [...new Set([...candidate.roles, SOFTWARE_UPDATE_POINT_ROLE])]
          : candidate.roles.filter((role) => role !== SOFTWARE_UPDATE_POINT_ROLE),
    })),
  };
}

/** Site minutes a synchronization takes: a quarter of an hour, plus a little per update it brings. */
function syncMinutes(updateCount: number) {
  return 15 + Math.ceil(updateCount / 40);
}

/**
 * "After a site upgrade, the software update point site role must be created and configured and then synchronized
 * with the Windows Server Update Services (WSUS) server." Starts the synchronization as a job on the site clock.
 */
export function startSoftwareUpdatePointSync(site: SiteState | null, by: string, at: string): SiteState {
  const state = requireConfigMgrSite(site, 'Synchronizing software updates');
  const sup = state.softwareUpdatePoint;
  if (!sup) {
    throw new RuleViolation(
      'no-software-update-point',
      'There is no software update point: create the software update point site role (Site Management > CEN > Site Settings > Site Systems) before synchronizing.',
    );
  }
  const running = runningJobOfKind(state, 'software-update-point-sync');
  if (running) {
    throw new RuleViolation(
      'synchronization-running',
      `${running.name} (${running.id}) is already running, started at ${running.startedAt}.`,
    );
  }
  const expected = wsusUpdatesFor(state).length;
  const minutes = syncMinutes(expected);
  const component = 'SMS_WSUS_SYNC_MANAGER';
  return startJob(
    state,
    {
      kind: 'software-update-point-sync',
      name: 'Software updates synchronization',
      requestedBy: by,
      durationMinutes: minutes,
      willSucceed: true,
      milestones: [
        {
          afterMinutes: 0,
          component,
          severity: 'Informational',
          messageId: 6701,
          description: `WSUS Synchronization started (requested by ${by}).`,
        },
        {
          afterMinutes: Math.round(minutes * 0.2),
          component,
          severity: 'Informational',
          messageId: 6704,
          description: `WSUS Synchronization in progress. Current phase: Synchronizing WSUS Server (${sup.products.length} products, ${sup.classifications.length} classifications, ${sup.languages.join(', ')}).`,
        },
        {
          afterMinutes: Math.round(minutes * 0.6),
          component,
          severity: 'Informational',
          messageId: 6705,
          description: `WSUS Synchronization in progress. Current phase: Synchronizing site database (${expected} software updates).`,
        },
        {
          afterMinutes: minutes,
          component,
          severity: 'Informational',
          messageId: 6702,
          description: 'WSUS Synchronization done.',
        },
      ],
    },
    at,
  );
}

/** An update WSUS offers the site, as a software update object (before ids are given). */
interface WsusUpdate {
  key: string;
  make: (id: string) => SoftwareUpdate;
}

/**
 * The updates the software update point brings for its settings: the Microsoft Update catalog entries of the chosen
 * products and classifications, one per chosen language, and the custom updates once they are republished to WSUS
 * (by `asOf`, the start of the synchronization that reads them, when given).
 */
export function wsusUpdatesFor(state: SiteState, asOf?: string): WsusUpdate[] {
  const sup = state.softwareUpdatePoint;
  if (!sup) return [];
  const entries = MICROSOFT_UPDATE_CATALOG.filter(
    (entry) => sup.products.includes(entry.product) && sup.classifications.includes(entry.classification),
  );
  const supersededBy = supersedenceWithin(entries);
  const microsoft = sup.languages.flatMap((language) =>
    entries.map((entry): WsusUpdate => {
      const suffix = language === 'English' ? '' : `/${language}`;
      const key = `wsus/${entry.key}${suffix}`;
      const newer = supersededBy.get(entry.key);
      return {
        key,
        make: (id) => fromCatalogEntry(state, entry, language, key, id, newer ? `wsus/${newer}${suffix}` : null),
      };
    }),
  );
  const custom = customCatalogRepublishedBy(state, asOf)
    ? state.softwareUpdates
        .filter((update) => update.sourceCatalog === 'Custom Updates' && update.legacy)
        .map((migrated): WsusUpdate => {
          const key = `wsus/custom/${migrated.uniqueId}`;
          return { key, make: (id) => republishedCustomUpdate(state, migrated, key, id) };
        })
    : [];
  // Custom updates authored and published with System Center Updates Publisher (custom-update-publishing.ts).
  const published = publishedCustomUpdatesBy(state, asOf).map((update): WsusUpdate => {
    const key = publishedCustomUpdateKey(update.id);
    return {
      key,
      make: (id) =>
        synchronizedCustomUpdate(
          update,
          id,
          sup.serverName,
          scannedCompliance(update.uniqueId, update.product, 'English', update.publishedAt, state.clients),
        ),
    };
  });
  return [...microsoft, ...custom, ...published];
}

/** Were the custom updates republished to WSUS by `asOf` (or at all, without it)? */
function customCatalogRepublishedBy(state: SiteState, asOf?: string): boolean {
  const republishedAt = state.facts.customCatalogRepublishedAt;
  if (republishedAt === null) return false;
  return asOf === undefined || Date.parse(republishedAt) <= Date.parse(asOf);
}

function fromCatalogEntry(
  state: SiteState,
  entry: CatalogEntry,
  language: string,
  key: string,
  id: string,
  supersededByKey: string | null,
): SoftwareUpdate {
  const uniqueId = uniqueIdFor(key, state.seed);
  return {
    id,
    uniqueId,
    title: entry.title,
    description: entry.description,
    bulletinId: entry.bulletinId,
    articleId: entry.articleId,
    infoUrl: entry.infoUrl,
    applicability: `Applies to computers running ${entry.product} on which KB${entry.articleId} is not installed.`,
    sourcePath: `http://download.windowsupdate.com/msdownload/update/v3-19990518/cabpool/${entry.fileName.toLowerCase()}`,
    vendor: 'Microsoft',
    product: entry.product,
    classification: entry.classification,
    severity: entry.severity,
    language,
    dateReleased: entry.dateReleased,
    dateRevised: entry.dateReleased,
    sizeKb: 200 + (hashOf(uniqueId) % 16_000),
    maxRunTimeMinutes: entry.product.startsWith('Office') ? 10 : 5,
    sourceCatalog: 'Microsoft Update',
    existedBeforeUpgrade: false,
    legacy: false,
    expired: false,
    superseded: supersededByKey !== null,
    // Resolved to an id once every update of the synchronization has one.
    supersededBy: supersededByKey,
    hidden: false,
    deployableToSms2003: isCatalogEntryDeployableToSms2003(entry, state.facts),
    deployed: false,
    downloaded: false,
    compliance: scannedCompliance(uniqueId, entry.product, language, entry.dateReleased, state.clients),
  };
}

function republishedCustomUpdate(state: SiteState, migrated: SoftwareUpdate, key: string, id: string): SoftwareUpdate {
  const uniqueId = uniqueIdFor(key, state.seed);
  return {
    ...migrated,
    id,
    uniqueId,
    title: migrated.title.replace(/ \(LEGACY\)$/, ''),
    existedBeforeUpgrade: false,
    legacy: false,
    expired: false,
    hidden: false,
    // "Software updates only from Microsoft Update and published custom updates can be deployed to SMS 2003 clients."
    deployableToSms2003: true,
    deployed: false,
    downloaded: false,
    supersededBy: null,
    superseded: false,
    compliance: scannedCompliance(uniqueId, migrated.product, migrated.language, migrated.dateReleased, state.clients),
  };
}

/** Which of the site's clients an update's product applies to (the scenario has Windows XP and Server 2003 clients). */
function appliesTo(product: string, client: Client): boolean {
  const xp = client.operatingSystem.includes('Windows XP');
  if (product === 'Windows XP' || product.startsWith('Office') || product === '.NET Framework') return xp;
  if (product === 'Windows Server 2003') return !xp;
  // Custom and third-party products: installed on workstations.
  return xp && !product.startsWith('Windows');
}

function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Compliance of a synchronized update: only Configuration Manager 2007 clients scan against the software update
 * point, so SMS 2003 clients count as Unknown; of the ConfigMgr clients it applies to, older updates are more widely
 * installed. Counts, as the product's summarization keeps them.
 */
export function scannedCompliance(
  uniqueId: string,
  product: string,
  language: string,
  dateReleased: string,
  clients: readonly Client[],
): Compliance {
  let unknown = 0;
  let applicable = 0;
  let notRequired = 0;
  for (const client of clients) {
    if (client.clientType !== 'Configuration Manager 2007') unknown += 1;
    else if (language === 'English' && appliesTo(product, client)) applicable += 1;
    else notRequired += 1;
  }
  const ageDays = Math.max(0, (Date.parse(CONTOSO.clockStart) - Date.parse(dateReleased)) / 86_400_000);
  const share = Math.min(0.97, 0.3 + ageDays / 700 + ((hashOf(uniqueId) % 100) / 100) * 0.1);
  const installed = Math.round(applicable * share);
  return { total: clients.length, required: applicable - installed, installed, notRequired, unknown };
}

/** Scanning again after clients changed (an upgrade to ConfigMgr clients): the synchronized updates' counts. */
export function rescanSynchronizedUpdates(state: SiteState): SiteState {
  return {
    ...state,
    softwareUpdates: state.softwareUpdates.map((update) =>
      update.existedBeforeUpgrade
        ? update
        : {
            ...update,
            compliance: scannedCompliance(
              update.uniqueId,
              update.product,
              update.language,
              update.dateReleased,
              state.clients,
            ),
          },
    ),
  };
}

/** The end of a synchronization job: the updates arrive (or are refreshed), and the site records when. */
export function completeSoftwareUpdatePointSync(state: SiteState, jobId: string, at: string): SiteState {
  // What WSUS offered when the synchronization started: a republish during it waits for the next one.
  const startedAt = state.jobs.find((job) => job.id === jobId)?.startedAt ?? at;
  const wsus = wsusUpdatesFor(state, startedAt);
  const uniqueIdsByKey = new Map(wsus.map((w) => [w.key, uniqueIdFor(w.key, state.seed)]));
  const existingByUniqueId = new Map(state.softwareUpdates.map((update) => [update.uniqueId, update]));
  let nextNumber = nextUpdateNumber(state);
  const added: SoftwareUpdate[] = [];
  const idByKey = new Map<string, string>();
  for (const candidate of wsus) {
    const existing = existingByUniqueId.get(uniqueIdsByKey.get(candidate.key) as string);
    if (existing) {
      idByKey.set(candidate.key, existing.id);
      continue;
    }
    const id = String(nextNumber++);
    idByKey.set(candidate.key, id);
    added.push(candidate.make(id));
  }
  const resolved = added.map((update) =>
    update.supersededBy === null ? update : { ...update, supersededBy: idByKey.get(update.supersededBy) ?? null },
  );
  // Custom updates: "Until the custom catalog is republished, the custom updates will not be synchronized to the site
  // database and the updates will remain in an expired state." Once republished and synchronized, they are active.
  const republished = customCatalogRepublishedBy(state, startedAt);
  const softwareUpdates = [
    ...state.softwareUpdates.map((update) =>
      republished && update.legacy && update.sourceCatalog === 'Custom Updates' && update.expired
        ? { ...update, expired: false }
        : update,
    ),
    ...resolved,
  ];
  const removalAt =
    state.facts.otherScanToolUpdatesRemovalAt ?? addMinutes(at, OTHER_SCAN_TOOL_RETENTION_DAYS * 24 * 60);
  const synchronized: SiteState = {
    ...state,
    softwareUpdates,
    softwareUpdatePoint: state.softwareUpdatePoint ? { ...state.softwareUpdatePoint, lastSynchronizedAt: at } : null,
    facts: { ...state.facts, otherScanToolUpdatesRemovalAt: removalAt },
  };
  return withDerivedUpdateFlags(
    finishJob(synchronized, jobId, at, 'Succeeded', [
      {
        component: 'SMS_WSUS_SYNC_MANAGER',
        severity: 'Informational',
        messageId: 6703,
        description:
          `WSUS Synchronization complete: ${added.length} new software updates, ${wsus.length - added.length} already in the site database. ` +
          'The synchronized updates are active (not LEGACY); Configuration Manager clients scan against them.',
      },
    ]),
  );
}

function nextUpdateNumber(state: SiteState): number {
  let max = 16_777_216;
  for (const update of state.softwareUpdates) {
    const n = Number(update.id);
    if (n > max) max = n;
  }
  return max + 1;
}
