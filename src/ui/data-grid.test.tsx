// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useCallback, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataGrid, type GridColumn, type GridCommand, type GridSort } from './data-grid';
import { EMPTY_SELECTION, selectedCount, updateSelection, type GridSelection } from './grid-selection';

interface Row {
  id: string;
  name: string;
  size: number;
}

const COLUMNS: GridColumn<Row>[] = [
  { key: 'name', header: 'Name', width: 200, cell: (row) => row.name },
  { key: 'size', header: 'Size', width: 80, align: 'right', cell: (row) => String(row.size) },
];

const rowAt = (index: number): Row => ({ id: `row-${index}`, name: `Item ${index}`, size: index * 10 });

type ContextMenuHandler = (
  at: { x: number; y: number },
  target: { kind: 'row' | 'header'; columnKey?: string },
) => void;

interface HarnessProps {
  rowCount: number;
  /** Rows at or past this index are "not loaded yet": getRow returns undefined for them. */
  loadedCount?: number;
  initialSelection?: GridSelection;
  sort?: GridSort | null;
  multiSelect?: boolean;
  onSelectionChange?: (selection: GridSelection) => void;
  onOpen?: (index: number) => void;
  onSort?: (key: string) => void;
  onCommand?: (command: GridCommand) => void;
  onContextMenu?: ContextMenuHandler;
}

/** Keeps the selection in state, as the console's object list does. */
function Harness({
  rowCount,
  loadedCount = rowCount,
  initialSelection = EMPTY_SELECTION,
  sort = null,
  multiSelect,
  ...spies
}: HarnessProps) {
  const [selection, setSelection] = useState<GridSelection>(initialSelection);
  return (
    <DataGrid<Row>
      label="All items"
      columns={COLUMNS}
      rowCount={rowCount}
      getRow={(index) => (index < loadedCount ? rowAt(index) : undefined)}
      getRowId={(row) => row.id}
      selection={selection}
      onSelectionChange={(next) => {
        spies.onSelectionChange?.(next);
        setSelection(next);
      }}
      onOpen={(index) => spies.onOpen?.(index)}
      sort={sort}
      onSort={(key) => spies.onSort?.(key)}
      onRangeChange={onRangeChange}
      onCommand={spies.onCommand}
      onContextMenu={spies.onContextMenu}
      multiSelect={multiSelect}
      emptyText="There are no items to show in this view."
    />
  );
}
// A stable function, as the app passes (a new one each render would re-run the grid's range effect every render).
const onRangeChange = () => {};

function setup(props: HarnessProps) {
  const onSelectionChange = vi.fn<(selection: GridSelection) => void>();
  const onOpen = vi.fn<(index: number) => void>();
  const onSort = vi.fn<(key: string) => void>();
  const onCommand = vi.fn<(command: GridCommand) => void>();
  const onContextMenu = vi.fn<ContextMenuHandler>();
  const user = userEvent.setup();
  const view = render(
    <Harness
      onSelectionChange={onSelectionChange}
      onOpen={onOpen}
      onSort={onSort}
      onCommand={onCommand}
      onContextMenu={onContextMenu}
      {...props}
    />,
  );
  /** The selection the grid last handed to its owner. */
  const lastSelection = () => onSelectionChange.mock.lastCall?.[0];
  return { user, onSelectionChange, onOpen, onSort, onCommand, onContextMenu, lastSelection, view };
}

/** A selection of one row, as a click leaves it. */
const selected = (index: number) => updateSelection(EMPTY_SELECTION, { type: 'select', index });

const grid = () => screen.getByRole('grid', { name: 'All items' });
/** The data rows (the header row is a row too, in the first rowgroup). */
const dataRows = () => within(screen.getAllByRole('rowgroup')[1] as HTMLElement).queryAllByRole('row');
const rowNamed = (text: string) => screen.getByText(text).closest('[role="row"]') as HTMLElement;
/** The list index of a rendered row (aria-rowindex counts the header row, from 1). */
const indexOfRow = (row: Element) => Number(row.getAttribute('aria-rowindex')) - 2;
/** The indexes of the rendered rows that are aria-selected. */
const selectedRows = () =>
  dataRows()
    .filter((row) => row.getAttribute('aria-selected') === 'true')
    .map(indexOfRow);
/** The row aria-activedescendant points at, if any. */
const activeRow = () => {
  const id = grid().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};

