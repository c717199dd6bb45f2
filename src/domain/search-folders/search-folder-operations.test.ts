import { beforeAll, describe, expect, it } from 'vitest';
import {
  searchFolderNodeId,
  softwareUpdateFilterForNode,
  buildConsoleTree,
  findNode,
  NODE_IDS,
} from '../console-tree/console-tree';
import { applyOperation, operationSchema, type Operation, type SiteWorld } from '../operations/operations';
import { RIGHTS_BY_OBJECT_TYPE, RightsIndex } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import { buildWorld, DEFAULT_SEED } from '../scenario/contoso-stage';
import { DEFAULT_SCALE } from '../scenario/scale';
import type { SiteState } from '../site-state';
import { searchFolderCriteriaSchema, type SearchFolderCriteriaInput } from './search-folder-criteria';
import { nextSearchFolderId, searchFolderNameProblem } from './search-folder-operations';
import {
  whyCannotCreateSearchFolder,
  whyCannotOnSearchFolder,
  whyCannotSeeSearchFolders,
} from './search-folder-rights';

const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;
const CRITICAL_LAST_YEAR: SearchFolderCriteriaInput = {
  dateReleased: 'last-year',
  severities: ['Critical'],
  classifications: ['Security Updates'],
};

const create = (
  name: string,
  by: string = smsadmin,
  criteria: SearchFolderCriteriaInput = {},
  id?: string,
): Operation => ({
  type: 'create-search-folder',
  name,
  by,
  criteria: searchFolderCriteriaSchema.parse(criteria),
  ...(id === undefined ? {} : { id }),
});
const rename = (id: string, name: string, by: string = smsadmin): Operation => ({
  type: 'rename-search-folder',
  id,
  name,
  by,
});
const remove = (id: string, by: string = smsadmin): Operation => ({ type: 'delete-search-folder', id, by });

let upgraded: SiteWorld;
let beforeUpgrade: SiteWorld;
beforeAll(() => {
  upgraded = buildWorld('just-upgraded', DEFAULT_SEED, DEFAULT_SCALE);
  beforeUpgrade = buildWorld('before-upgrade', DEFAULT_SEED, DEFAULT_SCALE);
});

function applyAll(world: SiteWorld, operations: Operation[]): SiteWorld {
  return operations.reduce((current, operation) => applyOperation(current, operation, DEFAULT_SCALE), world);
}
const stateOf = (world: SiteWorld) => world.configMgr as SiteState;

/** Applies an operation that must be refused, and checks the rule and that the world was left as it was. */
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

