import { CLASSIFICATIONS, type SoftwareUpdate } from '../model/software-update';
import type {
  Collection,
  Deployment,
  DeploymentPackage,
  SearchFolder,
  Sms2003Advertisement,
  UpdateList,
} from '../model/site-objects';
import { searchFolderMatcher } from '../search-folders/search-folder-criteria';
import type { ResourceName } from '../query/resources';
import type { SiteState } from '../site-state';
import { slugify } from '../text';

export type NodeKind =
  | 'root'
  | 'site-database'
  | 'container'
  | 'collections'
  | 'packages'
  | 'software-updates'
  | 'update-repository'
  | 'search-folders'
  | 'search-folder'
  | 'classification-folder'
  | 'vendor-folder'
  | 'product-folder'
  | 'update-lists'
  | 'update-list'
  | 'deployment-templates'
  | 'deployment-management'
  | 'deployment'
  | 'deployment-software-updates'
  | 'sms2003-advertisements'
  | 'deployment-packages'
  | 'deployment-package'
  | 'deployment-package-access-accounts'
  | 'deployment-package-distribution-points'
  | 'deployment-package-software-updates'
  | 'sms2003-advertisement'
  | 'site-management'
  | 'setup-log'
  | 'migration-report'
  | 'sms2003-root'
  | 'sms2003-software-updates'
  | 'sms2003-advertisements-list'
  | 'collection'
  | 'advertisements'
  | 'site'
  | 'site-systems'
  | 'system-status'
  | 'status-messages'
  | 'audit-log'
  | 'hidden-software-updates'
  | 'security-rights'
  | 'reports';

/** A node of the console tree. Its id is the path the console shows in its URL. */
export interface ConsoleNode {
  id: string;
  name: string;
  kind: NodeKind;
  /** The objects the node lists in the results pane; null for a node that only holds other nodes. */
  resource: ResourceName | null;
  children: ConsoleNode[];
}

export const NODE_IDS = {
  root: 'root',
  siteDatabase: 'site-database',
  computerManagement: 'computer-management',
  collections: 'collections',
  softwareDistribution: 'software-distribution',
  packages: 'software-distribution/packages',
  advertisements: 'software-distribution/advertisements',
  centralSite: 'site-management/cen',
  siteSettings: 'site-management/cen/site-settings',
  siteSystems: 'site-management/cen/site-settings/site-systems',
  securityRights: 'site-management/cen/security-rights',
  systemStatus: 'system-status',
  statusMessages: 'system-status/status-messages',
  auditLog: 'system-status/audit-log',
  hiddenSoftwareUpdates: 'software-updates/update-repository/hidden-software-updates',
  softwareUpdates: 'software-updates',
  updateRepository: 'software-updates/update-repository',
  searchFolders: 'software-updates/update-repository/search-folders',
  wsusInfrastructureUpdates: 'software-updates/update-repository/wsus-infrastructure-updates',
  updateLists: 'software-updates/update-lists',
  deploymentTemplates: 'software-updates/deployment-templates',
  deploymentManagement: 'software-updates/deployment-management',
  sms2003Advertisements: 'software-updates/deployment-management/sms-2003-advertisements',
  deploymentPackages: 'software-updates/deployment-packages',
  siteManagement: 'site-management',
  setupLog: 'site-management/configmgr-setup-log',
  migrationReport: 'site-management/migration-report',
  sms2003Root: 'sms2003',
  sms2003SiteDatabase: 'sms2003/site-database',
  sms2003SiteHierarchy: 'sms2003/site-hierarchy',
  sms2003Collections: 'sms2003/collections',
  sms2003Packages: 'sms2003/packages',
  sms2003SiteAdvertisements: 'sms2003/advertisements',
  sms2003SoftwareUpdates: 'sms2003/software-updates',
  reporting: 'reporting',
  reports: 'reporting/reports',
} as const;

/** The node a first visit opens. */
export const DEFAULT_NODE_ID = NODE_IDS.updateRepository;

/** The node the console opens for a site in this phase: SMS 2003's Software Updates, or Update Repository. */
export function defaultNodeFor(phase: SiteState['phase']): string {
  return phase === 'sms2003' ? NODE_IDS.sms2003SoftwareUpdates : NODE_IDS.updateRepository;
}

/** The always-present folder of updates to WSUS itself ("cannot be disabled"). */
const WSUS_INFRASTRUCTURE_PRODUCT = 'Windows Server Update Services';

