import { http } from 'msw';
import { listQuerySchema } from '@/domain/contract/api-contract';
import { formatCount } from '@/domain/format';
import { RESOURCE_NAMES, type ResourceName } from '@/domain/query/resources';
import { badRequest } from '../errors';
import type { Backend } from '../backend';
import { listWindow } from '../queries';
import { pickRows, rowsParamSchema } from './export-handlers';
import { json, parseOr400, requireAdmin, searchParamsOf } from './http';

/** The most IDs one answer holds: what a wizard may act on at once (POST /api/deployments takes as many). */
export const MAX_LIST_IDS = 5000;

const listIdsQuerySchema = listQuerySchema
  .omit({ offset: true, limit: true })
  .extend({ rows: rowsParamSchema.optional() });

/** Far more than any list holds: the whole list is read, then the rows picked. */
const WHOLE_LIST = 1_000_000;

/**
 * GET /api/ids/<resource>?node=&q=&searchIn=&sort=&rows= : the IDs of the selected rows of exactly the list the console
 * shows (same node, search and sort; every row, or the `rows` by position, e.g. "0-4,10"), in list order. The grid's
 * selection is index ranges over the server's list (Ctrl+A selects rows never loaded); a wizard that acts on the
 * selection asks for its IDs here. At most 5,000 rows: more is a 400 naming `rows`.
 */
export function listIdsHandlers(backend: Backend) {
  return [
    http.get(
      '*/api/ids/:resource',
      json(({ request, params }) => {
        const account = requireAdmin(request, backend);
        const resource = String(params.resource) as ResourceName;
        if (!(RESOURCE_NAMES as readonly string[]).includes(resource)) {
          throw badRequest(
            'resource',
            `resource: "${String(params.resource)}" is not a list; use one of ${RESOURCE_NAMES.join(', ')}`,
          );
        }
        const query = parseOr400(listIdsQuerySchema, searchParamsOf(request));
        const { items, total } = listWindow(backend, account, resource, { ...query, offset: 0, limit: WHOLE_LIST });
        const positions = query.rows ? pickRows(query.rows, total) : null;
        const count = positions ? positions.length : total;
        if (count > MAX_LIST_IDS) {
          throw badRequest(
            'rows',
            `rows: at most ${formatCount(MAX_LIST_IDS)} rows can be asked for at once; ${
              positions ? 'these rows name' : 'the whole list holds'
            } ${formatCount(count)}`,
          );
        }
        const ids = positions
          ? positions.map((index) => items[index]?.id).filter((id) => id !== undefined)
          : items.map((item) => item.id);
        return { ids, total };
      }),
    ),
  ];
}
