import { z } from 'zod';

/**
 * Security rights as ConfigMgr 2007 has them: class rights cover every object of a type, instance rights only the
 * objects named. "Read is needed to use any right except Administer, Create, Delegate" (the product documentation).
 */
export const RIGHTS = [
  'Read',
  'Modify',
  'Delete',
  'Administer',
  'Create',
  'Delegate',
  'Distribute',
  'Manage Folders',
] as const;
export const rightSchema = z.enum(RIGHTS);
export type Right = z.infer<typeof rightSchema>;

export const OBJECT_TYPES = [
  'SoftwareUpdate',
  'UpdateList',
  'DeploymentTemplate',
  'Deployment',
  'DeploymentPackage',
  'SearchFolder',
  'Collection',
  'Package',
  'Advertisement',
  'Site',
] as const;
export const objectTypeSchema = z.enum(OBJECT_TYPES);
export type ObjectType = z.infer<typeof objectTypeSchema>;

/** How the product names each object type in its Security Rights node and in messages (plural, as a node). */
export const OBJECT_TYPE_NAMES: Record<ObjectType, { plural: string; singular: string }> = {
  SoftwareUpdate: { plural: 'Software Updates', singular: 'software update' },
  UpdateList: { plural: 'Update Lists', singular: 'update list' },
  DeploymentTemplate: { plural: 'Deployment Templates', singular: 'deployment template' },
  Deployment: { plural: 'Deployments', singular: 'deployment' },
  DeploymentPackage: { plural: 'Deployment Packages', singular: 'deployment package' },
  SearchFolder: { plural: 'Search Folders', singular: 'search folder' },
  Collection: { plural: 'Collections', singular: 'collection' },
  Package: { plural: 'Packages', singular: 'package' },
  Advertisement: { plural: 'Advertisements', singular: 'advertisement' },
  Site: { plural: 'Sites', singular: 'site' },
};

/** Which rights each object type has in the product ("all" in the scenario's rights table means these). */
export const RIGHTS_BY_OBJECT_TYPE: Record<ObjectType, readonly Right[]> = {
  SoftwareUpdate: RIGHTS,
  UpdateList: ['Read', 'Modify', 'Delete', 'Administer', 'Create', 'Delegate', 'Distribute', 'Manage Folders'],
  DeploymentTemplate: ['Read', 'Modify', 'Delete', 'Administer', 'Create', 'Delegate', 'Manage Folders'],
  Deployment: ['Read', 'Modify', 'Delete', 'Administer', 'Create', 'Delegate', 'Manage Folders'],
  DeploymentPackage: ['Read', 'Modify', 'Delete', 'Administer', 'Create', 'Delegate', 'Distribute', 'Manage Folders'],
  SearchFolder: ['Read', 'Modify', 'Delete', 'Administer', 'Create', 'Delegate'],
  Collection: ['Read', 'Modify', 'Delete', 'Administer', 'Create', 'Delegate'],
  Package: ['Read', 'Modify', 'Delete', 'Administer', 'Create', 'Delegate', 'Distribute', 'Manage Folders'],
  Advertisement: ['Read', 'Modify', 'Delete', 'Administer', 'Create', 'Delegate', 'Manage Folders'],
  Site: ['Read', 'Modify', 'Administer', 'Delegate'],
};

export const grantSchema = z.object({
  account: z.string(),
  objectType: objectTypeSchema,
  /** null: a class right (every object of the type); otherwise the ids of the objects the instance right covers. */
  instanceIds: z.array(z.string()).nullable(),
  rights: z.array(rightSchema),
});
export type Grant = z.infer<typeof grantSchema>;

/**
 * The rights an account holds on one object type. Rights are bits (RIGHT_BITS) rather than Sets: after the upgrade two
 * administrators hold instance rights on each of 50,000 updates, and a Set per update cost a second of allocation at
 * start. An unknown right, which the schema never lets through, would have no bit.
 */
interface TypeRights {
  classRights: number;
  /** The instance grants, indexed by object id only when first asked about (see `instanceRightsOf`). */
  instanceGrants: Grant[];
  /** The instance rights by object id; an id named by a grant without rights holds 0 (it still counts as held). */
  instanceRights: Map<string, number> | null;
  /** Some instance grant of the type names an object. */
  namesInstances: boolean;
  /** Some instance grant of the type includes Read. */
  anyInstanceRead: boolean;
}

const RIGHT_BITS = new Map<Right, number>(RIGHTS.map((right, index) => [right, 1 << index]));

function bitsOf(rights: readonly Right[]): number {
  let bits = 0;
  for (const right of rights) bits |= RIGHT_BITS.get(right) ?? 0;
  return bits;
}

function holds(bits: number, right: Right): boolean {
  return (bits & (RIGHT_BITS.get(right) ?? 0)) !== 0;
}

/**
 * The instance rights of an account on a type, by object id, indexed the first time they are needed: the console is
 * used as one administrator at a time, and an administrator with class rights (CONTOSO\smsadmin) never needs the
 * 50,000-entry indexes of the others to be built when the site starts. Grants are never changed in place.
 */
