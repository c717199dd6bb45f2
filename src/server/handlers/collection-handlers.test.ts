import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collectionObjectResponseSchema } from '@/domain/contract/deployment-properties-contract';
import { membershipRulesOf } from '@/domain/collections/collection-properties';
import { RIGHTS_BY_OBJECT_TYPE } from '@/domain/rights/rights';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import type { SavedSite } from '../persistence/saved-site';
import { startTestBackend } from '../test-harness';

/**
 * A collection's Properties saved (PATCH /api/collections/:id, its comment), right after the upgrade: CONTOSO\smsadmin
 * holds every right on collections, patchadmin and auditor Read (class), lonadmin Read on LON Workstations only.
 */

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
const { smsadmin, patchadmin, lonadmin } = CONTOSO.administrators;

let harness: Harness;
beforeAll(async () => {
  harness = await startTestBackend({ stage: 'just-upgraded' });
});
afterAll(() => harness.stop());
beforeEach(async () => {
  await harness.backend.reset('just-upgraded');
});

const collectionNamed = (name: string) => {
  const found = harness.backend.state.collections.find((collection) => collection.name === name);
  if (!found) throw new Error(`No collection ${name}`);
  return found;
};
const patch = (id: string, body: unknown, admin: string = smsadmin) =>
  harness.call(`/api/collections/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    admin,
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function snapshot() {
  return {
    state: JSON.stringify(harness.backend.state),
    version: harness.backend.version,
    saved: JSON.stringify(await harness.store.load()),
  };
}

async function expectRefused(
  request: Promise<{ status: number; body: { error?: { message: string; field?: string } } }>,
  status: number,
  expected: { field?: string; message?: RegExp | string },
) {
  const before = await snapshot();
  const { status: got, body } = await request;
  expect(got, JSON.stringify(body)).toBe(status);
  if (expected.field !== undefined) expect(body.error?.field).toBe(expected.field);
  if (expected.message !== undefined) expect(body.error?.message).toMatch(expected.message);
  expect(await snapshot()).toEqual(before);
}

describe('PATCH /api/collections/:id: the comment', () => {
  it('saves the comment (trimmed), answers the collection with the rights held, logs and audits it', async () => {
    const pilot = collectionNamed(CONTOSO.collections.cenPilotWorkstations);
    const { status, body } = await patch(pilot.id, { comment: '  The first 100 workstations: pilot ring.  ' });
    expect(status, JSON.stringify(body.error)).toBe(200);
    const answer = collectionObjectResponseSchema.parse(body);
    expect(answer.item).toEqual({ ...pilot, comment: 'The first 100 workstations: pilot ring.' });
    expect(answer.rights).toEqual([...RIGHTS_BY_OBJECT_TYPE.Collection]);
    const saved = (await harness.store.load()) as SavedSite;
    expect(saved.log.at(-1)).toMatchObject({ type: 'update-collection-comment', collectionId: pilot.id, by: smsadmin });
    const list = await harness.call(`/api/collections?q=pilot%20ring&limit=10`);
    expect(list.body.items?.map((item) => item.id)).toEqual([pilot.id]);
    const audit = await harness.call('/api/audit-log?q=Modify%20collection%20comment&limit=10');
    expect(audit.body.items?.map((entry) => [entry.objectName, entry.outcome])).toEqual([
      [CONTOSO.collections.cenPilotWorkstations, 'Succeeded'],
    ]);
  });

  it('clears the comment', async () => {
    const xp = collectionNamed(CONTOSO.collections.allWindowsXp);
    const { status } = await patch(xp.id, { comment: '' });
    expect(status).toBe(200);
    expect(collectionNamed(CONTOSO.collections.allWindowsXp).comment).toBe('');
  });

  it.each([
    ['comment', { comment: 'x'.repeat(128) }, /at most 127 characters/],
    ['comment', { comment: 42 }, /comment/],
    ['comment', {}, /comment/],
    ['name', { comment: '', name: 'Renamed' }, /takes no field "name"/],
    ['body', 'not json', /not valid JSON/],
  ])('400 naming the field %s, and nothing changes', async (field, body, message) => {
    await expectRefused(patch(collectionNamed(CONTOSO.collections.allSystems).id, body), 400, { field, message });
  });

  it('403 without Modify (or Read) on the collection, naming it; nothing changes', async () => {
    const pilot = collectionNamed(CONTOSO.collections.cenPilotWorkstations);
    const lon = collectionNamed(CONTOSO.collections.lonWorkstations);
    await expectRefused(patch(pilot.id, { comment: 'x' }, patchadmin), 403, {
      message: `${patchadmin} has no Modify right on collection ${pilot.id}`,
    });
    await expectRefused(patch(lon.id, { comment: 'x' }, lonadmin), 403, {
      message: `${lonadmin} has no Modify right on collection ${lon.id}`,
    });
    await expectRefused(patch(pilot.id, { comment: 'x' }, lonadmin), 403, {
      message: `${lonadmin} has no Read right on collection ${pilot.id}`,
    });
  });

  it('404 for a collection the site does not have', async () => {
    await expectRefused(patch('CEN99999', { comment: 'x' }), 404, {
      message: 'There is no collection with ID CEN99999.',
    });
  });

  it('409 for control characters, and before the upgrade (the SMS 2003 site is read-only); nothing changes', async () => {
    const all = collectionNamed(CONTOSO.collections.allSystems);
    await expectRefused(patch(all.id, { comment: 'tab\there' }), 409, { message: /control characters/ });
    await harness.backend.reset('before-upgrade');
    await expectRefused(patch(all.id, { comment: 'x' }), 409, { message: /Configuration Manager 2007|upgrade/i });
  });
});

describe('membershipRulesOf: the Membership Rules tab', () => {
  it('reads a direct rule and a query rule from what the migrated site says', () => {
    expect(
      membershipRulesOf({ name: 'CEN Pilot Workstations', membershipRule: 'Direct membership: the first 100.' }),
    ).toEqual([
      {
        name: 'Direct members',
        type: 'Direct',
        resourceClass: 'System Resource',
        description: 'Direct membership: the first 100.',
      },
    ]);
    expect(membershipRulesOf({ name: 'LON Workstations', membershipRule: 'Site code is LON.' })[0]?.type).toBe('Query');
    expect(membershipRulesOf({ name: 'Empty', membershipRule: '  ' })).toEqual([]);
  });
});
