import { z } from 'zod';
import { requireConfigMgrSite } from '../after-upgrade/catalog-rules';
import type { UpdateList } from '../model/site-objects';
import { operationTimeSchema } from '../operations/operation-time';
import { RIGHTS_BY_OBJECT_TYPE, type Grant } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import type { SiteState } from '../site-state';
import {
  UPDATE_LIST_ID_PATTERN,
  updateListDescriptionProblem,
  updateListNameProblem,
  whyUpdatesCannotBeAddedToUpdateList,
} from './update-list-rules';

/**
 * Update lists as log entries: made by the Update List Wizard (a new list, or updates added to one), updates removed
 * from a list's node, renamed or described in Properties, deleted. Each is applied by a pure function here; a rule
 * that refuses throws RuleViolation and leaves the site as it was.
 */

export const createUpdateListOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('create-update-list'),
  /** Written by the server so the log replays to the same IDs; the next free one when left out. */
  id: z.string().regex(UPDATE_LIST_ID_PATTERN).optional(),
  name: z.string(),
  description: z.string(),
  updateIds: z.array(z.string()),
  /** The administrator who creates it, who gets every instance right on it. */
  by: z.string(),
});

export const addUpdatesToUpdateListOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('add-updates-to-update-list'),
  id: z.string(),
  updateIds: z.array(z.string()),
  by: z.string(),
});

export const removeUpdatesFromUpdateListOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('remove-updates-from-update-list'),
  id: z.string(),
  updateIds: z.array(z.string()),
  by: z.string(),
});

export const changeUpdateListOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('change-update-list'),
  id: z.string(),
  name: z.string(),
  description: z.string(),
  by: z.string(),
});

export const deleteUpdateListOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('delete-update-list'),
  id: z.string(),
  by: z.string(),
});

export const UPDATE_LIST_OPERATION_SCHEMAS = [
  createUpdateListOperationSchema,
  addUpdatesToUpdateListOperationSchema,
  removeUpdatesFromUpdateListOperationSchema,
  changeUpdateListOperationSchema,
  deleteUpdateListOperationSchema,
] as const;

export type CreateUpdateListOperation = z.infer<typeof createUpdateListOperationSchema>;
export type AddUpdatesToUpdateListOperation = z.infer<typeof addUpdatesToUpdateListOperationSchema>;
export type RemoveUpdatesFromUpdateListOperation = z.infer<typeof removeUpdatesFromUpdateListOperationSchema>;
export type ChangeUpdateListOperation = z.infer<typeof changeUpdateListOperationSchema>;
export type DeleteUpdateListOperation = z.infer<typeof deleteUpdateListOperationSchema>;
export type UpdateListOperation =
  | CreateUpdateListOperation
  | AddUpdatesToUpdateListOperation
  | RemoveUpdatesFromUpdateListOperation
  | ChangeUpdateListOperation
  | DeleteUpdateListOperation;

export const UPDATE_LIST_OPERATION_TYPES: ReadonlySet<string> = new Set(
  UPDATE_LIST_OPERATION_SCHEMAS.map((schema) => schema.shape.type.value),
);

const numberOf = (id: string) => (UPDATE_LIST_ID_PATTERN.test(id) ? Number(id.slice(2)) : 0);

/** The highest update list number ever given on the site, deleted lists included. */
function lastNumber(state: Pick<SiteState, 'updateLists' | 'lastUpdateListNumber'>): number {
  return Math.max(state.lastUpdateListNumber ?? 0, ...state.updateLists.map((list) => numberOf(list.id)));
}

