import { operationTimeSchema } from '../operations/operation-time';
import { z } from 'zod';
import type { Collection } from '../model/site-objects';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import type { SiteState } from '../site-state';
import { requireConfigMgrSite } from './catalog-rules';
import { reportStatus } from './jobs';
import { rescanSynchronizedUpdates } from './software-update-point';
import { withDerivedUpdateFlags } from './update-flags';

export const upgradeClientsSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('upgrade-clients'),
  collectionId: z.string().min(1).max(16),
  by: z.string(),
});
export const upgradeChildSiteSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('upgrade-child-site'),
  siteCode: z.string().min(1).max(3),
  by: z.string(),
});
export const removeItmuSchema = z.object({ at: operationTimeSchema, type: z.literal('remove-itmu'), by: z.string() });

const CONFIGMGR = 'Configuration Manager 2007';

function siteRunsConfigMgr(state: SiteState, siteCode: string) {
  return state.sites.find((site) => site.code === siteCode)?.version === CONFIGMGR;
}

/** Collection counts after clients changed type. */
function recountCollections(state: SiteState): Collection[] {
  const typeById = new Map(state.clients.map((client) => [client.id, client.clientType]));
  return state.collections.map((collection) => {
    const members = state.collectionMembers[collection.id] ?? [];
    const configMgr = members.filter((id) => typeById.get(id) === CONFIGMGR).length;
    return {
      ...collection,
      memberCount: members.length,
      configMgrClientCount: configMgr,
      sms2003ClientCount: members.length - configMgr,
    };
  });
}

/**
 * Upgrades the SMS 2003 clients of a collection to Configuration Manager 2007 clients. A client can be upgraded only
 * once its own site runs Configuration Manager 2007 (LON's clients wait for Setup to run on LON).
 */
export function upgradeClients(site: SiteState | null, collectionId: string, by: string, at: string): SiteState {
  const state = requireConfigMgrSite(site, 'Upgrading clients');
  const collection = state.collections.find((candidate) => candidate.id === collectionId);
  if (!collection) throw new RuleViolation('unknown-collection', `There is no collection ${collectionId}.`);
  const members = new Set(state.collectionMembers[collectionId] ?? []);
  const sms2003Members = state.clients.filter((client) => members.has(client.id) && client.clientType === 'SMS 2003');
  const upgradable = sms2003Members.filter((client) => siteRunsConfigMgr(state, client.siteCode));
  const waiting = sms2003Members.length - upgradable.length;
  if (sms2003Members.length === 0) {
    throw new RuleViolation(
      'no-sms2003-clients',
      `${collection.name} holds no SMS 2003 clients: there is nothing to upgrade.`,
    );
  }
  if (upgradable.length === 0) {
    const sites = [...new Set(sms2003Members.map((client) => client.siteCode))].join(', ');
    throw new RuleViolation(
      'client-site-not-upgraded',
      `The SMS 2003 clients of ${collection.name} belong to ${sites}, which still runs SMS 2003: run Setup on ${sites} to upgrade the site before its clients.`,
    );
  }
  const upgrading = new Set(upgradable.map((client) => client.id));
  const clients = state.clients.map((client) =>
    upgrading.has(client.id) ? { ...client, clientType: CONFIGMGR as typeof client.clientType } : client,
  );
  const next = rescanSynchronizedUpdates({ ...state, clients });
  return reportStatus({ ...next, collections: recountCollections(next) }, at, [
    {
      component: 'SMS_CLIENT_CONFIG_MANAGER',
      severity: waiting > 0 ? 'Warning' : 'Informational',
      messageId: 3014,
      description:
        `${by} upgraded ${upgradable.length} SMS 2003 clients of ${collection.name} to Configuration Manager 2007 clients; they now scan with the software updates feature.` +
        (waiting > 0 ? ` ${waiting} clients were not upgraded: their site still runs SMS 2003.` : ''),
    },
  ]);
}

