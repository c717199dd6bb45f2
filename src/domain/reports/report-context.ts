import type { Client, Collection } from '../model/site-objects';
import type { Compliance, SoftwareUpdate } from '../model/software-update';
import { canRead, type ObjectType, type RightsIndex } from '../rights/rights';
import type { SiteState } from '../site-state';
import { clientComplianceRows, readableClientIds, type ComplianceState } from '../software-updates/client-compliance';

/**
 * What a report may read: the site, seen by one administrator. A report never counts an object the caller cannot
 * read: only the software updates they hold Read on (and not hidden by the LEGACY clean-up script, as no console node
 * but Hidden Software Updates lists them), only the clients of collections they may read.
 */
export interface ReportContext {
  state: SiteState;
  account: string;
  rights: RightsIndex;
  canRead: (objectType: ObjectType, id: string) => boolean;
  /** The software updates the caller may read, hidden ones left out. */
  updates: SoftwareUpdate[];
  updateById: Map<string, SoftwareUpdate>;
  /** The clients the caller may read (members of a readable collection). */
  readableClients: Set<string>;
  clientById: Map<string, Client>;
}

export function reportContext(state: SiteState, account: string, rights: RightsIndex): ReportContext {
  const updates = state.softwareUpdates.filter(
    (update) => !update.hidden && canRead(rights, account, 'SoftwareUpdate', update.id),
  );
  return {
    state,
    account,
    rights,
    canRead: (objectType, id) => canRead(rights, account, objectType, id),
    updates,
    updateById: new Map(updates.map((update) => [update.id, update])),
    readableClients: readableClientIds(rights, account, state.collectionMembers),
    clientById: new Map(state.clients.map((client) => [client.id, client])),
  };
}

/** A parameter the caller got wrong: the server answers 400 naming it. */
export class ReportParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReportParameterError';
  }
}

/** A parameter names an object the caller may not read: the server answers 403 naming the right and the object. */
export class ReportAccessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportAccessError';
  }
}

/** The members of a collection that the caller may read, in the site's order. */
export function readableMembers(context: ReportContext, collection: Pick<Collection, 'id'>): Client[] {
  const members = context.state.collectionMembers[collection.id] ?? [];
  return members
    .filter((id) => context.readableClients.has(id))
    .map((id) => context.clientById.get(id))
    .filter((client): client is Client => client !== undefined);
}

/**
 * The state an update is reported in on each client. Expired updates are reported as Not Required (the product:
 * an expired update is "still tracked, counted as not required for reporting"). The states come from the site's
 * counts (src/domain/software-updates/client-compliance.ts), so they add up to what the console's grids show.
 */
export function reportedStates(context: ReportContext, update: SoftwareUpdate): Map<string, ComplianceState> {
  const states = new Map<string, ComplianceState>();
  for (const row of clientComplianceRows(context.state, update)) {
    states.set(row.id, update.expired && row.state === 'required' ? 'not-required' : row.state);
  }
  return states;
}

export interface StateCounts {
  installed: number;
  required: number;
  notRequired: number;
  unknown: number;
  total: number;
}

export const emptyCounts = (): StateCounts => ({ installed: 0, required: 0, notRequired: 0, unknown: 0, total: 0 });

export function addState(counts: StateCounts, state: ComplianceState | undefined): void {
  counts.total++;
  if (state === 'installed') counts.installed++;
  else if (state === 'required') counts.required++;
  else if (state === 'not-required') counts.notRequired++;
  else counts.unknown++;
}

/** An update's counts as reported: expired ones have their Required clients counted as Not Required. */
export function reportedCompliance(update: SoftwareUpdate): Compliance {
  const { compliance } = update;
  return update.expired
    ? { ...compliance, required: 0, notRequired: compliance.notRequired + compliance.required }
    : compliance;
}

/**
 * An update's counts among some clients. Over every member of All Systems that the caller may read, these are the
 * update's own counts (what Update Repository shows); otherwise each client's state is derived and counted.
 */
export function countsAmong(
  context: ReportContext,
  update: SoftwareUpdate,
  clientIds: readonly string[],
  states?: Map<string, ComplianceState>,
): StateCounts {
  const allSystems = context.state.collectionMembers['SMS00001'] ?? [];
  if (
    !states &&
    clientIds.length === allSystems.length &&
    allSystems.every((id) => context.readableClients.has(id)) &&
    sameMembers(clientIds, allSystems)
  ) {
    const compliance = reportedCompliance(update);
    return { ...compliance };
  }
  const byClient = states ?? reportedStates(context, update);
  const counts = emptyCounts();
  for (const id of clientIds) addState(counts, byClient.get(id));
  return counts;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(b);
  return a.every((id) => set.has(id));
}

/** Percent of the counted clients that report Installed or Not Required, rounded as the console rounds it. */
export function percentOf(counts: Pick<StateCounts, 'installed' | 'notRequired' | 'total'>): number {
  return counts.total === 0 ? 0 : Math.round(((counts.installed + counts.notRequired) / counts.total) * 100);
}