const leaf = (id: string, name: string, kind: NodeKind, resource: ResourceName | null): ConsoleNode => ({
  id,
  name,
  kind,
  resource,
  children: [],
});

/** The console tree node of a collection: a child of Collections that lists its members. */
export function collectionNodeId(collectionId: string): string {
  return `${NODE_IDS.collections}/${collectionId}`;
}

/** The collection a node id names, or null when the node is not a collection's. */
export function collectionIdOfNode(nodeId: string): string | null {
  const prefix = `${NODE_IDS.collections}/`;
  if (!nodeId.startsWith(prefix)) return null;
  const id = nodeId.slice(prefix.length);
  return id !== '' && !id.includes('/') ? id : null;
}

/** The console tree node of a search folder: a child of Search Folders that lists the updates matching it. */
export function searchFolderNodeId(folderId: string): string {
  return `${NODE_IDS.searchFolders}/${folderId}`;
}

/** The search folder a node id names, or null when the node is not a search folder's. */
export function searchFolderIdOfNode(nodeId: string): string | null {
  const prefix = `${NODE_IDS.searchFolders}/`;
  if (!nodeId.startsWith(prefix)) return null;
  const id = nodeId.slice(prefix.length);
  return id !== '' && !id.includes('/') ? id : null;
}

/**
 * The objects the caller may read, of the types that have a node each. A type left out has no nodes of its own.
 * The console layer's object nodes (an update list's, a deployment's, a package's) are built by functions beside
 * this file, one per object type, from these.
 */
export interface ReadableObjects {
  updates: Iterable<SoftwareUpdate>;
  searchFolders?: readonly SearchFolder[];
  collections?: ReadonlyArray<Pick<Collection, 'id' | 'name'>>;
  updateLists?: readonly UpdateList[];
  deployments?: readonly Deployment[];
  deploymentPackages?: readonly DeploymentPackage[];
  sms2003Advertisements?: readonly Sms2003Advertisement[];
}

/**
 * The console tree as the product names it, with Update Repository's classification > vendor > product folders
 * derived from the updates the caller may read (a folder never reveals an update the caller may not see), and the
 * search folders the caller may read under Search Folders.
 */
