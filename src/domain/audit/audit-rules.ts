import type { Operation, SiteWorld } from '../operations/operations';
import {
  OBJECT_TYPE_NAMES,
  objectTypeSchema,
  RIGHTS,
  RightsIndex,
  type ObjectType,
  type Right,
} from '../rights/rights';
import { CONTOSO } from '../scenario/contoso-names';
import type { SiteState } from '../site-state';

/**
 * An operation as the audit log reads it: any log entry, or the operation an endpoint would have done when it was
 * refused (then only its type and the ids the request named are known). Read through `textField`, never trusted.
 */
export type OperationLike = { type: string } & Record<string, unknown>;

/** An object as an audit entry shows it: its name and the fields Before and After are made of. */
export interface AuditedObject {
  name: string;
  fields: unknown;
}

/**
 * How the audit log reads one kind of operation: what it is called, the right it uses, the object it acts on and
 * what of that object Before and After show.
 */
export interface AuditRule {
  action: (operation: OperationLike) => string;
  objectType: string;
  right: Right;
  /** The object type the right is held on. */
  rightOn: ObjectType;
  /** The right is held on the object type (Create), not on one object. */
  classRight?: boolean;
  /** The one object the right is held on when it is not the object acted on (site CEN, for its roles and jobs). */
  rightObjectId?: string;
  /** The id of the object acted on, from the operation and the site before it; null when it creates the object. */
  target: (operation: OperationLike, before: SiteWorld) => string | null;
  /** The object with this id as it stands in a world, or undefined when it is not there. */
  find: (world: SiteWorld, id: string | null, operation: OperationLike) => AuditedObject | undefined;
  /** The id of the object the operation created: the one in `after` that was not in `before`. */
  created?: (before: SiteWorld, after: SiteWorld) => string | null;
  /** The right used, when the operation says which (granting rights: Administer or Delegate on what it names). */
  rightOf?: (operation: OperationLike, before: SiteWorld) => string;
  /** The object whose Read right shows the entry, when not the one the right is held on. */
  guardOf?: (operation: OperationLike, objectId: string | null) => { objectType: ObjectType; id: string | null };
}

const SITE = CONTOSO.sites.central.code;

/** A string field of an operation, or null. */
export function textField(operation: OperationLike, key: string): string | null {
  const value = operation[key];
  return typeof value === 'string' ? value : null;
}

/** Finds objects of one list of the Configuration Manager site by id, and the one an operation added to it. */
function inList<T extends { id: string }>(
  list: (site: SiteState) => readonly T[],
  name: (item: T) => string,
  fields: (item: T) => unknown = (item) => item,
): Pick<AuditRule, 'find' | 'created'> {
  const items = (world: SiteWorld) => (world.configMgr ? list(world.configMgr) : []);
  return {
    find: (world, id) => {
      const item = id === null ? undefined : items(world).find((candidate) => candidate.id === id);
      return item ? { name: name(item), fields: fields(item) } : undefined;
    },
    created: (before, after) => {
      const known = new Set(items(before).map((item) => item.id));
      return items(after).find((item) => !known.has(item.id))?.id ?? null;
    },
  };
}

const byId = (key: string) => (operation: OperationLike) => textField(operation, key);
const fixed = (action: string) => () => action;

const siteRight = (right: Right) => ({ right, rightOn: 'Site' as const, rightObjectId: SITE });

/** A site of the hierarchy, before the upgrade too. */
const siteFound: AuditRule['find'] = (world, code) => {
  const site = (world.configMgr?.sites ?? world.sms2003.sites).find((candidate) => candidate.code === code);
  return site ? { name: `${site.code} - ${site.name}`, fields: site } : undefined;
};

const homepageSummarization: AuditRule['find'] = (world, id) => {
  const summary = world.configMgr?.homepageSummary;
  if (!summary || !id) return undefined;
  const { lastSummarizedAt, lastSummarizedBy, intervalMinutes } = summary;
  return { name: id, fields: { lastSummarizedAt, lastSummarizedBy, intervalMinutes } };
};

