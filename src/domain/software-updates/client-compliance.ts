import { z } from 'zod';
import type { Client } from '../model/site-objects';
import type { Compliance, SoftwareUpdate } from '../model/software-update';
import { fieldText, type FieldDef } from '../query/fields';
import { RESOURCES, type ResourceDef } from '../query/resources';
import { canRead, type RightsIndex } from '../rights/rights';
import type { SiteState } from '../site-state';

/**
 * Per-client compliance of one software update, derived on demand (DESIGN.md: "per-client states for a drill-down are
 * derived on demand from the seed, never stored as an updates-by-clients matrix"). The site keeps only the counts; the
 * clients in each state follow from them, deterministically and consistently: exactly `required` clients are Required,
 * `installed` Installed, and so on.
 */

/** The compliance states of an update on a client, as the product's reports name them. */
export const COMPLIANCE_STATES = ['installed', 'required', 'unknown', 'not-required'] as const;
export type ComplianceState = (typeof COMPLIANCE_STATES)[number];

/** What a drill-down may ask for: one state, or every client counted in Total. */
export const complianceDrillSchema = z.enum(['required', 'installed', 'not-required', 'unknown', 'all'], {
  error: 'state must be one of required, installed, not-required, unknown or all',
});
export type ComplianceDrill = z.infer<typeof complianceDrillSchema>;

export const COMPLIANCE_STATE_CAPTIONS: Record<ComplianceDrill, string> = {
  required: 'Required',
  installed: 'Installed',
  'not-required': 'Not Required',
  unknown: 'Unknown',
  all: 'Total',
};

/** The count a state stands for in the update's compliance (Total for "all"). */
export function countOf(compliance: Compliance, drill: ComplianceDrill): number {
  switch (drill) {
    case 'required':
      return compliance.required;
    case 'installed':
      return compliance.installed;
    case 'not-required':
      return compliance.notRequired;
    case 'unknown':
      return compliance.unknown;
    case 'all':
      return compliance.total;
  }
}

/** Which of the site's clients an update's product applies to (the scenario has Windows XP and Server 2003 clients). */
export function productAppliesTo(product: string, client: Pick<Client, 'operatingSystem'>): boolean {
  const xp = client.operatingSystem.includes('Windows XP');
  if (product === 'Windows XP' || product.startsWith('Office') || product === '.NET Framework') return xp;
  if (product === 'Windows Server 2003') return !xp;
  // Custom and third-party products: installed on workstations.
  return xp && !product.startsWith('Windows');
}

