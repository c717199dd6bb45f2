import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildConsoleTree,
  findNode,
  NODE_IDS,
  softwareUpdateFilterForNode,
  updateListIdOfNode,
  updateListNodeId,
} from '../console-tree/console-tree';
import { applyOperation, operationSchema, type Operation, type SiteWorld } from '../operations/operations';
import { RIGHTS_BY_OBJECT_TYPE, RightsIndex } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import { buildWorld, DEFAULT_SEED } from '../scenario/contoso-stage';
import { DEFAULT_SCALE } from '../scenario/scale';
import type { SiteState } from '../site-state';
import type { SoftwareUpdate } from '../model/software-update';
import { nextUpdateListId } from './update-list-operations';
import { whyCannotCreateUpdateList, whyCannotOnUpdateList, whyCannotSeeUpdateLists } from './update-list-rights';
import {
  legacyUpdateListNote,
  updateListNameProblem,
  whyUpdateCannotBeAddedToUpdateList,
  whyUpdatesCannotBeAddedToUpdateList,
} from './update-list-rules';

const { smsadmin, patchadmin, auditor } = CONTOSO.administrators;

let configured: SiteWorld;
let synchronizedWorld: SiteWorld;
let hidden: SoftwareUpdate;
let justUpgraded: SiteWorld;
let beforeUpgrade: SiteWorld;
let active: SoftwareUpdate[];
let expired: SoftwareUpdate;
beforeAll(() => {
  // Synchronized: MS08-067 is active, and five updates of other scan tools stay expired. Configured: the LEGACY
  // clean-up script has hidden the migrated updates no migrated deployment holds.
  synchronizedWorld = buildWorld('synchronized', DEFAULT_SEED, DEFAULT_SCALE);
  configured = buildWorld('configured', DEFAULT_SEED, DEFAULT_SCALE);
  hidden = (configured.configMgr as SiteState).softwareUpdates.find((u) => u.hidden) as SoftwareUpdate;
  justUpgraded = buildWorld('just-upgraded', DEFAULT_SEED, DEFAULT_SCALE);
  beforeUpgrade = buildWorld('before-upgrade', DEFAULT_SEED, DEFAULT_SCALE);
  const updates = (configured.configMgr as SiteState).softwareUpdates;
  active = updates.filter((u) => u.bulletinId === 'MS08-067' && !u.expired && !u.hidden);
  expired = (synchronizedWorld.configMgr as SiteState).softwareUpdates.find(
    (u) => u.expired && !u.hidden,
  ) as SoftwareUpdate;
});

const AT = '2008-12-18T12:00:00.000Z';
const create = (name: string, updateIds: string[], by = smsadmin, id?: string): Operation => ({
  type: 'create-update-list',
  at: AT,
  name,
  description: 'For the December report',
  updateIds,
  by,
  ...(id === undefined ? {} : { id }),
});

const applyAll = (world: SiteWorld, operations: Operation[]) =>
  operations.reduce((current, operation) => applyOperation(current, operation, DEFAULT_SCALE), world);
const stateOf = (world: SiteWorld) => world.configMgr as SiteState;

function expectRefused(world: SiteWorld, operation: Operation, rule: string, says?: string) {
  const before = JSON.stringify(world);
  let caught: unknown;
  try {
    applyOperation(world, operation, DEFAULT_SCALE);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RuleViolation);
  expect((caught as RuleViolation).rule).toBe(rule);
  if (says) expect((caught as RuleViolation).message).toContain(says);
  expect(JSON.stringify(world)).toBe(before);
}

