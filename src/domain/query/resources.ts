import type { SoftwareUpdate } from '../model/software-update';
import { percentCompliant } from '../model/software-update';
import type {
  Collection,
  Deployment,
  DeploymentPackage,
  DeploymentTemplate,
  Package,
  SearchFolder,
  Site,
  Sms2003Advertisement,
  UpdateList,
} from '../model/site-objects';
import type { Advertisement, SiteSystem, StatusMessage } from '../model/after-upgrade-objects';
import type { Client } from '../model/site-objects';
import type { ObjectType, RightsIndex } from '../rights/rights';
import type { AuditEntry } from '../audit/audit-entry';
import { mayReadAuditEntry } from '../audit/audit-visibility';
import { securityRightRowGuard, type SecurityRightRow, securityRightRows } from '../rights/security-rights';
import type { MigrationReportRow, SetupLogLine, SiteState } from '../site-state';
import { fieldText, type FieldDef } from './fields';
import { reportOrder, reportsOf } from '../reports/report-list';
import type { Report } from '../reports/report-result';
import {
  allPackageAccessAccounts,
  allPackageDistributionPoints,
  type PackageAccessAccount,
  type PackageDistributionPoint,
} from '../deployment-packages/package-content';

/** The collections of objects the API serves; each is a path under /api/. */
export const RESOURCE_NAMES = [
  'software-updates',
  'update-lists',
  'deployment-templates',
  'deployments',
  'sms2003-advertisements',
  'deployment-packages',
  'search-folders',
  'collections',
  'packages',
  'sites',
  'security-rights',
  'setup-log',
  'migration-report',
  'clients',
  'advertisements',
  'site-systems',
  'status-messages',
  'audit-log',
  'deployment-package-access-accounts',
  'deployment-package-distribution-points',
  'reports',
] as const;
export type ResourceName = (typeof RESOURCE_NAMES)[number];

export interface Identified {
  id: string;
}

/** Lists kept beside the site rather than in it: the audit log (its changes follow from the saved log). */
export interface ListSources {
  auditLog: readonly AuditEntry[];
}

/** How one kind of object is listed: where it lives in the state, its fields, and the right that guards it. */
export interface ResourceDef<T extends Identified = Identified> {
  name: ResourceName;
  objectType: ObjectType;
  fields: FieldDef<T>[];
  defaultSort: string;
  items: (state: SiteState, sources?: ListSources) => readonly T[];
  /** The object's name as messages and the Properties dialog title show it. */
  nameOf: (item: T) => string;
  /** The object whose Read right shows the item; by default the item itself, as an object of `objectType`. */
  guard?: (item: T) => { objectType: ObjectType; id: string };
  /** Who may read an item, when Read on its guard is not the whole rule (an audit entry: also whoever acted). */
  visibleTo?: (item: T, account: string, rights: RightsIndex) => boolean;
  /** The resource exists only once the site runs Configuration Manager 2007 (new object types). */
  configMgrOnly?: boolean;
  /** What its items are called in a sentence, when not "<object type>s" (e.g. "migration report rows"). */
  noun?: string;
}

function define<T extends Identified>(def: ResourceDef<T>): ResourceDef {
  // Erases the item type so resources can sit in one table; each definition was type-checked against its own type.
  return def as unknown as ResourceDef;
}

const text = <T>(key: string, caption: string, get: (item: T) => string | null): FieldDef<T> => ({
  key,
  caption,
  kind: 'text',
  get,
});
const number = <T>(key: string, caption: string, get: (item: T) => number): FieldDef<T> => ({
  key,
  caption,
  kind: 'number',
  get,
});
const code = <T>(key: string, caption: string, get: (item: T) => number): FieldDef<T> => ({
  key,
  caption,
  kind: 'code',
  get,
});
const yesNo = <T>(key: string, caption: string, get: (item: T) => boolean): FieldDef<T> => ({
  key,
  caption,
  kind: 'boolean',
  get,
});
const date = <T>(key: string, caption: string, get: (item: T) => string | null): FieldDef<T> => ({
  key,
  caption,
  kind: 'date',
  get,
});
const dateTime = <T>(key: string, caption: string, get: (item: T) => string | null): FieldDef<T> => ({
  key,
  caption,
  kind: 'datetime',
  get,
});

