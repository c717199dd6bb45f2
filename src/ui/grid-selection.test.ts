import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  isRowSelected,
  rangesParam,
  selectedCount,
  selectedRanges,
  updateSelection,
  type GridSelection,
  type Range,
  type SelectionAction,
} from './grid-selection';

/** Applies the actions one after the other, from the empty selection unless told otherwise. */
const run = (actions: SelectionAction[], from: GridSelection = EMPTY_SELECTION) =>
  actions.reduce(updateSelection, from);
/** The selected indexes in [0, total), read through isRowSelected. */
const selectedIndexes = (selection: GridSelection, total: number) =>
  Array.from({ length: total }, (_, index) => index).filter((index) => isRowSelected(selection, index));

const select = (index: number): SelectionAction => ({ type: 'select', index });
const toggle = (index: number): SelectionAction => ({ type: 'toggle', index });
const extend = (index: number): SelectionAction => ({ type: 'extend', index });
const focus = (index: number): SelectionAction => ({ type: 'focus', index });
const all: SelectionAction = { type: 'all' };
const clear: SelectionAction = { type: 'clear' };

describe('updateSelection', () => {
  it.each<{ name: string; actions: SelectionAction[]; expected: GridSelection }>([
    { name: 'nothing', actions: [], expected: { all: false, ranges: [], anchor: null, focus: null } },
    { name: 'a click', actions: [select(3)], expected: { all: false, ranges: [[3, 3]], anchor: 3, focus: 3 } },
    {
      name: 'a click replaces the selection',
      actions: [select(3), toggle(5), select(8)],
      expected: { all: false, ranges: [[8, 8]], anchor: 8, focus: 8 },
    },
    {
      name: 'Ctrl-click adds a row and moves the anchor',
      actions: [select(3), toggle(6)],
      expected: {
        all: false,
        ranges: [
          [3, 3],
          [6, 6],
        ],
        anchor: 6,
        focus: 6,
      },
    },
    {
      name: 'Ctrl-click next to a range merges with it',
      actions: [select(3), toggle(4), toggle(2)],
      expected: { all: false, ranges: [[2, 4]], anchor: 2, focus: 2 },
    },
    {
      name: 'Ctrl-click bridges two ranges',
      actions: [select(1), toggle(3), toggle(2)],
      expected: { all: false, ranges: [[1, 3]], anchor: 2, focus: 2 },
    },
    {
      name: 'Ctrl-click in the middle of a range splits it',
      actions: [select(2), extend(6), toggle(4)],
      expected: {
        all: false,
        ranges: [
          [2, 3],
          [5, 6],
        ],
        anchor: 4,
        focus: 4,
      },
    },
    {
      name: 'Ctrl-click at the ends of a range shortens it',
      actions: [select(2), extend(6), toggle(2), toggle(6)],
      expected: { all: false, ranges: [[3, 5]], anchor: 6, focus: 6 },
    },
    {
      name: 'Ctrl-click on the only selected row leaves nothing selected',
      actions: [select(2), toggle(2)],
      expected: { all: false, ranges: [], anchor: 2, focus: 2 },
    },
    {
      name: 'Shift-click extends down from the anchor',
      actions: [select(2), extend(5)],
      expected: { all: false, ranges: [[2, 5]], anchor: 2, focus: 5 },
    },
    {
      name: 'Shift-click extends up from the anchor',
      actions: [select(5), extend(1)],
      expected: { all: false, ranges: [[1, 5]], anchor: 5, focus: 1 },
    },
    {
      name: 'a second Shift-click replaces the first range, from the same anchor',
      actions: [select(5), extend(9), extend(3)],
      expected: { all: false, ranges: [[3, 5]], anchor: 5, focus: 3 },
    },
    {
      name: 'Shift-click replaces rows added with Ctrl-click, from the last Ctrl-clicked row',
      actions: [select(1), toggle(8), extend(10)],
      expected: { all: false, ranges: [[8, 10]], anchor: 8, focus: 10 },
    },
    {
      name: 'Shift-click with nothing selected selects just that row',
      actions: [extend(4)],
      expected: { all: false, ranges: [[4, 4]], anchor: 4, focus: 4 },
    },
    {
      name: 'Shift+arrow after Ctrl+arrow extends from the focus when there is no anchor',
      actions: [focus(3), extend(5)],
      expected: { all: false, ranges: [[3, 5]], anchor: 3, focus: 5 },
    },
    {
      name: 'Ctrl+arrow moves the focus only',
      actions: [select(2), focus(7)],
      expected: { all: false, ranges: [[2, 2]], anchor: 2, focus: 7 },
    },
    {
      name: 'Ctrl+A selects everything, keeping the anchor and the focus',
      actions: [select(2), toggle(5), all],
      expected: { all: true, ranges: [], anchor: 5, focus: 5 },
    },
    {
      name: 'Ctrl-click after Ctrl+A leaves a row out',
      actions: [all, toggle(4)],
      expected: { all: true, ranges: [[4, 4]], anchor: 4, focus: 4 },
    },
    {
      name: 'Ctrl-click twice after Ctrl+A takes the row back',
      actions: [all, toggle(4), toggle(4)],
      expected: { all: true, ranges: [], anchor: 4, focus: 4 },
    },
    {
      name: 'a click after Ctrl+A selects just that row',
      actions: [all, select(4)],
      expected: { all: false, ranges: [[4, 4]], anchor: 4, focus: 4 },
    },
    {
      name: 'Shift-click after Ctrl+A selects the range only',
      actions: [select(2), all, extend(4)],
      expected: { all: false, ranges: [[2, 4]], anchor: 2, focus: 4 },
    },
    {
      name: 'clear',
      actions: [select(2), extend(4), clear],
      expected: { all: false, ranges: [], anchor: null, focus: null },
    },
  ])('$name', ({ actions, expected }) => {
    expect(run(actions)).toEqual(expected);
  });

  it('does not change the selection it is given', () => {
    const before = run([select(2), extend(6)]);
    const copy = structuredClone(before);
    for (const action of [select(1), toggle(4), extend(9), focus(3), all, clear]) updateSelection(before, action);
    expect(before).toEqual(copy);
  });
});

