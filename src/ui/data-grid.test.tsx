// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useCallback, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataGrid, type GridColumn, type GridSort } from './data-grid';

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
const indexOfId = (id: string) => Number(id.slice('row-'.length));

interface HarnessProps {
  rowCount: number;
  /** Rows at or past this index are "not loaded yet": getRow returns undefined for them. */
  loadedCount?: number;
  initialSelected?: string | null;
  sort?: GridSort | null;
  onSelect?: (id: string) => void;
  onOpen?: (id: string) => void;
  onSort?: (key: string) => void;
}

/** Keeps the selection in state, as the console's object list does. */
function Harness({ rowCount, loadedCount = rowCount, initialSelected = null, sort = null, ...spies }: HarnessProps) {
  const [selectedId, setSelectedId] = useState<string | null>(initialSelected);
  return (
    <DataGrid<Row>
      label="All items"
      columns={COLUMNS}
      rowCount={rowCount}
      getRow={(index) => (index < loadedCount ? rowAt(index) : undefined)}
      getRowId={(row) => row.id}
      indexOf={(id) => (indexOfId(id) < loadedCount ? indexOfId(id) : null)}
      selectedId={selectedId}
      onSelect={(id) => {
        spies.onSelect?.(id);
        setSelectedId(id);
      }}
      onOpen={(id) => spies.onOpen?.(id)}
      sort={sort}
      onSort={(key) => spies.onSort?.(key)}
      onRangeChange={onRangeChange}
      emptyText="There are no items to show in this view."
    />
  );
}
// A stable function, as the app passes (a new one each render would re-run the grid's range effect every render).
const onRangeChange = () => {};

function setup(props: HarnessProps) {
  const onSelect = vi.fn<(id: string) => void>();
  const onOpen = vi.fn<(id: string) => void>();
  const onSort = vi.fn<(key: string) => void>();
  const user = userEvent.setup();
  const view = render(<Harness onSelect={onSelect} onOpen={onOpen} onSort={onSort} {...props} />);
  return { user, onSelect, onOpen, onSort, view };
}