const VIEWPORT_HEIGHT = 400; // the grid's viewport: 20 rows of 20px, less the header row
const ROW_HEIGHT = 20; // the header row and the data rows
const isGrid = (element: Element) => element.getAttribute('role') === 'grid';

beforeEach(() => {
  // @tanstack/react-virtual sizes the viewport from the scroll element's clientWidth/clientHeight (its getRect), not
  // from getBoundingClientRect, and measures rows only when measureElement is used (DataGrid uses the fixed 20px
  // estimate instead). jsdom lays nothing out, so clientHeight is 0 and the virtualizer renders no rows at all (only
  // the header row is there). Giving the grid a clientHeight is enough for it to render the rows that fit plus the
  // overscan. Every other element gets the height of a row (the header row is the only other one whose height could
  // matter), through clientHeight and offsetHeight alike.
  const height = (element: Element) => (isGrid(element) ? VIEWPORT_HEIGHT : ROW_HEIGHT);
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function clientHeight(this: Element) {
    return height(this);
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function offsetHeight(this: HTMLElement) {
    return height(this);
  });
  // Scrolling to the last row asks the scroll element how far it can scroll (scrollHeight - clientHeight); jsdom's
  // scrollHeight is 0, so report what a browser would: the header row plus the grid's body, which the grid sets to
  // the rows' total height.
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function scrollHeight(this: Element) {
    if (!isGrid(this)) return 0;
    const body = this.querySelectorAll<HTMLElement>('[role="rowgroup"]')[1];
    return ROW_HEIGHT + (body ? Number.parseFloat(body.style.height) || 0 : 0);
  });
  // jsdom has no Element.scrollTo (the virtualizer calls it optionally, so scrolling is a no-op without it). This stub
  // stores the offset and, as a browser does, fires the scroll event the virtualizer listens to later and only when
  // the offset changed, so scrolling to a row renders it.
  Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
    const top = typeof options === 'object' ? options.top : undefined;
    if (top === undefined || top === this.scrollTop) return;
    this.scrollTop = top;
    setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
  } as Element['scrollTo'];
});

afterEach(() => {
  vi.restoreAllMocks();
  delete (Element.prototype as Partial<Element>).scrollTo;
});

describe('DataGrid: roles and names', () => {
  it('is a grid named by its label', () => {
    setup({ rowCount: 3 });
    expect(grid()).toBeInTheDocument();
  });

  it('counts the header row in aria-rowcount', () => {
    setup({ rowCount: 3 });
    expect(grid()).toHaveAttribute('aria-rowcount', '4');
  });

  it('is multi-selectable unless multiSelect is false', () => {
    const { view } = setup({ rowCount: 3 });
    expect(grid()).toHaveAttribute('aria-multiselectable', 'true');
    view.rerender(<Harness rowCount={3} multiSelect={false} />);
    expect(grid()).toHaveAttribute('aria-multiselectable', 'false');
  });

  it('has a column header per column, named by its header', () => {
    setup({ rowCount: 3 });
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((header) => header.textContent?.trim())).toEqual(['Name', 'Size']);
    expect(screen.getByRole('columnheader', { name: 'Name' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Size' })).toBeInTheDocument();
  });

  it('shows the sort on the sorted column header only', () => {
    const { view } = setup({ rowCount: 3, sort: { key: 'size', direction: 'asc' } });
    expect(screen.getByRole('columnheader', { name: 'Size' })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: 'Name' })).not.toHaveAttribute('aria-sort');

    view.rerender(<Harness rowCount={3} sort={{ key: 'size', direction: 'desc' }} />);
    expect(screen.getByRole('columnheader', { name: 'Size' })).toHaveAttribute('aria-sort', 'descending');

    view.rerender(<Harness rowCount={3} sort={{ key: 'name', direction: 'asc' }} />);
    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: 'Size' })).not.toHaveAttribute('aria-sort');

    view.rerender(<Harness rowCount={3} sort={null} />);
    for (const header of screen.getAllByRole('columnheader')) expect(header).not.toHaveAttribute('aria-sort');
  });

  it('gives each row its cells, in column order, and its position', () => {
    setup({ rowCount: 3 });
    const rows = dataRows();
    expect(rows).toHaveLength(3);
    const cells = within(rows[2] as HTMLElement).getAllByRole('gridcell');
    expect(cells.map((cell) => cell.textContent)).toEqual(['Item 2', '20']);
    // Row 1 is the header row.
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
    expect(rows[2]).toHaveAttribute('aria-rowindex', '4');
  });

  it('marks every row aria-selected, true or false', () => {
    setup({ rowCount: 3, initialSelection: selected(1) });
    expect(dataRows().map((row) => row.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
  });
});