describe('isRowSelected, selectedCount, selectedRanges', () => {
  const total = 10;
  it.each<{ name: string; selection: GridSelection; indexes: number[]; ranges: Range[] }>([
    { name: 'nothing', selection: EMPTY_SELECTION, indexes: [], ranges: [] },
    { name: 'one row', selection: run([select(4)]), indexes: [4], ranges: [[4, 4]] },
    {
      name: 'two ranges',
      selection: run([select(1), extend(3), toggle(7), toggle(8)]),
      indexes: [1, 2, 3, 7, 8],
      ranges: [
        [1, 3],
        [7, 8],
      ],
    },
    {
      name: 'all',
      selection: run([all]),
      indexes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      ranges: [[0, 9]],
    },
    {
      name: 'all but the first and the last',
      selection: run([all, toggle(0), toggle(9)]),
      indexes: [1, 2, 3, 4, 5, 6, 7, 8],
      ranges: [[1, 8]],
    },
    {
      name: 'all but two rows in the middle',
      selection: run([all, toggle(3), toggle(4), toggle(7)]),
      indexes: [0, 1, 2, 5, 6, 8, 9],
      ranges: [
        [0, 2],
        [5, 6],
        [8, 9],
      ],
    },
    {
      name: 'all but every row',
      selection: { all: true, ranges: [[0, 9]], anchor: null, focus: null },
      indexes: [],
      ranges: [],
    },
    {
      // The list got shorter since the rows were selected: what lies past its end does not count.
      name: 'ranges past the end of the list',
      selection: {
        all: false,
        ranges: [
          [8, 12],
          [15, 20],
        ],
        anchor: 8,
        focus: 12,
      },
      indexes: [8, 9],
      ranges: [[8, 9]],
    },
    {
      name: 'all, leaving out rows past the end of the list',
      selection: {
        all: true,
        ranges: [
          [2, 2],
          [9, 14],
        ],
        anchor: null,
        focus: null,
      },
      indexes: [0, 1, 3, 4, 5, 6, 7, 8],
      ranges: [
        [0, 1],
        [3, 8],
      ],
    },
  ])('$name', ({ selection, indexes, ranges }) => {
    expect(selectedIndexes(selection, total)).toEqual(indexes);
    expect(selectedCount(selection, total)).toBe(indexes.length);
    expect(selectedRanges(selection, total)).toEqual(ranges);
  });

  it('counts and lists nothing in an empty list, even with everything selected', () => {
    expect(selectedCount(run([all]), 0)).toBe(0);
    expect(selectedRanges(run([all]), 0)).toEqual([]);
    expect(selectedCount(run([select(0)]), 0)).toBe(0);
    expect(selectedRanges(run([select(0)]), 0)).toEqual([]);
  });

  it('counts every row of a long list after Ctrl+A without listing them', () => {
    const selection = run([select(5), all, toggle(10)]);
    expect(selectedCount(selection, 1_000_000)).toBe(999_999);
    expect(selectedRanges(selection, 1_000_000)).toEqual([
      [0, 9],
      [11, 999_999],
    ]);
  });
});

