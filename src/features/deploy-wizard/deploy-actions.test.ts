// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NODE_IDS, searchFolderNodeId } from '@/domain/console-tree/console-tree';
import {
  BEFORE_UPGRADE,
  CHECKING_DEPLOY_RIGHTS,
  DEPLOY_SOFTWARE_UPDATES_LABEL,
  deployActions,
  EMPTY_SEARCH_FOLDER,
  NOTHING_SELECTED,
  type DeployActionContext,
} from './deploy-actions';
import { readDeploySelection } from './deploy-selection';

afterEach(() => sessionStorage.clear());

function context(overrides: Partial<DeployActionContext> & { cannotCreate?: string | null | undefined } = {}) {
  return {
    admin: 'CONTOSO\\smsadmin',
    node: { id: NODE_IDS.updateRepository, kind: 'update-repository' },
    phase: 'configmgr' as const,
    list: { q: 'MS08-067', searchIn: 'all', sort: 'title:asc' },
    selectedRows: '0-5',
    selectedCount: 6,
    total: 6,
    open: vi.fn(),
    cannotCreate: null,
    ...overrides,
  };
}

const only = (actions: ReturnType<typeof deployActions>) => {
  const all = [...actions.nodeActions, ...actions.objectActions];
  expect(all).toHaveLength(1);
  expect(all[0]?.label).toBe(DEPLOY_SOFTWARE_UPDATES_LABEL);
  return all[0] as NonNullable<(typeof all)[number]>;
};

describe('"Deploy Software Updates..."', () => {
  it('acts on the selected updates of Update Repository, its folders and the Software Updates node', () => {
    for (const kind of [
      'update-repository',
      'classification-folder',
      'vendor-folder',
      'product-folder',
      'software-updates',
    ]) {
      const actions = deployActions(context({ node: { id: 'x', kind } }));
      expect(actions.objectActions.map((action) => action.label)).toEqual([DEPLOY_SOFTWARE_UPDATES_LABEL]);
      expect(actions.objectActions[0]?.disabledBecause).toBeUndefined();
    }
  });

  it('is not offered on nodes that do not list software updates to deploy', () => {
    for (const kind of ['deployment-templates', 'collections', 'hidden-software-updates', 'search-folders']) {
      const actions = deployActions(context({ node: { id: 'x', kind } }));
      expect([...actions.nodeActions, ...actions.objectActions]).toEqual([]);
    }
  });

  it('hands the wizard the list and the selected rows, then opens it', () => {
    const open = vi.fn();
    only(deployActions(context({ open, selectedRows: '0-1,4', selectedCount: 3 }))).run();
    expect(open).toHaveBeenCalled();
    expect(readDeploySelection()).toEqual({
      admin: 'CONTOSO\\smsadmin',
      node: NODE_IDS.updateRepository,
      q: 'MS08-067',
      searchIn: 'all',
      sort: 'title:asc',
      rows: '0-1,4',
      count: 3,
      ids: null,
    });
  });

  it('from a search folder with nothing selected, deploys all its updates (a node action)', () => {
    const node = { id: searchFolderNodeId('SF000001'), kind: 'search-folder' };
    const actions = deployActions(context({ node, selectedRows: '', selectedCount: 0, total: 12 }));
    expect(actions.objectActions).toEqual([]);
    const action = only(actions);
    expect(action.disabledBecause).toBeUndefined();
    action.run();
    expect(readDeploySelection()).toMatchObject({ node: node.id, rows: null, count: 12 });
    expect(only(deployActions(context({ node, selectedRows: '', selectedCount: 0, total: 0 }))).disabledBecause).toBe(
      EMPTY_SEARCH_FOLDER,
    );
  });

  it('is greyed out with the reason: nothing selected, before the upgrade, no Create right, rights being read', () => {
    expect(only(deployActions(context({ selectedRows: '', selectedCount: 0 }))).disabledBecause).toBe(NOTHING_SELECTED);
    expect(
      only(
        deployActions(
          context({ phase: 'sms2003', node: { id: 'sms2003/software-updates', kind: 'sms2003-software-updates' } }),
        ),
      ).disabledBecause,
    ).toBe(BEFORE_UPGRADE);
    const refused = 'CONTOSO\\patchadmin has no Create right on Deployments';
    expect(only(deployActions(context({ cannotCreate: refused }))).disabledBecause).toBe(refused);
    expect(only(deployActions(context({ cannotCreate: undefined }))).disabledBecause).toBe(CHECKING_DEPLOY_RIGHTS);
  });
});
