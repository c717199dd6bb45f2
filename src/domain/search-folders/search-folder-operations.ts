import { operationTimeSchema } from '../operations/operation-time';
import { z } from 'zod';
import type { SearchFolder } from '../model/site-objects';
import { RIGHTS_BY_OBJECT_TYPE, type Grant } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import type { SiteState } from '../site-state';
import { describeCriteria, searchFolderCriteriaSchema } from './search-folder-criteria';

export {
  MAX_SEARCH_FOLDER_NAME,
  SEARCH_FOLDER_ID_PATTERN,
  searchFolderNameProblem,
  searchFolderNameSchema,
} from './search-folder-name';
import { SEARCH_FOLDER_ID_PATTERN, searchFolderNameProblem } from './search-folder-name';

export const createSearchFolderOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('create-search-folder'),
  /** Written by the server so the log replays to the same IDs; the next free one when left out. */
  id: z.string().regex(SEARCH_FOLDER_ID_PATTERN).optional(),
  name: z.string(),
  criteria: searchFolderCriteriaSchema,
  /** The administrator who creates it: its owner, who gets every instance right on it. */
  by: z.string(),
});

export const renameSearchFolderOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('rename-search-folder'),
  id: z.string(),
  name: z.string(),
  by: z.string(),
});

export const deleteSearchFolderOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('delete-search-folder'),
  id: z.string(),
  by: z.string(),
});

export type CreateSearchFolderOperation = z.infer<typeof createSearchFolderOperationSchema>;
export type RenameSearchFolderOperation = z.infer<typeof renameSearchFolderOperationSchema>;
export type DeleteSearchFolderOperation = z.infer<typeof deleteSearchFolderOperationSchema>;
export type SearchFolderOperation =
  CreateSearchFolderOperation | RenameSearchFolderOperation | DeleteSearchFolderOperation;

/** Search folders are a Configuration Manager 2007 object type: there are none on the SMS 2003 site. */
export function requireUpgradedForSearchFolders(configMgr: SiteState | null): SiteState {
  if (!configMgr) {
    throw new RuleViolation(
      'site-not-upgraded',
      `Site ${CONTOSO.sites.central.code} still runs SMS 2003 SP3: there are no search folders until Setup has upgraded it to Configuration Manager 2007.`,
    );
  }
  return configMgr;
}

const numberOf = (id: string) => (SEARCH_FOLDER_ID_PATTERN.test(id) ? Number(id.slice(2)) : 0);

/** The highest search folder number ever given on the site, deleted folders included. */
function lastNumber(state: Pick<SiteState, 'searchFolders' | 'lastSearchFolderNumber'>): number {
  return Math.max(state.lastSearchFolderNumber ?? 0, ...state.searchFolders.map((folder) => numberOf(folder.id)));
}

/**
 * The ID the next search folder gets: one past the highest ever given, so a deleted folder's ID (and a link to it)
 * never names another folder.
 */
export function nextSearchFolderId(state: Pick<SiteState, 'searchFolders' | 'lastSearchFolderNumber'>): string {
  return `SF${String(lastNumber(state) + 1).padStart(6, '0')}`;
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

function checkedName(state: SiteState, name: string, owner: string, exceptId: string | null): string {
  const problem = searchFolderNameProblem(name);
  if (problem)
    throw new RuleViolation('search-folder-name-invalid', `The search folder name is not valid: ${problem}.`);
  const trimmed = name.trim();
  const taken = state.searchFolders.find(
    (folder) => folder.owner === owner && folder.id !== exceptId && sameName(folder.name, trimmed),
  );
  if (taken) {
    throw new RuleViolation(
      'search-folder-name-taken',
      `${owner} already has a search folder named "${taken.name}" (${taken.id}). Search folder names are unique per administrator: choose another name.`,
    );
  }
  return trimmed;
}

function folderOf(state: SiteState, id: string): SearchFolder {
  const folder = state.searchFolders.find((candidate) => candidate.id === id);
  if (!folder) throw new RuleViolation('search-folder-not-found', `There is no search folder with ID ${id}.`);
  return folder;
}

function requireAdministrator(state: SiteState, account: string) {
  if (!state.administrators.some((administrator) => administrator.account === account)) {
    throw new RuleViolation('unknown-administrator', `${account} is not an administrator of this site.`);
  }
}

/**
 * Creates a search folder owned by its creator. "Creating an object gives its creator every instance right on it"
 * (the Contoso scenario): the grant is part of the operation, so replaying the log gives it back.
 */
export function createSearchFolder(state: SiteState, operation: CreateSearchFolderOperation): SiteState {
  requireAdministrator(state, operation.by);
  const name = checkedName(state, operation.name, operation.by, null);
  const id = operation.id ?? nextSearchFolderId(state);
  if (state.searchFolders.some((folder) => folder.id === id)) {
    throw new RuleViolation('search-folder-id-taken', `A search folder with ID ${id} already exists.`);
  }
  const folder: SearchFolder = {
    id,
    name,
    owner: operation.by,
    criteria: operation.criteria,
    criteriaText: describeCriteria(operation.criteria),
  };
  const creatorGrant: Grant = {
    account: operation.by,
    objectType: 'SearchFolder',
    instanceIds: [id],
    rights: [...RIGHTS_BY_OBJECT_TYPE.SearchFolder],
  };
  return {
    ...state,
    searchFolders: [...state.searchFolders, folder],
    grants: [...state.grants, creatorGrant],
    lastSearchFolderNumber: Math.max(lastNumber(state), numberOf(id)),
  };
}

/** Renames a search folder; the name stays unique among its owner's folders. */
export function renameSearchFolder(state: SiteState, operation: RenameSearchFolderOperation): SiteState {
  requireAdministrator(state, operation.by);
  const folder = folderOf(state, operation.id);
  const name = checkedName(state, operation.name, folder.owner, folder.id);
  return {
    ...state,
    searchFolders: state.searchFolders.map((candidate) =>
      candidate.id === folder.id ? { ...folder, name } : candidate,
    ),
  };
}

/** Deletes a search folder (never the updates it finds), and the instance rights that named it. */
export function deleteSearchFolder(state: SiteState, operation: DeleteSearchFolderOperation): SiteState {
  requireAdministrator(state, operation.by);
  const folder = folderOf(state, operation.id);
  const grants: Grant[] = [];
  for (const grant of state.grants) {
    if (grant.objectType !== 'SearchFolder' || grant.instanceIds === null || !grant.instanceIds.includes(folder.id)) {
      grants.push(grant);
      continue;
    }
    const instanceIds = grant.instanceIds.filter((id) => id !== folder.id);
    if (instanceIds.length > 0) grants.push({ ...grant, instanceIds });
  }
  return { ...state, searchFolders: state.searchFolders.filter((candidate) => candidate.id !== folder.id), grants };
}

/** Applies a search folder operation to the Configuration Manager site (refused with RuleViolation before Setup). */
export function applySearchFolderOperation(configMgr: SiteState | null, operation: SearchFolderOperation): SiteState {
  const state = requireUpgradedForSearchFolders(configMgr);
  switch (operation.type) {
    case 'create-search-folder':
      return createSearchFolder(state, operation);
    case 'rename-search-folder':
      return renameSearchFolder(state, operation);
    case 'delete-search-folder':
      return deleteSearchFolder(state, operation);
  }
}