const softwareUpdatePoint: AuditRule['find'] = (world) => {
  const point = world.configMgr?.softwareUpdatePoint;
  return point ? { name: point.serverName, fields: point } : undefined;
};

const searchFolders = inList(
  (site) => site.searchFolders,
  (folder) => folder.name,
  ({ criteria: _criteria, ...folder }) => folder,
);
const templates = inList(
  (site) => site.deploymentTemplates,
  (template) => template.name,
);
// An update list's software updates by ID while they are few enough to read; always their number.
const updateLists = inList(
  (site) => site.updateLists,
  (list) => list.name,
  ({ updateIds, ...list }) => ({
    ...list,
    softwareUpdates: updateIds.length,
    ...(updateIds.length <= 50 ? { updateIds } : {}),
  }),
);
const deployments = inList(
  (site) => site.deployments,
  (deployment) => deployment.name,
);
const deploymentPackages = inList(
  (site) => site.deploymentPackages,
  (pkg) => pkg.name,
);
const sms2003Advertisements = inList(
  (site) => site.sms2003Advertisements,
  (advertisement) => advertisement.name,
);
const advertisements = inList(
  (site) => site.advertisements,
  (advertisement) => advertisement.name,
);
const packages = inList(
  (site) => site.packages,
  (pkg) => pkg.name,
);
const collections = inList(
  (site) => site.collections,
  (collection) => collection.name,
);
const jobs = inList(
  (site) => site.jobs,
  (job) => job.name,
  ({ milestones: _milestones, reported: _reported, willSucceed: _willSucceed, ...job }) => job,
);
// A software update as its Maximum Run Time tab shows it (the whole update is metadata and compliance counts).
const softwareUpdateRunTimes = inList(
  (site) => site.softwareUpdates,
  (update) => update.title,
  (update) => ({ id: update.id, title: update.title, maxRunTimeMinutes: update.maxRunTimeMinutes }),
);

/**
 * Every operation of the site, by type. An operation added later without a row here is still audited, by the fallback
 * (its type in words, its fields as After): the table says it better, so add a row.
 */
