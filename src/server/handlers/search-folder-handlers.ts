import { http } from 'msw';
import { searchFolderNodeId } from '@/domain/console-tree/console-tree';
import {
  createSearchFolderRequestSchema,
  renameSearchFolderRequestSchema,
  type SearchFolderClassRights,
  type SearchFolderResponse,
} from '@/domain/contract/search-folder-contract';
import type { SearchFolder } from '@/domain/model/site-objects';
import { softwareUpdateFacets } from '@/domain/search-folders/search-folder-criteria';
import { nextSearchFolderId, requireUpgradedForSearchFolders } from '@/domain/search-folders/search-folder-operations';
import {
  whyCannotCreateSearchFolder,
  whyCannotOnSearchFolder,
  whyCannotSeeSearchFolders,
  type SearchFolderRight,
} from '@/domain/search-folders/search-folder-rights';
import type { Backend } from '../backend';
import { forbidden, notFound } from '../errors';
import { readableSoftwareUpdates, requireNodeRead } from '../queries';
import { json, jsonBodyOf, requireAdmin, parseBodyOr400 } from './http';

/**
 * Search folders: the values the criteria dialog offers, whether the caller may create folders, and creating,
 * renaming and deleting them. Each change is a domain operation (logged, replayed on start), refused all or nothing.
 */
export function searchFolderHandlers(backend: Backend) {
  const response = (account: string, folder: SearchFolder): SearchFolderResponse => ({
    item: folder,
    rights: backend.rights.rightsOn(account, 'SearchFolder', folder.id),
    nodeId: searchFolderNodeId(folder.id),
  });
  const folderNamed = (id: string) => backend.state.searchFolders.find((folder) => folder.id === id);
  const requireUpgraded = () =>
    requireUpgradedForSearchFolders(backend.state.phase === 'configmgr' ? backend.state : null);
  /**
   * The folder the caller means to change: 403 without the right, 404 when there is none. A caller with no right on
   * search folders at all is refused before either, so a refusal never tells which folders exist.
   */
  const folderFor = (account: string, id: string, right: SearchFolderRight): SearchFolder => {
    const blind = whyCannotSeeSearchFolders(backend.rights, account);
    if (blind) throw forbidden(blind);
    const folder = folderNamed(id);
    if (!folder) throw notFound(`There is no search folder with ID ${id}.`);
    const refused = whyCannotOnSearchFolder(backend.rights, account, id, right);
    if (refused) throw forbidden(refused);
    return folder;
  };

  return [
    http.get(
      '*/api/software-updates/facets',
      json(({ request }) => {
        const account = requireAdmin(request, backend);
        requireNodeRead(backend, account, 'software-updates');
        return softwareUpdateFacets(readableSoftwareUpdates(backend, account).filter((update) => !update.hidden));
      }),
    ),
    http.get(
      '*/api/search-folders/rights',
      json(({ request }): SearchFolderClassRights => {
        const account = requireAdmin(request, backend);
        const whyNot =
          backend.state.phase !== 'configmgr'
            ? 'Search folders come with Configuration Manager 2007: run Setup to upgrade the site first.'
            : whyCannotCreateSearchFolder(backend.rights, account);
        return { canCreate: whyNot === null, whyNot };
      }),
    ),
    http.post(
      '*/api/search-folders',
      json(async ({ request }) => {
        const account = requireAdmin(request, backend);
        const body = parseBodyOr400(
          createSearchFolderRequestSchema,
          await jsonBodyOf(request),
          'POST /api/search-folders',
        );
        requireUpgraded();
        const refused = whyCannotCreateSearchFolder(backend.rights, account);
        if (refused) throw forbidden(refused);
        const id = nextSearchFolderId(backend.state);
        await backend.apply({
          type: 'create-search-folder',
          id,
          name: body.name,
          criteria: body.criteria,
          by: account,
        });
        return response(account, folderNamed(id) as SearchFolder);
      }),
    ),
    http.patch(
      '*/api/search-folders/:id',
      json(async ({ request, params }) => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        const body = parseBodyOr400(
          renameSearchFolderRequestSchema,
          await jsonBodyOf(request),
          'PATCH /api/search-folders/:id',
        );
        requireUpgraded();
        folderFor(account, id, 'Modify');
        await backend.apply({ type: 'rename-search-folder', id, name: body.name, by: account });
        return response(account, folderNamed(id) as SearchFolder);
      }),
    ),
    http.delete(
      '*/api/search-folders/:id',
      json(async ({ request, params }) => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        requireUpgraded();
        const folder = folderFor(account, id, 'Delete');
        await backend.apply({ type: 'delete-search-folder', id, by: account });
        return { deleted: { id: folder.id, name: folder.name } };
      }),
    ),
  ];
}