/** Runs Configuration Manager 2007 Setup on a child site (LON), so that its clients can be upgraded. */
export function upgradeChildSite(site: SiteState | null, siteCode: string, by: string, at: string): SiteState {
  const state = requireConfigMgrSite(site, 'Upgrading a child site');
  const child = state.sites.find((candidate) => candidate.code === siteCode);
  if (!child) throw new RuleViolation('unknown-site', `There is no site ${siteCode} in the hierarchy.`);
  if (child.version === CONFIGMGR) {
    throw new RuleViolation('site-already-upgraded', `Site ${siteCode} already runs Configuration Manager 2007.`);
  }
  if (child.parentCode && !siteRunsConfigMgr(state, child.parentCode)) {
    throw new RuleViolation(
      'parent-site-not-upgraded',
      `Upgrade the hierarchy from the top: ${child.parentCode}, the parent of ${siteCode}, still runs SMS 2003.`,
    );
  }
  return reportStatus(
    {
      ...state,
      sites: state.sites.map((candidate) =>
        candidate.code === siteCode ? { ...candidate, version: CONFIGMGR } : candidate,
      ),
    },
    at,
    [
      {
        component: 'SMS_SITE_COMPONENT_MANAGER',
        severity: 'Informational',
        messageId: 1015,
        description: `${by} ran Configuration Manager 2007 Setup on ${child.serverName}: site ${siteCode} (${child.name}) was upgraded, and its clients can now be upgraded.`,
      },
    ],
  );
}

export interface ItmuRetirementAdvice {
  installed: boolean;
  sms2003ClientsRemaining: number;
  canRemove: boolean;
  message: string;
}

/**
 * "When all client computers in the hierarchy have been upgraded to Configuration Manager 2007, the Inventory Tool for
 * Microsoft Updates should be removed from the site server." Until then it must stay: SMS 2003 clients scan with it.
 */
export function itmuRetirementAdvice(state: SiteState): ItmuRetirementAdvice {
  const installed =
    state.phase === 'configmgr' &&
    state.facts.itmuRemovedAt === null &&
    state.scanTools.some((t) => t.name === CONTOSO.scanTools.itmu);
  const remaining = state.clients.filter((client) => client.clientType === 'SMS 2003').length;
  const bySite = [...new Set(state.clients.filter((c) => c.clientType === 'SMS 2003').map((c) => c.siteCode))].join(
    ' and ',
  );
  let message: string;
  if (!installed) message = 'The Inventory Tool for Microsoft Updates is not installed on the site server.';
  else if (remaining > 0) {
    message = `Keep the Inventory Tool for Microsoft Updates: ${remaining} SMS 2003 clients remain in the hierarchy (at ${bySite}) and scan for software updates with it. Remove it once every client is upgraded to Configuration Manager 2007.`;
  } else {
    message =
      'Every client in the hierarchy is a Configuration Manager 2007 client: remove the Inventory Tool for Microsoft Updates from the site server, as the planning topic recommends.';
  }
  return { installed, sms2003ClientsRemaining: remaining, canRemove: installed && remaining === 0, message };
}

export function removeItmu(site: SiteState | null, by: string, at: string): SiteState {
  const state = requireConfigMgrSite(site, 'Removing the Inventory Tool for Microsoft Updates');
  const advice = itmuRetirementAdvice(state);
  if (!advice.canRemove)
    throw new RuleViolation(advice.installed ? 'sms2003-clients-remain' : 'itmu-not-installed', advice.message);
  const itmu = CONTOSO.scanTools.itmu;
  const removed = withDerivedUpdateFlags({
    ...state,
    scanTools: state.scanTools.filter((tool) => tool.name !== itmu),
    advertisements: state.advertisements.filter((ad) => ad.scanTool !== itmu),
    sites: state.sites.map((candidate) => ({ ...candidate, itmuInstalled: false })),
    facts: { ...state.facts, itmuRemovedAt: at },
  });
  return reportStatus(removed, at, [
    {
      component: 'SMS_SITE_COMPONENT_MANAGER',
      severity: 'Informational',
      messageId: 1016,
      description: `${by} removed the Inventory Tool for Microsoft Updates from ${CONTOSO.sites.central.serverName}: every client now uses the software updates feature.`,
    },
  ]);
}