export const AUDIT_RULES: Record<string, AuditRule> = {
  'run-setup': {
    action: fixed('Upgrade site to Configuration Manager 2007 (Setup)'),
    objectType: 'Site',
    ...siteRight('Administer'),
    target: () => SITE,
    find: siteFound,
  },
  'set-software-update-max-run-time': {
    action: fixed('Modify software update maximum run time'),
    objectType: 'Software Update',
    right: 'Modify',
    rightOn: 'SoftwareUpdate',
    target: byId('updateId'),
    ...softwareUpdateRunTimes,
  },
  'create-search-folder': {
    action: fixed('Create search folder'),
    objectType: 'Search Folder',
    right: 'Create',
    rightOn: 'SearchFolder',
    classRight: true,
    target: () => null,
    ...searchFolders,
  },
  'rename-search-folder': {
    action: fixed('Rename search folder'),
    objectType: 'Search Folder',
    right: 'Modify',
    rightOn: 'SearchFolder',
    target: byId('id'),
    ...searchFolders,
  },
  'delete-search-folder': {
    action: fixed('Delete search folder'),
    objectType: 'Search Folder',
    right: 'Delete',
    rightOn: 'SearchFolder',
    target: byId('id'),
    ...searchFolders,
  },
  'configure-software-update-point': {
    action: fixed('Configure software update point'),
    objectType: 'Software Update Point',
    ...siteRight('Modify'),
    target: (operation) => textField(operation, 'serverName') ?? CONTOSO.sites.central.serverName,
    find: softwareUpdatePoint,
  },
  'synchronize-software-updates': {
    action: fixed('Run synchronization'),
    objectType: 'Software Update Point',
    ...siteRight('Modify'),
    target: (_operation, before) => before.configMgr?.softwareUpdatePoint?.serverName ?? null,
    // What a synchronization is about: when it last ran (its job is said in After).
    find: (world) => {
      const point = world.configMgr?.softwareUpdatePoint;
      return point
        ? {
            name: point.serverName,
            fields: { serverName: point.serverName, lastSynchronizedAt: point.lastSynchronizedAt },
          }
        : undefined;
    },
  },
  'run-advertisement': {
    action: fixed('Run advertisement'),
    objectType: 'Advertisement',
    right: 'Modify',
    rightOn: 'Advertisement',
    target: byId('advertisementId'),
    ...advertisements,
  },
  'install-site-server-update': {
    action: (operation) => `Install update KB${textField(operation, 'articleId') ?? '954474'} on site server`,
    objectType: 'Site Server',
    ...siteRight('Modify'),
    target: () => CONTOSO.sites.central.serverName,
    find: (world, id) =>
      world.configMgr && id
        ? { name: id, fields: { siteServerUpdates: world.configMgr.facts.siteServerUpdates } }
        : undefined,
  },
  'republish-custom-catalog': {
    action: fixed('Republish custom updates catalog'),
    objectType: 'Custom Updates Catalog',
    ...siteRight('Modify'),
    target: () => CONTOSO.customCatalog,
    find: (world, id) =>
      world.configMgr && id
        ? { name: id, fields: { republishedAt: world.configMgr.facts.customCatalogRepublishedAt } }
        : undefined,
  },
  'publish-custom-update': {
    action: fixed('Publish custom update'),
    objectType: 'Custom Update',
    ...siteRight('Modify'),
    target: () => null,
    ...inList(
      (site) => site.facts.publishedCustomUpdates,
      (update) => update.title,
    ),
  },
  'run-legacy-cleanup-script': {
    action: fixed('Run LEGACY clean-up script'),
    objectType: 'Software Updates',
    ...siteRight('Modify'),
    target: () => 'LEGACY',
    find: (world) => {
      const site = world.configMgr;
      if (!site) return undefined;
      let legacy = 0;
      let hidden = 0;
      for (const update of site.softwareUpdates) {
        if (update.legacy) legacy += 1;
        if (update.hidden) hidden += 1;
      }
      return {
        name: 'LEGACY software updates',
        fields: { legacyScriptRunAt: site.facts.legacyScriptRunAt, legacyUpdates: legacy, hiddenUpdates: hidden },
      };
    },
  },
  'delete-sms2003-advertisement': {
    action: fixed('Delete SMS 2003 advertisement'),
    objectType: 'SMS 2003 Advertisement',
    right: 'Delete',
    rightOn: 'Advertisement',
    target: byId('advertisementId'),
    ...sms2003Advertisements,
  },
  'remove-updates-from-sms2003-advertisement': {
    action: fixed('Remove software updates from SMS 2003 advertisement'),
    objectType: 'SMS 2003 Advertisement',
    right: 'Modify',
    rightOn: 'Advertisement',
    target: byId('advertisementId'),
    ...sms2003Advertisements,
  },
  'change-package-source': {
    action: fixed('Change package source path'),
    objectType: 'Package',
    right: 'Modify',
    rightOn: 'Package',
    target: byId('packageId'),
    ...packages,
  },
  'update-distribution-points': {
    action: fixed('Update distribution points'),
    objectType: 'Package',
    right: 'Distribute',
    rightOn: 'Package',
    target: byId('packageId'),
    ...packages,
  },
  'upgrade-clients': {
    action: fixed('Upgrade clients to Configuration Manager 2007'),
    objectType: 'Collection',
    right: 'Modify',
    rightOn: 'Collection',
    target: byId('collectionId'),
    ...collections,
  },
  'upgrade-child-site': {
    action: fixed('Upgrade child site with Setup'),
    objectType: 'Site',
    ...siteRight('Administer'),
    target: byId('siteCode'),
    find: siteFound,
  },
  'remove-itmu': {
    action: fixed('Remove Inventory Tool for Microsoft Updates'),
    objectType: 'Scan Tool',
    ...siteRight('Administer'),
    target: () => CONTOSO.scanTools.itmu,
    find: (world, id) => {
      const site = world.configMgr;
      if (!site || !id) return undefined;
      const tool = site.scanTools.find((candidate) => candidate.name === id);
      return { name: id, fields: tool ?? { removedAt: site.facts.itmuRemovedAt } };
    },
  },
  'cancel-job': {
    action: fixed('Cancel job'),
    objectType: 'Job',
    ...siteRight('Modify'),
    target: byId('jobId'),
    ...jobs,
  },
  // The Software Updates home page: its summarization (what Before and After show of it, never its counts).
  'run-homepage-summarization': {
    action: fixed('Run homepage summarization'),
    objectType: 'Home Page Summarization',
    ...siteRight('Modify'),
    target: () => 'Software Updates',
    find: homepageSummarization,
  },
  'schedule-homepage-summarization': {
    action: fixed('Schedule home page summarization'),
    objectType: 'Home Page Summarization',
    ...siteRight('Modify'),
    target: () => 'Software Updates',
    find: homepageSummarization,
  },
  'create-deployment-template': {
    action: fixed('Create deployment template'),
    objectType: 'Deployment Template',
    right: 'Create',
    rightOn: 'DeploymentTemplate',
    classRight: true,
    target: byId('id'),
    ...templates,
  },
  'update-deployment-template': {
    action: fixed('Modify deployment template'),
    objectType: 'Deployment Template',
    right: 'Modify',
    rightOn: 'DeploymentTemplate',
    target: byId('id'),
    ...templates,
  },
  'delete-deployment-template': {
    action: fixed('Delete deployment template'),
    objectType: 'Deployment Template',
    right: 'Delete',
    rightOn: 'DeploymentTemplate',
    target: byId('id'),
    ...templates,
  },
  // Update lists: the Update List Wizard, Remove from Update List, Rename, Properties and Delete.
  'create-update-list': {
    action: fixed('Create update list'),
    objectType: 'Update List',
    right: 'Create',
    rightOn: 'UpdateList',
    classRight: true,
    target: () => null,
    ...updateLists,
  },
  'add-updates-to-update-list': {
    action: fixed('Add software updates to update list'),
    objectType: 'Update List',
    right: 'Modify',
    rightOn: 'UpdateList',
    target: byId('id'),
    ...updateLists,
  },
  'remove-updates-from-update-list': {
    action: fixed('Remove software updates from update list'),
    objectType: 'Update List',
    right: 'Modify',
    rightOn: 'UpdateList',
    target: byId('id'),
    ...updateLists,
  },
  'change-update-list': {
    action: fixed('Change update list'),
    objectType: 'Update List',
    right: 'Modify',
    rightOn: 'UpdateList',
    target: byId('id'),
    ...updateLists,
  },
  'delete-update-list': {
    action: fixed('Delete update list'),
    objectType: 'Update List',
    right: 'Delete',
    rightOn: 'UpdateList',
    target: byId('id'),
    ...updateLists,
  },
  'create-deployment': {
    action: fixed('Deploy software updates'),
    objectType: 'Deployment',
    right: 'Create',
    rightOn: 'Deployment',
    classRight: true,
    target: byId('id'),
    ...deployments,
  },
  'disable-deployment-sms2003': {
    action: fixed('Stop deploying to SMS 2003 clients'),
    objectType: 'Deployment',
    right: 'Modify',
    rightOn: 'Deployment',
    target: byId('id'),
    ...deployments,
  },
  'update-deployment-properties': {
    action: fixed('Modify deployment'),
    objectType: 'Deployment',
    right: 'Modify',
    rightOn: 'Deployment',
    target: byId('id'),
    ...deployments,
  },
  'remove-updates-from-deployment': {
    action: fixed('Remove software updates from deployment'),
    objectType: 'Deployment',
    right: 'Modify',
    rightOn: 'Deployment',
    target: byId('deploymentId'),
    ...deployments,
  },
  'update-collection-comment': {
    action: fixed('Modify collection comment'),
    objectType: 'Collection',
    right: 'Modify',
    rightOn: 'Collection',
    target: byId('collectionId'),
    ...collections,
  },
  // Not operations of the log: what a deployment does to a deployment package (see `relatedChanges`).
  'create-deployment-package': {
    action: fixed('Create deployment package'),
    objectType: 'Deployment Package',
    right: 'Create',
    rightOn: 'DeploymentPackage',
    classRight: true,
    target: () => null,
    ...deploymentPackages,
  },
  'grant-rights': securityRightsRule('Grant'),
  'revoke-rights': securityRightsRule('Revoke'),
  'add-to-deployment-package': {
    action: fixed('Add software updates to deployment package'),
    objectType: 'Deployment Package',
    right: 'Modify',
    rightOn: 'DeploymentPackage',
    target: byId('id'),
    ...deploymentPackages,
  },
  // The Download Updates Wizard: into a new package (Create on the class) or an existing one (Modify on it).
  'download-software-updates': {
    action: (operation) =>
      packageChoiceOf(operation).kind === 'new'
        ? 'Download software updates into a new deployment package'
        : 'Download software updates into deployment package',
    objectType: 'Deployment Package',
    right: 'Modify',
    rightOn: 'DeploymentPackage',
    target: (operation) => packageChoiceOf(operation).id,
    rightOf: (operation) => {
      const choice = packageChoiceOf(operation);
      return choice.kind === 'new'
        ? 'Create on Deployment Packages'
        : `Modify on deployment package ${choice.id ?? ''}`;
    },
    ...deploymentPackages,
  },
  'update-deployment-package': {
    action: fixed('Modify deployment package'),
    objectType: 'Deployment Package',
    right: 'Modify',
    rightOn: 'DeploymentPackage',
    target: byId('id'),
    ...deploymentPackages,
  },
};

