import { http } from 'msw';
import { whyCannotModifyCollection } from '@/domain/collections/collection-properties';
import {
  collectionPropertiesRequestSchema,
  type CollectionObjectResponse,
} from '@/domain/contract/deployment-properties-contract';
import type { Backend } from '../backend';
import { forbidden, notFound } from '../errors';
import { requireNodeRead } from '../queries';
import { json, jsonBodyOf, parseBodyOr400, requireAdmin } from './http';

/**
 * A collection's Properties saved (Computer Management > Collections): its comment. Needs Read and Modify on the
 * collection (403 naming it); the SMS 2003 site before the upgrade is read-only (409); a refused request changes nothing.
 */
export function collectionHandlers(backend: Backend) {
  return [
    http.patch(
      '*/api/collections/:id',
      json(async ({ request, params }): Promise<CollectionObjectResponse> => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        const body = parseBodyOr400(
          collectionPropertiesRequestSchema,
          await jsonBodyOf(request),
          'PATCH /api/collections/:id',
        );
        // Who may read no collection at all learns nothing of which exist.
        requireNodeRead(backend, account, 'collections');
        if (!backend.state.collections.some((collection) => collection.id === id)) {
          throw notFound(`There is no collection with ID ${id}.`);
        }
        const refused = whyCannotModifyCollection(backend.rights, account, id);
        if (refused) throw forbidden(refused);
        await backend.apply({
          type: 'update-collection-comment',
          collectionId: id,
          comment: body.comment,
          by: account,
        });
        const item = backend.state.collections.find((collection) => collection.id === id);
        if (!item) throw notFound(`There is no collection with ID ${id}.`);
        return { item, rights: backend.rights.rightsOn(account, 'Collection', id) };
      }),
    ),
  ];
}
