import { z } from 'zod';
import { operationTimeSchema } from '../operations/operation-time';
import { RuleViolation } from '../rule-violation';
import type { SiteState } from '../site-state';
import {
  OBJECT_TYPE_NAMES,
  objectTypeSchema,
  RIGHTS_BY_OBJECT_TYPE,
  RightsIndex,
  rightSchema,
  type Grant,
  type ObjectType,
  type Right,
} from './rights';
import { inProductOrder, objectNameOf } from './security-rights';
import { rightsText } from './rights-text';

/**
 * Granting and revoking security rights after the upgrade ("users who had full rights to all SMS 2003 software updates
 * objects ... will not have any rights to new object types such as deployment templates": an administrator with the
 * right to do so grants them). Each is a log entry, so replaying the log gives the same rights back.
 *
 * The rules, in the order they are checked:
 * - the site runs Configuration Manager 2007 (before the upgrade the console is read-only);
 * - the administrator who grants (or revokes) holds Administer or Delegate on the class (a class request) or on each
 *   object named (an instance request; a class right counts on every object). Administer lets one grant or revoke any
 *   right of the type; Delegate only the rights one holds there oneself (checked by `whyCannotGrant`, a 403);
 * - the account is an administrator of the site; at least one right, each a right the object type has
 *   (RIGHTS_BY_OBJECT_TYPE); an instance request names at least one object, and each exists;
 * - a grant adds something: it is refused when the account already holds every right asked for on every object;
 * - a revoke removes only what was granted at that scope: a class right from the class rights, an instance right from
 *   each object's own instance rights (a right that comes with the class right is revoked on the class);
 * - protections: nobody revokes the rights on the site of the administrator who ran Setup (CONTOSO\smsadmin keeps
 *   Administer on the site), nor that administrator's Administer right on any class, so that every right can always
 *   be granted again.
 */

export type RightsAction = 'grant' | 'revoke';

/** What a grant or revoke names: whose rights, on which object type, on the class (null) or these objects, which. */
export interface RightsRequest {
  account: string;
  objectType: ObjectType;
  /** null: the class (every object of the type, present and future); otherwise the objects named. */
  instanceIds: readonly string[] | null;
  rights: readonly Right[];
}

const rightsRequestFields = {
  at: operationTimeSchema,
  /** The administrator who grants or revokes. */
  by: z.string(),
  /** The administrator whose rights change. */
  account: z.string(),
  objectType: objectTypeSchema,
  instanceIds: z.array(z.string()).nullable(),
  rights: z.array(rightSchema),
};

export const grantRightsOperationSchema = z.object({ type: z.literal('grant-rights'), ...rightsRequestFields });
export const revokeRightsOperationSchema = z.object({ type: z.literal('revoke-rights'), ...rightsRequestFields });

export const SECURITY_RIGHTS_OPERATION_SCHEMAS = [grantRightsOperationSchema, revokeRightsOperationSchema] as const;
export type GrantRightsOperation = z.infer<typeof grantRightsOperationSchema>;
export type RevokeRightsOperation = z.infer<typeof revokeRightsOperationSchema>;
export type SecurityRightsOperation = GrantRightsOperation | RevokeRightsOperation;
export const SECURITY_RIGHTS_OPERATION_TYPES: ReadonlySet<string> = new Set(
  SECURITY_RIGHTS_OPERATION_SCHEMAS.map((schema) => schema.shape.type.value),
);

export { rightsText } from './rights-text';