/** The package a download names: new or existing, and its id when known. */
function packageChoiceOf(operation: OperationLike): { kind: string; id: string | null } {
  const choice = operation.deploymentPackage as { kind?: unknown; id?: unknown } | null | undefined;
  return {
    kind: choice?.kind === 'new' ? 'new' : 'existing',
    id: typeof choice?.id === 'string' ? choice.id : null,
  };
}

/** The operation types the table knows; a type of Operation missing here is a compile error in the tests. */
export type AuditedOperationType = Operation['type'];

/**
 * The other objects one operation changes besides its own: a deployment creates or fills a deployment package and
 * may save its settings as a template. Each is an entry of its own, with its own right.
 */
export function relatedChanges(
  operation: OperationLike,
  before: SiteWorld,
  after: SiteWorld,
): Array<{ type: string; id: string | null }> {
  if (operation.type !== 'create-deployment') return [];
  const related: Array<{ type: string; id: string | null }> = [];
  const choice = operation.deploymentPackage as { kind?: unknown; id?: unknown } | null | undefined;
  if (choice?.kind === 'new') {
    const id = typeof choice.id === 'string' ? choice.id : deploymentPackages.created?.(before, after);
    related.push({ type: 'create-deployment-package', id: id ?? null });
  } else if (choice?.kind === 'existing' && typeof choice.id === 'string') {
    related.push({ type: 'add-to-deployment-package', id: choice.id });
  }
  const saved = operation.saveAsTemplate as { id?: unknown } | null | undefined;
  if (saved) {
    const id = typeof saved.id === 'string' ? saved.id : templates.created?.(before, after);
    related.push({ type: 'create-deployment-template', id: id ?? null });
  }
  return related;
}