describe('create-update-list', () => {
  it('creates the list with the next free ID, its creator, the date on the site clock, and every right for its creator', () => {
    expect(active.length).toBeGreaterThan(1);
    const ids = active.map((u) => u.id);
    const state = stateOf(applyAll(configured, [create('  MS08-067  ', [...ids, ids[0] as string])]));
    const list = state.updateLists.at(-1);
    expect(list).toEqual({
      id: 'UL000001',
      name: 'MS08-067',
      description: 'For the December report',
      createdBy: smsadmin,
      dateCreated: AT,
      // A list is a set: an update named twice is held once.
      updateIds: ids,
    });
    expect(state.grants.at(-1)).toEqual({
      account: smsadmin,
      objectType: 'UpdateList',
      instanceIds: ['UL000001'],
      rights: [...RIGHTS_BY_OBJECT_TYPE.UpdateList],
    });
    expect(state.lastUpdateListNumber).toBe(1);
  });

  it.each([
    [
      'an expired update ("expired updates cannot be added")',
      () => [expired.id],
      'update-not-addable-to-update-list',
      'is expired',
    ],
    ['no update at all', () => [], 'update-not-addable-to-update-list', 'at least one'],
    ['an update the site does not have', () => ['99999999'], 'software-update-not-found', '99999999'],
  ])('refuses %s and leaves the site as it was', (_, ids, rule, says) => {
    expectRefused(synchronizedWorld, create('Refused', ids()), rule, says);
  });

  it.each([
    ['', 'the name cannot be empty'],
    ['   ', 'the name cannot be empty'],
    ['a'.repeat(257), 'at most 256'],
    ['Tab\there', 'control characters'],
  ])('refuses the name %j', (name, says) => {
    expectRefused(configured, create(name, [active[0]?.id as string]), 'update-list-name-invalid', says);
  });

  it('refuses a name another list has, whatever its case', () => {
    const world = applyAll(configured, [create('December', [active[0]?.id as string])]);
    expectRefused(world, create('DECEMBER', [active[0]?.id as string]), 'update-list-name-taken', 'December');
  });

  it('refuses an update the LEGACY clean-up script hid', () => {
    expect(hidden.expired).toBe(false);
    expectRefused(configured, create('Hidden', [hidden.id]), 'update-not-addable-to-update-list', 'is hidden');
  });

  it('is refused before the upgrade: there are no update lists on an SMS 2003 site', () => {
    expectRefused(beforeUpgrade, create('x', ['1']), 'site-not-upgraded');
  });

  it('refuses every migrated update right after the upgrade: they are all expired', () => {
    const legacy = stateOf(justUpgraded).softwareUpdates.find((u) => u.legacy) as SoftwareUpdate;
    expectRefused(justUpgraded, create('LEGACY', [legacy.id]), 'update-not-addable-to-update-list', '(LEGACY)');
  });

  it('never gives a deleted list ID again', () => {
    const ids = [active[0]?.id as string];
    const world = applyAll(configured, [
      create('One', ids),
      create('Two', ids),
      { type: 'delete-update-list', id: 'UL000002', by: smsadmin },
    ]);
    expect(nextUpdateListId(stateOf(world))).toBe('UL000003');
  });
});

describe('adding, removing, changing and deleting', () => {
  let world: SiteWorld;
  beforeAll(() => {
    world = applyAll(synchronizedWorld, [create('December', [active[0]?.id as string])]);
  });

  it('adds updates, keeping each once', () => {
    const ids = active.map((u) => u.id);
    const state = stateOf(
      applyAll(world, [{ type: 'add-updates-to-update-list', id: 'UL000001', updateIds: ids, by: smsadmin }]),
    );
    expect(state.updateLists[0]?.updateIds).toEqual(ids);
  });

  it('refuses to add an expired update, and leaves the list as it was', () => {
    expectRefused(
      world,
      { type: 'add-updates-to-update-list', id: 'UL000001', updateIds: [expired.id], by: smsadmin },
      'update-not-addable-to-update-list',
    );
  });

  it('removes updates from the list, never from the site', () => {
    const state = stateOf(
      applyAll(world, [
        { type: 'remove-updates-from-update-list', id: 'UL000001', updateIds: [active[0]?.id as string], by: smsadmin },
      ]),
    );
    expect(state.updateLists[0]?.updateIds).toEqual([]);
    expect(state.softwareUpdates.length).toBe(stateOf(world).softwareUpdates.length);
  });

  it('refuses to remove an update the list does not hold', () => {
    expectRefused(
      world,
      { type: 'remove-updates-from-update-list', id: 'UL000001', updateIds: [expired.id], by: smsadmin },
      'update-not-in-update-list',
    );
  });

  it('renames and describes the list', () => {
    const state = stateOf(
      applyAll(world, [
        { type: 'change-update-list', id: 'UL000001', name: 'December 2008', description: 'Critical', by: smsadmin },
      ]),
    );
    expect(state.updateLists[0]).toMatchObject({ name: 'December 2008', description: 'Critical' });
  });

  it('refuses a list that does not exist', () => {
    expectRefused(world, { type: 'delete-update-list', id: 'UL000099', by: smsadmin }, 'update-list-not-found');
  });

  it('deletes the list and the instance rights that named it; deployments keep their updates', () => {
    const before = stateOf(world);
    const state = stateOf(applyAll(world, [{ type: 'delete-update-list', id: 'UL000001', by: smsadmin }]));
    expect(state.updateLists).toEqual([]);
    expect(state.grants.some((g) => g.objectType === 'UpdateList' && g.instanceIds?.includes('UL000001'))).toBe(false);
    expect(state.deployments).toEqual(before.deployments);
    expect(state.softwareUpdates).toBe(before.softwareUpdates);
  });

  it('replays from the log as it was saved (every operation passes the log schema)', () => {
    const log: Operation[] = [
      create('December', [active[0]?.id as string], smsadmin, 'UL000001'),
      { type: 'add-updates-to-update-list', id: 'UL000001', updateIds: active.map((u) => u.id), by: smsadmin },
      { type: 'change-update-list', id: 'UL000001', name: 'Renamed', description: '', by: smsadmin },
    ];
    for (const operation of log) expect(operationSchema.safeParse(operation).success).toBe(true);
    const replayed = buildWorld('configured', DEFAULT_SEED, DEFAULT_SCALE, log);
    expect(stateOf(replayed).updateLists).toEqual(stateOf(applyAll(configured, log)).updateLists);
  });
});