export function buildConsoleTree(state: SiteState, readable: ReadableObjects): ConsoleNode {
  const readableUpdates = readable.updates;
  const readableSearchFolders = readable.searchFolders ?? [];
  const readableCollections = readable.collections ?? [];
  const central = state.sites.find((site) => site.parentCode === null) ?? state.sites[0];
  const siteLabel = central ? `${central.code} - ${central.name}` : 'Site';
  if (state.phase === 'sms2003') return sms2003ConsoleTree(siteLabel);
  return {
    ...leaf(NODE_IDS.root, 'System Center Configuration Manager', 'root', null),
    children: [
      {
        ...leaf(NODE_IDS.siteDatabase, `Site Database (${siteLabel})`, 'site-database', null),
        children: [
          {
            ...leaf(NODE_IDS.siteManagement, 'Site Management', 'site-management', 'sites'),
            children: [
              {
                ...leaf(NODE_IDS.centralSite, siteLabel, 'site', null),
                children: [
                  {
                    ...leaf(NODE_IDS.siteSettings, 'Site Settings', 'container', null),
                    children: [leaf(NODE_IDS.siteSystems, 'Site Systems', 'site-systems', 'site-systems')],
                  },
                  leaf(NODE_IDS.securityRights, 'Security Rights', 'security-rights', 'security-rights'),
                ],
              },
              leaf(NODE_IDS.setupLog, 'ConfigMgrSetup.log', 'setup-log', 'setup-log'),
              leaf(NODE_IDS.migrationReport, 'Migration Report', 'migration-report', 'migration-report'),
            ],
          },
          {
            ...leaf(NODE_IDS.computerManagement, 'Computer Management', 'container', null),
            children: [
              {
                ...leaf(NODE_IDS.collections, 'Collections', 'collections', 'collections'),
                children: [...readableCollections]
                  .sort((a, b) => a.name.localeCompare(b.name, 'en-US'))
                  .map((collection) => leaf(collectionNodeId(collection.id), collection.name, 'collection', 'clients')),
              },
              {
                ...leaf(NODE_IDS.softwareDistribution, 'Software Distribution', 'container', null),
                children: [
                  leaf(NODE_IDS.packages, 'Packages', 'packages', 'packages'),
                  leaf(NODE_IDS.advertisements, 'Advertisements', 'advertisements', 'advertisements'),
                ],
              },
              {
                ...leaf(NODE_IDS.softwareUpdates, 'Software Updates', 'software-updates', 'software-updates'),
                children: [
                  {
                    ...leaf(NODE_IDS.updateRepository, 'Update Repository', 'update-repository', 'software-updates'),
                    children: [
                      {
                        ...leaf(NODE_IDS.searchFolders, 'Search Folders', 'search-folders', 'search-folders'),
                        children: searchFolderNodes(readableSearchFolders),
                      },
                      leaf(
                        NODE_IDS.hiddenSoftwareUpdates,
                        'Hidden Software Updates',
                        'hidden-software-updates',
                        'software-updates',
                      ),
                      ...classificationFolders(readableUpdates),
                    ],
                  },
                  {
                    ...leaf(NODE_IDS.updateLists, 'Update Lists', 'update-lists', 'update-lists'),
                    children: updateListNodes(readable.updateLists ?? []),
                  },
                  leaf(
                    NODE_IDS.deploymentTemplates,
                    'Deployment Templates',
                    'deployment-templates',
                    'deployment-templates',
                  ),
                  {
                    ...leaf(
                      NODE_IDS.deploymentManagement,
                      'Deployment Management',
                      'deployment-management',
                      'deployments',
                    ),
                    children: [
                      ...deploymentNodes(readable.deployments ?? []),
                      {
                        ...leaf(
                          NODE_IDS.sms2003Advertisements,
                          'SMS 2003 Advertisements',
                          'sms2003-advertisements',
                          'sms2003-advertisements',
                        ),
                        children: sms2003AdvertisementNodes(readable.sms2003Advertisements ?? []),
                      },
                    ],
                  },
                  {
                    ...leaf(
                      NODE_IDS.deploymentPackages,
                      'Deployment Packages',
                      'deployment-packages',
                      'deployment-packages',
                    ),
                    children: deploymentPackageNodes(readable.deploymentPackages ?? []),
                  },
                ],
              },
              {
                // Reporting > Reports: the software updates reports (src/domain/reports), served by the reporting point.
                ...leaf(NODE_IDS.reporting, 'Reporting', 'container', null),
                children: [leaf(NODE_IDS.reports, 'Reports', 'reports', 'reports')],
              },
            ],
          },
          {
            ...leaf(NODE_IDS.systemStatus, 'System Status', 'system-status', null),
            children: [
              leaf(NODE_IDS.statusMessages, 'Status Messages', 'status-messages', 'status-messages'),
              // Every change and every refused attempt, by administrator, right and object (a node of this console).
              leaf(NODE_IDS.auditLog, 'Audit Log', 'audit-log', 'audit-log'),
            ],
          },
        ],
      },
    ],
  };
}

/**
 * Before the upgrade there is no Configuration Manager yet: the SMS 2003 Administrator Console's tree, read-only.
 */
function sms2003ConsoleTree(siteLabel: string): ConsoleNode {
  return {
    ...leaf(NODE_IDS.sms2003Root, 'Systems Management Server', 'sms2003-root', null),
    children: [
      {
        ...leaf(NODE_IDS.sms2003SiteDatabase, `Site Database (${siteLabel})`, 'site-database', null),
        children: [
          leaf(NODE_IDS.sms2003SiteHierarchy, 'Site Hierarchy', 'site-management', 'sites'),
          leaf(NODE_IDS.sms2003Collections, 'Collections', 'collections', 'collections'),
          leaf(NODE_IDS.sms2003Packages, 'Packages', 'packages', 'packages'),
          leaf(
            NODE_IDS.sms2003SiteAdvertisements,
            'Advertisements',
            'sms2003-advertisements-list',
            'sms2003-advertisements',
          ),
          leaf(NODE_IDS.sms2003SoftwareUpdates, 'Software Updates', 'sms2003-software-updates', 'software-updates'),
        ],
      },
    ],
  };
}

// Object nodes: each object type's nodes (and, in OBJECT_NODE_FILTERS, the filter of the updates they list).

/** Each update list under Update Lists. */
function updateListNodes(lists: readonly UpdateList[]): ConsoleNode[] {
  return [...lists]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-US') || a.id.localeCompare(b.id, 'en-US'))
    .map((list) => leaf(updateListNodeId(list.id), list.name, 'update-list', 'software-updates'));
}

/** The console tree node of an update list: a child of Update Lists that lists its software updates. */
export function updateListNodeId(listId: string): string {
  return `${NODE_IDS.updateLists}/${listId}`;
}