describe('create-search-folder', () => {
  it('creates the folder with the next free ID, its owner, its criteria and their words', () => {
    const state = stateOf(
      applyOperation(upgraded, create('Critical - last 12 months', smsadmin, CRITICAL_LAST_YEAR), DEFAULT_SCALE),
    );
    expect(state.searchFolders).toEqual([
      {
        id: 'SF000001',
        name: 'Critical - last 12 months',
        owner: smsadmin,
        criteria: searchFolderCriteriaSchema.parse(CRITICAL_LAST_YEAR),
        criteriaText:
          'Date Released in the last year (12 months); Severity is Critical; Update Classification is Security Updates',
      },
    ]);
  });

  it('gives IDs in order and never gives a deleted one again', () => {
    const world = applyAll(upgraded, [create('One'), create('Two'), remove('SF000002'), create('Three')]);
    expect(stateOf(world).searchFolders.map((folder) => folder.id)).toEqual(['SF000001', 'SF000003']);
    expect(nextSearchFolderId(stateOf(world))).toBe('SF000004');
  });

  it('takes the ID the log holds, and refuses one already used', () => {
    const world = applyOperation(upgraded, create('Given', smsadmin, {}, 'SF000042'), DEFAULT_SCALE);
    expect(stateOf(world).searchFolders.map((folder) => folder.id)).toEqual(['SF000042']);
    expect(nextSearchFolderId(stateOf(world))).toBe('SF000043');
    expectRefused(world, create('Again', smsadmin, {}, 'SF000042'), 'search-folder-id-taken');
  });

  it('gives its creator every instance right on it ("Creating an object gives its creator every instance right on it")', () => {
    // patchadmin has no right on search folders after the upgrade; the operation itself does not check rights (the
    // server does), so a replayed log gives the creator back exactly what creating gave.
    const world = applyAll(upgraded, [create('Mine', patchadmin), create('Theirs', smsadmin)]);
    const state = stateOf(world);
    expect(state.grants.at(-2)).toEqual({
      account: patchadmin,
      objectType: 'SearchFolder',
      instanceIds: ['SF000001'],
      rights: [...RIGHTS_BY_OBJECT_TYPE.SearchFolder],
    });
    const rights = new RightsIndex(state.grants);
    expect(rights.rightsOn(patchadmin, 'SearchFolder', 'SF000001')).toEqual([...RIGHTS_BY_OBJECT_TYPE.SearchFolder]);
    expect(rights.rightsOn(patchadmin, 'SearchFolder', 'SF000002')).toEqual([]);
    // Instance rights on one folder are not a Create right on the class.
    expect(whyCannotCreateSearchFolder(rights, patchadmin)).toBe(
      'CONTOSO\\patchadmin has no Create right on Search Folders',
    );
    // smsadmin's class rights cover every folder, present and future.
    expect(rights.rightsOn(smsadmin, 'SearchFolder', 'SF000001')).toEqual([...RIGHTS_BY_OBJECT_TYPE.SearchFolder]);
    expect(rights.rightsOn(auditor, 'SearchFolder', 'SF000001')).toEqual([]);
  });

  it.each<[string, string]>([
    ['', 'the name cannot be empty'],
    ['   ', 'the name cannot be empty'],
    ['x'.repeat(101), 'at most 100 characters'],
    ['Tab\there', 'control characters'],
    ['Two\nlines', 'control characters'],
  ])('refuses the name %j: %s', (name, says) => {
    expectRefused(upgraded, create(name), 'search-folder-name-invalid', says);
  });

  it('keeps a name of 100 characters, trimmed', () => {
    const name = 'n'.repeat(100);
    const state = stateOf(applyOperation(upgraded, create(`  ${name} `), DEFAULT_SCALE));
    expect(state.searchFolders[0]?.name).toBe(name);
  });

  it('refuses a second folder of the same name for the same owner, case-blind, but not for another owner', () => {
    const world = applyOperation(upgraded, create('Critical'), DEFAULT_SCALE);
    expectRefused(
      world,
      create('CRITICAL '),
      'search-folder-name-taken',
      'CONTOSO\\smsadmin already has a search folder named "Critical"',
    );
    const other = applyOperation(world, create('Critical', patchadmin), DEFAULT_SCALE);
    expect(stateOf(other).searchFolders.map((folder) => [folder.owner, folder.name])).toEqual([
      [smsadmin, 'Critical'],
      [patchadmin, 'Critical'],
    ]);
  });

  it('refuses an account that is not an administrator of the site', () => {
    expectRefused(upgraded, create('Nobody', 'CONTOSO\\nobody'), 'unknown-administrator');
  });
});

