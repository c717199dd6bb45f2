import { formatDateTime } from '../format';
import type { Client } from '../model/site-objects';
import type { SiteState } from '../site-state';
import {
  packageDistributionPoints,
  packageDistributionStatus,
  type DistributionPointStatus,
} from '../deployment-packages/package-content';
import { readableMembers, type ReportContext } from './report-context';
import { col, given, link, notes, table, UPDATE_COLUMNS, updateCells, type ReportRun } from './report-building';
import { collectionOf } from './compliance-reports';
import { deploymentOf, updatesOfDeployment } from './deployment-reports';
import { SCAN_STATE_OPTIONS } from './report-parameters';

export type ScanState = 'completed' | 'no-update-point' | 'itmu-current' | 'itmu-out-of-date';

/** The newest catalog revision a client of the site has scanned with. */
export function latestCatalogRevision(state: Pick<SiteState, 'clients'>): number {
  return state.clients.reduce((latest, client) => Math.max(latest, client.catalogRevision), 0);
}

/**
 * How a client last scanned for software updates. A Configuration Manager client scans against the software update
 * point, so it has nothing to scan against until one has synchronized. An SMS 2003 client still scans with the
 * Inventory Tool for Microsoft Updates and its catalog, which may be older than the newest one a client has used.
 */
export function scanStateOf(state: SiteState, client: Client, latestRevision: number): ScanState {
  if (client.clientType === 'Configuration Manager 2007') {
    return state.softwareUpdatePoint?.lastSynchronizedAt ? 'completed' : 'no-update-point';
  }
  return client.catalogRevision >= latestRevision ? 'itmu-current' : 'itmu-out-of-date';
}

const SCAN_LABEL = new Map(SCAN_STATE_OPTIONS.map((option) => [option.value, option.label]));
const scanLabel = (state: ScanState) => SCAN_LABEL.get(state) ?? state;
const SCAN_STATES = SCAN_STATE_OPTIONS.map((option) => option.value as ScanState);

function scanTally(context: ReportContext, clients: readonly Client[]) {
  const latest = latestCatalogRevision(context.state);
  const tally = new Map<ScanState, number>(SCAN_STATES.map((state) => [state, 0]));
  const byClient = new Map<string, ScanState>();
  for (const client of clients) {
    const state = scanStateOf(context.state, client, latest);
    byClient.set(client.id, state);
    tally.set(state, (tally.get(state) ?? 0) + 1);
  }
  return { tally, byClient, latest };
}

const scanOne: ReportRun = (context, params) => {
  const collection = collectionOf(context, params);
  const members = readableMembers(context, collection);
  const { tally, latest } = scanTally(context, members);
  const percent = (n: number) => (members.length === 0 ? 0 : Math.round((n / members.length) * 100));
  const sup = context.state.softwareUpdatePoint;
  return {
    notes: notes(
      `${members.length} computers in ${collection.name}.`,
      sup?.lastSynchronizedAt
        ? `The software update point ${sup.serverName} last synchronized ${formatDateTime(sup.lastSynchronizedAt)}.`
        : 'No software update point has synchronized yet: Configuration Manager clients have nothing to scan against.',
      `The newest Inventory Tool catalog revision a client has scanned with is ${latest}.`,
    ),
    chart: {
      title: `Last scan states in ${collection.name}`,
      categoryCaption: 'Scan State',
      layout: 'grouped',
      series: [{ key: 'computers', name: 'Computers' }],
      data: [...tally].map(([state, count]) => ({ label: scanLabel(state), values: { computers: count } })),
    },
    tables: [
      table(
        'states',
        'Last scan states',
        [col('state', 'Scan State'), col('computers', 'Computers', 'number'), col('percent', 'Percent', 'percent')],
        [...tally].map(([state, count]) => ({
          id: state,
          cells: { state: scanLabel(state), computers: count, percent: percent(count) },
          links: { computers: link('scan-3', { collection: collection.id, scanState: state }) },
        })),
        'The collection has no computers you may read.',
      ),
    ],
    related: [
      { caption: 'Troubleshooting 1 - Scan errors', link: link('troubleshooting-1', { collection: collection.id }) },
      { caption: 'Scan 2 - Last scan states by site', link: link('scan-2', {}) },
    ],
  };
};