/** The update list a node id names, or null when the node is not an update list's. */
export function updateListIdOfNode(nodeId: string): string | null {
  const prefix = `${NODE_IDS.updateLists}/`;
  if (!nodeId.startsWith(prefix)) return null;
  const id = nodeId.slice(prefix.length);
  return id !== '' && !id.includes('/') ? id : null;
}

/** An update list's node lists the updates it holds (hidden ones excepted, as every node but Hidden Software Updates). */
const updateListNodeFilter: ObjectNodeFilter = (nodeId, site) => {
  const listId = updateListIdOfNode(nodeId);
  if (listId === null) return undefined;
  const list = site.updateLists?.find((candidate) => candidate.id === listId);
  if (!list) return null;
  const held = new Set(list.updateIds);
  return (update) => !update.hidden && held.has(update.id);
};

/** Each deployment under Deployment Management, with its Software Updates child. */
function deploymentNodes(deployments: readonly Deployment[]): ConsoleNode[] {
  return [...deployments]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-US') || Number(a.id) - Number(b.id))
    .map((deployment) => ({
      ...leaf(deploymentNodeId(deployment.id), deployment.name, 'deployment', null),
      children: [
        leaf(
          deploymentUpdatesNodeId(deployment.id),
          'Software Updates',
          'deployment-software-updates',
          'software-updates',
        ),
      ],
    }));
}

/** The console tree node of a deployment (Deployment Management > <deployment name>): it holds its Software Updates. */
export function deploymentNodeId(deploymentId: string): string {
  return `${NODE_IDS.deploymentManagement}/${deploymentId}`;
}

/** A deployment's Software Updates node: the software updates the deployment holds. */
export function deploymentUpdatesNodeId(deploymentId: string): string {
  return `${deploymentNodeId(deploymentId)}/software-updates`;
}

/** The deployment a deployment's node names, or null when the node is not a deployment's. */
export function deploymentIdOfNode(nodeId: string): string | null {
  const prefix = `${NODE_IDS.deploymentManagement}/`;
  if (!nodeId.startsWith(prefix)) return null;
  const id = nodeId.slice(prefix.length);
  return /^\d{1,9}$/.test(id) ? id : null;
}

/** The deployment whose Software Updates node this is, or null when it is not one. */
export function deploymentIdOfUpdatesNode(nodeId: string): string | null {
  const suffix = '/software-updates';
  return nodeId.endsWith(suffix) ? deploymentIdOfNode(nodeId.slice(0, -suffix.length)) : null;
}

/** A deployment's Software Updates node lists the updates it holds (hidden ones excepted, as every other node). */
const deploymentUpdatesNodeFilter: ObjectNodeFilter = (nodeId, site) => {
  const deploymentId = deploymentIdOfUpdatesNode(nodeId);
  if (deploymentId === null) return undefined;
  const deployment = site.deployments?.find((candidate) => candidate.id === deploymentId);
  if (!deployment) return null;
  const held = new Set(deployment.updateIds);
  return (update) => !update.hidden && held.has(update.id);
};

/** Each migrated advertisement under SMS 2003 Advertisements: its node lists the advertisement's software updates. */
function sms2003AdvertisementNodes(advertisements: readonly Sms2003Advertisement[]): ConsoleNode[] {
  return [...advertisements]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-US') || a.id.localeCompare(b.id, 'en-US'))
    .map((advertisement) =>
      leaf(
        sms2003AdvertisementNodeId(advertisement.id),
        advertisement.name,
        'sms2003-advertisement',
        'software-updates',
      ),
    );
}

/** The console tree node of a migrated SMS 2003 advertisement. */
export function sms2003AdvertisementNodeId(advertisementId: string): string {
  return `${NODE_IDS.sms2003Advertisements}/${advertisementId}`;
}

/** The migrated advertisement a node id names, or null when the node is not one's. */
export function sms2003AdvertisementIdOfNode(nodeId: string): string | null {
  const prefix = `${NODE_IDS.sms2003Advertisements}/`;
  if (!nodeId.startsWith(prefix)) return null;
  const id = nodeId.slice(prefix.length);
  return id !== '' && !id.includes('/') ? id : null;
}

/** A migrated advertisement's node lists its updates (hidden ones included: the clean-up script keeps them visible). */
const sms2003AdvertisementNodeFilter: ObjectNodeFilter = (nodeId, site) => {
  const advertisementId = sms2003AdvertisementIdOfNode(nodeId);
  if (advertisementId === null) return undefined;
  const advertisement = site.sms2003Advertisements?.find((candidate) => candidate.id === advertisementId);
  if (!advertisement) return null;
  const held = new Set(advertisement.updateIds);
  return (update) => held.has(update.id);
};