describe('DataGrid: sorting', () => {
  it('calls onSort with the column key when a header is clicked', async () => {
    const { user, onSort } = setup({ rowCount: 3 });
    await user.click(within(screen.getByRole('columnheader', { name: 'Size' })).getByRole('button'));
    expect(onSort).toHaveBeenCalledWith('size');
    await user.click(within(screen.getByRole('columnheader', { name: 'Name' })).getByRole('button'));
    expect(onSort).toHaveBeenLastCalledWith('name');
  });
});

describe('DataGrid: virtualisation and loading', () => {
  it('renders only a window of rows when there are many', () => {
    setup({ rowCount: 10_000 });
    const rendered = dataRows().length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    expect(screen.getByText('Item 0')).toBeInTheDocument();
    expect(screen.queryByText('Item 9999')).not.toBeInTheDocument();
    // The grid still reports the whole list.
    expect(grid()).toHaveAttribute('aria-rowcount', '10001');
  });

  it('shows "Loading…" in rows whose window is not loaded yet', () => {
    setup({ rowCount: 10, loadedCount: 4 });
    const rows = dataRows();
    expect(rows).toHaveLength(10);
    expect(within(rows[3] as HTMLElement).queryByText('Loading…')).not.toBeInTheDocument();
    expect(within(rows[4] as HTMLElement).getByText('Loading…')).toBeInTheDocument();
    expect(screen.getAllByText('Loading…')).toHaveLength(6);
  });

  it('shows the empty text when there are no rows', () => {
    setup({ rowCount: 0 });
    expect(screen.getByText('There are no items to show in this view.')).toBeInTheDocument();
    expect(dataRows()).toHaveLength(0);
  });

  it('does not show the empty text when there are rows', () => {
    setup({ rowCount: 2 });
    expect(screen.queryByText('There are no items to show in this view.')).not.toBeInTheDocument();
  });
});