describe('rename-search-folder and delete-search-folder', () => {
  let world: SiteWorld;
  beforeAll(() => {
    world = applyAll(upgraded, [create('Critical'), create('Office'), create('Mine', patchadmin)]);
  });

  it('renames, keeping the ID, owner and criteria', () => {
    const renamed = stateOf(applyOperation(world, rename('SF000001', ' Critical - 2008 '), DEFAULT_SCALE));
    const before = stateOf(world).searchFolders[0];
    expect(renamed.searchFolders[0]).toEqual({ ...before, name: 'Critical - 2008' });
  });

  it('renames to the same name in another case', () => {
    const renamed = stateOf(applyOperation(world, rename('SF000001', 'CRITICAL'), DEFAULT_SCALE));
    expect(renamed.searchFolders[0]?.name).toBe('CRITICAL');
  });

  it("keeps names unique among the owner's folders, whoever renames", () => {
    expectRefused(world, rename('SF000001', 'office'), 'search-folder-name-taken');
    // smsadmin renames patchadmin's folder: the names that count are patchadmin's.
    const renamed = stateOf(applyOperation(world, rename('SF000003', 'Office'), DEFAULT_SCALE));
    expect(renamed.searchFolders[2]).toMatchObject({ owner: patchadmin, name: 'Office' });
  });

  it('refuses a bad name and an unknown folder', () => {
    expectRefused(world, rename('SF000001', ''), 'search-folder-name-invalid');
    expectRefused(
      world,
      rename('SF000099', 'Nothing'),
      'search-folder-not-found',
      'There is no search folder with ID SF000099.',
    );
    expectRefused(world, remove('SF000099'), 'search-folder-not-found');
  });

  it('deletes the folder and the instance rights that named it, and nothing else', () => {
    const deleted = stateOf(applyOperation(world, remove('SF000003'), DEFAULT_SCALE));
    expect(deleted.searchFolders.map((folder) => folder.id)).toEqual(['SF000001', 'SF000002']);
    expect(deleted.grants.some((grant) => grant.instanceIds?.includes('SF000003'))).toBe(false);
    expect(deleted.grants).toHaveLength(stateOf(world).grants.length - 1);
    expect(deleted.softwareUpdates).toBe(stateOf(world).softwareUpdates);
  });
});

describe('before the upgrade there are no search folders', () => {
  it.each<[string, Operation]>([
    ['create', create('Too early')],
    ['rename', rename('SF000001', 'Too early')],
    ['delete', remove('SF000001')],
  ])('%s is refused with site-not-upgraded', (_label, operation) => {
    expectRefused(beforeUpgrade, operation, 'site-not-upgraded', 'still runs SMS 2003 SP3');
  });
});

describe('the log: search folder operations are saved and replayed', () => {
  it('parse back from JSON and replay to the same site', () => {
    const log: Operation[] = [
      create('Critical', smsadmin, CRITICAL_LAST_YEAR),
      create('Office'),
      rename('SF000002', 'Office 2003'),
      remove('SF000001'),
      create('XP', patchadmin, { products: ['Windows XP'] }),
    ];
    const parsed = JSON.parse(JSON.stringify(log)).map((entry: unknown) => operationSchema.parse(entry));
    expect(parsed).toEqual(log);
    const replayed = buildWorld('just-upgraded', DEFAULT_SEED, DEFAULT_SCALE, parsed);
    expect(replayed).toEqual(applyAll(upgraded, log));
    expect(stateOf(replayed).searchFolders.map((folder) => [folder.id, folder.name, folder.owner])).toEqual([
      ['SF000002', 'Office 2003', smsadmin],
      ['SF000003', 'XP', patchadmin],
    ]);
  });

  it('fills in criteria left out of an old entry', () => {
    expect(
      operationSchema.parse({ type: 'create-search-folder', name: 'All', criteria: {}, by: smsadmin }),
    ).toMatchObject({
      criteria: { dateReleased: 'any', products: [], expired: 'any' },
    });
  });
});

