import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { isRowSelected, updateSelection, type GridSelection, type SelectionAction } from './grid-selection';

export interface GridColumn<T> {
  key: string;
  header: string;
  width: number;
  align?: 'left' | 'right';
  /** The cell's content; `state.focused` says the row has the grid's focus (its links may then take Tab). */
  cell: (row: T, state: GridCellState) => ReactNode;
}

/** What a cell may need to know of its row: whether it is the focused row. */
export interface GridCellState {
  focused: boolean;
}

export interface GridSort {
  key: string;
  direction: 'asc' | 'desc';
}

/** Keys the grid hands to its owner: F5, Ctrl+C, Delete, and opening the context menu from the keyboard. */
export type GridCommand = 'refresh' | 'copy' | 'delete' | 'context-menu';

interface DataGridProps<T> {
  /** The grid's accessible name: the node's name. */
  label: string;
  columns: GridColumn<T>[];
  rowCount: number;
  /** The row at an index, or undefined while its window is being fetched. */
  getRow: (index: number) => T | undefined;
  getRowId: (row: T) => string;
  selection: GridSelection;
  onSelectionChange: (selection: GridSelection) => void;
  /** Enter or double-click on a row. */
  onOpen: (index: number) => void;
  sort: GridSort | null;
  onSort: (key: string) => void;
  /** Called with the rows on screen (plus overscan), so the caller fetches just their windows. */
  onRangeChange: (start: number, end: number) => void;
  onCommand?: (command: GridCommand) => void;
  /** Right-click on a row or a column header, at window (client) coordinates. */
  onContextMenu?: (at: { x: number; y: number }, target: { kind: 'row' | 'header'; columnKey?: string }) => void;
  emptyText: string;
  /** Several rows may be selected (Ctrl, Shift, Ctrl+A); false keeps a single selection. */
  multiSelect?: boolean;
  /** Row height in CSS pixels (larger text needs taller rows); the header is 3 px taller. */
  rowHeight?: number;
  /**
   * Rows can be dragged (native drag and drop; the owner writes the data in dragstart): pressing a selected row then
   * keeps the selection, so the selected rows go together, and a click without dragging selects just that row.
   */
  draggableRows?: boolean;
  /** The row a drag is over, marked as the drop target (data-drop-target). */
  dropTargetRowId?: string | null;
}

const DEFAULT_ROW_HEIGHT = 20;

/**
 * A virtualised grid (role="grid") after the MMC results pane: a header row of sortable column headers, then only the
 * rows on screen, fetched window by window. Click, Ctrl-click and Shift-click select; arrows, Home/End and Page Up/Down
 * move (with Shift, extend; with Ctrl, move the focus only, Space then toggles); Ctrl+A selects every row that
 * matches; Enter opens; F5, Ctrl+C, Delete and Shift+F10 go to the owner.
 */
