import { http } from 'msw';
import { listQuerySchema } from '@/domain/contract/api-contract';
import { RESOURCE_NAMES, RESOURCES, type ResourceName } from '@/domain/query/resources';
import { OBJECT_TYPE_NAMES, missingRightOnObjectMessage } from '@/domain/rights/rights';
import type { Backend } from '../backend';
import { forbidden, notFound } from '../errors';
import { guardOf, listWindow, mayRead, objectById, requireNodeRead } from '../queries';
import { json, parseOr400, requireAdmin, searchParamsOf } from './http';

/** GET /api/<resource> (a window of a list) and GET /api/<resource>/:id (one object) for every resource. */
export function resourceHandlers(backend: Backend) {
  return RESOURCE_NAMES.flatMap((resource) => [
    http.get(
      `*/api/${resource}`,
      json(({ request }) => {
        const account = requireAdmin(request, backend);
        const query = parseOr400(listQuerySchema, searchParamsOf(request));
        return listWindow(backend, account, resource, query);
      }),
    ),
    http.get(
      `*/api/${resource}/:id`,
      json(({ request, params }) => {
        const account = requireAdmin(request, backend);
        return objectWithRights(backend, account, resource, String(params.id));
      }),
    ),
  ]);
}

function objectWithRights(backend: Backend, account: string, resource: ResourceName, id: string) {
  const def = RESOURCES[resource];
  const item = objectById(backend, resource, id);
  if (!item) {
    // Without any right on the type, the caller learns nothing, not even whether the object exists.
    requireNodeRead(backend, account, resource);
    throw notFound(`There is no ${OBJECT_TYPE_NAMES[def.objectType].singular} with ID ${id}.`);
  }
  // The rights that matter are those on the object that guards the item (a report row's object, say).
  const guard = guardOf(backend, account, resource, item);
  if (!mayRead(backend, account, resource, item)) {
    throw forbidden(missingRightOnObjectMessage(account, 'Read', guard.objectType, guard.id));
  }
  return { item, rights: backend.rights.rightsOn(account, guard.objectType, guard.id) };
}