/** The children of a deployment package's node, as the product names them. */
export const DEPLOYMENT_PACKAGE_CHILDREN = {
  'access-accounts': { name: 'Access Accounts', kind: 'deployment-package-access-accounts' },
  'distribution-points': { name: 'Distribution Points', kind: 'deployment-package-distribution-points' },
  'software-updates': { name: 'Software Updates', kind: 'deployment-package-software-updates' },
} as const;
export type DeploymentPackageChild = keyof typeof DEPLOYMENT_PACKAGE_CHILDREN;

/** The console tree node of a deployment package, or of one of its children. */
export function deploymentPackageNodeId(packageId: string, child?: DeploymentPackageChild): string {
  return `${NODE_IDS.deploymentPackages}/${packageId}${child ? `/${child}` : ''}`;
}

/** The package (and child) a node id names, or null when the node is not a deployment package's. */
export function deploymentPackageOfNode(
  nodeId: string,
): { packageId: string; child: DeploymentPackageChild | null } | null {
  const prefix = `${NODE_IDS.deploymentPackages}/`;
  if (!nodeId.startsWith(prefix)) return null;
  const [packageId, child, ...rest] = nodeId.slice(prefix.length).split('/');
  if (!packageId || rest.length > 0) return null;
  if (child === undefined) return { packageId, child: null };
  return child in DEPLOYMENT_PACKAGE_CHILDREN ? { packageId, child: child as DeploymentPackageChild } : null;
}

/** Each deployment package with its Access Accounts, Distribution Points and Software Updates children. */
function deploymentPackageNodes(packages: readonly DeploymentPackage[]): ConsoleNode[] {
  const resources: Record<DeploymentPackageChild, ResourceName> = {
    'access-accounts': 'deployment-package-access-accounts',
    'distribution-points': 'deployment-package-distribution-points',
    'software-updates': 'software-updates',
  };
  return [...packages]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-US') || a.id.localeCompare(b.id, 'en-US'))
    .map((pkg) => ({
      ...leaf(deploymentPackageNodeId(pkg.id), pkg.name, 'deployment-package', null),
      children: (Object.keys(DEPLOYMENT_PACKAGE_CHILDREN) as DeploymentPackageChild[]).map((child) =>
        leaf(
          deploymentPackageNodeId(pkg.id, child),
          DEPLOYMENT_PACKAGE_CHILDREN[child].name,
          DEPLOYMENT_PACKAGE_CHILDREN[child].kind,
          resources[child],
        ),
      ),
    }));
}

/** A package's Software Updates node lists the updates whose content is in it. */
const deploymentPackageNodeFilter: ObjectNodeFilter = (nodeId, site) => {
  const named = deploymentPackageOfNode(nodeId);
  if (named === null) return undefined;
  const pkg = site.deploymentPackages?.find((candidate) => candidate.id === named.packageId);
  if (!pkg || named.child !== 'software-updates') return null;
  const held = new Set(pkg.updateIds);
  return (update) => held.has(update.id);
};

function searchFolderNodes(folders: readonly SearchFolder[]): ConsoleNode[] {
  return [...folders]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-US') || a.id.localeCompare(b.id, 'en-US'))
    .map((folder) => leaf(searchFolderNodeId(folder.id), folder.name, 'search-folder', 'software-updates'));
}

function classificationFolders(updates: Iterable<SoftwareUpdate>): ConsoleNode[] {
  // classification -> vendor -> products
  const tree = new Map<string, Map<string, Set<string>>>();
  for (const update of updates) {
    if (update.hidden || update.product === WSUS_INFRASTRUCTURE_PRODUCT) continue;
    let vendors = tree.get(update.classification);
    if (!vendors) tree.set(update.classification, (vendors = new Map()));
    let products = vendors.get(update.vendor);
    if (!products) vendors.set(update.vendor, (products = new Set()));
    products.add(update.product);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'en-US');
  const folders = CLASSIFICATIONS.filter((classification) => tree.has(classification)).map((classification) => {
    const classificationId = `${NODE_IDS.updateRepository}/${slugify(classification)}`;
    const vendors = tree.get(classification) as Map<string, Set<string>>;
    return {
      ...leaf(classificationId, classification, 'classification-folder', 'software-updates'),
      children: [...vendors.keys()].sort(byName).map((vendor) => {
        const vendorId = `${classificationId}/${slugify(vendor)}`;
        return {
          ...leaf(vendorId, vendor, 'vendor-folder', 'software-updates'),
          children: [...(vendors.get(vendor) as Set<string>)]
            .sort(byName)
            .map((product) => leaf(`${vendorId}/${slugify(product)}`, product, 'product-folder', 'software-updates')),
        };
      }),
    };
  });
  folders.push(
    leaf(
      NODE_IDS.wsusInfrastructureUpdates,
      'WSUS Infrastructure Updates',
      'classification-folder',
      'software-updates',
    ),
  );
  return folders;
}