/** What a grant or revoke names: whose rights, on which object type, on the class (null) or on these objects. */
function rightsRequestOf(operation: OperationLike) {
  const objectType = objectTypeSchema.safeParse(operation.objectType);
  const ids = operation.instanceIds;
  return {
    account: textField(operation, 'account') ?? 'unknown',
    objectType: objectType.success ? objectType.data : null,
    instanceIds: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : null,
    rights: Array.isArray(operation.rights) ? operation.rights.filter((right) => typeof right === 'string') : [],
  };
}

/** One account's rights on one object type (an index of those grants only: a site holds 50,000 instance rights). */
function rightsOf(world: SiteWorld, account: string, objectType: ObjectType): RightsIndex {
  const grants = world.configMgr?.grants ?? [];
  return new RightsIndex(grants.filter((grant) => grant.account === account && grant.objectType === objectType));
}

/** "Deployment Templates (class)", "deployment template DT000001", "3 software updates". */
function rightsPlace(objectType: ObjectType, instanceIds: readonly string[] | null): string {
  const names = OBJECT_TYPE_NAMES[objectType];
  if (instanceIds === null) return `${names.plural} (class)`;
  if (instanceIds.length === 1) return `${names.singular} ${instanceIds[0] ?? ''}`;
  return `${instanceIds.length} ${names.plural.toLowerCase()}`;
}