describe('rights on search folders (the server refuses with these words)', () => {
  let rights: RightsIndex;
  beforeAll(() => {
    rights = new RightsIndex(stateOf(applyAll(upgraded, [create('Critical'), create('Mine', patchadmin)])).grants);
  });

  it.each<[string, string | null]>([
    [smsadmin, null],
    [patchadmin, 'CONTOSO\\patchadmin has no Create right on Search Folders'],
    [lonadmin, 'CONTOSO\\lonadmin has no Create right on Search Folders'],
    [auditor, 'CONTOSO\\auditor has no Create right on Search Folders'],
  ])('%s creating: %s', (account, why) => {
    expect(whyCannotCreateSearchFolder(rights, account)).toBe(why);
  });

  it.each<[string, string, 'Read' | 'Modify' | 'Delete', string | null]>([
    [smsadmin, 'SF000002', 'Modify', null],
    [smsadmin, 'SF000002', 'Delete', null],
    [patchadmin, 'SF000002', 'Read', null],
    [patchadmin, 'SF000002', 'Delete', null],
    [patchadmin, 'SF000001', 'Read', 'CONTOSO\\patchadmin has no Read right on search folder SF000001'],
    // Read is needed to use Modify or Delete: the missing Read is what is named.
    [patchadmin, 'SF000001', 'Modify', 'CONTOSO\\patchadmin has no Read right on search folder SF000001'],
    [auditor, 'SF000002', 'Delete', 'CONTOSO\\auditor has no Read right on search folder SF000002'],
  ])('%s on %s, %s: %s', (account, id, right, why) => {
    expect(whyCannotOnSearchFolder(rights, account, id, right)).toBe(why);
  });

  it('a Read-only instance grant is refused Modify with the Modify right named', () => {
    const readOnly = new RightsIndex([
      { account: auditor, objectType: 'SearchFolder', instanceIds: ['SF000001'], rights: ['Read'] },
    ]);
    expect(whyCannotOnSearchFolder(readOnly, auditor, 'SF000001', 'Modify')).toBe(
      'CONTOSO\\auditor has no Modify right on search folder SF000001',
    );
  });

  it('an account with no right on search folders at all learns nothing about which exist', () => {
    expect(whyCannotSeeSearchFolders(rights, auditor)).toBe('CONTOSO\\auditor has no Read right on Search Folders');
    expect(whyCannotSeeSearchFolders(rights, patchadmin)).toBeNull();
  });
});

describe('the console tree: search folders under Search Folders', () => {
  it('shows each readable folder as a node that lists the updates matching it, dynamically', () => {
    const state = stateOf(
      applyAll(upgraded, [create('Critical - last 12 months', smsadmin, CRITICAL_LAST_YEAR), create('All of them')]),
    );
    const tree = buildConsoleTree(state, { updates: state.softwareUpdates, searchFolders: state.searchFolders });
    const searchFolders = findNode(tree, NODE_IDS.searchFolders);
    expect(searchFolders?.children.map((node) => [node.id, node.name, node.kind, node.resource])).toEqual([
      [searchFolderNodeId('SF000002'), 'All of them', 'search-folder', 'software-updates'],
      [
        'software-updates/update-repository/search-folders/SF000001',
        'Critical - last 12 months',
        'search-folder',
        'software-updates',
      ],
    ]);
    const filter = softwareUpdateFilterForNode(searchFolderNodeId('SF000001'), state);
    const found = state.softwareUpdates.filter((update) => filter?.(update));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((u) => u.severity === 'Critical' && u.dateReleased >= '2007-12-18')).toBe(true);
    // A year on, the same folder finds none of these migrated updates: the catalog stopped in May 2008.
    const later = softwareUpdateFilterForNode(searchFolderNodeId('SF000001'), {
      ...state,
      clock: '2009-12-18T09:00:00Z',
    });
    expect(state.softwareUpdates.filter((update) => later?.(update))).toEqual([]);
    // Hidden updates (the LEGACY clean-up script) are in no folder.
    const hidden = { ...found[0]!, hidden: true };
    expect(filter?.(hidden)).toBe(false);
  });

  it('answers null for a folder the site does not have, and for a deeper path', () => {
    const state = stateOf(applyOperation(upgraded, create('One'), DEFAULT_SCALE));
    expect(softwareUpdateFilterForNode(searchFolderNodeId('SF000009'), state)).toBeNull();
    expect(softwareUpdateFilterForNode(`${searchFolderNodeId('SF000001')}/more`, state)).toBeNull();
    expect(softwareUpdateFilterForNode(searchFolderNodeId('SF000001'))).toBeNull();
  });
});

describe('searchFolderNameProblem (the dialog shows the same words)', () => {
  it.each<[string, string | null]>([
    ['Critical', null],
    ['', 'the name cannot be empty'],
    ['x'.repeat(101), 'the name must be at most 100 characters'],
  ])('%j: %s', (name, problem) => {
    expect(searchFolderNameProblem(name)).toBe(problem);
  });
});
