import type { Client, Collection, UpdateList } from '../model/site-objects';
import type { SoftwareUpdate } from '../model/software-update';
import type { ComplianceState } from '../software-updates/client-compliance';
import {
  countsAmong,
  percentOf,
  readableMembers,
  reportedStates,
  type ReportContext,
  type StateCounts,
} from './report-context';
import {
  col,
  COMPLIANCE_SERIES,
  countCells,
  COUNT_COLUMNS,
  dateText,
  expiredNote,
  given,
  leftOutNote,
  link,
  monthOf,
  notes,
  requireNarrow,
  table,
  UPDATE_COLUMNS,
  updateCells,
  type ReportRun,
  type ReportParams,
} from './report-building';
import { COMPLIANCE_STATE_OPTIONS } from './report-parameters';

/** The objects a checked parameter names (the runner has checked that they exist and may be read). */
export const collectionOf = (context: ReportContext, params: ReportParams, name = 'collection'): Collection =>
  context.state.collections.find((c) => c.id === given(params, name)) as Collection;
export const updateListOf = (context: ReportContext, params: ReportParams): UpdateList =>
  context.state.updateLists.find((l) => l.id === given(params, 'updateList')) as UpdateList;

/** The updates of a list that the caller may read (hidden ones left out), in the list's order. */
export function updatesOfList(context: ReportContext, list: UpdateList): SoftwareUpdate[] {
  return list.updateIds
    .map((id) => context.updateById.get(id))
    .filter((update): update is SoftwareUpdate => update !== undefined);
}

export type ComputerCompliance = 'compliant' | 'non-compliant' | 'unknown';

/**
 * A computer's compliance with a set of updates: non-compliant when one is Required, unknown when none is Required
 * but one has no state yet, compliant when each is Installed or Not Required (the product's Compliance 1).
 */
export function computerCompliance(states: ReadonlyArray<ComplianceState | undefined>): ComputerCompliance {
  if (states.some((state) => state === 'required')) return 'non-compliant';
  if (states.some((state) => state === undefined || state === 'unknown')) return 'unknown';
  return 'compliant';
}

/** Each computer's compliance with the updates, and each update's states by computer. */
export function complianceOfComputers(
  context: ReportContext,
  updates: readonly SoftwareUpdate[],
  members: readonly Client[],
) {
  const statesByUpdate = updates.map((update) => reportedStates(context, update));
  const byComputer = new Map<string, ComputerCompliance>();
  for (const member of members) {
    byComputer.set(member.id, computerCompliance(statesByUpdate.map((states) => states.get(member.id))));
  }
  return { statesByUpdate, byComputer };
}

const STATE_LABEL = new Map(COMPLIANCE_STATE_OPTIONS.map((option) => [option.value, option.label]));

const complianceOne: ReportRun = (context, params) => {
  const list = updateListOf(context, params);
  const collection = collectionOf(context, params);
  const updates = updatesOfList(context, list);
  const members = readableMembers(context, collection);
  const { statesByUpdate, byComputer } = complianceOfComputers(context, updates, members);
  const tally = new Map<ComputerCompliance, number>([
    ['compliant', 0],
    ['non-compliant', 0],
    ['unknown', 0],
  ]);
  for (const state of byComputer.values()) tally.set(state, (tally.get(state) ?? 0) + 1);
  const memberIds = members.map((member) => member.id);
  const percent = (n: number) => (members.length === 0 ? 0 : Math.round((n / members.length) * 100));
  const summary = table(
    'overall',
    `Compliance of ${collection.name} with ${list.name}`,
    [col('state', 'Compliance State'), col('computers', 'Computers', 'number'), col('percent', 'Percent', 'percent')],
    [...tally].map(([state, count]) => ({
      id: state,
      cells: { state: STATE_LABEL.get(state) ?? state, computers: count, percent: percent(count) },
      links: {
        computers: link('compliance-3', { updateList: list.id, collection: collection.id, complianceState: state }),
      },
    })),
    'The collection has no computers you may read.',
  );
  const perUpdate = table(
    'updates',
    'Software updates in the update list',
    [...UPDATE_COLUMNS, ...COUNT_COLUMNS],
    updates.map((update, index) => {
      const counts = countsAmong(context, update, memberIds, statesByUpdate[index]);
      return {
        id: update.id,
        cells: { ...updateCells(update), ...countCells(counts, percentOf(counts)) },
        links: { title: link('compliance-2', { articleId: update.articleId, collection: collection.id }) },
      };
    }),
    'The update list holds no software updates you may read.',
  );
  return {
    notes: notes(
      `${members.length} ${members.length === 1 ? 'computer' : 'computers'} in ${collection.name}; ${updates.length} ` +
        `software ${updates.length === 1 ? 'update' : 'updates'} in ${list.name}.`,
      'A computer is compliant when every update is Installed or Not Required on it, non-compliant when one is Required.',
      leftOutNote(list.updateIds, context, 'the update list'),
      expiredNote(updates),
    ),
    chart: {
      title: 'Computers by compliance state',
      categoryCaption: 'Compliance State',
      layout: 'grouped',
      series: [{ key: 'computers', name: 'Computers' }],
      data: [...tally].map(([state, count]) => ({
        label: STATE_LABEL.get(state) ?? state,
        values: { computers: count },
      })),
    },
    tables: [summary, perUpdate],
    related: [
      {
        caption: 'Compliance 3 - Computers in a specific compliance state for an update list (non-compliant)',
        link: link('compliance-3', {
          updateList: list.id,
          collection: collection.id,
          complianceState: 'non-compliant',
        }),
      },
      {
        caption: 'Management 1 - Deployments of an update list',
        link: link('management-1', { updateList: list.id }),
      },
    ],
  };
};

