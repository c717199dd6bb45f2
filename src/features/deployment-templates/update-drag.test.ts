import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, updateSelection } from '@/ui/grid-selection';
import { fieldOfRefusal, formFromTemplate, newTemplateForm, requestFromForm } from './template-form';
import { MAX_UPDATES_IN_LINK, payloadOfRows, selectedRows } from './update-drag';

describe('what a drag of rows carries onto a deployment template', () => {
  it('carries the selected software updates, or the updates of the selected update lists (each once)', () => {
    expect(payloadOfRows('software-updates', [{ id: '1' }, { id: '2' }])).toEqual({
      updateIds: ['1', '2'],
      source: '2 software updates',
    });
    const list = (id: string, name: string, updateIds: string[]) => ({ id, name, updateIds });
    expect(payloadOfRows('update-lists', [list('L1', 'December', ['1', '2'])])).toEqual({
      updateIds: ['1', '2'],
      source: 'the update list December',
    });
    expect(payloadOfRows('update-lists', [list('L1', 'A', ['1', '2']), list('L2', 'B', ['2', '3'])])).toEqual({
      updateIds: ['1', '2', '3'],
      source: '2 update lists',
    });
    expect(payloadOfRows('update-lists', [list('L1', 'Empty', [])])).toBeNull();
    expect(payloadOfRows('collections', [{ id: 'SMS00001' }])).toBeNull();
  });

  it('names only loaded rows, and says when the selection holds rows not loaded or too many', () => {
    const rows = Array.from({ length: 10 }, (_, index) => ({ id: String(index) }));
    const getRow = (index: number) => (index < 5 ? rows[index] : undefined);
    const two = updateSelection(updateSelection(EMPTY_SELECTION, { type: 'select', index: 1 }), {
      type: 'extend',
      index: 2,
    });
    expect(selectedRows(two, 10, getRow)).toEqual({ rows: [rows[1], rows[2]], complete: true, count: 2 });
    const all = updateSelection(EMPTY_SELECTION, { type: 'all' });
    expect(selectedRows(all, 10, getRow)).toMatchObject({ complete: false, count: 10 });
    expect(selectedRows(all, MAX_UPDATES_IN_LINK + 1, () => ({ id: 'x' }))).toEqual({
      rows: [],
      complete: false,
      count: MAX_UPDATES_IN_LINK + 1,
    });
  });
});

describe('the template form', () => {
  it('sends no collection when "Do not specify a collection" is chosen, and the duration as typed', () => {
    const form = newTemplateForm();
    const request = requestFromForm({
      ...form,
      name: '  Pilot  ',
      durationText: '3',
      specifyCollection: false,
      settings: { ...form.settings, collectionId: 'CEN00011' },
    });
    expect(request).toMatchObject({ name: 'Pilot', settings: { collectionId: null, duration: 3 } });
  });

  it('opens a saved template as it is', () => {
    const form = formFromTemplate({
      ...newTemplateForm().settings,
      collectionId: 'SMS000GS',
      id: 'DT000001',
      name: 'Workstations',
      description: '',
      createdBy: 'CONTOSO\\smsadmin',
      createdAt: '2008-12-18T11:50:00Z',
    });
    expect(form).toMatchObject({ name: 'Workstations', specifyCollection: true, durationText: '2' });
    expect(Object.keys(form.settings)).not.toContain('id');
  });

  it.each([
    ['template-name-taken', undefined, 'name'],
    [undefined, 'settings.duration', 'duration'],
    ['duration-invalid', undefined, 'duration'],
    ['unknown-collection', undefined, 'collection'],
    ['site-changed-elsewhere', undefined, null],
  ] as const)('puts a refusal by rule %s or field %s next to %s', (rule, field, expected) => {
    expect(fieldOfRefusal(rule, field)).toBe(expected);
  });
});
