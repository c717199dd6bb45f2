import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OBJECT_TYPES, RIGHTS, RightsIndex, type Grant, type ObjectType, type Right } from './rights';

const ACCOUNTS = ['CONTOSO\\smsadmin', 'CONTOSO\\patchadmin', 'CONTOSO\\auditor'];
const IDS = ['1', '2', '3', '16777217', 'CEN00001'];

/** The rules read straight off the grants, with no index: what RightsIndex must answer. */
const naive = {
  grantsOf: (grants: Grant[], account: string, type: ObjectType) =>
    grants.filter((grant) => grant.account === account && grant.objectType === type),
  hasAnyRightOnType(grants: Grant[], account: string, type: ObjectType) {
    return this.grantsOf(grants, account, type).some((grant) =>
      grant.instanceIds === null ? grant.rights.length > 0 : grant.instanceIds.length > 0,
    );
  },
  hasAnyInstanceRead(grants: Grant[], account: string, type: ObjectType) {
    return this.grantsOf(grants, account, type).some(
      (grant) => grant.instanceIds !== null && grant.instanceIds.length > 0 && grant.rights.includes('Read'),
    );
  },
  hasClassRight(grants: Grant[], account: string, type: ObjectType, right: Right) {
    return this.grantsOf(grants, account, type).some(
      (grant) => grant.instanceIds === null && grant.rights.includes(right),
    );
  },
  rightsOn(grants: Grant[], account: string, type: ObjectType, id: string): Right[] {
    const held = this.grantsOf(grants, account, type).filter(
      (grant) => grant.instanceIds === null || grant.instanceIds.includes(id),
    );
    return RIGHTS.filter((right) => held.some((grant) => grant.rights.includes(right)));
  },
};

const grantArbitrary: fc.Arbitrary<Grant> = fc.record({
  account: fc.constantFrom(...ACCOUNTS),
  objectType: fc.constantFrom(...OBJECT_TYPES),
  instanceIds: fc.option(fc.array(fc.constantFrom(...IDS), { maxLength: 4 }), { nil: null }),
  rights: fc.subarray([...RIGHTS]),
});

describe('RightsIndex (rights held as bits)', () => {
  it('answers every question as the grants read one by one do', () => {
    fc.assert(
      fc.property(fc.array(grantArbitrary, { maxLength: 12 }), (grants) => {
        const index = new RightsIndex(grants);
        for (const account of [...ACCOUNTS, 'CONTOSO\\nobody']) {
          for (const type of OBJECT_TYPES) {
            expect(index.hasAnyRightOnType(account, type)).toBe(naive.hasAnyRightOnType(grants, account, type));
            expect(index.hasAnyInstanceRead(account, type)).toBe(naive.hasAnyInstanceRead(grants, account, type));
            for (const right of RIGHTS) {
              expect(index.hasClassRight(account, type, right)).toBe(naive.hasClassRight(grants, account, type, right));
            }
            for (const id of [...IDS, 'unknown']) {
              const rights = naive.rightsOn(grants, account, type, id);
              expect(index.rightsOn(account, type, id)).toEqual(rights);
              for (const right of RIGHTS) expect(index.hasRight(account, type, id, right)).toBe(rights.includes(right));
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