const complianceTwo: ReportRun = (context, params) => {
  const articleId = given(params, 'articleId');
  const collection = collectionOf(context, params);
  const updates = context.updates.filter((update) => update.articleId === articleId);
  const memberIds = readableMembers(context, collection).map((member) => member.id);
  const rows = updates.map((update) => ({ update, counts: countsAmong(context, update, memberIds) }));
  return {
    notes: notes(
      `${memberIds.length} computers in ${collection.name}; ${updates.length} software ${updates.length === 1 ? 'update has' : 'updates have'} article ID ${articleId}.`,
      expiredNote(updates),
    ),
    chart: {
      title: `Compliance with article ${articleId} in ${collection.name}`,
      categoryCaption: 'Software Update',
      layout: 'stacked',
      series: COMPLIANCE_SERIES,
      data: rows.map(({ update, counts }) => ({
        label: `${update.product} (${update.language})${update.legacy ? ' LEGACY' : ''}`,
        values: {
          installed: counts.installed,
          required: counts.required,
          notRequired: counts.notRequired,
          unknown: counts.unknown,
        },
      })),
    },
    tables: [
      table(
        'updates',
        `Software updates with article ID ${articleId}`,
        [col('title', 'Title'), col('product', 'Product'), col('language', 'Language'), ...COUNT_COLUMNS],
        rows.map(({ update, counts }) => ({
          id: update.id,
          cells: {
            title: update.title,
            product: update.product,
            language: update.language,
            ...countCells(counts, percentOf(counts)),
          },
        })),
        'No software update you may read has this article ID.',
      ),
    ],
    related: [
      {
        caption: 'Management 4 - Deployments that contain a specific software update',
        link: link('management-4', { articleId }),
      },
    ],
  };
};

const complianceThree: ReportRun = (context, params) => {
  const list = updateListOf(context, params);
  const collection = collectionOf(context, params);
  const wanted = given(params, 'complianceState') as ComputerCompliance;
  const updates = updatesOfList(context, list);
  const members = readableMembers(context, collection);
  const { statesByUpdate, byComputer } = complianceOfComputers(context, updates, members);
  const shown = members
    .filter((member) => byComputer.get(member.id) === wanted)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-US'));
  const stateLabel = STATE_LABEL.get(wanted) ?? wanted;
  return {
    notes: notes(
      `${shown.length} of ${members.length} computers in ${collection.name} are ${stateLabel.toLowerCase()} with ${list.name}.`,
      leftOutNote(list.updateIds, context, 'the update list'),
    ),
    chart: null,
    tables: [
      table(
        'computers',
        `${stateLabel} computers`,
        [
          col('name', 'Computer Name'),
          col('clientType', 'Client Type'),
          col('siteCode', 'Site Code'),
          col('operatingSystem', 'Operating System'),
          col('required', 'Updates Required', 'number'),
          col('unknown', 'Updates Unknown', 'number'),
        ],
        shown.map((member) => {
          const states = statesByUpdate.map((byClient) => byClient.get(member.id));
          return {
            id: member.id,
            cells: {
              name: member.name,
              clientType: member.clientType,
              siteCode: member.siteCode,
              operatingSystem: member.operatingSystem,
              required: states.filter((state) => state === 'required').length,
              unknown: states.filter((state) => state === undefined || state === 'unknown').length,
            },
            links: { name: link('compliance-4', { computer: member.name, updateList: list.id }) },
          };
        }),
        `No computer of ${collection.name} is in this state.`,
      ),
    ],
    related: [
      {
        caption: 'Compliance 1 - Overall compliance',
        link: link('compliance-1', { updateList: list.id, collection: collection.id }),
      },
    ],
  };
};

const CAPTION_OF_STATE: Record<ComplianceState, string> = {
  installed: 'Installed',
  required: 'Required',
  'not-required': 'Not Required',
  unknown: 'Unknown',
};