export function DataGrid<T>(props: DataGridProps<T>) {
  const { label, columns, rowCount, getRow, getRowId, selection, onSelectionChange, onOpen, sort, onSort } = props;
  const multiSelect = props.multiSelect ?? true;
  const rowHeight = props.rowHeight ?? DEFAULT_ROW_HEIGHT;
  // The header row: its text, and a 1 px bottom border.
  const headerHeight = rowHeight + 3;
  const scrollRef = useRef<HTMLDivElement>(null);
  // useVirtualizer returns functions that React Compiler cannot memoize; this component opts out knowingly.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    // A scroll re-renders through React's scheduler rather than synchronously inside the scroll event: a fast drag
    // of the scroll thumb then costs one render per frame, never a queue of them.
    useFlushSync: false,
    // The sticky header row sits above the rows inside the scroll area: rows start below it, and a row scrolled
    // into view must clear it.
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
  });
  useEffect(() => {
    virtualizer.measure();
  }, [rowHeight, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { onRangeChange } = props;
  useEffect(() => {
    onRangeChange(first, last);
  }, [first, last, onRangeChange]);

  const totalWidth = columns.reduce((sum, column) => sum + column.width, 0);
  const focus = selection.focus;

  const apply = (action: SelectionAction) => {
    const next = updateSelection(selection, multiSelect ? action : { type: 'select', index: indexOf(action) });
    if ('index' in action) virtualizer.scrollToIndex(action.index, { align: 'auto' });
    onSelectionChange(next);
  };
  const indexOf = (action: SelectionAction) => ('index' in action ? action.index : (focus ?? 0));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const command = commandFor(event);
    if (command && props.onCommand) {
      event.preventDefault();
      props.onCommand(command);
      return;
    }
    if (rowCount === 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 2);
    const current = focus ?? -1;
    const clamp = (index: number) => Math.max(0, Math.min(rowCount - 1, index));
    const targets: Record<string, () => number> = {
      ArrowDown: () => clamp(current + 1),
      ArrowUp: () => clamp(current <= 0 ? 0 : current - 1),
      Home: () => 0,
      End: () => rowCount - 1,
      PageDown: () => clamp(current + page),
      PageUp: () => clamp(current - page),
    };
    const target = targets[event.key];
    if (target) {
      event.preventDefault();
      const index = target();
      apply(
        event.shiftKey
          ? { type: 'extend', index }
          : event.ctrlKey
            ? { type: 'focus', index }
            : { type: 'select', index },
      );
      return;
    }
    if (event.key === ' ' && event.ctrlKey && focus !== null) {
      event.preventDefault();
      apply({ type: 'toggle', index: focus });
    } else if ((event.key === 'a' || event.key === 'A') && (event.ctrlKey || event.metaKey) && multiSelect) {
      event.preventDefault();
      onSelectionChange(updateSelection(selection, { type: 'all' }));
    } else if (event.key === 'Enter' && focus !== null) {
      event.preventDefault();
      onOpen(focus);
    }
  };

  // A press on a selected row of draggable rows waits for the click: it may start dragging the whole selection.
  const pressedSelectedRow = useRef<number | null>(null);
  const onRowMouseDown = (event: MouseEvent, index: number) => {
    if (event.button === 2 && isRowSelected(selection, index)) return; // right-click keeps a selection it falls in
    const plain = event.button === 0 && !event.shiftKey && !event.ctrlKey && !event.metaKey;
    if (props.draggableRows && plain && isRowSelected(selection, index)) {
      pressedSelectedRow.current = index;
      if (focus !== index) apply({ type: 'focus', index });
      return;
    }
    pressedSelectedRow.current = null;
    if (event.shiftKey) apply({ type: 'extend', index });
    else if (event.ctrlKey || event.metaKey) apply({ type: 'toggle', index });
    else apply({ type: 'select', index });
  };

  // The rows' handlers read the latest props through a ref, so a row whose own props did not change is not rendered
  // again when the grid is (scrolling renders only the rows that came into view).
  const latest = { apply, onRowMouseDown, onOpen, onContextMenu: props.onContextMenu, pressedSelectedRow };
  const latestRef = useRef(latest);
  useEffect(() => {
    latestRef.current = latest;
  });
  const rowEvents = useRef<RowEvents>({
    onClick: (index) => {
      const { pressedSelectedRow: pressed, apply: select } = latestRef.current;
      if (pressed.current !== index) return;
      pressed.current = null;
      select({ type: 'select', index });
    },
    onDragStart: () => {
      latestRef.current.pressedSelectedRow.current = null;
    },
    onMouseDown: (event, index) => latestRef.current.onRowMouseDown(event, index),
    onDoubleClick: (index) => latestRef.current.onOpen(index),
    onContextMenu: (event) => {
      const open = latestRef.current.onContextMenu;
      if (!open) return;
      event.preventDefault();
      open({ x: event.clientX, y: event.clientY }, { kind: 'row' });
    },
  }).current;

  return (
    <div className="relative h-full min-h-0">
      <div
        ref={scrollRef}
        role="grid"
        aria-label={label}
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length}
        aria-multiselectable={multiSelect}
        tabIndex={0}
        aria-activedescendant={focus !== null && focus >= first && focus <= last ? rowDomId(label, focus) : undefined}
        onKeyDown={onKeyDown}
        className="data-grid h-full min-h-0 overflow-auto outline-none"
      >
        <div style={{ width: totalWidth, minWidth: '100%' }}>
          <div role="rowgroup" className="sticky top-0 z-10">
            <div role="row" aria-rowindex={1} className="grid-header flex" style={{ height: headerHeight }}>
              {columns.map((column, index) => {
                const sorted = sort?.key === column.key ? sort.direction : null;
                return (
                  <div
                    key={column.key}
                    role="columnheader"
                    aria-colindex={index + 1}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    style={{ width: column.width }}
                    className="grid-column-header shrink-0"
                    onContextMenu={(event) => {
                      if (!props.onContextMenu) return;
                      event.preventDefault();
                      props.onContextMenu(
                        { x: event.clientX, y: event.clientY },
                        { kind: 'header', columnKey: column.key },
                      );
                    }}
                  >
                    <button
                      type="button"
                      tabIndex={-1}
                      className="flex w-full items-center justify-between gap-1 px-1.5 text-left"
                      onClick={() => onSort(column.key)}
                    >
                      <span className="truncate">{column.header}</span>
                      <span aria-hidden="true" className="text-[9px]">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                      </span>
                    </button>
                  </div>
                );
              })}
            </div>
          </div>
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((virtualRow) => {
              const row = getRow(virtualRow.index);
              return (
                <GridRow<T>
                  // Keyed by slot, not by index: the rows on screen are consecutive, so index modulo their count is
                  // unique among them, a row that stays on screen keeps its element, and a row scrolled in takes over
                  // the element of one scrolled out (its text changes) instead of React removing and creating a
                  // row's worth of elements, which made a fast scroll's frames long.
                  key={virtualRow.index % items.length}
                  domId={rowDomId(label, virtualRow.index)}
                  index={virtualRow.index}
                  row={row}
                  rowId={row ? getRowId(row) : undefined}
                  top={virtualRow.start - headerHeight}
                  rowHeight={rowHeight}
                  columns={columns}
                  selected={isRowSelected(selection, virtualRow.index)}
                  focused={virtualRow.index === focus}
                  dropTarget={row !== undefined && props.dropTargetRowId === getRowId(row)}
                  draggable={props.draggableRows === true && row !== undefined}
                  events={rowEvents}
                />
              );
            })}
          </div>
        </div>
      </div>
      {rowCount === 0 ? (
        <p className="pointer-events-none absolute top-6 left-0 px-3 py-2 text-[#555]">{props.emptyText}</p>
      ) : null}
    </div>
  );
}

