import {
  collectionIdOfNode,
  deploymentIdOfUpdatesNode,
  searchFolderIdOfNode,
  softwareUpdateFilterForNode,
  updateListIdOfNode,
} from '@/domain/console-tree/console-tree';
import { whyCannotOnUpdateList, whyCannotSeeUpdateLists } from '@/domain/update-lists/update-list-rights';
import type { UpdateList } from '@/domain/model/site-objects';
import type { ListQuery } from '@/domain/contract/api-contract';
import { filterByLookFor, parseSort, selectAndSort } from '@/domain/query/list-query';
import { fieldOf, RESOURCES, type Identified, type ResourceName } from '@/domain/query/resources';
import {
  canOpenNodeOfType,
  canRead,
  missingReadOnTypeMessage,
  missingRightOnObjectMessage,
  OBJECT_TYPE_NAMES,
  readableCollectionOfClient,
} from '@/domain/rights/rights';
import type { SoftwareUpdate } from '@/domain/model/software-update';
import type { SearchFolder } from '@/domain/model/site-objects';
import { whyCannotOnSearchFolder, whyCannotSeeSearchFolders } from '@/domain/search-folders/search-folder-rights';
import type { ObjectType } from '@/domain/rights/rights';
import type { Backend } from './backend';
import { packageChildFilter, requireObjectNodeRead } from './package-node-queries';
import { badRequest, conflict, forbidden } from './errors';

const MAX_CACHED_LISTS = 24;
const byIdCache = new WeakMap<Backend, Map<ResourceName, { version: string; map: Map<string, Identified> }>>();

/** What a resource's items depend on: the site, and for the audit log its refused attempts too. */
function versionOf(backend: Backend, resource: ResourceName): string {
  return resource === 'audit-log' ? `${backend.version}.${backend.auditVersion}` : String(backend.version);
}

/** A resource's items: from the site, or from the lists kept beside it (the audit log). */
function itemsOf(backend: Backend, resource: ResourceName): readonly Identified[] {
  return RESOURCES[resource].items(backend.state, backend.listSources);
}

/** The objects of a resource by id, rebuilt when the site changes. */
export function objectById(backend: Backend, resource: ResourceName, id: string): Identified | undefined {
  let maps = byIdCache.get(backend);
  if (!maps) byIdCache.set(backend, (maps = new Map()));
  const version = versionOf(backend, resource);
  let entry = maps.get(resource);
  if (!entry || entry.version !== version) {
    // A loop rather than a map() to pairs: 50,000 updates made 50,000 short-lived arrays for the collector.
    const map = new Map<string, Identified>();
    for (const item of itemsOf(backend, resource)) map.set(item.id, item);
    entry = { version, map };
    maps.set(resource, entry);
  }
  return entry.map.get(id);
}

/** Refuses a node whose object type the administrator holds no Read right on, class or instance. */
export function requireNodeRead(backend: Backend, account: string, resource: ResourceName) {
  const { objectType, configMgrOnly } = RESOURCES[resource];
  if (configMgrOnly && backend.state.phase === 'sms2003') {
    const what = RESOURCES[resource].noun ?? `${OBJECT_TYPE_NAMES[objectType].singular}s`;
    throw conflict(
      `Site CEN still runs SMS 2003 SP3: there are no ${what} until Setup has upgraded it to Configuration Manager 2007.`,
      'site-not-upgraded',
    );
  }
  if (!canOpenNodeOfType(backend.rights, account, objectType)) {
    throw forbidden(missingReadOnTypeMessage(account, objectType));
  }
}

/**
 * A window of a node's list: only objects the administrator may read, narrowed by the node (Update Repository
 * folders) and "Look for", sorted on the server. The ordered ids are cached per site version, so scrolling a list
 * costs a slice, not a sort.
 */