export const SOFTWARE_UPDATE_FIELDS: FieldDef<SoftwareUpdate>[] = [
  text('title', 'Title', (u) => u.title),
  text('bulletinId', 'Bulletin ID', (u) => u.bulletinId),
  text('articleId', 'Article ID', (u) => u.articleId),
  { key: 'severity', caption: 'Severity', kind: 'severity', get: (u) => u.severity },
  yesNo('downloaded', 'Downloaded', (u) => u.downloaded),
  yesNo('deployed', 'Deployed', (u) => u.deployed),
  yesNo('expired', 'Expired', (u) => u.expired),
  yesNo('superseded', 'Superseded', (u) => u.superseded),
  number('total', 'Total', (u) => u.compliance.total),
  number('required', 'Required', (u) => u.compliance.required),
  number('installed', 'Installed', (u) => u.compliance.installed),
  number('notRequired', 'Not Required', (u) => u.compliance.notRequired),
  number('unknown', 'Unknown', (u) => u.compliance.unknown),
  number('percentCompliant', 'Percent Compliant', (u) => percentCompliant(u.compliance)),
  date('dateReleased', 'Date Released', (u) => u.dateReleased),
  date('dateRevised', 'Date Revised', (u) => u.dateRevised),
  text('classification', 'Update Classification', (u) => u.classification),
  text('product', 'Product', (u) => u.product),
  text('vendor', 'Vendor', (u) => u.vendor),
  text('language', 'Language', (u) => u.language),
  yesNo('deployableToSms2003', 'Deployable to SMS 2003', (u) => u.deployableToSms2003),
  text('sourceCatalog', 'Source Catalog', (u) => u.sourceCatalog),
  yesNo('legacy', 'LEGACY', (u) => u.legacy),
  number('maxRunTimeMinutes', 'Maximum Run Time', (u) => u.maxRunTimeMinutes),
  number('sizeKb', 'Size (KB)', (u) => u.sizeKb),
  text('id', 'CI ID', (u) => u.id),
  text('uniqueId', 'Unique Update ID', (u) => u.uniqueId),
];