/**
 * Granting or revoking rights (Security Rights): the object is what the rights are on, Before and After are the
 * rights the account holds there, and the right used is Administer, or Delegate for one who holds only that.
 */
function securityRightsRule(verb: 'Grant' | 'Revoke'): AuditRule {
  return {
    action: (operation) => {
      const request = rightsRequestOf(operation);
      const rights = request.rights.join(', ');
      return `${verb} ${rights === '' ? 'rights' : rights} ${verb === 'Grant' ? 'to' : 'from'} ${request.account}`;
    },
    objectType: 'Security Rights',
    right: 'Administer',
    rightOn: 'Site',
    target: (operation) => {
      const { instanceIds } = rightsRequestOf(operation);
      return instanceIds === null ? null : instanceIds.slice(0, 10).join(', ');
    },
    find: (world, _id, operation) => {
      const request = rightsRequestOf(operation);
      if (!world.configMgr || !request.objectType) return undefined;
      const type = request.objectType;
      const index = rightsOf(world, request.account, type);
      const held = (id: string | null) =>
        id === null
          ? RIGHTS.filter((right) => index.hasClassRight(request.account, type, right))
          : index.rightsOn(request.account, type, id);
      const places = request.instanceIds === null ? [null] : request.instanceIds.slice(0, 10);
      return {
        name: rightsPlace(type, request.instanceIds),
        fields: {
          account: request.account,
          rights:
            places.length === 1
              ? held(places[0] ?? null)
              : Object.fromEntries(places.map((id) => [id ?? 'class', held(id)])),
        },
      };
    },
    rightOf: (operation, before) => {
      const request = rightsRequestOf(operation);
      if (!request.objectType) return 'Administer';
      const by = textField(operation, 'by') ?? '';
      const type = request.objectType;
      const index = before.configMgr ? rightsOf(before, by, type) : null;
      const administers = (request.instanceIds ?? [null]).every((id) =>
        id === null ? index?.hasClassRight(by, type, 'Administer') : index?.hasRight(by, type, id, 'Administer'),
      );
      const place =
        request.instanceIds === null ? OBJECT_TYPE_NAMES[type].plural : rightsPlace(type, request.instanceIds);
      return `${administers ? 'Administer' : 'Delegate'} on ${place}`;
    },
    guardOf: (operation) => {
      const request = rightsRequestOf(operation);
      return {
        objectType: request.objectType ?? 'Site',
        id: request.objectType ? (request.instanceIds?.[0] ?? null) : 'CEN',
      };
    },
  };
}
