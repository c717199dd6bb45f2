import type { Client, Deployment } from '../model/site-objects';
import type { SoftwareUpdate } from '../model/software-update';
import { formatDateTime } from '../format';
import type { ComplianceState } from '../software-updates/client-compliance';
import { countsAmong, readableMembers, reportedStates, type ReportContext } from './report-context';
import {
  col,
  countCells,
  COUNT_COLUMNS,
  dateText,
  given,
  leftOutNote,
  link,
  notes,
  table,
  UPDATE_COLUMNS,
  updateCells,
  type ReportRun,
  type ReportParams,
} from './report-building';
import { collectionOf, updateListOf } from './compliance-reports';
import { DEPLOYMENT_STATE_OPTIONS } from './report-parameters';
import { percentOf } from './report-context';

export const deploymentOf = (context: ReportContext, params: ReportParams): Deployment =>
  context.state.deployments.find((d) => d.id === given(params, 'deployment')) as Deployment;

const when = (iso: string | null) => (iso ? formatDateTime(iso) : null);

/** The deployment's updates that the caller may read. */
export function updatesOfDeployment(context: ReportContext, deployment: Deployment): SoftwareUpdate[] {
  return deployment.updateIds
    .map((id) => context.updateById.get(id))
    .filter((update): update is SoftwareUpdate => update !== undefined);
}

export type DeploymentState = 'compliant' | 'pending' | 'unknown';

/**
 * A computer's enforcement state for a deployment: pending while one of its updates is Required there, unknown while
 * one has not reported (SMS 2003 clients send no state messages), compliant once each is Installed or Not Required.
 */
export function deploymentStateOf(states: ReadonlyArray<ComplianceState | undefined>): DeploymentState {
  if (states.some((state) => state === 'required')) return 'pending';
  if (states.some((state) => state === undefined || state === 'unknown')) return 'unknown';
  return 'compliant';
}

/** The targeted computers the caller may read, with each one's state and the updates' states by computer. */
function deploymentStates(context: ReportContext, deployment: Deployment) {
  const collection = context.state.collections.find((c) => c.id === deployment.collectionId);
  const members: Client[] = collection ? readableMembers(context, collection) : [];
  const updates = updatesOfDeployment(context, deployment);
  const statesByUpdate = updates.map((update) => reportedStates(context, update));
  const byComputer = new Map<string, DeploymentState>();
  for (const member of members) {
    byComputer.set(member.id, deploymentStateOf(statesByUpdate.map((states) => states.get(member.id))));
  }
  return { members, updates, statesByUpdate, byComputer };
}

const STATE_LABEL = new Map(DEPLOYMENT_STATE_OPTIONS.map((option) => [option.value, option.label]));
const CAPTION_OF_STATE: Record<ComplianceState, string> = {
  installed: 'Installed',
  required: 'Required',
  'not-required': 'Not Required',
  unknown: 'Unknown',
};

/** What the deployment's rollout job has reported, in a sentence, or null when it has none. */
function rolloutNote(context: ReportContext, deployment: Deployment): string | null {
  const job = [...context.state.jobs]
    .reverse()
    .find((candidate) => candidate.kind === 'deployment-rollout' && candidate.targetId === deployment.id);
  if (!job) return null;
  const expected = Object.values(deployment.expectedInstalls).reduce((sum, n) => sum + n, 0);
  return job.state === 'Running'
    ? `The rollout is running (job ${job.id}): clients report in hourly steps until ${formatDateTime(job.endsAt)}; ${expected} installations are expected.`
    : `The rollout ended ${job.finishedAt ? formatDateTime(job.finishedAt) : ''} (${job.state.toLowerCase()}); ${expected} installations were expected.`;
}

