import { http } from 'msw';
import { listQuerySchema } from '@/domain/contract/api-contract';
import {
  rightsChangeRequestSchema,
  rightsReviewRequestSchema,
  securityRightsAccountParamSchema,
  type DelegationResponse,
  type RightsChangeResponse,
  type RightsReviewResponse,
} from '@/domain/contract/security-rights-contract';
import { canRead, missingRightOnObjectMessage, type ObjectType } from '@/domain/rights/rights';
import type { SecurityRightRow } from '@/domain/rights/security-rights';
import {
  reviewRightsRequest,
  rightsRequestRefusal,
  whyCannotGrant,
  whyCannotGrantAnything,
  whyCannotRevoke,
  type RightsAction,
  type RightsRequest,
} from '@/domain/rights/security-rights-operations';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import type { Backend } from '../backend';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import { guardOf, listWindow, mayRead, objectById } from '../queries';
import { json, jsonBodyOf, parseOr400, requireAdmin, searchParamsOf, parseBodyOr400 } from './http';

const SITE = CONTOSO.sites.central.code;
const NOT_UPGRADED = `Site ${SITE} still runs SMS 2003 SP3: security rights change in the console only once Setup has upgraded it to Configuration Manager 2007.`;

/** Far more rows than any site holds: the whole list is read, then narrowed to one administrator. */
const WHOLE_LIST = 10_000_000;

/**
 * Site Management > CEN > Security Rights: the rights per administrator (GET, with Read on site CEN), granting and
 * revoking them (403 without Administer or Delegate, 409 when a rule refuses), and what the dialogs may offer. Every
 * rule is the domain's (src/domain/rights/security-rights-operations.ts); a refused request changes nothing.
 */
export function securityRightsHandlers(backend: Backend) {
  /** The Security Rights node is the site's: Read on site CEN, else 403 naming it. */
  const requireSiteRead = (account: string) => {
    if (!canRead(backend.rights, account, 'Site', SITE)) {
      throw forbidden(missingRightOnObjectMessage(account, 'Read', 'Site', SITE));
    }
  };

  /** An administrator's account as the site spells it (Windows names are case-blind), or the text as given. */
  const canonicalAccount = (account: string) =>
    backend.state.administrators.find((administrator) => administrator.account.toLowerCase() === account.toLowerCase())
      ?.account ?? account;

  /** The rows of one administrator on one object type that the caller may read. */
  const rowsOf = (caller: string, account: string, objectType: ObjectType): SecurityRightRow[] =>
    listWindow(backend, caller, 'security-rights', {
      q: '',
      searchIn: 'all',
      offset: 0,
      limit: WHOLE_LIST,
    }).items.filter((item) => {
      const row = item as SecurityRightRow;
      return row.account === account && row.objectType === objectType;
    }) as SecurityRightRow[];

  const change = (action: RightsAction) =>
    json(async ({ request }): Promise<RightsChangeResponse> => {
      const caller = requireAdmin(request, backend);
      const body = parseBodyOr400(
        rightsChangeRequestSchema,
        await jsonBodyOf(request),
        `POST /api/security-rights/${action}`,
      );
      // The phase is told before the rights.
      if (backend.state.phase !== 'configmgr') throw conflict(NOT_UPGRADED, 'site-not-upgraded');
      const wanted: RightsRequest = { ...body, account: canonicalAccount(body.account) };
      const noRight =
        action === 'grant'
          ? whyCannotGrant(backend.rights, caller, wanted)
          : whyCannotRevoke(backend.rights, caller, wanted);
      if (noRight) throw forbidden(noRight);
      const refused = rightsRequestRefusal(backend.state, backend.rights, caller, wanted, action);
      if (refused) throw conflict(refused.message, refused.rule);
      await backend.apply({
        type: action === 'grant' ? 'grant-rights' : 'revoke-rights',
        by: caller,
        account: wanted.account,
        objectType: wanted.objectType,
        instanceIds: wanted.instanceIds === null ? null : [...wanted.instanceIds],
        rights: [...wanted.rights],
      });
      return {
        account: wanted.account,
        objectType: wanted.objectType,
        rows: backend.rights.hasRight(caller, 'Site', SITE, 'Read')
          ? rowsOf(caller, wanted.account, wanted.objectType)
          : [],
      };
    });

  return [
    http.get(
      '*/api/security-rights',
      json(({ request }) => {
        const caller = requireAdmin(request, backend);
        const { account, ...rest } = searchParamsOf(request);
        const { account: asked } = parseOr400(securityRightsAccountParamSchema, { account });
        const query = parseOr400(listQuerySchema, rest);
        requireSiteRead(caller);
        if (asked === undefined) return listWindow(backend, caller, 'security-rights', query);
        const known = backend.state.administrators.find(
          (administrator) => administrator.account.toLowerCase() === asked.toLowerCase(),
        );
        if (!known) throw badRequest('account', `account: ${asked} is not an administrator of site ${SITE}`);
        const all = listWindow(backend, caller, 'security-rights', { ...query, offset: 0, limit: WHOLE_LIST });
        const rows = all.items.filter((item) => (item as SecurityRightRow).account === known.account);
        return {
          items: rows.slice(query.offset, query.offset + query.limit),
          total: rows.length,
          offset: query.offset,
          limit: query.limit,
        };
      }),
    ),
    http.get(
      '*/api/security-rights/delegation',
      json(({ request }): DelegationResponse => {
        const caller = requireAdmin(request, backend);
        const whyNot =
          backend.state.phase !== 'configmgr' ? NOT_UPGRADED : whyCannotGrantAnything(backend.state.grants, caller);
        return { canGrant: whyNot === null, whyNot };
      }),
    ),
    http.post(
      '*/api/security-rights/review',
      json(async ({ request }): Promise<RightsReviewResponse> => {
        const caller = requireAdmin(request, backend);
        const { action, ...body } = parseBodyOr400(
          rightsReviewRequestSchema,
          await jsonBodyOf(request),
          'POST /api/security-rights/review',
        );
        return reviewRightsRequest(
          backend.state,
          backend.rights,
          caller,
          { ...body, account: canonicalAccount(body.account) },
          action,
        );
      }),
    ),
    http.post('*/api/security-rights/grant', change('grant')),
    http.post('*/api/security-rights/revoke', change('revoke')),
    http.get(
      '*/api/security-rights/:id',
      json(({ request, params }) => {
        const caller = requireAdmin(request, backend);
        requireSiteRead(caller);
        const id = String(params.id);
        const item = objectById(backend, 'security-rights', id);
        if (!item) throw notFound(`There is no security right ${id}.`);
        const guard = guardOf(backend, caller, 'security-rights', item);
        if (!mayRead(backend, caller, 'security-rights', item)) {
          throw forbidden(missingRightOnObjectMessage(caller, 'Read', guard.objectType, guard.id));
        }
        return { item, rights: backend.rights.rightsOn(caller, guard.objectType, guard.id) };
      }),
    ),
  ];
}
