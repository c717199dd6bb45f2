import { http } from 'msw';
import { updateListNodeId } from '@/domain/console-tree/console-tree';
import {
  changeUpdateListRequestSchema,
  createUpdateListRequestSchema,
  updateListEligibilityRequestSchema,
  updateListUpdatesRequestSchema,
  type AddUpdatesResponse,
  type UpdateListClassRights,
  type UpdateListEligibility,
  type UpdateListResponse,
} from '@/domain/contract/update-list-contract';
import { requireConfigMgrSite } from '@/domain/after-upgrade/catalog-rules';
import type { UpdateList } from '@/domain/model/site-objects';
import type { SoftwareUpdate } from '@/domain/model/software-update';
import { canRead } from '@/domain/rights/rights';
import { nextUpdateListId } from '@/domain/update-lists/update-list-operations';
import {
  whyCannotCreateUpdateList,
  whyCannotOnUpdateList,
  whyCannotReadUpdates,
  whyCannotSeeUpdateLists,
  type UpdateListRight,
} from '@/domain/update-lists/update-list-rights';
import { legacyUpdateListNote, whyUpdatesCannotBeAddedToUpdateList } from '@/domain/update-lists/update-list-rules';
import type { Backend } from '../backend';
import { badRequest, forbidden, notFound } from '../errors';
import { json, jsonBodyOf, parseBodyOr400, requireAdmin } from './http';

/**
 * Update lists: what the Update List Wizard may offer, creating a list, adding updates to one and removing them,
 * renaming or describing it, and deleting it. Each change is a domain operation (logged, replayed on start), checked
 * by the domain's rules (src/domain/update-lists) and refused all or nothing.
 */