const managementOne: ReportRun = (context, params) => {
  const list = updateListOf(context, params);
  const inList = new Set(list.updateIds.filter((id) => context.updateById.has(id)));
  const deployments = context.state.deployments
    .filter((d) => context.canRead('Deployment', d.id))
    .map((deployment) => ({ deployment, held: deployment.updateIds.filter((id) => inList.has(id)).length }))
    .filter(({ held }) => held > 0);
  return {
    notes: notes(
      `${deployments.length} of the deployments you may read hold software updates of ${list.name} (${inList.size} updates).`,
      leftOutNote(list.updateIds, context, 'the update list'),
    ),
    chart: null,
    tables: [
      table(
        'deployments',
        `Deployments of ${list.name}`,
        [
          col('name', 'Deployment Name'),
          col('id', 'Deployment ID'),
          col('collection', 'Collection'),
          col('fromList', 'Updates From the List', 'number'),
          col('updates', 'Software Updates', 'number'),
          col('available', 'Available Time', 'datetime'),
          col('deadline', 'Deadline', 'datetime'),
        ],
        deployments.map(({ deployment, held }) => ({
          id: deployment.id,
          cells: {
            name: deployment.name,
            id: deployment.id,
            collection: deployment.collectionName,
            fromList: held,
            updates: deployment.updateIds.length,
            available: when(deployment.availableTime),
            deadline: when(deployment.deadline),
          },
          links: { name: link('states-1', { deployment: deployment.id }) },
        })),
        'No deployment you may read holds software updates of this list.',
      ),
    ],
    related: [
      {
        caption: 'Compliance 1 - Overall compliance',
        link: link('compliance-1', { updateList: list.id, collection: 'SMS00001' }),
      },
    ],
  };
};

const managementTwo: ReportRun = (context, params) => {
  const collection = collectionOf(context, params);
  const memberIds = readableMembers(context, collection).map((member) => member.id);
  const rows = context.updates
    .filter(
      (update) =>
        !update.deployed &&
        !update.expired &&
        (!params.vendor || update.vendor === params.vendor) &&
        (!params.classification || update.classification === params.classification),
    )
    .map((update) => ({ update, counts: countsAmong(context, update, memberIds) }))
    .filter(({ counts }) => counts.required > 0)
    .sort((a, b) => b.counts.required - a.counts.required || a.update.title.localeCompare(b.update.title, 'en-US'));
  return {
    notes: notes(
      `${rows.length} software ${rows.length === 1 ? 'update is' : 'updates are'} required by computers of ${collection.name} and not deployed.`,
    ),
    chart: null,
    tables: [
      table(
        'updates',
        'Required software updates that are not deployed',
        [
          ...UPDATE_COLUMNS,
          col('classification', 'Update Classification'),
          col('required', 'Required', 'number'),
          col('dateReleased', 'Date Released', 'date'),
        ],
        rows.map(({ update, counts }) => ({
          id: update.id,
          cells: {
            ...updateCells(update),
            classification: update.classification,
            required: counts.required,
            dateReleased: dateText(update.dateReleased),
          },
          links: { title: link('compliance-2', { articleId: update.articleId, collection: collection.id }) },
        })),
        'Every required software update you may read is deployed.',
      ),
    ],
    related: [],
  };
};

const managementThree: ReportRun = (context, params) => {
  const deployment = deploymentOf(context, params);
  const { members, updates, statesByUpdate } = deploymentStates(context, deployment);
  const memberIds = members.map((member) => member.id);
  return {
    notes: notes(
      `${deployment.name} (${deployment.id}) targets ${deployment.collectionName}: ${memberIds.length} computers you may read.`,
      leftOutNote(deployment.updateIds, context, 'the deployment'),
      rolloutNote(context, deployment),
    ),
    chart: null,
    tables: [
      table(
        'updates',
        `Software updates in ${deployment.name}`,
        [...UPDATE_COLUMNS, col('expected', 'Expected Installations', 'number'), ...COUNT_COLUMNS],
        updates.map((update, index) => {
          const counts = countsAmong(context, update, memberIds, statesByUpdate[index]);
          return {
            id: update.id,
            cells: {
              ...updateCells(update),
              expected: deployment.expectedInstalls[update.id] ?? 0,
              ...countCells(counts, percentOf(counts)),
            },
            links: {
              title: link('compliance-2', { articleId: update.articleId, collection: deployment.collectionId }),
            },
          };
        }),
        'The deployment holds no software update you may read.',
      ),
    ],
    related: [
      {
        caption: 'States 1 - Enforcement states for a deployment',
        link: link('states-1', { deployment: deployment.id }),
      },
      {
        caption: 'Distribution Status 3 - Content of a deployment',
        link: link('distribution-3', { deployment: deployment.id }),
      },
    ],
  };
};