describe('the node of an update list', () => {
  it('is a child of Update Lists, named after the list, and lists exactly its visible updates', () => {
    const state = stateOf(
      applyAll(configured, [
        create(
          'December',
          active.map((u) => u.id),
        ),
      ]),
    );
    const tree = buildConsoleTree(state, { updates: state.softwareUpdates, updateLists: state.updateLists });
    const node = findNode(tree, updateListNodeId('UL000001'));
    expect(node).toMatchObject({ name: 'December', kind: 'update-list', resource: 'software-updates' });
    expect(findNode(tree, NODE_IDS.updateLists)?.children.map((child) => child.id)).toEqual([
      'software-updates/update-lists/UL000001',
    ]);
    const filter = softwareUpdateFilterForNode(updateListNodeId('UL000001'), state);
    expect(state.softwareUpdates.filter((u) => filter?.(u)).map((u) => u.id)).toEqual(active.map((u) => u.id));
    expect(softwareUpdateFilterForNode(updateListNodeId('UL000099'), state)).toBeNull();
    expect(updateListIdOfNode('software-updates/update-lists/UL000001/x')).toBeNull();
  });
});

describe('the rules', () => {
  it.each([
    [
      { title: 'A', expired: true, hidden: false },
      'A is expired: expired software updates cannot be added to an update list.',
    ],
    [
      { title: 'B', expired: false, hidden: true },
      'B is hidden by the LEGACY clean-up script: hidden software updates cannot be added to an update list.',
    ],
    [{ title: 'C', expired: false, hidden: false }, null],
  ])('%o: %s', (update, expected) => {
    expect(whyUpdateCannotBeAddedToUpdateList(update)).toBe(expected);
  });

  it('names the updates that keep a selection out', () => {
    expect(
      whyUpdatesCannotBeAddedToUpdateList([
        { title: 'A', expired: true, hidden: false },
        { title: 'B', expired: false, hidden: true },
        { title: 'C', expired: false, hidden: false },
      ]),
    ).toBe(
      'A is expired, and B is hidden by the LEGACY clean-up script: expired and hidden software updates cannot be added to an update list. Select only active software updates.',
    );
  });

  it('lets LEGACY updates in, with a note', () => {
    expect(legacyUpdateListNote([{ title: 'X (LEGACY)', legacy: true }])).toContain('can be kept in an update list');
    expect(legacyUpdateListNote([{ title: 'Y', legacy: false }])).toBeNull();
  });

  it('checks names as the wizard and the server do', () => {
    expect(updateListNameProblem('December')).toBeNull();
    expect(updateListNameProblem('')).toBe('the name cannot be empty');
  });
});

describe('the rights (update lists are new in 2007: all for smsadmin, none until granted)', () => {
  it.each([
    [smsadmin, null],
    [patchadmin, 'CONTOSO\\patchadmin has no Create right on Update Lists'],
    [auditor, 'CONTOSO\\auditor has no Create right on Update Lists'],
  ])('creating: %s', (account, expected) => {
    expect(whyCannotCreateUpdateList(new RightsIndex(stateOf(configured).grants), account)).toBe(expected);
  });

  it('adding needs Read and Modify on the list itself', () => {
    const rights = new RightsIndex([
      { account: patchadmin, objectType: 'UpdateList', instanceIds: ['UL000001'], rights: ['Read'] },
    ]);
    expect(whyCannotOnUpdateList(rights, patchadmin, 'UL000001', 'Read')).toBeNull();
    expect(whyCannotOnUpdateList(rights, patchadmin, 'UL000001', 'Modify')).toBe(
      'CONTOSO\\patchadmin has no Modify right on update list UL000001',
    );
    expect(whyCannotOnUpdateList(rights, patchadmin, 'UL000002', 'Modify')).toBe(
      'CONTOSO\\patchadmin has no Read right on update list UL000002',
    );
    expect(whyCannotSeeUpdateLists(rights, patchadmin)).toBeNull();
    expect(whyCannotSeeUpdateLists(rights, auditor)).toBe('CONTOSO\\auditor has no Read right on Update Lists');
  });
});