describe('DataGrid: mouse', () => {
  it('selects a row on click', async () => {
    const { user, lastSelection } = setup({ rowCount: 5 });
    await user.click(screen.getByText('Item 3'));
    expect(lastSelection()).toEqual(selected(3));
    expect(rowNamed('Item 3')).toHaveAttribute('aria-selected', 'true');
    expect(selectedRows()).toEqual([3]);
  });

  it('a click replaces the selection', async () => {
    const { user } = setup({ rowCount: 5 });
    await user.click(screen.getByText('Item 1'));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByText('Item 3'));
    await user.keyboard('{/Shift}');
    expect(selectedRows()).toEqual([1, 2, 3]);
    await user.click(screen.getByText('Item 4'));
    expect(selectedRows()).toEqual([4]);
  });

  it('selects on mousedown, before the button is released', async () => {
    const { user } = setup({ rowCount: 5 });
    await user.pointer({ keys: '[MouseLeft>]', target: screen.getByText('Item 2') });
    expect(selectedRows()).toEqual([2]);
    await user.pointer({ keys: '[/MouseLeft]' });
  });

  it('Shift-click extends the selection from the anchor, down and up', async () => {
    const { user, lastSelection } = setup({ rowCount: 8 });
    await user.click(screen.getByText('Item 3'));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByText('Item 6'));
    expect(selectedRows()).toEqual([3, 4, 5, 6]);
    // A second Shift-click replaces the range, from the same anchor.
    await user.click(screen.getByText('Item 1'));
    await user.keyboard('{/Shift}');
    expect(selectedRows()).toEqual([1, 2, 3]);
    expect(lastSelection()).toMatchObject({ anchor: 3, focus: 1 });
  });

  it('Ctrl-click adds a row to the selection, or takes it out', async () => {
    const { user, lastSelection } = setup({ rowCount: 8 });
    await user.click(screen.getByText('Item 1'));
    await user.keyboard('{Control>}');
    await user.click(screen.getByText('Item 4'));
    await user.click(screen.getByText('Item 6'));
    expect(selectedRows()).toEqual([1, 4, 6]);
    await user.click(screen.getByText('Item 4'));
    await user.keyboard('{/Control}');
    expect(selectedRows()).toEqual([1, 6]);
    expect(lastSelection()).toMatchObject({ focus: 4 });
    expect(selectedCount(lastSelection() as GridSelection, 8)).toBe(2);
  });

  it('Shift-click after Ctrl-click extends from the last Ctrl-clicked row', async () => {
    const { user } = setup({ rowCount: 10 });
    await user.click(screen.getByText('Item 1'));
    await user.keyboard('{Control>}');
    await user.click(screen.getByText('Item 5'));
    await user.keyboard('{/Control}{Shift>}');
    await user.click(screen.getByText('Item 7'));
    await user.keyboard('{/Shift}');
    expect(selectedRows()).toEqual([5, 6, 7]);
  });

  it('selects a row that is still loading, by its index', async () => {
    const { user, lastSelection } = setup({ rowCount: 5, loadedCount: 2 });
    const loading = screen.getAllByText('Loading…')[1] as HTMLElement; // the row at index 3
    await user.click(loading);
    expect(lastSelection()).toEqual(selected(3));
    expect(loading.closest('[role="row"]')).toHaveAttribute('aria-selected', 'true');
  });

  it('opens a row on double-click', async () => {
    const { user, onOpen } = setup({ rowCount: 5 });
    await user.dblClick(screen.getByText('Item 2'));
    expect(onOpen).toHaveBeenCalledExactlyOnceWith(2);
    expect(selectedRows()).toEqual([2]);
  });

  it('right-click on a row calls onContextMenu with the point and the row target', () => {
    const { onContextMenu } = setup({ rowCount: 5 });
    const event = fireEvent.contextMenu(rowNamed('Item 2'), { clientX: 30, clientY: 70 });
    expect(onContextMenu).toHaveBeenCalledExactlyOnceWith({ x: 30, y: 70 }, { kind: 'row' });
    // The browser's own menu does not open.
    expect(event).toBe(false);
  });

  it('right-click on a row outside the selection selects that row first', async () => {
    const { user, onContextMenu } = setup({ rowCount: 5, initialSelection: selected(0) });
    await user.pointer({ keys: '[MouseRight]', target: screen.getByText('Item 3') });
    expect(selectedRows()).toEqual([3]);
    expect(onContextMenu).toHaveBeenCalledExactlyOnceWith(expect.anything(), { kind: 'row' });
  });

  it('right-click on a row inside the selection keeps the selection', async () => {
    const { user, onContextMenu } = setup({ rowCount: 8 });
    await user.click(screen.getByText('Item 1'));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByText('Item 4'));
    await user.keyboard('{/Shift}');
    await user.pointer({ keys: '[MouseRight]', target: screen.getByText('Item 2') });
    expect(selectedRows()).toEqual([1, 2, 3, 4]);
    expect(onContextMenu).toHaveBeenCalledOnce();
  });

  it('right-click on a column header calls onContextMenu with the header target and its column', async () => {
    const { user, onContextMenu, onSelectionChange, onSort } = setup({ rowCount: 5 });
    const event = fireEvent.contextMenu(screen.getByRole('columnheader', { name: 'Size' }), {
      clientX: 120,
      clientY: 8,
    });
    expect(onContextMenu).toHaveBeenCalledExactlyOnceWith({ x: 120, y: 8 }, { kind: 'header', columnKey: 'size' });
    expect(event).toBe(false);
    await user.pointer({ keys: '[MouseRight]', target: screen.getByText('Name') });
    expect(onContextMenu).toHaveBeenLastCalledWith(expect.anything(), { kind: 'header', columnKey: 'name' });
    // A right-click on a header neither sorts nor selects.
    expect(onSort).not.toHaveBeenCalled();
    expect(onSelectionChange).not.toHaveBeenCalled();
  });

  it('leaves the browser its own menu when there is no onContextMenu', () => {
    render(<Harness rowCount={3} />);
    expect(fireEvent.contextMenu(rowNamed('Item 1'))).toBe(true);
    expect(fireEvent.contextMenu(screen.getByRole('columnheader', { name: 'Name' }))).toBe(true);
  });
});