function commandFor(event: KeyboardEvent): GridCommand | null {
  if (event.key === 'F5') return 'refresh';
  if ((event.key === 'c' || event.key === 'C') && (event.ctrlKey || event.metaKey)) return 'copy';
  if (event.key === 'Delete') return 'delete';
  if ((event.key === 'F10' && event.shiftKey) || event.key === 'ContextMenu') return 'context-menu';
  return null;
}

function rowDomId(label: string, index: number) {
  return `grid-${label.replace(/[^A-Za-z0-9]/g, '')}-row-${index}`;
}

interface RowEvents {
  onClick: (index: number) => void;
  onDragStart: () => void;
  onMouseDown: (event: MouseEvent, index: number) => void;
  onDoubleClick: (index: number) => void;
  onContextMenu: (event: MouseEvent) => void;
}

interface GridRowProps<T> {
  domId: string;
  index: number;
  row: T | undefined;
  rowId: string | undefined;
  top: number;
  rowHeight: number;
  columns: GridColumn<T>[];
  selected: boolean;
  focused: boolean;
  dropTarget: boolean;
  draggable: boolean;
  events: RowEvents;
}

/** One row of the grid: rendered again only when something it shows changed. */
const GridRow = memo(function GridRow<T>(props: GridRowProps<T>) {
  const { index, row, columns, events } = props;
  return (
    <div
      id={props.domId}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={props.selected}
      data-row-id={props.rowId}
      data-focused={props.focused || undefined}
      data-drop-target={props.dropTarget || undefined}
      draggable={props.draggable ? true : undefined}
      onClick={() => events.onClick(index)}
      onDragStart={events.onDragStart}
      className="grid-row absolute left-0 flex w-full"
      style={{ height: props.rowHeight, lineHeight: `${props.rowHeight}px`, transform: `translateY(${props.top}px)` }}
      onMouseDown={(event) => events.onMouseDown(event, index)}
      onDoubleClick={() => events.onDoubleClick(index)}
      onContextMenu={events.onContextMenu}
    >
      {columns.map((column, columnIndex) => (
        <div
          key={column.key}
          role="gridcell"
          aria-colindex={columnIndex + 1}
          style={{ width: column.width }}
          className={`grid-cell shrink-0 truncate px-1.5 ${column.align === 'right' ? 'text-right' : ''}`}
        >
          {row ? (
            column.cell(row, { focused: props.focused })
          ) : columnIndex === 0 ? (
            <span className="text-[#666]">Loading…</span>
          ) : null}
        </div>
      ))}
    </div>
  );
}) as <T>(props: GridRowProps<T>) => ReactNode;