export function listWindow(backend: Backend, account: string, resource: ResourceName, query: ListQuery) {
  const def = RESOURCES[resource];
  requireNodeRead(backend, account, resource);
  const sortText = query.sort ?? def.defaultSort;
  const sort = parseSort(sortText);
  if (!sort || !fieldOf(def, sort.field)) {
    throw badRequest('sort', `sort: "${sort?.field ?? sortText}" is not a column of ${resource}`);
  }
  if (query.searchIn !== 'all' && !fieldOf(def, query.searchIn)) {
    throw badRequest(
      'searchIn',
      `searchIn: "${query.searchIn}" is not a column of ${resource}; use "all" or a column key`,
    );
  }
  let nodeFilter: ((item: Identified) => boolean) | null = null;
  if (resource === 'software-updates') {
    const node = query.node ?? 'software-updates/update-repository';
    const folderId = searchFolderIdOfNode(node);
    if (folderId !== null) requireSearchFolderRead(backend, account, folderId, node);
    const updateListId = updateListIdOfNode(node);
    if (updateListId !== null) requireUpdateListRead(backend, account, updateListId, node);
    const deploymentId = deploymentIdOfUpdatesNode(node);
    if (deploymentId !== null) requireDeploymentRead(backend, account, deploymentId, node);
    // A deployment package's or a migrated advertisement's node needs Read on it (src/server/package-node-queries.ts).
    requireObjectNodeRead(backend, account, node);
    const filter = softwareUpdateFilterForNode(node, backend.state);
    if (!filter) throw badRequest('node', `node: "${node}" is not a node that lists software updates`);
    nodeFilter = filter as (item: Identified) => boolean;
  }
  if (resource === 'clients') nodeFilter = collectionMembersFilter(backend, account, query.node);
  nodeFilter = packageChildFilter(backend, account, resource, query.node) ?? nodeFilter;
  // A list in order is kept per site version, administrator, node and sort; a search filters the whole list of its
  // node (kept too), so a Find Now costs a scan of the search text, not the rights and node checks of every object.
  const keyOf = (q: string) =>
    [
      versionOf(backend, resource),
      account,
      resource,
      query.node ?? '',
      q,
      q === '' ? '' : query.searchIn,
      sortText,
    ].join('\u0000');
  const ordered = (q: string): readonly Identified[] => {
    const key = keyOf(q);
    let items = backend.listCache.get(key);
    if (!items) {
      if (q === '') {
        // A collection's members are readable with the collection (checked above), not through All Systems.
        const include = (item: Identified) =>
          (nodeFilter === null || nodeFilter(item)) &&
          (resource === 'clients' || mayRead(backend, account, resource, item));
        items = selectAndSort(def, itemsOf(backend, resource), { q: '', searchIn: 'all', sort }, include);
      } else {
        items = filterByLookFor(def, ordered(''), q, query.searchIn);
      }
      if (backend.listCache.size >= MAX_CACHED_LISTS) {
        const oldest = backend.listCache.keys().next().value;
        if (oldest !== undefined) backend.listCache.delete(oldest);
      }
      backend.listCache.set(key, items);
    }
    return items;
  };
  const list = ordered(query.q);
  const items = list.slice(query.offset, query.offset + query.limit);
  return { items, total: list.length, offset: query.offset, limit: query.limit };
}

/**
 * A collection's node lists its members, and needs Read on that collection (403 naming it). Without a node, the
 * members of All Systems.
 */
function collectionMembersFilter(backend: Backend, account: string, node: string | undefined) {
  if (node === undefined) {
    // Outside a collection's node, the members of All Systems, to those who may read it (the resource's guard).
    const all = new Set(backend.state.collectionMembers['SMS00001'] ?? []);
    const readable = canRead(backend.rights, account, 'Collection', 'SMS00001');
    return (item: Identified) => readable && all.has(item.id);
  }
  const collectionId = collectionIdOfNode(node);
  if (collectionId === null) throw badRequest('node', `node: "${node}" is not a collection's node`);
  const collection = backend.state.collections.find((candidate) => candidate.id === collectionId);
  if (!collection)
    throw badRequest('node', `node: "${node}" names no collection: there is no collection ${collectionId}`);
  if (!canRead(backend.rights, account, 'Collection', collectionId)) {
    throw forbidden(missingRightOnObjectMessage(account, 'Read', 'Collection', collectionId));
  }
  const members = new Set(backend.state.collectionMembers[collectionId] ?? []);
  return (item: Identified) => members.has(item.id);
}

