import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTOSO } from '../scenario/contoso-names';
import { buildContosoStage, DEFAULT_SEED } from '../scenario/contoso-stage';
import { DEFAULT_SCALE } from '../scenario/scale';
import type { SiteState } from '../site-state';
import {
  canOpenNodeOfType,
  canRead,
  missingReadOnTypeMessage,
  missingRightOnObjectMessage,
  OBJECT_TYPES,
  RIGHTS,
  RIGHTS_BY_OBJECT_TYPE,
  RightsIndex,
  type Grant,
  type ObjectType,
  type Right,
} from './rights';

const state = buildContosoStage('just-upgraded', DEFAULT_SEED, DEFAULT_SCALE);
const index = new RightsIndex(state.grants);
const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;

/** The id of an object created after the upgrade: only class rights cover it. */
const NEW_OBJECT_ID = 'created-after-the-upgrade';

/** Every object of each type in the Just upgraded site (the new object types have none yet). */
const OBJECTS: Record<ObjectType, ReadonlyArray<{ id: string; name: string }>> = {
  SoftwareUpdate: state.softwareUpdates.map((u) => ({ id: u.id, name: u.title })),
  UpdateList: state.updateLists,
  DeploymentTemplate: state.deploymentTemplates,
  Deployment: state.deployments,
  DeploymentPackage: state.deploymentPackages,
  SearchFolder: state.searchFolders,
  Collection: state.collections,
  Package: state.packages,
  Advertisement: state.sms2003Advertisements,
  Site: state.sites,
};

/** Which objects an administrator is expected to read, chosen from the site. */
type Readable = (site: SiteState) => string[];
const every =
  (type: ObjectType): Readable =>
  () =>
    OBJECTS[type].map((object) => object.id);
const nothing: Readable = () => [];
const named =
  (type: ObjectType, ...names: string[]): Readable =>
  () =>
    names.map((name) => {
      const object = OBJECTS[type].find((candidate) => candidate.name === name);
      if (!object) throw new Error(`The site has no ${type} named ${name}`);
      return object.id;
    });
const migratedUpdates: Readable = (site) =>
  site.softwareUpdates.filter((u) => u.existedBeforeUpgrade && u.legacy).map((u) => u.id);
const distributionPackages: Readable = (site) =>
  site.packages.filter((p) => p.purpose === 'Software update distribution').map((p) => p.id);
const migratedAdvertisements: Readable = (site) => site.sms2003Advertisements.map((a) => a.id);
/** The table's row "site CEN": LON, still an SMS 2003 site, is not covered. */
const centralSiteOnly: Readable = () => ['CEN'];

interface Expectation {
  /** canOpenNodeOfType: the node of the type opens (Read on the class or on some instance). */
  opens: boolean;
  /** The objects canRead allows, exactly. */
  reads: Readable;
  /** Read as a class right: objects created later are readable too. */
  classRead: boolean;
}

const NEW_OBJECT_TYPES = [
  'UpdateList',
  'DeploymentTemplate',
  'Deployment',
  'DeploymentPackage',
  'SearchFolder',
] as const;
const none: Expectation = { opens: false, reads: nothing, classRead: false };
const byClass = (type: ObjectType): Expectation => ({ opens: true, reads: every(type), classRead: true });
const byInstance = (reads: Readable): Expectation => ({ opens: true, reads, classRead: false });
const noneOnNewTypes = Object.fromEntries(NEW_OBJECT_TYPES.map((type) => [type, none])) as Record<
  (typeof NEW_OBJECT_TYPES)[number],
  Expectation
>;

/** scenario-contoso.md, "Rights right after the upgrade". */
const RIGHTS_RIGHT_AFTER_THE_UPGRADE: Record<string, Record<ObjectType, Expectation>> = {
  [smsadmin]: Object.fromEntries(OBJECT_TYPES.map((type) => [type, byClass(type)])) as Record<ObjectType, Expectation>,
  [patchadmin]: {
    SoftwareUpdate: byInstance(migratedUpdates),
    ...noneOnNewTypes,
    Collection: byClass('Collection'),
    Package: byInstance(distributionPackages),
    Advertisement: byInstance(migratedAdvertisements),
    Site: byInstance(centralSiteOnly),
  },
  [lonadmin]: {
    SoftwareUpdate: none,
    ...noneOnNewTypes,
    Collection: byInstance(named('Collection', CONTOSO.collections.lonWorkstations)),
    Package: byInstance(named('Package', CONTOSO.distributions.lonCriticalUpdates200804)),
    Advertisement: none,
    Site: byInstance(centralSiteOnly),
  },
  [auditor]: {
    SoftwareUpdate: byInstance(migratedUpdates),
    ...noneOnNewTypes,
    Collection: byClass('Collection'),
    Package: byInstance(distributionPackages),
    Advertisement: byInstance(migratedAdvertisements),
    Site: byInstance(centralSiteOnly),
  },
};