function hashOf(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * How likely a client is to be in each band, as the counts were made: first the clients the update applies to (those
 * that report it Installed or Required), then those that cannot scan for it (SMS 2003 clients, for an update the
 * software update point synchronized: Unknown), then the rest (Not Required).
 */
function tierOf(update: SoftwareUpdate, client: Client): number {
  const scans = update.existedBeforeUpgrade || client.clientType === 'Configuration Manager 2007';
  if (!scans) return 1;
  return productAppliesTo(update.product, client) ? 0 : 2;
}

export interface ClientComplianceRow {
  id: string;
  name: string;
  state: ComplianceState;
  clientType: Client['clientType'];
  siteCode: string;
  operatingSystem: string;
}

const STATE_CAPTION: Record<ComplianceState, string> = {
  installed: 'Installed',
  required: 'Required',
  unknown: 'Unknown',
  'not-required': 'Not Required',
};

/**
 * Every client counted in the update's Total (the members of All Systems, as the site lists them) with its state.
 * The clients are put in a fixed order (by tier, then by a hash of the seed, the update and the client) and cut into
 * bands by the counts: Installed, Required, Unknown, Not Required. So the bands match the counts exactly, and when a
 * rollout moves clients from Required to Installed, the clients that move are the first of the Required band: a
 * client's state changes only the way the counts do. Clients past Total (none on a consistent site) have no state.
 */
export function clientComplianceRows(state: SiteState, update: SoftwareUpdate): ClientComplianceRow[] {
  const allSystems = state.collectionMembers['SMS00001'];
  const members = allSystems ? new Set(allSystems) : null;
  const clients = members ? state.clients.filter((client) => members.has(client.id)) : state.clients;
  const ordered = clients
    .map((client) => ({ client, tier: tierOf(update, client), hash: hashOf(`${update.id}/${client.id}`, state.seed) }))
    .sort((a, b) => a.tier - b.tier || a.hash - b.hash || (a.client.id < b.client.id ? -1 : 1));
  const { installed, required, unknown, notRequired } = update.compliance;
  const bands: Array<[ComplianceState, number]> = [
    ['installed', installed],
    ['required', required],
    ['unknown', unknown],
    ['not-required', notRequired],
  ];
  const rows: ClientComplianceRow[] = [];
  let at = 0;
  for (const [band, count] of bands) {
    for (const { client } of ordered.slice(at, at + count)) {
      rows.push({
        id: client.id,
        name: client.name,
        state: band,
        clientType: client.clientType,
        siteCode: client.siteCode,
        operatingSystem: client.operatingSystem,
      });
    }
    at += count;
  }
  return rows;
}

/** The clients of one band (or all of them), in the site's order of the bands. */
export function clientsInState(rows: readonly ClientComplianceRow[], drill: ComplianceDrill): ClientComplianceRow[] {
  return drill === 'all' ? [...rows] : rows.filter((row) => row.state === drill);
}

/**
 * The clients an administrator may read: the members of every collection they hold Read on. The same rule as a
 * client's guard in the lists (readableCollectionOfClient: a client is read through a readable collection it belongs
 * to), computed once for all clients instead of once per client.
 */
export function readableClientIds(
  rights: RightsIndex,
  account: string,
  collectionMembers: Readonly<Record<string, readonly string[]>>,
): Set<string> {
  const readable = new Set<string>();
  for (const [collectionId, members] of Object.entries(collectionMembers)) {
    if (!canRead(rights, account, 'Collection', collectionId)) continue;
    for (const id of members) readable.add(id);
  }
  return readable;
}

const text = (
  key: string,
  caption: string,
  get: (row: ClientComplianceRow) => string,
): FieldDef<ClientComplianceRow> => ({ key, caption, kind: 'text', get });

/** The drill-down's columns: the computers and the state they report for the update. */
export const CLIENT_COMPLIANCE_FIELDS: FieldDef<ClientComplianceRow>[] = [
  text('name', 'Name', (row) => row.name),
  {
    key: 'state',
    caption: 'Compliance State',
    kind: 'text',
    get: (row) => STATE_CAPTION[row.state],
    // In the order of the bands: Installed, Required, Unknown, Not Required.
    sortKey: (row) => COMPLIANCE_STATES.indexOf(row.state),
  },
  text('clientType', 'Client Type', (row) => row.clientType),
  text('siteCode', 'Site Code', (row) => row.siteCode),
  text('operatingSystem', 'Operating System', (row) => row.operatingSystem),
];

export const CLIENT_COMPLIANCE_DEFAULT_SORT = 'name:asc';

/**
 * The drill-down list as the list machinery (selectAndSort, "Look for", the CSV writer) reads a resource: the clients
 * resource with these columns. Its rows are made on demand, never kept in the site.
 */
export const CLIENT_COMPLIANCE_LIST = {
  ...RESOURCES.clients,
  fields: CLIENT_COMPLIANCE_FIELDS,
  defaultSort: CLIENT_COMPLIANCE_DEFAULT_SORT,
  items: () => [],
} as unknown as ResourceDef;

/** The shown text of a column of the drill-down (what the CSV export writes). */
export function clientComplianceText(key: string, row: ClientComplianceRow): string {
  const field = CLIENT_COMPLIANCE_FIELDS.find((candidate) => candidate.key === key);
  return field ? fieldText(field, row) : '';
}