describe('DataGrid: keyboard', () => {
  it('is a single tab stop', async () => {
    const { user } = setup({ rowCount: 5 });
    await user.tab();
    expect(grid()).toHaveFocus();
    await user.tab();
    expect(document.body).toHaveFocus();
  });

  it('ArrowDown selects the first row when nothing is selected, then the next ones', async () => {
    const { user, lastSelection } = setup({ rowCount: 5 });
    await user.tab();
    await user.keyboard('{ArrowDown}');
    expect(lastSelection()).toEqual(selected(0));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(lastSelection()).toEqual(selected(2));
    expect(rowNamed('Item 2')).toHaveAttribute('aria-selected', 'true');
    expect(selectedRows()).toEqual([2]);
  });

  it('ArrowUp selects the previous row and stops at the first', async () => {
    const { user, lastSelection } = setup({ rowCount: 5, initialSelection: selected(2) });
    await user.tab();
    await user.keyboard('{ArrowUp}');
    expect(lastSelection()).toEqual(selected(1));
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(lastSelection()).toEqual(selected(0));
    expect(rowNamed('Item 0')).toHaveAttribute('aria-selected', 'true');
  });

  it('ArrowDown stops at the last row', async () => {
    const { user, lastSelection } = setup({ rowCount: 3, initialSelection: selected(2) });
    await user.tab();
    await user.keyboard('{ArrowDown}');
    expect(lastSelection()).toEqual(selected(2));
  });

  it('Home and End select the first and the last row', async () => {
    const { user, lastSelection } = setup({ rowCount: 50, initialSelection: selected(10) });
    await user.tab();
    await user.keyboard('{End}');
    expect(lastSelection()).toEqual(selected(49));
    await user.keyboard('{Home}');
    expect(lastSelection()).toEqual(selected(0));
  });

  it('PageDown and PageUp move by a page less two rows, and stop at the ends', async () => {
    // The viewport is 400px: 20 rows, so a page is 18 rows.
    const { user, lastSelection } = setup({ rowCount: 50, initialSelection: selected(0) });
    await user.tab();
    await user.keyboard('{PageDown}');
    expect(lastSelection()).toEqual(selected(18));
    await user.keyboard('{PageDown}{PageDown}');
    expect(lastSelection()).toEqual(selected(49));
    await user.keyboard('{PageUp}');
    expect(lastSelection()).toEqual(selected(31));
    await user.keyboard('{PageUp}{PageUp}');
    expect(lastSelection()).toEqual(selected(0));
  });

  it('a plain arrow after a multiple selection selects just the next row', async () => {
    const { user } = setup({ rowCount: 8, initialSelection: selected(2) });
    await user.tab();
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    expect(selectedRows()).toEqual([2, 3, 4]);
    await user.keyboard('{ArrowDown}');
    expect(selectedRows()).toEqual([5]);
  });

  it('End in a long list scrolls the last row into view and selects it', async () => {
    const { user, lastSelection } = setup({ rowCount: 10_000 });
    await user.tab();
    await user.keyboard('{End}');
    expect(lastSelection()).toEqual(selected(9999));
    const last = await screen.findByText('Item 9999');
    const row = last.closest('[role="row"]') as HTMLElement;
    expect(row).toHaveAttribute('aria-selected', 'true');
    expect(row).toHaveAttribute('aria-rowindex', '10001');
    expect(screen.queryByText('Item 0')).not.toBeInTheDocument();
  });

  it('points aria-activedescendant at the focused row', async () => {
    const { user } = setup({ rowCount: 5 });
    await user.tab();
    expect(grid()).not.toHaveAttribute('aria-activedescendant');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeRow()).toBe(rowNamed('Item 1'));
    expect(rowNamed('Item 1')).toHaveAttribute('data-focused');
  });

  it('aria-activedescendant follows the focus as it moves with Ctrl, Shift and the mouse', async () => {
    const { user } = setup({ rowCount: 10, initialSelection: selected(1) });
    await user.tab();
    expect(activeRow()).toBe(rowNamed('Item 1'));
    await user.keyboard('{Control>}{ArrowDown}{ArrowDown}{/Control}');
    expect(activeRow()).toBe(rowNamed('Item 3'));
    await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(activeRow()).toBe(rowNamed('Item 4'));
    await user.keyboard('{Control>}');
    await user.click(screen.getByText('Item 7'));
    await user.keyboard('{/Control}');
    expect(activeRow()).toBe(rowNamed('Item 7'));
    // Only the focused row is marked as such.
    expect(dataRows().filter((row) => row.hasAttribute('data-focused'))).toEqual([rowNamed('Item 7')]);
  });

  it('points aria-activedescendant at nothing while the focused row is scrolled out of the rendered rows', () => {
    setup({ rowCount: 10_000, initialSelection: selected(5000) });
    expect(grid()).not.toHaveAttribute('aria-activedescendant');
  });

  it('Shift+ArrowDown and Shift+ArrowUp extend the selection from the anchor', async () => {
    const { user, lastSelection } = setup({ rowCount: 8, initialSelection: selected(3) });
    await user.tab();
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}');
    expect(selectedRows()).toEqual([3, 4, 5]);
    // Back up past the anchor: the range flips to the other side of it.
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}{/Shift}');
    expect(selectedRows()).toEqual([2, 3]);
    expect(lastSelection()).toEqual({ all: false, ranges: [[2, 3]], anchor: 3, focus: 2 });
  });

  it('Shift+End and Shift+Home extend to the ends of the list', async () => {
    const { user, lastSelection } = setup({ rowCount: 30, initialSelection: selected(10) });
    await user.tab();
    await user.keyboard('{Shift>}{End}{/Shift}');
    expect(lastSelection()).toMatchObject({ ranges: [[10, 29]], anchor: 10, focus: 29 });
    await user.keyboard('{Shift>}{Home}{/Shift}');
    expect(lastSelection()).toMatchObject({ ranges: [[0, 10]], anchor: 10, focus: 0 });
  });

  it('Shift+ArrowDown with nothing selected starts the selection at the first row', async () => {
    const { user } = setup({ rowCount: 5 });
    await user.tab();
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    expect(selectedRows()).toEqual([0, 1]);
  });

  it('Ctrl+arrows move the focus without changing the selected rows', async () => {
    const { user, lastSelection } = setup({ rowCount: 8, initialSelection: selected(2) });
    await user.tab();
    await user.keyboard('{Control>}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowUp}{/Control}');
    expect(selectedRows()).toEqual([2]);
    expect(lastSelection()).toEqual({ all: false, ranges: [[2, 2]], anchor: 2, focus: 4 });
    await user.keyboard('{Control>}{End}{/Control}');
    expect(selectedRows()).toEqual([2]);
    expect(lastSelection()).toMatchObject({ focus: 7 });
  });

  it('Ctrl+Space toggles the focused row', async () => {
    const { user, lastSelection } = setup({ rowCount: 8, initialSelection: selected(1) });
    await user.tab();
    await user.keyboard('{Control>}{ArrowDown}{ArrowDown} {ArrowDown}{ArrowDown} {/Control}');
    expect(selectedRows()).toEqual([1, 3, 5]);
    await user.keyboard('{Control>}{ArrowUp}{ArrowUp} {/Control}');
    expect(selectedRows()).toEqual([1, 5]);
    expect(lastSelection()).toMatchObject({ focus: 3, anchor: 3 });
  });

  it('Ctrl+Space does nothing when no row has the focus', async () => {
    const { user, onSelectionChange } = setup({ rowCount: 5 });
    await user.tab();
    await user.keyboard('{Control>} {/Control}');
    expect(onSelectionChange).not.toHaveBeenCalled();
  });

  it('Ctrl+A selects all 10,000 rows, rendered or not', async () => {
    const { user, lastSelection } = setup({ rowCount: 10_000, initialSelection: selected(3) });
    await user.tab();
    await user.keyboard('{Control>}a{/Control}');
    const selection = lastSelection() as GridSelection;
    expect(selectedCount(selection, 10_000)).toBe(10_000);
    expect(dataRows().length).toBeLessThan(100);
    for (const row of dataRows()) expect(row).toHaveAttribute('aria-selected', 'true');
    // The rows further down are selected too, once they are scrolled to (Ctrl+End moves the focus only).
    await user.keyboard('{Control>}{End}{/Control}');
    const last = await screen.findByText('Item 9999');
    expect(last.closest('[role="row"]')).toHaveAttribute('aria-selected', 'true');
    for (const row of dataRows()) expect(row).toHaveAttribute('aria-selected', 'true');
    expect(selectedCount(lastSelection() as GridSelection, 10_000)).toBe(10_000);
  });

  it('Ctrl+A selects the rows that are not loaded yet', async () => {
    const { user, lastSelection } = setup({ rowCount: 10_000, loadedCount: 5 });
    await user.tab();
    await user.keyboard('{Control>}a{/Control}');
    expect(selectedCount(lastSelection() as GridSelection, 10_000)).toBe(10_000);
    for (const loading of screen.getAllByText('Loading…')) {
      expect(loading.closest('[role="row"]')).toHaveAttribute('aria-selected', 'true');
    }
  });

  it('Ctrl-click after Ctrl+A leaves a row out', async () => {
    const { user, lastSelection } = setup({ rowCount: 10_000 });
    await user.tab();
    await user.keyboard('{Control>}a');
    await user.click(screen.getByText('Item 4'));
    await user.keyboard('{/Control}');
    expect(selectedCount(lastSelection() as GridSelection, 10_000)).toBe(9_999);
    expect(rowNamed('Item 4')).toHaveAttribute('aria-selected', 'false');
    expect(rowNamed('Item 5')).toHaveAttribute('aria-selected', 'true');
  });

  it('Enter opens the focused row', async () => {
    const { user, onOpen } = setup({ rowCount: 5, initialSelection: selected(3) });
    await user.tab();
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledExactlyOnceWith(3);
  });

  it('Enter opens the row Ctrl+arrows moved the focus to', async () => {
    const { user, onOpen } = setup({ rowCount: 5, initialSelection: selected(1) });
    await user.tab();
    await user.keyboard('{Control>}{ArrowDown}{/Control}{Enter}');
    expect(onOpen).toHaveBeenCalledExactlyOnceWith(2);
  });

  it('Enter does nothing when no row has the focus', async () => {
    const { user, onOpen } = setup({ rowCount: 5 });
    await user.tab();
    await user.keyboard('{Enter}');
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('the arrow keys do nothing in an empty grid', async () => {
    const { user, onSelectionChange } = setup({ rowCount: 0 });
    await user.tab();
    await user.keyboard('{ArrowDown}{End}{Home}{Shift>}{ArrowDown}{/Shift}{Control>}a{/Control}');
    expect(onSelectionChange).not.toHaveBeenCalled();
  });

  it('End in a long list selects the last row once its window has loaded', async () => {
    const onSelectionChange = vi.fn<(selection: GridSelection) => void>();
    const user = userEvent.setup();
    render(<LoadingHarness rowCount={10_000} onSelectionChange={onSelectionChange} />);
    await user.tab();
    await user.keyboard('{End}');
    expect(onSelectionChange).toHaveBeenLastCalledWith(selected(9999));
    // The harness loads the window with the last row...
    const last = await screen.findByText('Item 9999');
    // ...and then the last row shows as the selection.
    await waitFor(() => expect(last.closest('[role="row"]')).toHaveAttribute('aria-selected', 'true'), {
      timeout: 500,
    });
  });

  it('moving the selection down past the bottom edge scrolls the selected row fully into view', async () => {
    const { user, lastSelection } = setup({ rowCount: 100 });
    await user.tab();
    for (let i = 0; i < 25; i++) await user.keyboard('{ArrowDown}');
    expect(lastSelection()).toEqual(selected(24));
    const scrollTop = grid().scrollTop;
    // The 25th row, counted in the scroll element's content (the header row comes first), must end in the viewport.
    const rowBottom = ROW_HEIGHT + 25 * ROW_HEIGHT;
    expect(rowBottom).toBeLessThanOrEqual(scrollTop + VIEWPORT_HEIGHT);
    // ...and must not be under the sticky header either.
    expect(rowBottom - ROW_HEIGHT).toBeGreaterThanOrEqual(scrollTop + ROW_HEIGHT);
  });
});