/** The ID the next update list gets: one past the highest ever given, so a deleted list's ID names no other list. */
export function nextUpdateListId(state: Pick<SiteState, 'updateLists' | 'lastUpdateListNumber'>): string {
  return `UL${String(lastNumber(state) + 1).padStart(6, '0')}`;
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

/** The list's name, trimmed: valid, and no other list of the site has it (each list is a node of its own). */
function checkedName(state: SiteState, name: string, exceptId: string | null): string {
  const problem = updateListNameProblem(name);
  if (problem) throw new RuleViolation('update-list-name-invalid', `The update list name is not valid: ${problem}.`);
  const trimmed = name.trim();
  const taken = state.updateLists.find((list) => list.id !== exceptId && sameName(list.name, trimmed));
  if (taken) {
    throw new RuleViolation(
      'update-list-name-taken',
      `An update list named "${taken.name}" (${taken.id}) already exists: choose another name.`,
    );
  }
  return trimmed;
}

function checkedDescription(description: string): string {
  const problem = updateListDescriptionProblem(description);
  if (problem) {
    throw new RuleViolation('update-list-description-invalid', `The update list description is not valid: ${problem}.`);
  }
  return description;
}

/** The list with this ID, or RuleViolation. */
export function updateListOf(state: Pick<SiteState, 'updateLists'>, id: string): UpdateList {
  const list = state.updateLists.find((candidate) => candidate.id === id);
  if (!list) throw new RuleViolation('update-list-not-found', `There is no update list with ID ${id}.`);
  return list;
}

function requireAdministrator(state: SiteState, account: string) {
  if (!state.administrators.some((administrator) => administrator.account === account)) {
    throw new RuleViolation('unknown-administrator', `${account} is not an administrator of this site.`);
  }
}

/** The updates the IDs name, in order and once each, checked: they exist, and each may go into a list. */
function addableUpdateIds(state: SiteState, updateIds: readonly string[]): string[] {
  const byId = new Map(state.softwareUpdates.map((update) => [update.id, update]));
  const unique = [...new Set(updateIds)];
  const updates = unique.map((id) => {
    const update = byId.get(id);
    if (!update) throw new RuleViolation('software-update-not-found', `There is no software update with ID ${id}.`);
    return update;
  });
  const why = whyUpdatesCannotBeAddedToUpdateList(updates);
  if (why) throw new RuleViolation('update-not-addable-to-update-list', why);
  return unique;
}

/**
 * Creates an update list of the updates, owned by nobody but created by `by`, who gets every instance right on it
 * ("creating an object gives its creator every instance right on it"; the grant is part of the operation).
 */
export function createUpdateList(state: SiteState, operation: CreateUpdateListOperation, at: string): SiteState {
  requireAdministrator(state, operation.by);
  const name = checkedName(state, operation.name, null);
  const description = checkedDescription(operation.description);
  const updateIds = addableUpdateIds(state, operation.updateIds);
  const id = operation.id ?? nextUpdateListId(state);
  if (state.updateLists.some((list) => list.id === id)) {
    throw new RuleViolation('update-list-id-taken', `An update list with ID ${id} already exists.`);
  }
  const list: UpdateList = { id, name, description, createdBy: operation.by, dateCreated: at, updateIds };
  const creatorGrant: Grant = {
    account: operation.by,
    objectType: 'UpdateList',
    instanceIds: [id],
    rights: [...RIGHTS_BY_OBJECT_TYPE.UpdateList],
  };
  return {
    ...state,
    updateLists: [...state.updateLists, list],
    grants: [...state.grants, creatorGrant],
    lastUpdateListNumber: Math.max(lastNumber(state), numberOf(id)),
  };
}

const replaced = (state: SiteState, list: UpdateList): SiteState => ({
  ...state,
  updateLists: state.updateLists.map((candidate) => (candidate.id === list.id ? list : candidate)),
});

/** Adds updates to a list; those it already holds stay once (a list is a set). */
export function addUpdatesToUpdateList(state: SiteState, operation: AddUpdatesToUpdateListOperation): SiteState {
  requireAdministrator(state, operation.by);
  const list = updateListOf(state, operation.id);
  const held = new Set(list.updateIds);
  const added = addableUpdateIds(state, operation.updateIds).filter((id) => !held.has(id));
  if (added.length === 0) return state;
  return replaced(state, { ...list, updateIds: [...list.updateIds, ...added] });
}

/** Removes updates from a list (never from the site); each must be in it. */
export function removeUpdatesFromUpdateList(
  state: SiteState,
  operation: RemoveUpdatesFromUpdateListOperation,
): SiteState {
  requireAdministrator(state, operation.by);
  const list = updateListOf(state, operation.id);
  if (operation.updateIds.length === 0) {
    throw new RuleViolation('no-updates-named', 'Select the software updates to remove from the update list.');
  }
  const held = new Set(list.updateIds);
  const missing = operation.updateIds.find((id) => !held.has(id));
  if (missing !== undefined) {
    throw new RuleViolation(
      'update-not-in-update-list',
      `The software update ${missing} is not in the update list ${list.name}.`,
    );
  }
  const removed = new Set(operation.updateIds);
  return replaced(state, { ...list, updateIds: list.updateIds.filter((id) => !removed.has(id)) });
}

/** Renames a list or changes its description (Rename, and the General tab of its Properties). */
export function changeUpdateList(state: SiteState, operation: ChangeUpdateListOperation): SiteState {
  requireAdministrator(state, operation.by);
  const list = updateListOf(state, operation.id);
  const name = checkedName(state, operation.name, list.id);
  const description = checkedDescription(operation.description);
  if (name === list.name && description === list.description) return state;
  return replaced(state, { ...list, name, description });
}

/**
 * Deletes a list and the instance rights that named it. Its updates stay in the site, and deployments made from it
 * keep theirs: a deployment holds its own updates, not a reference to the list.
 */
export function deleteUpdateList(state: SiteState, operation: DeleteUpdateListOperation): SiteState {
  requireAdministrator(state, operation.by);
  const list = updateListOf(state, operation.id);
  const grants: Grant[] = [];
  for (const grant of state.grants) {
    if (grant.objectType !== 'UpdateList' || grant.instanceIds === null || !grant.instanceIds.includes(list.id)) {
      grants.push(grant);
      continue;
    }
    const instanceIds = grant.instanceIds.filter((id) => id !== list.id);
    if (instanceIds.length > 0) grants.push({ ...grant, instanceIds });
  }
  return {
    ...state,
    updateLists: state.updateLists.filter((candidate) => candidate.id !== list.id),
    grants,
    lastUpdateListNumber: lastNumber(state),
  };
}

/** Applies an update list operation to the Configuration Manager site (refused with RuleViolation before Setup). */
export function applyUpdateListOperation(
  configMgr: SiteState | null,
  operation: UpdateListOperation,
  at: string,
): SiteState {
  const state = requireConfigMgrSite(configMgr, 'The Update List Wizard');
  switch (operation.type) {
    case 'create-update-list':
      return createUpdateList(state, operation, at);
    case 'add-updates-to-update-list':
      return addUpdatesToUpdateList(state, operation);
    case 'remove-updates-from-update-list':
      return removeUpdatesFromUpdateList(state, operation);
    case 'change-update-list':
      return changeUpdateList(state, operation);
    case 'delete-update-list':
      return deleteUpdateList(state, operation);
  }
}