/**
 * Opening a search folder needs Read on it (403 naming the folder). A folder that does not exist is a bad node (400).
 * A caller with no right on search folders at all is refused before either, and learns nothing about which exist.
 */
function requireSearchFolderRead(backend: Backend, account: string, folderId: string, node: string) {
  requireNodeRead(backend, account, 'search-folders');
  const blind = whyCannotSeeSearchFolders(backend.rights, account);
  if (blind) throw forbidden(blind);
  if (!backend.state.searchFolders.some((candidate) => candidate.id === folderId)) {
    throw badRequest('node', `node: "${node}" names no search folder: there is no search folder with ID ${folderId}`);
  }
  const refused = whyCannotOnSearchFolder(backend.rights, account, folderId, 'Read');
  if (refused) throw forbidden(refused);
}

/**
 * Opening an update list's node needs Read on the list (403 naming it). A list that does not exist is a bad node
 * (400); a caller with no right on update lists at all is refused before either.
 */
function requireUpdateListRead(backend: Backend, account: string, listId: string, node: string) {
  requireNodeRead(backend, account, 'update-lists');
  const blind = whyCannotSeeUpdateLists(backend.rights, account);
  if (blind) throw forbidden(blind);
  if (!backend.state.updateLists.some((candidate) => candidate.id === listId)) {
    throw badRequest('node', `node: "${node}" names no update list: there is no update list with ID ${listId}`);
  }
  const refused = whyCannotOnUpdateList(backend.rights, account, listId, 'Read');
  if (refused) throw forbidden(refused);
}

/** The update lists the administrator may read (each is a node under Update Lists). */
export function readableUpdateLists(backend: Backend, account: string): UpdateList[] {
  return backend.state.updateLists.filter((list) => canRead(backend.rights, account, 'UpdateList', list.id));
}

/**
 * A deployment's Software Updates node needs Read on the deployment (403 naming it); a deployment that does not exist
 * is a bad node (400). A caller with no right on deployments at all is refused before either.
 */
function requireDeploymentRead(backend: Backend, account: string, deploymentId: string, node: string) {
  requireNodeRead(backend, account, 'deployments');
  if (!backend.state.deployments.some((candidate) => candidate.id === deploymentId)) {
    throw badRequest('node', `node: "${node}" names no deployment: there is no deployment with ID ${deploymentId}`);
  }
  if (!canRead(backend.rights, account, 'Deployment', deploymentId)) {
    throw forbidden(missingRightOnObjectMessage(account, 'Read', 'Deployment', deploymentId));
  }
}

/** The search folders the administrator may read (each is a node under Search Folders). */
export function readableSearchFolders(backend: Backend, account: string): SearchFolder[] {
  return backend.state.searchFolders.filter((folder) => canRead(backend.rights, account, 'SearchFolder', folder.id));
}

/** The administrator holds Read on the object that guards the item (the item itself unless its resource says). */
export function mayRead(backend: Backend, account: string, resource: ResourceName, item: Identified): boolean {
  const { visibleTo } = RESOURCES[resource];
  if (visibleTo) return visibleTo(item, account, backend.rights);
  const guard = guardOf(backend, account, resource, item);
  return canRead(backend.rights, account, guard.objectType, guard.id);
}

/**
 * The object whose rights decide whether `item` may be read. A client is guarded by the collections it belongs to:
 * whoever may read one of them sees it (as its node lists it), whatever their rights on All Systems.
 */
export function guardOf(
  backend: Backend,
  account: string,
  resource: ResourceName,
  item: Identified,
): { objectType: ObjectType; id: string } {
  if (resource === 'clients') {
    const readable = readableCollectionOfClient(backend.rights, account, backend.state.collectionMembers, item.id);
    if (readable) return { objectType: 'Collection', id: readable };
  }
  const def = RESOURCES[resource];
  return def.guard ? def.guard(item) : { objectType: def.objectType, id: item.id };
}

/** The software updates the administrator may read (the console tree's folders are built from them). */
export function readableSoftwareUpdates(backend: Backend, account: string): SoftwareUpdate[] {
  return backend.state.softwareUpdates.filter((update) =>
    canRead(backend.rights, account, 'SoftwareUpdate', update.id),
  );
}