function instanceRightsOf(typeRights: TypeRights): Map<string, number> {
  if (typeRights.instanceRights) return typeRights.instanceRights;
  const instanceRights = new Map<string, number>();
  for (const grant of typeRights.instanceGrants) {
    const bits = bitsOf(grant.rights);
    for (const id of grant.instanceIds ?? []) instanceRights.set(id, (instanceRights.get(id) ?? 0) | bits);
  }
  typeRights.instanceRights = instanceRights;
  return instanceRights;
}

/**
 * Grants indexed for fast checks: a list of 50,000 updates is filtered by Read in a few milliseconds.
 * Build it once per state (see `rightsIndexFor`).
 */
export class RightsIndex {
  private readonly byAccount = new Map<string, Map<ObjectType, TypeRights>>();

  constructor(grants: readonly Grant[]) {
    for (const grant of grants) {
      const typeRights = this.typeRightsFor(grant.account, grant.objectType);
      if (grant.instanceIds === null) {
        typeRights.classRights |= bitsOf(grant.rights);
      } else {
        if (grant.rights.includes('Read') && grant.instanceIds.length > 0) typeRights.anyInstanceRead = true;
        if (grant.instanceIds.length > 0) typeRights.namesInstances = true;
        typeRights.instanceGrants.push(grant);
      }
    }
  }

  private typeRightsFor(account: string, objectType: ObjectType): TypeRights {
    let types = this.byAccount.get(account);
    if (!types) this.byAccount.set(account, (types = new Map()));
    let typeRights = types.get(objectType);
    if (!typeRights) {
      typeRights = {
        classRights: 0,
        instanceGrants: [],
        instanceRights: null,
        namesInstances: false,
        anyInstanceRead: false,
      };
      types.set(objectType, typeRights);
    }
    return typeRights;
  }

  /** The account holds some right, class or instance, on the object type: its node can be opened. */
  hasAnyRightOnType(account: string, objectType: ObjectType): boolean {
    const typeRights = this.byAccount.get(account)?.get(objectType);
    if (!typeRights) return false;
    return typeRights.classRights !== 0 || typeRights.namesInstances;
  }

  /** The account holds Read on some instance of the type. */
  hasAnyInstanceRead(account: string, objectType: ObjectType): boolean {
    return this.byAccount.get(account)?.get(objectType)?.anyInstanceRead ?? false;
  }

  /** The account holds the right on the type as a class right (on every object, present and future). */
  hasClassRight(account: string, objectType: ObjectType, right: Right): boolean {
    const typeRights = this.byAccount.get(account)?.get(objectType);
    return typeRights ? holds(typeRights.classRights, right) : false;
  }

  hasRight(account: string, objectType: ObjectType, objectId: string, right: Right): boolean {
    const typeRights = this.byAccount.get(account)?.get(objectType);
    if (!typeRights) return false;
    if (holds(typeRights.classRights, right)) return true;
    return holds(instanceRightsOf(typeRights).get(objectId) ?? 0, right);
  }

  /** Every right the account holds on one object, class and instance together, in the product's order. */
  rightsOn(account: string, objectType: ObjectType, objectId: string): Right[] {
    const typeRights = this.byAccount.get(account)?.get(objectType);
    if (!typeRights) return [];
    const held = typeRights.classRights | (instanceRightsOf(typeRights).get(objectId) ?? 0);
    return RIGHTS.filter((right) => holds(held, right));
  }
}

export function canRead(index: RightsIndex, account: string, objectType: ObjectType, objectId: string): boolean {
  return index.hasRight(account, objectType, objectId, 'Read');
}

/** The account may open the node that lists objects of this type: it holds Read on the class or on some instance. */
export function canOpenNodeOfType(index: RightsIndex, account: string, objectType: ObjectType): boolean {
  return index.hasClassRight(account, objectType, 'Read') || index.hasAnyInstanceRead(account, objectType);
}

/** "CONTOSO\patchadmin has no Read right on Deployment Templates": why a node is refused. */
export function missingReadOnTypeMessage(account: string, objectType: ObjectType): string {
  return missingRightOnTypeMessage(account, 'Read', objectType);
}

/** "CONTOSO\patchadmin has no Create right on Search Folders": a right the account lacks on the whole object type. */
export function missingRightOnTypeMessage(account: string, right: Right, objectType: ObjectType): string {
  return `${account} has no ${right} right on ${OBJECT_TYPE_NAMES[objectType].plural}`;
}

/**
 * "CONTOSO\lonadmin has no Read right on package CEN00001": why an object is refused. The object is named by its id
 * only, so a refusal never reveals what the caller may not read.
 */
export function missingRightOnObjectMessage(
  account: string,
  right: Right,
  objectType: ObjectType,
  objectId: string,
): string {
  return `${account} has no ${right} right on ${OBJECT_TYPE_NAMES[objectType].singular} ${objectId}`;
}

/**
 * The collection that lets `account` read a client: the first collection it belongs to that the administrator may
 * read (as that collection's node lists it to them), or null when there is none.
 */
export function readableCollectionOfClient(
  index: RightsIndex,
  account: string,
  collectionMembers: Readonly<Record<string, readonly string[]>>,
  clientId: string,
): string | null {
  const found = Object.keys(collectionMembers).find(
    (collectionId) =>
      canRead(index, account, 'Collection', collectionId) && collectionMembers[collectionId]?.includes(clientId),
  );
  return found ?? null;
}