export function updateListHandlers(backend: Backend) {
  const site = () =>
    requireConfigMgrSite(backend.state.phase === 'configmgr' ? backend.state : null, 'The Update List Wizard');
  const listNamed = (id: string) => backend.state.updateLists.find((list) => list.id === id);
  const response = (account: string, list: UpdateList): UpdateListResponse => ({
    item: list,
    rights: backend.rights.rightsOn(account, 'UpdateList', list.id),
    nodeId: updateListNodeId(list.id),
  });

  /** The updates a request names: 400 for an unknown one, 403 for one the caller may not read. */
  const updatesFor = (account: string, ids: readonly string[]): SoftwareUpdate[] => {
    const byId = new Map(backend.state.softwareUpdates.map((update) => [update.id, update]));
    const updates = ids.map((id, index) => {
      const update = byId.get(id);
      if (!update) throw badRequest(`updateIds.${index}`, `updateIds.${index}: there is no software update ${id}`);
      return update;
    });
    const unreadable = whyCannotReadUpdates(backend.rights, account, updates);
    if (unreadable) throw forbidden(unreadable);
    return updates;
  };

  /**
   * The list the caller means to use: 403 without the right, 404 when there is none. A caller with no right on update
   * lists at all is refused before either, so a refusal never tells which lists exist.
   */
  const listFor = (account: string, id: string, right: UpdateListRight): UpdateList => {
    const blind = whyCannotSeeUpdateLists(backend.rights, account);
    if (blind) throw forbidden(blind);
    const list = listNamed(id);
    if (!list) throw notFound(`There is no update list with ID ${id}.`);
    const refused = whyCannotOnUpdateList(backend.rights, account, id, right);
    if (refused) throw forbidden(refused);
    return list;
  };

  return [
    http.get(
      '*/api/update-lists/rights',
      json(({ request }): UpdateListClassRights => {
        const account = requireAdmin(request, backend);
        const whyNot =
          backend.state.phase !== 'configmgr'
            ? 'Update lists come with Configuration Manager 2007: run Setup to upgrade the site first.'
            : whyCannotCreateUpdateList(backend.rights, account);
        const modifiable = backend.state.updateLists.some(
          (list) => whyCannotOnUpdateList(backend.rights, account, list.id, 'Modify') === null,
        );
        const cannotUseWizard =
          whyNot === null || modifiable
            ? null
            : backend.state.phase !== 'configmgr'
              ? whyNot
              : `${account} has no Create right on Update Lists and no Modify right on any update list`;
        return { canCreate: whyNot === null, whyNot, cannotUseWizard };
      }),
    ),
    http.post(
      '*/api/update-lists/eligibility',
      json(async ({ request }): Promise<UpdateListEligibility> => {
        const account = requireAdmin(request, backend);
        const body = parseBodyOr400(
          updateListEligibilityRequestSchema,
          await jsonBodyOf(request),
          'POST /api/update-lists/eligibility',
        );
        site();
        const updates = updatesFor(account, body.updateIds);
        return {
          updates: updates.map(({ id, title, expired, hidden, legacy }) => ({ id, title, expired, hidden, legacy })),
          cannotAdd: whyUpdatesCannotBeAddedToUpdateList(updates),
          legacyNote: legacyUpdateListNote(updates),
          cannotCreate: whyCannotCreateUpdateList(backend.rights, account),
          lists: backend.state.updateLists
            .filter((list) => canRead(backend.rights, account, 'UpdateList', list.id))
            .sort((a, b) => a.name.localeCompare(b.name, 'en-US'))
            .map((list) => ({
              id: list.id,
              name: list.name,
              updateCount: list.updateIds.length,
              whyNot: whyCannotOnUpdateList(backend.rights, account, list.id, 'Modify'),
            })),
        };
      }),
    ),
    http.post(
      '*/api/update-lists',
      json(async ({ request }) => {
        const account = requireAdmin(request, backend);
        const body = parseBodyOr400(createUpdateListRequestSchema, await jsonBodyOf(request), 'POST /api/update-lists');
        site();
        const refused = whyCannotCreateUpdateList(backend.rights, account);
        if (refused) throw forbidden(refused);
        updatesFor(account, body.updateIds);
        const id = nextUpdateListId(backend.state);
        await backend.apply({
          type: 'create-update-list',
          id,
          name: body.name,
          description: body.description,
          updateIds: body.updateIds,
          by: account,
        });
        return response(account, listNamed(id) as UpdateList);
      }),
    ),
    http.post(
      '*/api/update-lists/:id/add-updates',
      json(async ({ request, params }): Promise<AddUpdatesResponse> => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        const body = parseBodyOr400(
          updateListUpdatesRequestSchema,
          await jsonBodyOf(request),
          'POST /api/update-lists/:id/add-updates',
        );
        site();
        const before = listFor(account, id, 'Modify');
        updatesFor(account, body.updateIds);
        await backend.apply({ type: 'add-updates-to-update-list', id, updateIds: body.updateIds, by: account });
        const after = listNamed(id) as UpdateList;
        const added = after.updateIds.length - before.updateIds.length;
        return { ...response(account, after), added, alreadyInList: new Set(body.updateIds).size - added };
      }),
    ),
    http.post(
      '*/api/update-lists/:id/remove-updates',
      json(async ({ request, params }) => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        const body = parseBodyOr400(
          updateListUpdatesRequestSchema,
          await jsonBodyOf(request),
          'POST /api/update-lists/:id/remove-updates',
        );
        site();
        listFor(account, id, 'Modify');
        await backend.apply({ type: 'remove-updates-from-update-list', id, updateIds: body.updateIds, by: account });
        return response(account, listNamed(id) as UpdateList);
      }),
    ),
    http.patch(
      '*/api/update-lists/:id',
      json(async ({ request, params }) => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        const body = parseBodyOr400(
          changeUpdateListRequestSchema,
          await jsonBodyOf(request),
          'PATCH /api/update-lists/:id',
        );
        site();
        const list = listFor(account, id, 'Modify');
        await backend.apply({
          type: 'change-update-list',
          id,
          name: body.name ?? list.name,
          description: body.description ?? list.description,
          by: account,
        });
        return response(account, listNamed(id) as UpdateList);
      }),
    ),
    http.delete(
      '*/api/update-lists/:id',
      json(async ({ request, params }) => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        site();
        const list = listFor(account, id, 'Delete');
        await backend.apply({ type: 'delete-update-list', id, by: account });
        return { deleted: { id: list.id, name: list.name } };
      }),
    ),
  ];
}