const managementFour: ReportRun = (context, params) => {
  const articleId = given(params, 'articleId');
  const ids = new Set(context.updates.filter((u) => u.articleId === articleId).map((u) => u.id));
  const holds = (updateIds: readonly string[]) => updateIds.filter((id) => ids.has(id)).length;
  const deployments = context.state.deployments
    .filter((d) => context.canRead('Deployment', d.id) && holds(d.updateIds) > 0)
    .map((d) => ({
      id: `deployment:${d.id}`,
      cells: { kind: 'Deployment', name: d.name, id: d.id, collection: d.collectionName, held: holds(d.updateIds) },
      links: { name: link('states-1', { deployment: d.id }) },
    }));
  const advertisements = context.state.sms2003Advertisements
    .filter((a) => context.canRead('Advertisement', a.id) && holds(a.updateIds) > 0)
    .map((a) => ({
      id: `advertisement:${a.id}`,
      cells: {
        kind: 'SMS 2003 advertisement',
        name: a.name,
        id: a.id,
        collection: a.collectionName,
        held: holds(a.updateIds),
      },
    }));
  return {
    notes: notes(
      `${ids.size} software ${ids.size === 1 ? 'update you may read has' : 'updates you may read have'} article ID ${articleId}.`,
      advertisements.length > 0
        ? 'SMS 2003 advertisements keep working for SMS 2003 clients only (Deployment Management > SMS 2003 Advertisements).'
        : null,
    ),
    chart: null,
    tables: [
      table(
        'deployments',
        `Deployments of article ${articleId}`,
        [
          col('kind', 'Type'),
          col('name', 'Name'),
          col('id', 'ID'),
          col('collection', 'Collection'),
          col('held', 'Updates With This Article', 'number'),
        ],
        [...deployments, ...advertisements],
        'No deployment or SMS 2003 advertisement you may read holds a software update of this article.',
      ),
    ],
    related: [],
  };
};

const statesOne: ReportRun = (context, params) => {
  const deployment = deploymentOf(context, params);
  const { members, byComputer } = deploymentStates(context, deployment);
  const tally = new Map<DeploymentState, number>([
    ['compliant', 0],
    ['pending', 0],
    ['unknown', 0],
  ]);
  for (const state of byComputer.values()) tally.set(state, (tally.get(state) ?? 0) + 1);
  const sms2003 = members.filter((member) => member.clientType === 'SMS 2003').length;
  const percent = (n: number) => (members.length === 0 ? 0 : Math.round((n / members.length) * 100));
  return {
    notes: notes(
      `${deployment.name} (${deployment.id}) targets ${deployment.collectionName}: ${members.length} computers you may read.`,
      sms2003 > 0
        ? `${sms2003} of them are SMS 2003 clients, which send no state messages: they stay in Enforcement state unknown.`
        : null,
      rolloutNote(context, deployment),
    ),
    chart: {
      title: `Enforcement states of ${deployment.name}`,
      categoryCaption: 'Enforcement State',
      layout: 'grouped',
      series: [{ key: 'computers', name: 'Computers' }],
      data: [...tally].map(([state, count]) => ({
        label: STATE_LABEL.get(state) ?? state,
        values: { computers: count },
      })),
    },
    tables: [
      table(
        'states',
        'Enforcement states',
        [
          col('state', 'Enforcement State'),
          col('computers', 'Computers', 'number'),
          col('percent', 'Percent', 'percent'),
        ],
        [...tally].map(([state, count]) => ({
          id: state,
          cells: { state: STATE_LABEL.get(state) ?? state, computers: count, percent: percent(count) },
          links: { computers: link('states-2', { deployment: deployment.id, deploymentState: state }) },
        })),
        'The deployment targets no computer you may read.',
      ),
    ],
    related: [
      {
        caption: 'Management 3 - Updates in a deployment',
        link: link('management-3', { deployment: deployment.id }),
      },
      {
        caption: 'Troubleshooting 3 - Deployment errors',
        link: link('troubleshooting-3', { deployment: deployment.id }),
      },
    ],
  };
};

