import { z } from 'zod';
import type { SiteState } from '../site-state';
import {
  OBJECT_TYPE_NAMES,
  OBJECT_TYPES,
  objectTypeSchema,
  RIGHTS,
  rightSchema,
  type ObjectType,
  type Right,
} from './rights';

/**
 * Site Management > CEN - Contoso Central Site > Security Rights: one row per administrator, object type and scope
 * (the class, or one instance), with the rights held there. The product's Security Rights node lists its Rights and
 * Instances apart; this console shows both in one list (the Scope column tells them apart).
 */

/** How a row is named: "CONTOSO\patchadmin:DeploymentTemplate:class" or "CONTOSO\patchadmin:SoftwareUpdate:16777217". */
export const CLASS_SCOPE = 'class';

export const securityRightRowSchema = z.object({
  id: z.string(),
  account: z.string(),
  objectType: objectTypeSchema,
  /** "Deployment Templates": the class as the product names it. */
  className: z.string(),
  scope: z.enum(['Class', 'Instance']),
  /** The object an instance row covers; null for a class row. */
  instanceId: z.string().nullable(),
  /** Its name (a software update's title, a collection's name, ...); null for a class row or an object now gone. */
  instanceName: z.string().nullable(),
  /** In the product's order: Read, Modify, Delete, Administer, Create, Delegate, Distribute, Manage Folders. */
  rights: z.array(rightSchema),
});
export type SecurityRightRow = z.infer<typeof securityRightRowSchema>;

export function securityRightRowId(account: string, objectType: ObjectType, instanceId: string | null): string {
  return `${account}:${objectType}:${instanceId ?? CLASS_SCOPE}`;
}

/** One object that rights can name: its id and the name the console shows for it. */
export interface NamedObject {
  id: string;
  name: string;
}

/** Every object of a type on the site, by id (the objects instance rights can name). */
export function objectsOfType(state: SiteState, objectType: ObjectType): NamedObject[] {
  switch (objectType) {
    case 'SoftwareUpdate':
      return state.softwareUpdates.map((update) => ({ id: update.id, name: update.title }));
    case 'UpdateList':
      return state.updateLists;
    case 'DeploymentTemplate':
      return state.deploymentTemplates;
    case 'Deployment':
      return state.deployments;
    case 'DeploymentPackage':
      return state.deploymentPackages;
    case 'SearchFolder':
      return state.searchFolders;
    case 'Collection':
      return state.collections;
    case 'Package':
      return state.packages;
    case 'Advertisement':
      // The migrated software update distributions' advertisements and the scan tools' advertisements.
      return [...state.sms2003Advertisements, ...state.advertisements];
    case 'Site':
      return state.sites.map((site) => ({ id: site.id, name: `${site.code} - ${site.name}` }));
  }
}

const namesCache = new WeakMap<SiteState, Map<ObjectType, Map<string, string>>>();

/** The name of one object of a type, or null when the site has no such object. */
export function objectNameOf(state: SiteState, objectType: ObjectType, id: string): string | null {
  let byType = namesCache.get(state);
  if (!byType) namesCache.set(state, (byType = new Map()));
  let names = byType.get(objectType);
  if (!names) {
    names = new Map(objectsOfType(state, objectType).map((object) => [object.id, object.name]));
    byType.set(objectType, names);
  }
  return names.get(id) ?? null;
}

/** The rights in the product's order, each once. */
export function inProductOrder(rights: Iterable<Right>): Right[] {
  const held = new Set(rights);
  return RIGHTS.filter((right) => held.has(right));
}

const rowsCache = new WeakMap<SiteState, SecurityRightRow[]>();

/**
 * The rows of the Security Rights node: the grants merged per administrator, object type and scope. Administrators in
 * the site's order, object types in the product's, the class row before the instance rows.
 */
export function securityRightRows(state: SiteState): SecurityRightRow[] {
  const cached = rowsCache.get(state);
  if (cached) return cached;
  const byAccount = new Map<string, Map<ObjectType, { classRights: Set<Right>; instances: Map<string, Set<Right>> }>>();
  for (const grant of state.grants) {
    let types = byAccount.get(grant.account);
    if (!types) byAccount.set(grant.account, (types = new Map()));
    let held = types.get(grant.objectType);
    if (!held) types.set(grant.objectType, (held = { classRights: new Set(), instances: new Map() }));
    if (grant.instanceIds === null) {
      for (const right of grant.rights) held.classRights.add(right);
      continue;
    }
    for (const id of grant.instanceIds) {
      let rights = held.instances.get(id);
      if (!rights) held.instances.set(id, (rights = new Set()));
      for (const right of grant.rights) rights.add(right);
    }
  }
  const accounts = [
    ...state.administrators.map((administrator) => administrator.account).filter((account) => byAccount.has(account)),
    ...[...byAccount.keys()].filter((account) => !state.administrators.some((a) => a.account === account)),
  ];
  const rows: SecurityRightRow[] = [];
  for (const account of accounts) {
    const types = byAccount.get(account);
    for (const objectType of OBJECT_TYPES) {
      const held = types?.get(objectType);
      if (!held) continue;
      const className = OBJECT_TYPE_NAMES[objectType].plural;
      if (held.classRights.size > 0) {
        rows.push({
          id: securityRightRowId(account, objectType, null),
          account,
          objectType,
          className,
          scope: 'Class',
          instanceId: null,
          instanceName: null,
          rights: inProductOrder(held.classRights),
        });
      }
      for (const [instanceId, rights] of held.instances) {
        if (rights.size === 0) continue;
        rows.push({
          id: securityRightRowId(account, objectType, instanceId),
          account,
          objectType,
          className,
          scope: 'Instance',
          instanceId,
          instanceName: objectNameOf(state, objectType, instanceId),
          rights: inProductOrder(rights),
        });
      }
    }
  }
  rowsCache.set(state, rows);
  return rows;
}

/**
 * Who may see a row: a class row is the site's business (Read on the site), an instance row names an object, so it is
 * shown only to those who may read that object (a list never reveals an object the caller may not read).
 */
export function securityRightRowGuard(
  row: Pick<SecurityRightRow, 'objectType' | 'instanceId'>,
  siteCode: string,
): { objectType: ObjectType; id: string } {
  return row.instanceId === null
    ? { objectType: 'Site', id: siteCode }
    : { objectType: row.objectType, id: row.instanceId };
}