/** "Deployment Templates" for the class, "deployment template DT000001" for one object. */
function placeText(objectType: ObjectType, instanceId: string | null): string {
  return instanceId === null
    ? OBJECT_TYPE_NAMES[objectType].plural
    : `${OBJECT_TYPE_NAMES[objectType].singular} ${instanceId}`;
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** The places a request covers: the class (null), or each object it names once. */
function placesOf(request: Pick<RightsRequest, 'instanceIds'>): Array<string | null> {
  return request.instanceIds === null ? [null] : unique(request.instanceIds);
}

/**
 * Why `by` may not grant (or revoke) these rights for lack of a right, or null when they may: Administer or Delegate on
 * the class or on each object named; Delegate only for the rights `by` holds there. The server answers 403 with it.
 */
function whyCannotChange(
  rights: RightsIndex,
  by: string,
  request: Pick<RightsRequest, 'objectType' | 'instanceIds' | 'rights'>,
  action: RightsAction,
): string | null {
  const { objectType } = request;
  for (const place of placesOf(request)) {
    const holds = (right: Right) =>
      place === null ? rights.hasClassRight(by, objectType, right) : rights.hasRight(by, objectType, place, right);
    if (holds('Administer')) continue;
    if (!holds('Delegate')) return `${by} has no Administer or Delegate right on ${placeText(objectType, place)}`;
    const missing = inProductOrder(request.rights).find((right) => !holds(right));
    if (missing) {
      return `${by} has no ${missing} right on ${placeText(objectType, place)}: Delegate lets an administrator ${action} only the rights they hold`;
    }
  }
  return null;
}

/** Why `by` may not grant these rights (403), or null. The Grant Rights dialog greys its choices out with it. */
export function whyCannotGrant(rights: RightsIndex, by: string, request: RightsRequest): string | null {
  return whyCannotChange(rights, by, request, 'grant');
}

/** Why `by` may not revoke these rights (403), or null: the same rights as granting them. */
export function whyCannotRevoke(rights: RightsIndex, by: string, request: RightsRequest): string | null {
  return whyCannotChange(rights, by, request, 'revoke');
}

/**
 * Why the account may grant or revoke nothing at all, or null: it holds Administer or Delegate on no class and no object.
 * The console greys "Grant Rights..." and "Revoke Rights..." out with it.
 */
export function whyCannotGrantAnything(grants: readonly Grant[], account: string): string | null {
  const delegates = grants.some(
    (grant) =>
      grant.account === account &&
      (grant.instanceIds === null || grant.instanceIds.length > 0) &&
      (grant.rights.includes('Administer') || grant.rights.includes('Delegate')),
  );
  return delegates
    ? null
    : `${account} has no Administer or Delegate right on any class or object: only an administrator who holds one may grant or revoke rights`;
}

/** A rule's refusal: its name (the 409's `rule`) and why. */
export interface RightsRefusal {
  rule: string;
  message: string;
}

const refusal = (rule: string, message: string): RightsRefusal => ({ rule, message });

function centralSiteCode(state: SiteState): string {
  return state.sites.find((site) => site.parentCode === null)?.code ?? state.sites[0]?.code ?? '';
}

/** The refusals that do not depend on the rights asked for: the phase, the account, the objects named. */
function scopeRefusal(state: SiteState, request: Omit<RightsRequest, 'rights'>, by: string): RightsRefusal | null {
  const site = centralSiteCode(state);
  if (state.phase !== 'configmgr') {
    return refusal(
      'site-not-upgraded',
      `Site ${site} still runs SMS 2003 SP3: security rights change in the console only once Setup has upgraded it to Configuration Manager 2007.`,
    );
  }
  for (const account of unique([by, request.account])) {
    if (!state.administrators.some((administrator) => administrator.account === account)) {
      return refusal('unknown-administrator', `${account} is not an administrator of site ${site}.`);
    }
  }
  if (request.instanceIds !== null) {
    if (request.instanceIds.length === 0) {
      return refusal(
        'no-objects-chosen',
        `Choose at least one ${OBJECT_TYPE_NAMES[request.objectType].singular}, or the class for a right on every one.`,
      );
    }
    const unknown = request.instanceIds.find((id) => objectNameOf(state, request.objectType, id) === null);
    if (unknown !== undefined) {
      return refusal('unknown-object', `There is no ${placeText(request.objectType, unknown)}.`);
    }
  }
  return null;
}

/** The refusals that depend on the rights asked for: which rights the type has, what is held, what is protected. */
function rightsRefusal(
  state: SiteState,
  index: RightsIndex,
  request: RightsRequest,
  action: RightsAction,
): RightsRefusal | null {
  const { account, objectType } = request;
  const plural = OBJECT_TYPE_NAMES[objectType].plural;
  if (request.rights.length === 0) return refusal('no-rights-chosen', `Choose at least one right to ${action}.`);
  const offered = RIGHTS_BY_OBJECT_TYPE[objectType];
  const foreign = request.rights.find((right) => !offered.includes(right));
  if (foreign) {
    return refusal(
      'right-not-applicable',
      `${plural} have no ${foreign} right: their rights are ${rightsText(offered)}.`,
    );
  }
  const rights = inProductOrder(request.rights);
  const places = placesOf(request);
  if (action === 'grant') {
    const heldEverywhere = places.every((place) =>
      rights.every((right) =>
        place === null
          ? index.hasClassRight(account, objectType, right)
          : index.hasRight(account, objectType, place, right),
      ),
    );
    if (!heldEverywhere) return null;
    const where =
      request.instanceIds === null
        ? `${plural} (a class right)`
        : places.length === 1
          ? placeText(objectType, places[0] ?? null)
          : `each of the ${places.length} ${plural.toLowerCase()} named`;
    return refusal(
      'rights-already-held',
      `${account} already holds ${rightsText(rights)} on ${where}: there is nothing to grant.`,
    );
  }
  const site = centralSiteCode(state);
  if (account === state.upgradedBy && objectType === 'Site') {
    return refusal(
      'protected-right',
      `${account} ran Setup on site ${site}: nobody can revoke their rights on the site (the administrator who ran the upgrade keeps Administer on it).`,
    );
  }
  if (account === state.upgradedBy && request.instanceIds === null && rights.includes('Administer')) {
    return refusal(
      'protected-right',
      `${account} ran Setup on site ${site} and keeps Administer on every class, so that any right can always be granted again.`,
    );
  }
  const instanceRights = instanceRightsOf(state.grants, account, objectType);
  for (const place of places) {
    for (const right of rights) {
      if (place === null) {
        if (!index.hasClassRight(account, objectType, right)) {
          return refusal(
            'rights-not-granted',
            `${account} holds no ${right} right on ${plural} as a class right: there is nothing to revoke.`,
          );
        }
      } else if (!instanceRights.get(place)?.has(right)) {
        const why = index.hasClassRight(account, objectType, right)
          ? `it comes with the class right on ${plural}: revoke it on the class instead`
          : 'there is nothing to revoke';
        return refusal(
          'rights-not-granted',
          `${account} holds no ${right} right on ${placeText(objectType, place)} as an instance right: ${why}.`,
        );
      }
    }
  }
  return null;
}

/** The instance rights an account holds on each object of a type (class rights apart). */
function instanceRightsOf(grants: readonly Grant[], account: string, objectType: ObjectType): Map<string, Set<Right>> {
  const byObject = new Map<string, Set<Right>>();
  for (const grant of grants) {
    if (grant.account !== account || grant.objectType !== objectType || grant.instanceIds === null) continue;
    for (const id of grant.instanceIds) {
      let held = byObject.get(id);
      if (!held) byObject.set(id, (held = new Set()));
      for (const right of grant.rights) held.add(right);
    }
  }
  return byObject;
}

/**
 * Why a rule refuses the request (409), or null when none does. The rights of `by` are checked apart
 * (`whyCannotGrant`, `whyCannotRevoke`: 403) and first.
 */
export function rightsRequestRefusal(
  state: SiteState,
  index: RightsIndex,
  by: string,
  request: RightsRequest,
  action: RightsAction,
): RightsRefusal | null {
  return scopeRefusal(state, request, by) ?? rightsRefusal(state, index, request, action);
}

/** What the Grant Rights and Revoke Rights dialogs show for a request being filled in. */
export interface RightsRequestReview {
  /** Why the request as it stands would be refused (403 or 409), or null when it would be done. */
  whyNot: string | null;
  /** Why nothing can be granted (or revoked) for this account, type and scope, whatever the rights; or null. */
  scopeWhyNot: string | null;
  /** Each right of the type, and why that right alone could not be granted (or revoked) here, or null. */
  rights: Array<{ right: Right; whyNot: string | null }>;
}

/** The server's own reasons for a request being filled in, right by right (the dialogs grey their choices out). */
export function reviewRightsRequest(
  state: SiteState,
  index: RightsIndex,
  by: string,
  request: RightsRequest,
  action: RightsAction,
): RightsRequestReview {
  const scopeWhyNot =
    whyCannotChange(index, by, { ...request, rights: [] }, action) ?? scopeRefusal(state, request, by)?.message ?? null;
  const whyNotFor = (rights: readonly Right[]) =>
    whyCannotChange(index, by, { ...request, rights }, action) ??
    rightsRequestRefusal(state, index, by, { ...request, rights }, action)?.message ??
    null;
  return {
    whyNot: whyNotFor(request.rights),
    scopeWhyNot,
    rights: RIGHTS_BY_OBJECT_TYPE[request.objectType].map((right) => ({
      right,
      whyNot: scopeWhyNot === null ? whyNotFor([right]) : scopeWhyNot,
    })),
  };
}

/** Checks a grant or revoke on the site as it is: throws RuleViolation (a lacking right or a rule), else returns. */
function check(state: SiteState, index: RightsIndex, operation: SecurityRightsOperation, action: RightsAction) {
  const noRight =
    action === 'grant'
      ? whyCannotGrant(index, operation.by, operation)
      : whyCannotRevoke(index, operation.by, operation);
  const refused = rightsRequestRefusal(state, index, operation.by, operation, action);
  if (noRight) throw new RuleViolation(`no-right-to-${action}`, noRight);
  if (refused) throw new RuleViolation(refused.rule, refused.message);
}

/** Grants rights: one grant more in the site's list (RightsIndex unites them). */
export function grantRights(state: SiteState, operation: GrantRightsOperation): SiteState {
  const index = new RightsIndex(state.grants);
  check(state, index, operation, 'grant');
  const grant: Grant = {
    account: operation.account,
    objectType: operation.objectType,
    instanceIds: operation.instanceIds === null ? null : unique(operation.instanceIds),
    rights: inProductOrder(operation.rights),
  };
  return { ...state, grants: [...state.grants, grant] };
}

/**
 * Revokes rights: a class revoke takes them out of the account's class grants of the type; an instance revoke out of
 * its instance grants on the objects named (a grant that also covers other objects keeps them there). A grant left
 * with no right or no object goes.
 */
export function revokeRights(state: SiteState, operation: RevokeRightsOperation): SiteState {
  const index = new RightsIndex(state.grants);
  check(state, index, operation, 'revoke');
  const revoked = new Set<Right>(operation.rights);
  const named = operation.instanceIds === null ? null : new Set(operation.instanceIds);
  const grants: Grant[] = [];
  for (const grant of state.grants) {
    const concerned = grant.account === operation.account && grant.objectType === operation.objectType;
    if (!concerned || (named === null) !== (grant.instanceIds === null)) {
      grants.push(grant);
      continue;
    }
    const kept = grant.rights.filter((right) => !revoked.has(right));
    if (grant.instanceIds === null || named === null) {
      if (kept.length > 0) grants.push({ ...grant, rights: kept });
      continue;
    }
    const inside = grant.instanceIds.filter((id) => named.has(id));
    if (inside.length === 0) {
      grants.push(grant);
      continue;
    }
    const outside = grant.instanceIds.filter((id) => !named.has(id));
    if (outside.length > 0) grants.push({ ...grant, instanceIds: outside });
    if (kept.length > 0) grants.push({ ...grant, instanceIds: inside, rights: kept });
  }
  return { ...state, grants };
}

/** Applies a grant or revoke to the Configuration Manager site (refused with RuleViolation before Setup). */
export function applySecurityRightsOperation(
  configMgr: SiteState | null,
  operation: SecurityRightsOperation,
): SiteState {
  if (!configMgr) {
    throw new RuleViolation(
      'site-not-upgraded',
      'Site CEN still runs SMS 2003 SP3: security rights change in the console only once Setup has upgraded it to Configuration Manager 2007.',
    );
  }
  return operation.type === 'grant-rights' ? grantRights(configMgr, operation) : revokeRights(configMgr, operation);
}