describe('DataGrid: commands', () => {
  it.each<{ keys: string; name: string; command: GridCommand }>([
    { keys: '{F5}', name: 'F5', command: 'refresh' },
    { keys: '{Control>}c{/Control}', name: 'Ctrl+C', command: 'copy' },
    { keys: '{Delete}', name: 'Delete', command: 'delete' },
    { keys: '{Shift>}{F10}{/Shift}', name: 'Shift+F10', command: 'context-menu' },
    { keys: '{ContextMenu}', name: 'the context menu key', command: 'context-menu' },
  ])('$name calls onCommand with "$command", leaving the selection as it is', async ({ keys, command }) => {
    const { user, onCommand, onSelectionChange } = setup({ rowCount: 5, initialSelection: selected(2) });
    await user.tab();
    await user.keyboard(keys);
    expect(onCommand).toHaveBeenCalledExactlyOnceWith(command);
    expect(onSelectionChange).not.toHaveBeenCalled();
    expect(selectedRows()).toEqual([2]);
  });

  it('F5 calls onCommand in an empty grid too', async () => {
    const { user, onCommand } = setup({ rowCount: 0 });
    await user.tab();
    await user.keyboard('{F5}');
    expect(onCommand).toHaveBeenCalledExactlyOnceWith('refresh');
  });

  it('other keys do not call onCommand', async () => {
    const { user, onCommand } = setup({ rowCount: 5, initialSelection: selected(2) });
    await user.tab();
    await user.keyboard('c{F10}{F6}{Backspace}{ArrowDown}{Enter}{Control>}a{/Control}');
    expect(onCommand).not.toHaveBeenCalled();
  });
});