export const RESOURCES: Record<ResourceName, ResourceDef> = {
  'software-updates': define<SoftwareUpdate>({
    name: 'software-updates',
    objectType: 'SoftwareUpdate',
    fields: SOFTWARE_UPDATE_FIELDS,
    defaultSort: 'title:asc',
    items: (state) => state.softwareUpdates,
    nameOf: (u) => u.title,
  }),
  'update-lists': define<UpdateList>({
    configMgrOnly: true,
    name: 'update-lists',
    objectType: 'UpdateList',
    fields: [
      text('name', 'Name', (l) => l.name),
      text('description', 'Description', (l) => l.description),
      text('createdBy', 'Created By', (l) => l.createdBy),
      dateTime('dateCreated', 'Date Created', (l) => l.dateCreated),
      number('updateCount', 'Software Updates', (l) => l.updateIds.length),
      text('id', 'ID', (l) => l.id),
    ],
    defaultSort: 'name:asc',
    items: (state) => state.updateLists,
    nameOf: (l) => l.name,
  }),
  'deployment-templates': define<DeploymentTemplate>({
    configMgrOnly: true,
    name: 'deployment-templates',
    objectType: 'DeploymentTemplate',
    fields: [
      text('name', 'Name', (t) => t.name),
      text('description', 'Description', (t) => t.description),
      yesNo('deployToSms2003Clients', 'Deploy to SMS 2003 Clients', (t) => t.deployToSms2003Clients),
      text('createdBy', 'Created By', (t) => t.createdBy),
      text('id', 'ID', (t) => t.id),
      text('collectionId', 'Collection ID', (t) => t.collectionId),
      // "2 weeks", "1 hour": the default duration that sets a deployment's deadline.
      text('duration', 'Duration', (t) =>
        [
          t.duration,
          t.duration === 1 ? t.durationUnits.toLowerCase().slice(0, -1) : t.durationUnits.toLowerCase(),
        ].join(' '),
      ),
      dateTime('createdAt', 'Date Created', (t) => t.createdAt),
    ],
    defaultSort: 'name:asc',
    items: (state) => state.deploymentTemplates,
    nameOf: (t) => t.name,
  }),
  deployments: define<Deployment>({
    configMgrOnly: true,
    name: 'deployments',
    objectType: 'Deployment',
    fields: [
      text('name', 'Deployment Name', (d) => d.name),
      text('id', 'Deployment ID', (d) => d.id),
      text('collectionName', 'Collection', (d) => d.collectionName),
      dateTime('availableTime', 'Available Time', (d) => d.availableTime),
      dateTime('deadline', 'Deadline', (d) => d.deadline),
      yesNo('deployToSms2003Clients', 'Deploy to SMS 2003 Clients', (d) => d.deployToSms2003Clients),
      number('updateCount', 'Software Updates', (d) => d.updateIds.length),
      text('createdBy', 'Created By', (d) => d.createdBy),
      dateTime('createdAt', 'Date Created', (d) => d.createdAt),
      text('templateId', 'Template ID', (d) => d.templateId),
      text('deploymentPackageId', 'Deployment Package ID', (d) => d.deploymentPackageId),
      text('sms2003AdvertisementId', 'SMS 2003 Advertisement', (d) => d.sms2003?.advertisementId ?? null),
      text('sms2003Program', 'SMS 2003 Program', (d) =>
        d.sms2003 ? (d.sms2003.enabled ? 'Enabled' : 'Disabled') : null,
      ),
      number('expectedInstalls', 'Expected Installations', (d) =>
        Object.values(d.expectedInstalls).reduce((sum, n) => sum + n, 0),
      ),
    ],
    defaultSort: 'name:asc',
    items: (state) => state.deployments,
    nameOf: (d) => d.name,
  }),
  'sms2003-advertisements': define<Sms2003Advertisement>({
    name: 'sms2003-advertisements',
    objectType: 'Advertisement',
    fields: [
      text('name', 'Name', (a) => a.name),
      text('id', 'Advertisement ID', (a) => a.id),
      text('packageName', 'Package', (a) => a.packageName),
      text('packageId', 'Package ID', (a) => a.packageId),
      text('programName', 'Program', (a) => a.programName),
      text('collectionName', 'Collection', (a) => a.collectionName),
      dateTime('availableAfter', 'Available After', (a) => a.availableAfter),
      yesNo('mandatory', 'Mandatory', (a) => a.mandatory),
      text('createdAtSite', 'Created At Site', (a) => a.createdAtSite),
      number('updateCount', 'Software Updates', (a) => a.updateIds.length),
    ],
    defaultSort: 'name:asc',
    items: (state) => state.sms2003Advertisements,
    nameOf: (a) => a.name,
  }),
  'deployment-packages': define<DeploymentPackage>({
    configMgrOnly: true,
    name: 'deployment-packages',
    objectType: 'DeploymentPackage',
    fields: [
      text('name', 'Name', (p) => p.name),
      text('id', 'Package ID', (p) => p.id),
      text('description', 'Description', (p) => p.description),
      text('sourcePath', 'Package Source Path', (p) => p.sourcePath),
      number('updateCount', 'Software Updates', (p) => p.updateIds.length),
      text('createdBy', 'Created By', (p) => p.createdBy),
    ],
    defaultSort: 'name:asc',
    items: (state) => state.deploymentPackages,
    nameOf: (p) => p.name,
  }),
  'search-folders': define<SearchFolder>({
    configMgrOnly: true,
    name: 'search-folders',
    objectType: 'SearchFolder',
    fields: [
      text('name', 'Name', (f) => f.name),
      text('owner', 'Owner', (f) => f.owner),
      text('criteria', 'Criteria', (f) => f.criteriaText),
      text('id', 'ID', (f) => f.id),
    ],
    defaultSort: 'name:asc',
    items: (state) => state.searchFolders,
    nameOf: (f) => f.name,
  }),
  collections: define<Collection>({
    name: 'collections',
    objectType: 'Collection',
    fields: [
      text('name', 'Name', (c) => c.name),
      text('id', 'Collection ID', (c) => c.id),
      text('comment', 'Comment', (c) => c.comment),
      number('memberCount', 'Members', (c) => c.memberCount),
      number('sms2003ClientCount', 'SMS 2003 Clients', (c) => c.sms2003ClientCount),
      number('configMgrClientCount', 'Configuration Manager Clients', (c) => c.configMgrClientCount),
      text('membershipRule', 'Membership Rule', (c) => c.membershipRule),
    ],
    defaultSort: 'name:asc',
    items: (state) => state.collections,
    nameOf: (c) => c.name,
  }),
  packages: define<Package>({
    name: 'packages',
    objectType: 'Package',
    fields: [
      text('name', 'Name', (p) => p.name),
      text('id', 'Package ID', (p) => p.id),
      text('manufacturer', 'Manufacturer', (p) => p.manufacturer),
      text('programName', 'Program', (p) => p.programName),
      text('sourcePath', 'Package Source Path', (p) => p.sourcePath),
      text('sourceValidation', 'Source Validation', (p) => (p.sourceValid ? 'Passed' : 'Failed')),
      text('createdAtSite', 'Created At Site', (p) => p.createdAtSite),
      text('purpose', 'Purpose', (p) => p.purpose),
      number('updateCount', 'Software Updates', (p) => p.updateIds.length),
      text('migrationNote', 'Upgrade', (p) => p.migrationNote),
    ],
    defaultSort: 'name:asc',
    items: (state) => state.packages,
    nameOf: (p) => p.name,
  }),
  sites: define<Site>({
    name: 'sites',
    objectType: 'Site',
    fields: [
      text('code', 'Site Code', (s) => s.code),
      text('name', 'Site Name', (s) => s.name),
      text('serverName', 'Site Server', (s) => s.serverName),
      text('version', 'Version', (s) => s.version),
      text('parentCode', 'Parent Site', (s) => s.parentCode),
    ],
    defaultSort: 'code:asc',
    items: (state) => state.sites,
    nameOf: (s) => `${s.code} - ${s.name}`,
  }),
  // Site Management > CEN > Security Rights: who holds which rights on which class or object (before the upgrade too:
  // SMS 2003 had its security rights). A class row is shown with Read on the site, an instance row with Read on its
  // object, so the list never names an object the caller may not read.
  'security-rights': define<SecurityRightRow>({
    name: 'security-rights',
    objectType: 'Site',
    noun: 'security rights',
    fields: [
      text('account', 'User Name', (r) => r.account),
      text('className', 'Class', (r) => r.className),
      text('scope', 'Scope', (r) => r.scope),
      text('instanceName', 'Instance', (r) =>
        r.instanceId === null ? 'All instances' : (r.instanceName ?? r.instanceId),
      ),
      text('instanceId', 'Instance ID', (r) => r.instanceId),
      text('rights', 'Permissions', (r) => r.rights.join(', ')),
    ],
    defaultSort: 'account:asc',
    items: (state) => securityRightRows(state),
    nameOf: (r) => `${r.account} - ${r.instanceId === null ? r.className : (r.instanceName ?? r.instanceId)}`,
    guard: (r) => securityRightRowGuard(r, 'CEN'),
  }),
  'setup-log': define<SetupLogLine>({
    name: 'setup-log',
    objectType: 'Site',
    configMgrOnly: true,
    noun: 'ConfigMgrSetup.log lines',
    fields: [
      dateTime('time', 'Time', (l) => l.time),
      text('component', 'Component', (l) => l.component),
      text('message', 'Message', (l) => l.message),
      number('line', 'Line', (l) => Number(l.id)),
    ],
    defaultSort: 'line:asc',
    items: (state) => state.setupLog,
    nameOf: (l) => `ConfigMgrSetup.log line ${l.id}`,
    guard: () => ({ objectType: 'Site', id: 'CEN' }),
  }),
  'migration-report': define<MigrationReportRow>({
    name: 'migration-report',
    objectType: 'Site',
    configMgrOnly: true,
    noun: 'migration report rows',
    fields: [
      text('objectKind', 'Object Type', (r) => r.objectKind),
      text('name', 'Name', (r) => r.name),
      text('sms2003Id', 'SMS 2003 ID', (r) => r.sms2003Id),
      text('outcome', 'Outcome', (r) => r.outcome),
      text('result', 'In Configuration Manager 2007', (r) => r.result),
      text('reason', 'Reason', (r) => r.reason),
      number('row', 'Row', (r) => Number(r.id)),
    ],
    defaultSort: 'row:asc',
    items: (state) => state.migrationReport,
    nameOf: (r) => `${r.objectKind} ${r.name}`,
    guard: (r) => r.guard,
  }),
  clients: define<Client>({
    name: 'clients',
    objectType: 'Collection',
    noun: 'collection members',
    fields: [
      text('name', 'Name', (c) => c.name),
      text('clientType', 'Client Type', (c) => c.clientType),
      text('siteCode', 'Site Code', (c) => c.siteCode),
      text('operatingSystem', 'Operating System', (c) => c.operatingSystem),
      number('catalogRevision', 'Catalog Revision', (c) => c.catalogRevision),
    ],
    defaultSort: 'name:asc',
    items: (state) => state.clients,
    nameOf: (c) => c.name,
    // Members are listed by collection; outside one, All Systems guards them.
    guard: () => ({ objectType: 'Collection', id: 'SMS00001' }),
  }),
  advertisements: define<Advertisement>({
    name: 'advertisements',
    objectType: 'Advertisement',
    configMgrOnly: true,
    fields: [
      text('name', 'Name', (a) => a.name),
      text('id', 'Advertisement ID', (a) => a.id),
      text('packageName', 'Package', (a) => a.packageName),
      text('programName', 'Program', (a) => a.programName),
      text('collectionName', 'Collection', (a) => a.collectionName),
      text('scanTool', 'Scan Tool', (a) => a.scanTool),
      dateTime('lastRunAt', 'Last Run', (a) => a.lastRunAt),
      text('lastRunStatus', 'Last Run Status', (a) => a.lastRunStatus),
    ],
    defaultSort: 'name:asc',
    items: (state) => state.advertisements,
    nameOf: (a) => a.name,
  }),
  'site-systems': define<SiteSystem>({
    name: 'site-systems',
    objectType: 'Site',
    configMgrOnly: true,
    noun: 'site systems',
    fields: [
      text('name', 'Name', (s) => s.name),
      text('siteCode', 'Site Code', (s) => s.siteCode),
      text('roles', 'Roles', (s) => s.roles.join('; ')),
    ],
    defaultSort: 'name:asc',
    items: (state) => state.siteSystems,
    nameOf: (s) => s.name,
    guard: (s) => ({ objectType: 'Site', id: s.siteCode }),
  }),
  'status-messages': define<StatusMessage>({
    name: 'status-messages',
    objectType: 'Site',
    configMgrOnly: true,
    noun: 'status messages',
    fields: [
      { key: 'severity', caption: 'Severity', kind: 'text', get: (m) => m.severity },
      dateTime('time', 'Date / Time', (m) => m.time),
      text('siteCode', 'Site Code', (m) => m.siteCode),
      text('component', 'Component', (m) => m.component),
      code('messageId', 'Message ID', (m) => m.messageId),
      text('description', 'Description', (m) => m.description),
      code('number', 'Number', (m) => Number(m.id)),
    ],
    // Newest first, in the order the components reported.
    defaultSort: 'number:desc',
    items: (state) => state.statusMessages,
    nameOf: (m) => `Status message ${m.id}`,
    guard: (m) => ({ objectType: 'Site', id: m.siteCode }),
  }),
  'audit-log': define<AuditEntry>({
    name: 'audit-log',
    objectType: 'Site',
    noun: 'audit log entries',
    fields: [
      // In the order things happened: entries of the same minute still sort newest first.
      { ...dateTime<AuditEntry>('time', 'Time', (e) => e.time), sortKey: (e) => e.sequence },
      text('administrator', 'Administrator', (e) => e.administrator),
      text('action', 'Action', (e) => e.action),
      text('right', 'Right', (e) => e.right),
      text('objectType', 'Object Type', (e) => e.objectType),
      text('objectName', 'Object', (e) => e.objectName ?? e.objectId),
      text('outcome', 'Outcome', (e) => e.outcome),
      text('reason', 'Reason', (e) => e.reason),
      text('before', 'Before', (e) => e.before),
      text('after', 'After', (e) => e.after),
      text('objectId', 'Object ID', (e) => e.objectId),
      text('id', 'Entry', (e) => e.id),
    ],
    defaultSort: 'time:desc',
    items: (_state, sources) => sources?.auditLog ?? [],
    nameOf: (e) => `${e.action} - ${e.objectName ?? e.objectId ?? e.objectType}`,
    // The Security tab shows the rights held on the entry's object (the site, for a refused attempt to create one).
    guard: (e) =>
      e.guard.id === null ? { objectType: 'Site', id: 'CEN' } : { objectType: e.guard.objectType, id: e.guard.id },
    visibleTo: (e, account, rights) => mayReadAuditEntry(rights, account, e),
  }),
  // A deployment package's Access Accounts and Distribution Points nodes: each row names its package, whose Read right
  // shows it; the node (?node=software-updates/deployment-packages/<id>/...) narrows the list to one package.
  'deployment-package-access-accounts': define<PackageAccessAccount>({
    configMgrOnly: true,
    name: 'deployment-package-access-accounts',
    objectType: 'DeploymentPackage',
    noun: 'package access accounts',
    fields: [
      text('name', 'Name', (a) => a.name),
      text('type', 'Type', (a) => a.type),
      text('access', 'Access', (a) => a.access),
      text('packageId', 'Package ID', (a) => a.packageId),
    ],
    defaultSort: 'name:asc',
    items: (state) => allPackageAccessAccounts(state),
    nameOf: (a) => `${a.name} (${a.packageId})`,
    guard: (a) => ({ objectType: 'DeploymentPackage', id: a.packageId }),
  }),
  'deployment-package-distribution-points': define<PackageDistributionPoint>({
    configMgrOnly: true,
    name: 'deployment-package-distribution-points',
    objectType: 'DeploymentPackage',
    noun: 'package distribution points',
    fields: [
      text('name', 'Name', (d) => d.name),
      text('siteCode', 'Site Code', (d) => d.siteCode),
      text('status', 'Status', (d) => d.status),
      number('version', 'Version', (d) => d.version),
      text('statusDetail', 'Status Detail', (d) => d.statusDetail),
      text('packageId', 'Package ID', (d) => d.packageId),
    ],
    defaultSort: 'name:asc',
    items: (state) => allPackageDistributionPoints(state),
    nameOf: (d) => `${d.name} (${d.packageId})`,
    guard: (d) => ({ objectType: 'DeploymentPackage', id: d.packageId }),
  }),
  // Computer Management > Reporting > Reports (src/domain/reports): read with Read on the site; what each report
  // counts is narrowed to what the caller may read when it runs.
  reports: define<Report>({
    configMgrOnly: true,
    name: 'reports',
    objectType: 'Site',
    noun: 'reports',
    fields: [
      text('name', 'Name', (r) => r.name),
      // By category in the catalog's order: A. Compliance to F. Distribution Status, then the SMS 2003 reports.
      { ...text<Report>('category', 'Category', (r) => r.category), sortKey: (r) => reportOrder(r.id) },
      text('description', 'Description', (r) => r.description),
      text('parameters', 'Parameters', (r) => r.parameterCaptions),
      yesNo('deprecated', 'Deprecated', (r) => r.deprecation !== null),
      text('replacement', 'Use Instead', (r) => r.deprecation?.replacementName ?? null),
      text('origin', 'Origin', (r) => r.origin),
      text('id', 'Report ID', (r) => r.id),
    ],
    defaultSort: 'category:asc',
    items: (state) => reportsOf(state),
    nameOf: (r) => r.name,
    guard: () => ({ objectType: 'Site', id: 'CEN' }),
  }),
};

export function fieldOf(resource: ResourceDef, key: string): FieldDef<Identified> | undefined {
  return resource.fields.find((field) => field.key === key);
}

/** The shown text of one field of a resource's objects, e.g. textOf('software-updates', 'dateReleased'). */
export function textOf<T extends Identified>(resource: ResourceName, key: string): (item: T) => string {
  const field = fieldOf(RESOURCES[resource], key);
  if (!field) throw new Error(`${resource} has no field ${key}`);
  return (item) => fieldText(field, item);
}

/** The column caption of a field, as the product writes it. */
export function captionOf(resource: ResourceName, key: string): string {
  const field = fieldOf(RESOURCES[resource], key);
  if (!field) throw new Error(`${resource} has no field ${key}`);
  return field.caption;
}
