import { describe, expect, it } from 'vitest';
import {
  BEFORE_UPGRADE,
  CHECKING_UPDATE_LIST_RIGHTS,
  NOTHING_SELECTED,
  NOTHING_TO_REMOVE,
  updateListActions,
  type UpdateListActionContext,
  type UpdateListRightsRead,
} from './update-list-actions';

const admin = 'CONTOSO\\patchadmin';
const base: UpdateListActionContext & UpdateListRightsRead = {
  admin,
  node: { id: 'software-updates/update-repository', kind: 'update-repository' },
  phase: 'configmgr',
  list: { q: '', searchIn: 'all', sort: null },
  selectedRows: '0-2',
  selectedCount: 3,
  focused: { id: '16777217' },
  resource: 'software-updates',
  open: () => undefined,
  classRights: { canCreate: true, whyNot: null, cannotUseWizard: null },
  listRights: undefined,
};
const labels = (actions: Array<{ label: string; disabledBecause?: string }>) =>
  Object.fromEntries(actions.map((action) => [action.label, action.disabledBecause ?? null]));

describe('the update list actions', () => {
  it('offers "Update List..." on selected updates, greyed out with the reason when it cannot be taken', () => {
    expect(labels(updateListActions(base).objectActions)).toEqual({ 'Update List...': null });
    expect(labels(updateListActions({ ...base, selectedCount: 0 }).objectActions)).toEqual({
      'Update List...': NOTHING_SELECTED,
    });
    expect(labels(updateListActions({ ...base, phase: 'sms2003' }).objectActions)).toEqual({
      'Update List...': BEFORE_UPGRADE,
    });
    expect(labels(updateListActions({ ...base, classRights: undefined }).objectActions)).toEqual({
      'Update List...': CHECKING_UPDATE_LIST_RIGHTS,
    });
    const why = 'CONTOSO\\patchadmin has no Create right on Update Lists and no Modify right on any update list';
    expect(
      labels(
        updateListActions({ ...base, classRights: { canCreate: false, whyNot: 'x', cannotUseWizard: why } })
          .objectActions,
      ),
    ).toEqual({ 'Update List...': why });
  });

  it('offers Rename, Delete and Properties on a list node, with the rights held on the list', () => {
    const node = { id: 'software-updates/update-lists/UL000001', kind: 'update-list' };
    const readOnly = updateListActions({ ...base, node, listRights: ['Read'] });
    expect(labels(readOnly.nodeActions)).toEqual({
      'Rename...': 'CONTOSO\\patchadmin has no Modify right on update list UL000001',
      Delete: 'CONTOSO\\patchadmin has no Delete right on update list UL000001',
      Properties: null,
    });
    expect(labels(readOnly.objectActions)).toEqual({
      'Update List...': null,
      'Remove from Update List': 'CONTOSO\\patchadmin has no Modify right on update list UL000001',
    });
    const full = updateListActions({ ...base, node, selectedCount: 0, listRights: ['Read', 'Modify', 'Delete'] });
    expect(labels(full.nodeActions)).toEqual({ 'Rename...': null, Delete: null, Properties: null });
    expect(labels(full.objectActions)['Remove from Update List']).toBe(NOTHING_TO_REMOVE);
  });

  it('offers Rename and Delete for one selected row of the Update Lists node', () => {
    const node = { id: 'software-updates/update-lists', kind: 'update-lists' };
    const context = { ...base, node, resource: 'update-lists', focused: { id: 'UL000002' } };
    expect(
      labels(updateListActions({ ...context, selectedCount: 1, listRights: ['Read', 'Modify'] }).objectActions),
    ).toEqual({
      'Rename...': null,
      Delete: 'CONTOSO\\patchadmin has no Delete right on update list UL000002',
    });
    expect(labels(updateListActions({ ...context, selectedCount: 2 }).objectActions)).toEqual({
      'Rename...': 'Select one update list to rename.',
      Delete: 'Select one update list to delete.',
    });
  });
});