interface TreeShape<N> {
  id: string;
  children: N[];
}

export function findNode<N extends TreeShape<N>>(root: N, id: string): N | undefined {
  if (root.id === id) return root;
  for (const child of root.children) {
    const found = findNode(child, id);
    if (found) return found;
  }
  return undefined;
}

/** The path of nodes from the root to the node with this id (the root first), or [] when there is none. */
export function pathToNode<N extends TreeShape<N>>(root: N, id: string): N[] {
  if (root.id === id) return [root];
  for (const child of root.children) {
    const path = pathToNode(child, id);
    if (path.length > 0) return [root, ...path];
  }
  return [];
}

/** What a node's filter may read of the site: search folders and the clock, and the objects that hold updates. */
export type NodeFilterSite = Pick<SiteState, 'searchFolders' | 'clock'> &
  Partial<Pick<SiteState, 'updateLists' | 'deployments' | 'deploymentPackages' | 'sms2003Advertisements'>>;

/**
 * The software updates an object's node lists (an update list's, a deployment's Software Updates, ...): each returns
 * undefined for a node that is not its own, null for its own kind of node naming an object the site does not have.
 */
export type ObjectNodeFilter = (
  nodeId: string,
  site: NodeFilterSite,
) => ((update: SoftwareUpdate) => boolean) | null | undefined;

const OBJECT_NODE_FILTERS: ObjectNodeFilter[] = [
  updateListNodeFilter,
  deploymentUpdatesNodeFilter,
  sms2003AdvertisementNodeFilter,
  deploymentPackageNodeFilter,
];

/**
 * Which software updates a node lists. Hidden updates (the LEGACY clean-up script) are listed by no node.
 * A search folder's node lists the updates that match its criteria now, on the site clock (search folders are
 * dynamic: the criteria run again every time the folder is opened).
 * Returns null for a node id that is not a software updates node, or a search folder the site does not have.
 */
export function softwareUpdateFilterForNode(
  nodeId: string,
  site: NodeFilterSite = { searchFolders: [], clock: '' },
): ((update: SoftwareUpdate) => boolean) | null {
  const visible = (update: SoftwareUpdate) => !update.hidden;
  for (const objectNodeFilter of OBJECT_NODE_FILTERS) {
    const filter = objectNodeFilter(nodeId, site);
    if (filter !== undefined) return filter;
  }
  const folderId = searchFolderIdOfNode(nodeId);
  if (folderId !== null) {
    const folder = site.searchFolders.find((candidate) => candidate.id === folderId);
    if (!folder) return null;
    const matches = searchFolderMatcher(folder.criteria, site.clock);
    return (update) => visible(update) && matches(update);
  }
  if (
    nodeId === NODE_IDS.softwareUpdates ||
    nodeId === NODE_IDS.updateRepository ||
    nodeId === NODE_IDS.sms2003SoftwareUpdates
  ) {
    return visible;
  }
  if (nodeId === NODE_IDS.hiddenSoftwareUpdates) {
    // The updates the LEGACY clean-up script hides, which no other node lists.
    return (update) => update.hidden;
  }
  if (nodeId === NODE_IDS.wsusInfrastructureUpdates) {
    return (update) => visible(update) && update.product === WSUS_INFRASTRUCTURE_PRODUCT;
  }
  const prefix = `${NODE_IDS.updateRepository}/`;
  if (!nodeId.startsWith(prefix)) return null;
  const [classificationSlug, vendorSlug, productSlug, ...rest] = nodeId.slice(prefix.length).split('/');
  const classification = CLASSIFICATIONS.find((candidate) => slugify(candidate) === classificationSlug);
  if (!classification || rest.length > 0) return null;
  return (update) =>
    visible(update) &&
    update.product !== WSUS_INFRASTRUCTURE_PRODUCT &&
    update.classification === classification &&
    (vendorSlug === undefined || slugify(update.vendor) === vendorSlug) &&
    (productSlug === undefined || slugify(update.product) === productSlug);
}