describe('DataGrid: multiSelect={false}', () => {
  it('Ctrl-click and Shift-click select just the clicked row', async () => {
    const { user, lastSelection } = setup({ rowCount: 8, multiSelect: false });
    await user.click(screen.getByText('Item 1'));
    await user.keyboard('{Control>}');
    await user.click(screen.getByText('Item 3'));
    await user.keyboard('{/Control}');
    expect(selectedRows()).toEqual([3]);
    expect(lastSelection()).toEqual(selected(3));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByText('Item 6'));
    await user.keyboard('{/Shift}');
    expect(selectedRows()).toEqual([6]);
    expect(lastSelection()).toEqual(selected(6));
  });

  it('Ctrl-click on the selected row keeps it selected', async () => {
    const { user } = setup({ rowCount: 8, multiSelect: false });
    await user.click(screen.getByText('Item 1'));
    await user.keyboard('{Control>}');
    await user.click(screen.getByText('Item 1'));
    await user.keyboard('{/Control}');
    expect(selectedRows()).toEqual([1]);
  });

  it('ignores Ctrl+A', async () => {
    const { user, onSelectionChange } = setup({ rowCount: 8, multiSelect: false, initialSelection: selected(2) });
    await user.tab();
    await user.keyboard('{Control>}a{/Control}');
    expect(onSelectionChange).not.toHaveBeenCalled();
    expect(selectedRows()).toEqual([2]);
  });

  it('Shift+arrows and Ctrl+arrows select just the row they move to', async () => {
    const { user, lastSelection } = setup({ rowCount: 8, multiSelect: false, initialSelection: selected(2) });
    await user.tab();
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    expect(selectedRows()).toEqual([4]);
    await user.keyboard('{Control>}{ArrowDown}{/Control}');
    expect(selectedRows()).toEqual([5]);
    expect(lastSelection()).toEqual(selected(5));
  });

  it('still calls onCommand and onOpen', async () => {
    const { user, onCommand, onOpen } = setup({ rowCount: 8, multiSelect: false, initialSelection: selected(2) });
    await user.tab();
    await user.keyboard('{Delete}{Enter}');
    expect(onCommand).toHaveBeenCalledExactlyOnceWith('delete');
    expect(onOpen).toHaveBeenCalledExactlyOnceWith(2);
  });
});