const statesTwo: ReportRun = (context, params) => {
  const deployment = deploymentOf(context, params);
  const wanted = given(params, 'deploymentState') as DeploymentState;
  const { members, statesByUpdate, byComputer } = deploymentStates(context, deployment);
  const shown = members
    .filter((member) => byComputer.get(member.id) === wanted)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-US'));
  const label = STATE_LABEL.get(wanted) ?? wanted;
  return {
    notes: notes(`${shown.length} of ${members.length} computers targeted by ${deployment.name}: ${label}.`),
    chart: null,
    tables: [
      table(
        'computers',
        `Computers in ${label}`,
        [
          col('name', 'Computer Name'),
          col('clientType', 'Client Type'),
          col('siteCode', 'Site Code'),
          col('operatingSystem', 'Operating System'),
          col('required', 'Updates Required', 'number'),
        ],
        shown.map((member) => ({
          id: member.id,
          cells: {
            name: member.name,
            clientType: member.clientType,
            siteCode: member.siteCode,
            operatingSystem: member.operatingSystem,
            required: statesByUpdate.filter((states) => states.get(member.id) === 'required').length,
          },
          links: { name: link('states-3', { deployment: deployment.id, computer: member.name }) },
        })),
        'No targeted computer is in this state.',
      ),
    ],
    related: [
      {
        caption: 'States 1 - Enforcement states for a deployment',
        link: link('states-1', { deployment: deployment.id }),
      },
    ],
  };
};

const statesThree: ReportRun = (context, params) => {
  const deployment = deploymentOf(context, params);
  const name = given(params, 'computer');
  const computer = context.state.clients.find((c) => c.name === name && context.readableClients.has(c.id)) as Client;
  const targeted = (context.state.collectionMembers[deployment.collectionId] ?? []).includes(computer.id);
  const updates = updatesOfDeployment(context, deployment);
  const rows = updates.map((update) => ({ update, state: reportedStates(context, update).get(computer.id) }));
  return {
    notes: notes(
      targeted
        ? `${computer.name} (${computer.clientType} client) is targeted by ${deployment.name} through ${deployment.collectionName}.`
        : `${computer.name} is not a member of ${deployment.collectionName}: ${deployment.name} does not target it.`,
    ),
    chart: null,
    tables: [
      table(
        'updates',
        `${deployment.name} on ${computer.name}`,
        [...UPDATE_COLUMNS, col('state', 'Compliance State')],
        rows.map(({ update, state }) => ({
          id: update.id,
          cells: { ...updateCells(update), state: CAPTION_OF_STATE[state ?? 'unknown'] },
        })),
        'The deployment holds no software update you may read.',
      ),
    ],
    related: [
      {
        caption: 'States 2 - Computers in a specific state for a deployment (pending)',
        link: link('states-2', { deployment: deployment.id, deploymentState: 'pending' }),
      },
    ],
  };
};

export const DEPLOYMENT_MANAGEMENT_REPORTS: Record<string, ReportRun> = {
  'management-1': managementOne,
  'management-2': managementTwo,
  'management-3': managementThree,
  'management-4': managementFour,
};
export const DEPLOYMENT_STATES_REPORTS: Record<string, ReportRun> = {
  'states-1': statesOne,
  'states-2': statesTwo,
  'states-3': statesThree,
};