const CASES = Object.entries(RIGHTS_RIGHT_AFTER_THE_UPGRADE).flatMap(([account, byType]) =>
  OBJECT_TYPES.map((objectType) => ({ account, objectType, ...byType[objectType] })),
);

describe(
  'Read rights right after the upgrade: "the user who ran the upgrade has access to all of the software updates ' +
    'objects in the Configuration Manager console but other administrators have access only to objects that existed ' +
    'prior to upgrade ... will not have any rights to new object types such as deployment templates." ' +
    '(the planning topic)',
  () => {
    it('is the site the table describes: every update migrated and LEGACY, no object of a new type yet', () => {
      expect(state.upgradedBy).toBe(smsadmin);
      expect(state.softwareUpdates.length).toBeGreaterThan(100);
      expect(migratedUpdates(state)).toHaveLength(state.softwareUpdates.length);
      for (const type of NEW_OBJECT_TYPES) expect(OBJECTS[type]).toHaveLength(0);
      expect(distributionPackages(state)).toHaveLength(4);
      expect(state.sms2003Advertisements.map((a) => a.name).sort()).toEqual(
        ['Office Security Updates 2008-Q1', 'Security Updates 2008-01', 'Server Updates 2007-H2'].sort(),
      );
    });

    it.each(CASES)(
      '$account on $objectType: opens the node $opens, Read as a class right $classRead',
      ({ account, objectType, opens, reads, classRead }) => {
        expect(canOpenNodeOfType(index, account, objectType)).toBe(opens);
        const readable = OBJECTS[objectType].filter((object) => canRead(index, account, objectType, object.id));
        expect(readable.map((object) => object.id).sort()).toEqual([...reads(state)].sort());
        expect(index.hasClassRight(account, objectType, 'Read')).toBe(classRead);
        // An object made after the upgrade (an update synchronized later, a new template) is covered by class rights only.
        expect(canRead(index, account, objectType, NEW_OBJECT_ID)).toBe(classRead);
      },
    );

    it.each(OBJECT_TYPES)('CONTOSO\\smsadmin, who ran the upgrade, holds every right on %s as class rights', (type) => {
      for (const right of RIGHTS_BY_OBJECT_TYPE[type]) expect(index.hasClassRight(smsadmin, type, right)).toBe(true);
      for (const object of OBJECTS[type]) {
        expect(index.rightsOn(smsadmin, type, object.id)).toEqual(
          RIGHTS.filter((r) => RIGHTS_BY_OBJECT_TYPE[type].includes(r)),
        );
      }
    });

    it.each(NEW_OBJECT_TYPES.flatMap((type) => [patchadmin, lonadmin, auditor].map((account) => ({ account, type }))))(
      '$account has no right at all on the new object type $type',
      ({ account, type }) => {
        expect(index.hasAnyRightOnType(account, type)).toBe(false);
        for (const right of RIGHTS) expect(index.hasClassRight(account, type, right)).toBe(false);
      },
    );

    it('CONTOSO\\patchadmin keeps full rights on each migrated update as instance rights, with no class right', () => {
      for (const right of RIGHTS) expect(index.hasClassRight(patchadmin, 'SoftwareUpdate', right)).toBe(false);
      for (const update of state.softwareUpdates) {
        expect(index.rightsOn(patchadmin, 'SoftwareUpdate', update.id)).toEqual([...RIGHTS]);
      }
    });

    it('CONTOSO\\patchadmin keeps full rights on each SMS 2003 distribution package and migrated advertisement', () => {
      for (const id of distributionPackages(state)) {
        expect(index.rightsOn(patchadmin, 'Package', id)).toEqual([...RIGHTS_BY_OBJECT_TYPE.Package]);
      }
      for (const id of migratedAdvertisements(state)) {
        expect(index.rightsOn(patchadmin, 'Advertisement', id)).toEqual([...RIGHTS_BY_OBJECT_TYPE.Advertisement]);
      }
      expect(index.rightsOn(patchadmin, 'Collection', state.collections[0]?.id ?? '')).toEqual(['Read']);
    });

    it('CONTOSO\\auditor holds Read, and only Read, on each migrated update', () => {
      for (const update of state.softwareUpdates) {
        expect(index.rightsOn(auditor, 'SoftwareUpdate', update.id)).toEqual(['Read']);
      }
    });

    it('CONTOSO\\lonadmin holds Read, Modify and Distribute on LON Critical Updates 2008-04 and Read on LON Workstations', () => {
      const lonPackage = state.packages.find((p) => p.name === CONTOSO.distributions.lonCriticalUpdates200804);
      const lonCollection = state.collections.find((c) => c.name === CONTOSO.collections.lonWorkstations);
      expect(index.rightsOn(lonadmin, 'Package', lonPackage?.id ?? '')).toEqual(['Read', 'Modify', 'Distribute']);
      expect(index.rightsOn(lonadmin, 'Collection', lonCollection?.id ?? '')).toEqual(['Read']);
      for (const update of state.softwareUpdates)
        expect(index.rightsOn(lonadmin, 'SoftwareUpdate', update.id)).toEqual([]);
    });

    it('every administrator reads site CEN', () => {
      for (const account of Object.values(CONTOSO.administrators)) {
        expect(canRead(index, account, 'Site', 'CEN')).toBe(true);
      }
    });

    it('an account that is not an administrator of the site holds nothing', () => {
      for (const type of OBJECT_TYPES) {
        expect(canOpenNodeOfType(index, 'CONTOSO\\nobody', type)).toBe(false);
        expect(index.rightsOn('CONTOSO\\nobody', type, NEW_OBJECT_ID)).toEqual([]);
      }
    });
  },
);