const complianceFour: ReportRun = (context, params) => {
  const computerName = given(params, 'computer');
  const computer = context.state.clients.find(
    (client) => client.name === computerName && context.readableClients.has(client.id),
  ) as Client;
  const list = params.updateList ? context.state.updateLists.find((l) => l.id === params.updateList) : undefined;
  const updates = (list ? updatesOfList(context, list) : context.updates).filter(
    (update) =>
      (params.vendor === null || params.vendor === undefined || update.vendor === params.vendor) &&
      (params.year === null || params.year === undefined || update.dateReleased.startsWith(params.year)),
  );
  requireNarrow(updates, list ? 'updateList' : 'year', 'choose an update list, or a vendor and a year.');
  const rows = updates
    .map((update) => ({ update, state: reportedStates(context, update).get(computer.id) }))
    .sort(
      (a, b) =>
        b.update.dateReleased.localeCompare(a.update.dateReleased) || a.update.title.localeCompare(b.update.title),
    );
  const counts: StateCounts = { installed: 0, required: 0, notRequired: 0, unknown: 0, total: rows.length };
  for (const { state } of rows) {
    if (state === 'installed') counts.installed++;
    else if (state === 'required') counts.required++;
    else if (state === 'not-required') counts.notRequired++;
    else counts.unknown++;
  }
  return {
    notes: notes(
      `${computer.name}: ${computer.clientType} client at site ${computer.siteCode}, ${computer.operatingSystem}.`,
      `${counts.required} required, ${counts.installed} installed, ${counts.notRequired} not required and ${counts.unknown} unknown of ${rows.length} software updates.`,
      computer.clientType === 'SMS 2003'
        ? 'SMS 2003 clients report only the updates of the Inventory Tool scans: updates synchronized after the upgrade stay Unknown on them until they are upgraded.'
        : null,
    ),
    chart: null,
    tables: [
      table(
        'updates',
        `Software updates on ${computer.name}`,
        [...UPDATE_COLUMNS, col('state', 'Compliance State'), col('dateReleased', 'Date Released', 'date')],
        rows.map(({ update, state }) => ({
          id: update.id,
          cells: {
            ...updateCells(update),
            state: CAPTION_OF_STATE[state ?? 'unknown'],
            dateReleased: dateText(update.dateReleased),
          },
        })),
        'No software update matches.',
      ),
    ],
    related: [
      {
        caption: 'Scan 1 - Last scan states by collection (All Systems)',
        link: link('scan-1', { collection: 'SMS00001' }),
      },
    ],
  };
};

const complianceFive: ReportRun = (context, params) => {
  const collection = collectionOf(context, params);
  const vendor = given(params, 'vendor');
  const year = given(params, 'year');
  const updates = context.updates
    .filter(
      (update) =>
        update.vendor === vendor &&
        update.dateReleased.startsWith(year) &&
        (!params.classification || update.classification === params.classification) &&
        (!params.product || update.product === params.product),
    )
    .sort((a, b) => a.dateReleased.localeCompare(b.dateReleased) || a.title.localeCompare(b.title, 'en-US'));
  const memberIds = readableMembers(context, collection).map((member) => member.id);
  if (memberIds.length !== (context.state.collectionMembers['SMS00001'] ?? []).length) {
    requireNarrow(updates, 'classification', 'choose an update classification or a product.');
  }
  const months = new Map<string, StateCounts>();
  const rows = updates.map((update) => {
    const counts = countsAmong(context, update, memberIds);
    const month = monthOf(update.dateReleased);
    const total = months.get(month) ?? { installed: 0, required: 0, notRequired: 0, unknown: 0, total: 0 };
    total.installed += counts.installed;
    total.required += counts.required;
    total.notRequired += counts.notRequired;
    total.unknown += counts.unknown;
    total.total += counts.total;
    months.set(month, total);
    return {
      id: update.id,
      cells: { month, ...updateCells(update), ...countCells(counts, percentOf(counts)) },
      links: { title: link('compliance-2', { articleId: update.articleId, collection: collection.id }) },
    };
  });
  return {
    notes: notes(
      `${updates.length} software ${updates.length === 1 ? 'update' : 'updates'} released by ${vendor} in ${year}; ${memberIds.length} computers in ${collection.name}.`,
      expiredNote(updates),
    ),
    chart: {
      title: `Compliance by month, ${vendor} ${year}`,
      categoryCaption: 'Month',
      layout: 'stacked',
      series: COMPLIANCE_SERIES,
      data: [...months].map(([label, counts]) => ({
        label,
        values: {
          installed: counts.installed,
          required: counts.required,
          notRequired: counts.notRequired,
          unknown: counts.unknown,
        },
      })),
    },
    tables: [
      table(
        'updates',
        `Software updates by month`,
        [col('month', 'Month'), ...UPDATE_COLUMNS, ...COUNT_COLUMNS],
        rows,
        'No software update you may read matches.',
      ),
    ],
    related: [
      {
        caption: 'Management 2 - Updates required but not deployed',
        link: link('management-2', { collection: collection.id, vendor }),
      },
    ],
  };
};

export const COMPLIANCE_REPORTS: Record<string, ReportRun> = {
  'compliance-1': complianceOne,
  'compliance-2': complianceTwo,
  'compliance-3': complianceThree,
  'compliance-4': complianceFour,
  'compliance-5': complianceFive,
};