const scanTwo: ReportRun = (context) => {
  const clients = context.state.clients.filter((client) => context.readableClients.has(client.id));
  const latest = latestCatalogRevision(context.state);
  const bySite = new Map<string, Map<ScanState, number>>();
  for (const client of clients) {
    let tally = bySite.get(client.siteCode);
    if (!tally) bySite.set(client.siteCode, (tally = new Map(SCAN_STATES.map((state) => [state, 0]))));
    const state = scanStateOf(context.state, client, latest);
    tally.set(state, (tally.get(state) ?? 0) + 1);
  }
  const sites = [...bySite].sort(([a], [b]) => a.localeCompare(b));
  const keyOf = (state: ScanState) => state.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return {
    notes: notes(
      `${clients.length} computers you may read, at ${sites.length} ${sites.length === 1 ? 'site' : 'sites'}.`,
    ),
    chart: {
      title: 'Last scan states by site',
      categoryCaption: 'Site Code',
      layout: 'stacked',
      series: SCAN_STATES.map((state) => ({ key: keyOf(state), name: scanLabel(state) })),
      data: sites.map(([site, tally]) => ({
        label: site,
        values: Object.fromEntries(SCAN_STATES.map((state) => [keyOf(state), tally.get(state) ?? 0])),
      })),
    },
    tables: [
      table(
        'sites',
        'Last scan states by site',
        [
          col('site', 'Site Code'),
          ...SCAN_STATES.map((state) => col(keyOf(state), scanLabel(state), 'number')),
          col('total', 'Computers', 'number'),
        ],
        sites.map(([site, tally]) => ({
          id: site,
          cells: {
            site,
            ...Object.fromEntries(SCAN_STATES.map((state) => [keyOf(state), tally.get(state) ?? 0])),
            total: [...tally.values()].reduce((sum, n) => sum + n, 0),
          },
        })),
        'You may read no computers.',
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

const scanThree: ReportRun = (context, params) => {
  const collection = collectionOf(context, params);
  const wanted = given(params, 'scanState') as ScanState;
  const members = readableMembers(context, collection);
  const { byClient } = scanTally(context, members);
  const shown = members
    .filter((member) => byClient.get(member.id) === wanted)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-US'));
  return {
    notes: notes(`${shown.length} of ${members.length} computers in ${collection.name}: ${scanLabel(wanted)}.`),
    chart: null,
    tables: [
      table(
        'computers',
        scanLabel(wanted),
        [
          col('name', 'Computer Name'),
          col('clientType', 'Client Type'),
          col('siteCode', 'Site Code'),
          col('operatingSystem', 'Operating System'),
          col('catalogRevision', 'Catalog Revision', 'number'),
        ],
        shown.map((member) => ({
          id: member.id,
          cells: {
            name: member.name,
            clientType: member.clientType,
            siteCode: member.siteCode,
            operatingSystem: member.operatingSystem,
            catalogRevision: member.catalogRevision,
          },
          links: { name: link('compliance-4', { computer: member.name, year: '2008' }) },
        })),
        'No computer of the collection is in this state.',
      ),
    ],
    related: [
      { caption: 'Scan 1 - Last scan states by collection', link: link('scan-1', { collection: collection.id }) },
    ],
  };
};

const SCAN_ADVICE: Partial<Record<ScanState, string>> = {
  'no-update-point':
    'Add the software update point role (Site Settings > Site Systems > New Roles...) and run a synchronization.',
  'itmu-out-of-date':
    'Bring the Inventory Tool catalog up to date: install KB 954474 on the site server, then run the Microsoft Updates Tool Sync advertisement.',
};

const troubleshootingOne: ReportRun = (context, params) => {
  const collection = collectionOf(context, params);
  const members = readableMembers(context, collection);
  const { tally } = scanTally(context, members);
  const problems = (Object.keys(SCAN_ADVICE) as ScanState[]).filter((state) => (tally.get(state) ?? 0) > 0);
  return {
    notes: notes(
      problems.length === 0
        ? `No scan errors: every computer of ${collection.name} you may read scanned with a current catalog.`
        : `${problems.reduce((sum, state) => sum + (tally.get(state) ?? 0), 0)} of ${members.length} computers in ${collection.name} have a scan problem.`,
    ),
    chart: null,
    tables: [
      table(
        'errors',
        'Scan errors',
        [col('problem', 'Problem'), col('computers', 'Computers', 'number'), col('action', 'What to Do')],
        problems.map((state) => ({
          id: state,
          cells: { problem: scanLabel(state), computers: tally.get(state) ?? 0, action: SCAN_ADVICE[state] ?? '' },
          links: { computers: link('scan-3', { collection: collection.id, scanState: state }) },
        })),
        'No scan errors.',
      ),
    ],
    related: [
      { caption: 'Scan 1 - Last scan states by collection', link: link('scan-1', { collection: collection.id }) },
    ],
  };
};

/** The components whose messages tell how synchronizations went. */
const SYNCHRONIZATION_COMPONENTS = new Set([
  'SMS_WSUS_SYNC_MANAGER',
  'Microsoft Updates Tool Sync',
  'System Center Updates Publisher',
]);

const troubleshootingTwo: ReportRun = (context) => {
  const messages = context.state.statusMessages
    .filter(
      (message) =>
        SYNCHRONIZATION_COMPONENTS.has(message.component) &&
        message.severity !== 'Informational' &&
        context.canRead('Site', message.siteCode),
    )
    .reverse();
  const running = context.state.jobs.filter(
    (job) => job.state === 'Running' && (job.kind === 'software-update-point-sync' || job.kind === 'itmu-catalog-sync'),
  );
  return {
    notes: notes(
      messages.length === 0 ? 'No synchronization has reported a warning or an error.' : null,
      ...running.map((job) => `${job.name} is running (job ${job.id}) until ${formatDateTime(job.endsAt)}.`),
    ),
    chart: null,
    tables: [
      table(
        'messages',
        'Synchronization warnings and errors',
        [
          col('time', 'Date / Time', 'datetime'),
          col('severity', 'Severity'),
          col('component', 'Component'),
          col('messageId', 'Message ID', 'number'),
          col('description', 'Description'),
        ],
        messages.map((message) => ({
          id: message.id,
          cells: {
            time: formatDateTime(message.time),
            severity: message.severity,
            component: message.component,
            messageId: message.messageId,
            description: message.description,
          },
        })),
        'No synchronization warnings or errors.',
      ),
    ],
    related: [{ caption: 'Scan 2 - Last scan states by site', link: link('scan-2', {}) }],
  };
};

const troubleshootingThree: ReportRun = (context, params) => {
  const deployment = deploymentOf(context, params);
  const updates = updatesOfDeployment(context, deployment);
  const collection = context.state.collections.find((c) => c.id === deployment.collectionId);
  const members = collection ? readableMembers(context, collection) : [];
  const sms2003 = members.filter((member) => member.clientType === 'SMS 2003').length;
  const issues: Array<{ id: string; issue: string; count: number; action: string }> = [];
  const expired = updates.filter((update) => update.expired).length;
  if (expired > 0) {
    issues.push({
      id: 'expired',
      issue: 'Expired software updates',
      count: expired,
      action: 'Existing deployments keep working, but remove expired updates and deploy their replacements.',
    });
  }
  const notDownloaded = updates.filter((update) => !update.downloaded).length;
  if (notDownloaded > 0) {
    issues.push({
      id: 'not-downloaded',
      issue: 'Software updates not downloaded',
      count: notDownloaded,
      action: 'Download them into a deployment package (Download Software Updates...).',
    });
  }
  if (sms2003 > 0 && (!deployment.sms2003 || !deployment.sms2003.enabled)) {
    issues.push({
      id: 'sms2003-clients',
      issue: 'SMS 2003 clients the deployment does not deploy to',
      count: sms2003,
      action: deployment.sms2003
        ? 'Deploying to SMS 2003 clients was turned off and cannot be turned on again: deploy to them with a new deployment.'
        : 'Create a deployment with "Deploy software updates to SMS 2003 clients" (every update must be Deployable to SMS 2003), or upgrade the clients.',
    });
  }
  const pkg = context.state.deploymentPackages.find((p) => p.id === deployment.deploymentPackageId);
  if (pkg && context.canRead('DeploymentPackage', pkg.id)) {
    const { status, detail } = packageDistributionStatus(context.state, pkg);
    if (status !== 'Installed') {
      issues.push({
        id: 'content',
        issue: `Content ${status.toLowerCase()} (${pkg.name})`,
        count: 1,
        action: detail,
      });
    }
  }
  const errors = context.state.statusMessages.filter(
    (message) =>
      message.severity === 'Error' &&
      context.canRead('Site', message.siteCode) &&
      (message.description.includes(`(${deployment.id})`) || message.description.includes(deployment.name)),
  );
  if (errors.length > 0) {
    issues.push({
      id: 'status-messages',
      issue: 'Error status messages about the deployment',
      count: errors.length,
      action: 'Read them under System Status > Status Messages.',
    });
  }
  return {
    notes: notes(
      `${deployment.name} (${deployment.id}): ${updates.length} software updates, ${members.length} targeted computers you may read.`,
      issues.length === 0 ? 'No deployment errors.' : null,
    ),
    chart: null,
    tables: [
      table(
        'issues',
        'Deployment errors',
        [col('issue', 'Problem'), col('count', 'Count', 'number'), col('action', 'What to Do')],
        issues.map(({ id, issue, count, action }) => ({ id, cells: { issue, count, action } })),
        'No deployment errors.',
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

const distributionOne: ReportRun = (context) => {
  const packages = context.state.deploymentPackages.filter((p) => context.canRead('DeploymentPackage', p.id));
  const rows = packages.map((pkg) => {
    const points = packageDistributionPoints(context.state, pkg);
    const count = (status: DistributionPointStatus) => points.filter((point) => point.status === status).length;
    return {
      id: pkg.id,
      cells: {
        name: pkg.name,
        id: pkg.id,
        updates: pkg.updateIds.length,
        version: packageDistributionStatus(context.state, pkg).version,
        installed: count('Installed'),
        pending: count('Install Pending'),
        retrying: count('Install Retrying'),
        lastDownload: pkg.lastDownload ? formatDateTime(pkg.lastDownload.at) : null,
      },
      links: { name: link('distribution-2', { deploymentPackage: pkg.id }) },
    };
  });
  return {
    notes: notes(`${packages.length} deployment ${packages.length === 1 ? 'package' : 'packages'} you may read.`),
    chart: {
      title: 'Distribution points by package',
      categoryCaption: 'Deployment Package',
      layout: 'stacked',
      series: [
        { key: 'installed', name: 'Installed' },
        { key: 'pending', name: 'Install Pending' },
        { key: 'retrying', name: 'Install Retrying' },
      ],
      data: rows.map((row) => ({
        label: String(row.cells.name),
        values: { installed: row.cells.installed, pending: row.cells.pending, retrying: row.cells.retrying },
      })),
    },
    tables: [
      table(
        'packages',
        'Deployment packages',
        [
          col('name', 'Name'),
          col('id', 'Package ID'),
          col('updates', 'Software Updates', 'number'),
          col('version', 'Version', 'number'),
          col('installed', 'Installed', 'number'),
          col('pending', 'Install Pending', 'number'),
          col('retrying', 'Install Retrying', 'number'),
          col('lastDownload', 'Last Download', 'datetime'),
        ],
        rows,
        'There is no deployment package you may read.',
      ),
    ],
    related: [
      {
        caption: 'Distribution Status 4 - Migrated SMS 2003 software update packages',
        link: link('distribution-4', {}),
      },
    ],
  };
};

const distributionTwo: ReportRun = (context, params) => {
  const pkg = context.state.deploymentPackages.find((p) => p.id === given(params, 'deploymentPackage'));
  if (!pkg) return { notes: [], chart: null, tables: [], related: [] };
  const points = packageDistributionPoints(context.state, pkg);
  return {
    notes: notes(
      `${pkg.name} (${pkg.id}): ${pkg.updateIds.length} software updates on ${points.length} distribution points.`,
    ),
    chart: null,
    tables: [
      table(
        'points',
        `Distribution points of ${pkg.name}`,
        [
          col('name', 'Distribution Point'),
          col('siteCode', 'Site Code'),
          col('status', 'Status'),
          col('version', 'Version', 'number'),
          col('detail', 'Status Detail'),
        ],
        points.map((point) => ({
          id: point.id,
          cells: {
            name: point.name,
            siteCode: point.siteCode,
            status: point.status,
            version: point.version,
            detail: point.statusDetail,
          },
        })),
        'The package is on no distribution point.',
      ),
    ],
    related: [{ caption: 'Distribution Status 1 - Deployment packages', link: link('distribution-1', {}) }],
  };
};

const distributionThree: ReportRun = (context, params) => {
  const deployment = deploymentOf(context, params);
  const updates = updatesOfDeployment(context, deployment);
  const packages = context.state.deploymentPackages.filter((p) => context.canRead('DeploymentPackage', p.id));
  const rows = updates.map((update) => {
    const holders = packages.filter((pkg) => pkg.updateIds.includes(update.id));
    return {
      id: update.id,
      cells: {
        ...updateCells(update),
        downloaded: update.downloaded ? 'Yes' : 'No',
        packages: holders.map((pkg) => `${pkg.name} (${pkg.id})`).join('; ') || null,
        sizeKb: update.sizeKb,
      },
    };
  });
  const missing = updates.filter((update) => !update.downloaded).length;
  return {
    notes: notes(
      `${updates.length - missing} of ${updates.length} software updates of ${deployment.name} are downloaded.`,
      'Only the deployment packages you may read are named.',
    ),
    chart: null,
    tables: [
      table(
        'content',
        `Content of ${deployment.name}`,
        [
          ...UPDATE_COLUMNS,
          col('downloaded', 'Downloaded'),
          col('packages', 'Deployment Packages'),
          col('sizeKb', 'Size (KB)', 'number'),
        ],
        rows,
        'The deployment holds no software update you may read.',
      ),
    ],
    related: [
      {
        caption: 'Management 3 - Updates in a deployment',
        link: link('management-3', { deployment: deployment.id }),
      },
    ],
  };
};

const distributionFour: ReportRun = (context) => {
  const packages = context.state.packages.filter(
    (pkg) => pkg.purpose === 'Software update distribution' && context.canRead('Package', pkg.id),
  );
  const failing = packages.filter((pkg) => !pkg.sourceValid).length;
  return {
    notes: notes(
      `${packages.length} SMS 2003 software update packages you may read; ${failing} ${failing === 1 ? 'fails' : 'fail'} source validation.`,
      failing > 0
        ? 'Change Source Path... and Update Distribution Points (Software Distribution > Packages) fix a failing source.'
        : null,
    ),
    chart: null,
    tables: [
      table(
        'packages',
        'SMS 2003 software update packages',
        [
          col('name', 'Name'),
          col('id', 'Package ID'),
          col('sourcePath', 'Package Source Path'),
          col('validation', 'Source Validation'),
          col('contentStatus', 'Content Status'),
          col('createdAtSite', 'Created At Site'),
          col('migration', 'Upgrade'),
        ],
        packages.map((pkg) => ({
          id: pkg.id,
          cells: {
            name: pkg.name,
            id: pkg.id,
            sourcePath: pkg.sourcePath,
            validation: pkg.sourceValid ? 'Passed' : 'Failed',
            contentStatus: pkg.contentStatus,
            createdAtSite: pkg.createdAtSite,
            migration: pkg.migrationNote,
          },
        })),
        'There is no SMS 2003 software update package you may read.',
      ),
    ],
    related: [{ caption: 'Distribution Status 1 - Deployment packages', link: link('distribution-1', {}) }],
  };
};

export const SCAN_REPORTS: Record<string, ReportRun> = { 'scan-1': scanOne, 'scan-2': scanTwo, 'scan-3': scanThree };
export const TROUBLESHOOTING_REPORTS: Record<string, ReportRun> = {
  'troubleshooting-1': troubleshootingOne,
  'troubleshooting-2': troubleshootingTwo,
  'troubleshooting-3': troubleshootingThree,
};
export const DISTRIBUTION_REPORTS: Record<string, ReportRun> = {
  'distribution-1': distributionOne,
  'distribution-2': distributionTwo,
  'distribution-3': distributionThree,
  'distribution-4': distributionFour,
};