describe('the messages of a refusal', () => {
  it.each<[string, ObjectType, string]>([
    [patchadmin, 'DeploymentTemplate', 'CONTOSO\\patchadmin has no Read right on Deployment Templates'],
    [lonadmin, 'SoftwareUpdate', 'CONTOSO\\lonadmin has no Read right on Software Updates'],
    [auditor, 'UpdateList', 'CONTOSO\\auditor has no Read right on Update Lists'],
    [lonadmin, 'Advertisement', 'CONTOSO\\lonadmin has no Read right on Advertisements'],
  ])('%s on %s: "%s"', (account, type, message) => {
    expect(missingReadOnTypeMessage(account, type)).toBe(message);
  });

  it('names an object by its id only', () => {
    expect(missingRightOnObjectMessage(lonadmin, 'Read', 'Package', 'CEN00001')).toBe(
      'CONTOSO\\lonadmin has no Read right on package CEN00001',
    );
    expect(missingRightOnObjectMessage(auditor, 'Modify', 'SoftwareUpdate', '16777217')).toBe(
      'CONTOSO\\auditor has no Modify right on software update 16777217',
    );
  });
});

describe('RightsIndex over any grants (property)', () => {
  const ACCOUNTS = ['CONTOSO\\a', 'CONTOSO\\b', 'CONTOSO\\c'];
  const IDS = ['1', '2', '3', '4', '5', '6'];
  const grantArbitrary: fc.Arbitrary<Grant> = fc.record({
    account: fc.constantFrom(...ACCOUNTS),
    objectType: fc.constantFrom(...OBJECT_TYPES),
    instanceIds: fc.option(fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 4 }), { nil: null }),
    rights: fc.subarray<Right>([...RIGHTS]),
  });
  const grantsArbitrary = fc.array(grantArbitrary, { maxLength: 24 });
  const probeIds = fc.uniqueArray(fc.oneof(fc.constantFrom(...IDS), fc.string({ maxLength: 8 })), { minLength: 1 });

  const grantsOf = (grants: readonly Grant[], account: string, type: ObjectType) =>
    grants.filter((grant) => grant.account === account && grant.objectType === type);

  it('an account with a class grant that includes Read reads any id, and opens the node', () => {
    fc.assert(
      fc.property(grantsArbitrary, probeIds, (grants, ids) => {
        const rights = new RightsIndex(grants);
        for (const account of ACCOUNTS) {
          for (const type of OBJECT_TYPES) {
            const classRead = grantsOf(grants, account, type).some(
              (grant) => grant.instanceIds === null && grant.rights.includes('Read'),
            );
            if (!classRead) continue;
            expect(canOpenNodeOfType(rights, account, type)).toBe(true);
            for (const id of ids) expect(canRead(rights, account, type, id)).toBe(true);
          }
        }
      }),
    );
  });

  it('an account with only instance grants reads exactly the ids listed with Read', () => {
    fc.assert(
      fc.property(grantsArbitrary, probeIds, (grants, ids) => {
        const rights = new RightsIndex(grants);
        for (const account of ACCOUNTS) {
          for (const type of OBJECT_TYPES) {
            const own = grantsOf(grants, account, type);
            if (own.some((grant) => grant.instanceIds === null)) continue;
            const listedWithRead = new Set(
              own.filter((grant) => grant.rights.includes('Read')).flatMap((grant) => grant.instanceIds ?? []),
            );
            expect(canOpenNodeOfType(rights, account, type)).toBe(listedWithRead.size > 0);
            for (const id of [...IDS, ...ids]) {
              expect(canRead(rights, account, type, id)).toBe(listedWithRead.has(id));
            }
          }
        }
      }),
    );
  });

  it('Read on an object is Read on the class or Read listed for the object, never a right on another type', () => {
    fc.assert(
      fc.property(
        grantsArbitrary,
        fc.constantFrom(...ACCOUNTS),
        fc.constantFrom(...OBJECT_TYPES),
        (grants, account, type) => {
          const rights = new RightsIndex(grants);
          const own = grantsOf(grants, account, type).filter((grant) => grant.rights.includes('Read'));
          for (const id of IDS) {
            const expected = own.some((grant) => grant.instanceIds === null || grant.instanceIds.includes(id));
            expect(canRead(rights, account, type, id)).toBe(expected);
          }
        },
      ),
    );
  });
});
