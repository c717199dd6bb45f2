/**
 * The selection of a long, windowed list, by row index: explicit ranges, or "all" minus excluded ranges (Ctrl+A
 * selects every row that matches, not only the rows on screen or loaded). Ranges are inclusive, sorted, disjoint.
 */
export type Range = readonly [number, number];

export interface GridSelection {
  all: boolean;
  /** Selected rows when `all` is false; rows left out when `all` is true. */
  ranges: readonly Range[];
  /** Where Shift-selection extends from. */
  anchor: number | null;
  /** The current row (the keyboard's position, and the object Properties opens). */
  focus: number | null;
}

export const EMPTY_SELECTION: GridSelection = { all: false, ranges: [], anchor: null, focus: null };

function inRanges(ranges: readonly Range[], index: number): boolean {
  return ranges.some(([start, end]) => index >= start && index <= end);
}

function normalize(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

function toggleIndex(ranges: readonly Range[], index: number): Range[] {
  if (!inRanges(ranges, index)) return normalize([...ranges, [index, index]]);
  const out: Range[] = [];
  for (const [start, end] of ranges) {
    if (index < start || index > end) out.push([start, end]);
    else {
      if (start < index) out.push([start, index - 1]);
      if (index < end) out.push([index + 1, end]);
    }
  }
  return out;
}

export function isRowSelected(selection: GridSelection, index: number): boolean {
  return selection.all ? !inRanges(selection.ranges, index) : inRanges(selection.ranges, index);
}

export function selectedCount(selection: GridSelection, total: number): number {
  const size = selection.ranges.reduce(
    (sum, [start, end]) => sum + Math.max(0, Math.min(end, total - 1) - start + 1),
    0,
  );
  return selection.all ? Math.max(0, total - size) : size;
}

/** The selected rows as explicit ranges within [0, total). */
export function selectedRanges(selection: GridSelection, total: number): Range[] {
  const clipped = selection.ranges
    .map(([start, end]): Range => [Math.max(0, start), Math.min(total - 1, end)])
    .filter(([start, end]) => start <= end);
  if (!selection.all) return clipped;
  const out: Range[] = [];
  let next = 0;
  for (const [start, end] of clipped) {
    if (start > next) out.push([next, start - 1]);
    next = end + 1;
  }
  if (next <= total - 1) out.push([next, total - 1]);
  return out;
}

export type SelectionAction =
  | { type: 'select'; index: number }
  | { type: 'toggle'; index: number }
  | { type: 'extend'; index: number }
  | { type: 'focus'; index: number }
  | { type: 'all' }
  | { type: 'clear' };

/** Click, Ctrl-click, Shift-click / Shift+arrows, Ctrl+arrows (focus only), Ctrl+A. */
export function updateSelection(selection: GridSelection, action: SelectionAction): GridSelection {
  switch (action.type) {
    case 'select':
      return { all: false, ranges: [[action.index, action.index]], anchor: action.index, focus: action.index };
    case 'toggle':
      return {
        ...selection,
        ranges: toggleIndex(selection.ranges, action.index),
        anchor: action.index,
        focus: action.index,
      };
    case 'extend': {
      const anchor = selection.anchor ?? selection.focus ?? action.index;
      const range: Range = [Math.min(anchor, action.index), Math.max(anchor, action.index)];
      return { all: false, ranges: [range], anchor, focus: action.index };
    }
    case 'focus':
      return { ...selection, focus: action.index };
    case 'all':
      return { ...selection, all: true, ranges: [] };
    case 'clear':
      return EMPTY_SELECTION;
  }
}

/** "0-4,10,12-13": ranges as the API's `rows` parameter writes them. */
export function rangesParam(ranges: readonly Range[]): string {
  return ranges.map(([start, end]) => (start === end ? `${start}` : `${start}-${end}`)).join(',');
}