const WINDOW = 100;

/** Loads rows a window of 100 at a time, shortly after the grid asks for them, as the console's object list does. */
function LoadingHarness({
  rowCount,
  onSelectionChange,
}: {
  rowCount: number;
  onSelectionChange: (selection: GridSelection) => void;
}) {
  const [selection, setSelection] = useState<GridSelection>(EMPTY_SELECTION);
  const [loaded, setLoaded] = useState<ReadonlySet<number>>(() => new Set([0]));
  const isLoaded = (index: number) => loaded.has(Math.floor(index / WINDOW));
  const onRangeChange = useCallback((start: number, end: number) => {
    setTimeout(() => {
      setLoaded((previous) => {
        const next = new Set(previous);
        for (let w = Math.floor(start / WINDOW); w <= Math.floor(end / WINDOW); w++) next.add(w);
        return next;
      });
    }, 20);
  }, []);
  return (
    <DataGrid<Row>
      label="All items"
      columns={COLUMNS}
      rowCount={rowCount}
      getRow={(index) => (isLoaded(index) ? rowAt(index) : undefined)}
      getRowId={(row) => row.id}
      selection={selection}
      onSelectionChange={(next) => {
        onSelectionChange(next);
        setSelection(next);
      }}
      onOpen={() => {}}
      sort={null}
      onSort={() => {}}
      onRangeChange={onRangeChange}
      emptyText="There are no items to show in this view."
    />
  );
}