const grid = () => screen.getByRole('grid', { name: 'All items' });
/** The data rows (the header row is a row too, in the first rowgroup). */
const dataRows = () => within(screen.getAllByRole('rowgroup')[1] as HTMLElement).queryAllByRole('row');
const rowNamed = (text: string) => screen.getByText(text).closest('[role="row"]') as HTMLElement;

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
    const { user, onSelect } = setup({ rowCount: 5 });
    await user.click(screen.getByText('Item 3'));
    expect(onSelect).toHaveBeenCalledWith('row-3');
    expect(rowNamed('Item 3')).toHaveAttribute('aria-selected', 'true');
    expect(rowNamed('Item 2')).toHaveAttribute('aria-selected', 'false');
  });

  it('does nothing when a row that is still loading is clicked', async () => {
    const { user, onSelect, onOpen } = setup({ rowCount: 5, loadedCount: 2 });
    const loading = screen.getAllByText('Loading…')[0] as HTMLElement;
    await user.click(loading);
    await user.dblClick(loading);
    expect(onSelect).not.toHaveBeenCalled();
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('opens a row on double-click', async () => {
    const { user, onOpen } = setup({ rowCount: 5 });
    await user.dblClick(screen.getByText('Item 2'));
    expect(onOpen).toHaveBeenCalledExactlyOnceWith('row-2');
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
    const { user, onSelect } = setup({ rowCount: 5 });
    await user.tab();
    await user.keyboard('{ArrowDown}');
    expect(onSelect).toHaveBeenLastCalledWith('row-0');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(onSelect).toHaveBeenLastCalledWith('row-2');
    expect(rowNamed('Item 2')).toHaveAttribute('aria-selected', 'true');
  });

  it('ArrowUp selects the previous row and stops at the first', async () => {
    const { user, onSelect } = setup({ rowCount: 5, initialSelected: 'row-2' });
    await user.tab();
    await user.keyboard('{ArrowUp}');
    expect(onSelect).toHaveBeenLastCalledWith('row-1');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(onSelect).toHaveBeenLastCalledWith('row-0');
    expect(rowNamed('Item 0')).toHaveAttribute('aria-selected', 'true');
  });

  it('ArrowDown stops at the last row', async () => {
    const { user, onSelect } = setup({ rowCount: 3, initialSelected: 'row-2' });
    await user.tab();
    await user.keyboard('{ArrowDown}');
    expect(onSelect).toHaveBeenLastCalledWith('row-2');
  });

  it('Home and End select the first and the last row', async () => {
    const { user, onSelect } = setup({ rowCount: 50, initialSelected: 'row-10' });
    await user.tab();
    await user.keyboard('{End}');
    expect(onSelect).toHaveBeenLastCalledWith('row-49');
    await user.keyboard('{Home}');
    expect(onSelect).toHaveBeenLastCalledWith('row-0');
  });

  it('End in a long list scrolls the last row into view and selects it', async () => {
    const { user, onSelect } = setup({ rowCount: 10_000 });
    await user.tab();
    await user.keyboard('{End}');
    expect(onSelect).toHaveBeenLastCalledWith('row-9999');
    const last = await screen.findByText('Item 9999');
    const row = last.closest('[role="row"]') as HTMLElement;
    expect(row).toHaveAttribute('aria-selected', 'true');
    expect(row).toHaveAttribute('aria-rowindex', '10001');
    expect(screen.queryByText('Item 0')).not.toBeInTheDocument();
  });

  it('points aria-activedescendant at the selected row', async () => {
    const { user } = setup({ rowCount: 5 });
    await user.tab();
    expect(grid()).not.toHaveAttribute('aria-activedescendant');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const id = grid().getAttribute('aria-activedescendant');
    expect(id).toBeTruthy();
    expect(document.getElementById(id as string)).toBe(rowNamed('Item 1'));
  });

  it('Enter opens the selected row', async () => {
    const { user, onOpen } = setup({ rowCount: 5, initialSelected: 'row-3' });
    await user.tab();
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledExactlyOnceWith('row-3');
  });

  it('Enter does nothing when nothing is selected', async () => {
    const { user, onOpen } = setup({ rowCount: 5 });
    await user.tab();
    await user.keyboard('{Enter}');
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('the arrow keys do nothing in an empty grid', async () => {
    const { user, onSelect } = setup({ rowCount: 0 });
    await user.tab();
    await user.keyboard('{ArrowDown}{End}{Home}');
    expect(onSelect).not.toHaveBeenCalled();
  });

  // BUG (src/ui/data-grid.tsx, lines 65-70, selectIndex): when the row to move to is not loaded yet, selectIndex
  // scrolls to it but does not select it (`if (row) onSelect(...)`) and nothing selects it once its window arrives.
  // So End in a long list (or PageDown, or ArrowDown onto a loading row) scrolls away and leaves the selection where
  // it was, now out of view; the key has to be pressed again. Seen in Chromium on the Update Repository node: the
  // first End scrolls to the bottom and keeps the old selection, the second End selects the last row.
  it('End in a long list selects the last row once its window has loaded', async () => {
    const onSelect = vi.fn<(id: string) => void>();
    const user = userEvent.setup();
    render(<LoadingHarness rowCount={10_000} onSelect={onSelect} />);
    await user.tab();
    await user.keyboard('{End}');
    // The harness loads the window with the last row...
    await screen.findByText('Item 9999');
    // ...and then the last row should be the selection.
    await waitFor(() => expect(onSelect).toHaveBeenLastCalledWith('row-9999'), { timeout: 500 });
  });

  // BUG (src/ui/data-grid.tsx, lines 48-53 and 111): the header row is sticky at the top of the scroll element,
  // above the rows, but the virtualizer is not told about it (no scrollPaddingEnd/scrollMargin for the header), so
  // when the selection moves down past the bottom edge the grid scrolls the selected row's bottom to the bottom edge
  // of the rows' own coordinates, which is one header height too little: the selected row stays hidden just below
  // the visible area. Seen in Chromium (23px header): after each ArrowDown past the bottom, the selected row's top is
  // 3px below the grid's visible bottom edge. Here the header and the rows are 20px and the viewport 400px.
  it('moving the selection down past the bottom edge scrolls the selected row fully into view', async () => {
    const { user, onSelect } = setup({ rowCount: 100 });
    await user.tab();
    for (let i = 0; i < 25; i++) await user.keyboard('{ArrowDown}');
    expect(onSelect).toHaveBeenLastCalledWith('row-24');
    const scrollTop = grid().scrollTop;
    // The 25th row, counted in the scroll element's content (the header row comes first), must end in the viewport.
    const rowBottom = ROW_HEIGHT + 25 * ROW_HEIGHT;
    expect(rowBottom).toBeLessThanOrEqual(scrollTop + VIEWPORT_HEIGHT);
    // ...and must not be under the sticky header either.
    expect(rowBottom - ROW_HEIGHT).toBeGreaterThanOrEqual(scrollTop + ROW_HEIGHT);
  });
});

const WINDOW = 100;

/** Loads rows a window of 100 at a time, shortly after the grid asks for them, as the console's object list does. */
function LoadingHarness({ rowCount, onSelect }: { rowCount: number; onSelect: (id: string) => void }) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
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
      indexOf={(id) => (isLoaded(indexOfId(id)) ? indexOfId(id) : null)}
      selectedId={selectedId}
      onSelect={(id) => {
        onSelect(id);
        setSelectedId(id);
      }}
      onOpen={() => {}}
      sort={null}
      onSort={() => {}}
      onRangeChange={onRangeChange}
      emptyText="There are no items to show in this view."
    />
  );
}