describe('rangesParam', () => {
  it.each<{ ranges: Range[]; param: string }>([
    { ranges: [], param: '' },
    { ranges: [[4, 4]], param: '4' },
    { ranges: [[0, 4]], param: '0-4' },
    {
      ranges: [
        [0, 4],
        [10, 10],
        [12, 13],
      ],
      param: '0-4,10,12-13',
    },
  ])('writes $ranges as "$param"', ({ ranges, param }) => {
    expect(rangesParam(ranges)).toBe(param);
  });

  it('writes what selectedRanges lists', () => {
    expect(rangesParam(selectedRanges(run([all, toggle(3), toggle(7), toggle(8)]), 12))).toBe('0-2,4-6,9-11');
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Properties: the selection against a naive model, a Set of indexes with an anchor and a focus.

interface Model {
  selected: Set<number>;
  anchor: number | null;
  focus: number | null;
}

function step(model: Model, action: SelectionAction, total: number): Model {
  switch (action.type) {
    case 'select':
      return { selected: new Set([action.index]), anchor: action.index, focus: action.index };
    case 'toggle': {
      const selected = new Set(model.selected);
      if (selected.has(action.index)) selected.delete(action.index);
      else selected.add(action.index);
      return { selected, anchor: action.index, focus: action.index };
    }
    case 'extend': {
      const anchor = model.anchor ?? model.focus ?? action.index;
      const selected = new Set<number>();
      for (let index = Math.min(anchor, action.index); index <= Math.max(anchor, action.index); index++) {
        selected.add(index);
      }
      return { selected, anchor, focus: action.index };
    }
    case 'focus':
      return { ...model, focus: action.index };
    case 'all':
      return { ...model, selected: new Set(Array.from({ length: total }, (_, index) => index)) };
    case 'clear':
      return { selected: new Set(), anchor: null, focus: null };
  }
}

/** A list of 0 to 60 rows and up to 40 actions on rows of that list (an empty list has no rows to act on). */
const scenario = fc.integer({ min: 0, max: 60 }).chain((total) => {
  const index = fc.integer({ min: 0, max: Math.max(0, total - 1) });
  const onRows = total === 0 ? [] : [index.map(select), index.map(toggle), index.map(extend), index.map(focus)];
  const action = fc.oneof(...onRows, fc.constant(all), fc.constant(clear));
  return fc.record({ total: fc.constant(total), actions: fc.array(action, { maxLength: 40 }) });
});

/** Checks the selection against the model: the same rows, the same count, and ranges that list exactly those rows. */
function expectSameAs(selection: GridSelection, model: Model, total: number) {
  const expected = [...model.selected].filter((index) => index < total).sort((a, b) => a - b);
  expect(selectedIndexes(selection, total)).toEqual(expected);
  expect(selectedCount(selection, total)).toBe(expected.length);
  const ranges = selectedRanges(selection, total);
  for (const [start, end] of ranges) {
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeLessThan(total);
    expect(start).toBeLessThanOrEqual(end);
  }
  for (let i = 1; i < ranges.length; i++) {
    // Sorted and disjoint (and not even touching: touching ranges would be one range).
    expect((ranges[i] as Range)[0]).toBeGreaterThan((ranges[i - 1] as Range)[1] + 1);
  }
  expect(ranges.flatMap(([start, end]) => Array.from({ length: end - start + 1 }, (_, k) => start + k))).toEqual(
    expected,
  );
  expect(rangesParam(ranges)).toBe(
    ranges.map(([start, end]) => (start === end ? `${start}` : `${start}-${end}`)).join(','),
  );
}

describe('properties against a Set model', () => {
  it('select, toggle, extend, focus, all and clear agree with the model after every action', () => {
    fc.assert(
      fc.property(scenario, ({ total, actions }) => {
        let selection = EMPTY_SELECTION;
        let model: Model = { selected: new Set(), anchor: null, focus: null };
        for (const action of actions) {
          selection = updateSelection(selection, action);
          model = step(model, action, total);
          expectSameAs(selection, model, total);
          expect(selection.focus).toBe(model.focus);
          expect(selection.anchor).toBe(model.anchor);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the stored ranges stay sorted and disjoint', () => {
    fc.assert(
      fc.property(scenario, ({ actions }) => {
        const { ranges } = run(actions);
        for (const [start, end] of ranges) expect(start).toBeLessThanOrEqual(end);
        for (let i = 1; i < ranges.length; i++) {
          expect((ranges[i] as Range)[0]).toBeGreaterThan((ranges[i - 1] as Range)[1] + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts and lists the rows that remain when the list gets shorter or longer', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 80 }), ({ total, actions }, newTotal) => {
        const selection = run(actions);
        let model: Model = { selected: new Set(), anchor: null, focus: null };
        for (const action of actions) model = step(model, action, total);
        // Rows past the old end that Ctrl+A covers (it selects every row that matches, loaded or not).
        if (selection.all) for (let index = total; index < newTotal; index++) model.selected.add(index);
        expectSameAs(selection, model, newTotal);
      }),
      { numRuns: 300 },
    );
  });
});
