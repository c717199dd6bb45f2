import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface GridColumn<T> {
  key: string;
  header: string;
  width: number;
  align?: 'left' | 'right';
  cell: (row: T) => ReactNode;
}

export interface GridSort {
  key: string;
  direction: 'asc' | 'desc';
}

interface DataGridProps<T> {
  /** The grid's accessible name: the node's name. */
  label: string;
  columns: GridColumn<T>[];
  rowCount: number;
  /** The row at an index, or undefined while its window is being fetched. */
  getRow: (index: number) => T | undefined;
  getRowId: (row: T) => string;
  /** Where a row is in the list, if its window is loaded (the selection may be scrolled out of view). */
  indexOf: (id: string) => number | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  sort: GridSort | null;
  onSort: (key: string) => void;
  /** Called with the rows on screen (plus overscan), so the caller fetches just their windows. */
  onRangeChange: (start: number, end: number) => void;
  emptyText: string;
}

const ROW_HEIGHT = 20;
/** The header row: 22 px of header and its 1 px bottom border. */
const HEADER_HEIGHT = 23;

/**
 * A virtualised grid (role="grid") after the MMC results pane: a header row of sortable column headers, then only the
 * rows on screen, fetched window by window. Arrow keys, Home/End and Page Up/Down move the selection; Enter opens.
 */
export function DataGrid<T>(props: DataGridProps<T>) {
  const { label, columns, rowCount, getRow, getRowId, indexOf, selectedId, onSelect, onOpen, sort, onSort } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // useVirtualizer returns functions that React Compiler cannot memoize; this component opts out knowingly.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    // The sticky header row sits above the rows inside the scroll area: rows start below it, and a row scrolled
    // into view must clear it.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { onRangeChange } = props;
  useEffect(() => {
    onRangeChange(first, last);
  }, [first, last, onRangeChange]);

  const totalWidth = columns.reduce((sum, column) => sum + column.width, 0);
  const selectedIndex = selectedId === null ? null : indexOf(selectedId);

  // A row the keyboard moved onto before its window loaded: it is selected as soon as it arrives.
  const pendingIndex = useRef<number | null>(null);
  useEffect(() => {
    if (pendingIndex.current === null) return;
    const row = getRow(pendingIndex.current);
    if (row) {
      pendingIndex.current = null;
      onSelect(getRowId(row));
    }
  });

  const selectIndex = (index: number) => {
    const clamped = Math.max(0, Math.min(rowCount - 1, index));
    const row = getRow(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    pendingIndex.current = row ? null : clamped;
    if (row) onSelect(getRowId(row));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (rowCount === 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const current = selectedIndex ?? -1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => selectIndex(current + 1),
      ArrowUp: () => selectIndex(current <= 0 ? 0 : current - 1),
      Home: () => selectIndex(0),
      End: () => selectIndex(rowCount - 1),
      PageDown: () => selectIndex(current + page),
      PageUp: () => selectIndex(current - page),
      Enter: () => selectedId && onOpen(selectedId),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  return (
    <div className="relative h-full min-h-0">
      <div
        ref={scrollRef}
        role="grid"
        aria-label={label}
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length}
        aria-multiselectable="false"
        tabIndex={0}
        aria-activedescendant={
          selectedIndex !== null && selectedIndex >= first && selectedIndex <= last
            ? rowDomId(label, selectedIndex)
            : undefined
        }
        onKeyDown={onKeyDown}
        className="data-grid h-full min-h-0 overflow-auto outline-none"
      >
        <div style={{ width: totalWidth, minWidth: '100%' }}>
          <div role="rowgroup" className="sticky top-0 z-10">
            <div role="row" aria-rowindex={1} className="grid-header flex" style={{ height: HEADER_HEIGHT }}>
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
              const id = row ? getRowId(row) : null;
              const selected = id !== null && id === selectedId;
              return (
                <div
                  key={virtualRow.key}
                  id={rowDomId(label, virtualRow.index)}
                  role="row"
                  aria-rowindex={virtualRow.index + 2}
                  aria-selected={selected}
                  data-row-id={id ?? undefined}
                  className="grid-row absolute left-0 flex w-full"
                  style={{ height: ROW_HEIGHT, transform: `translateY(${virtualRow.start - HEADER_HEIGHT}px)` }}
                  onClick={() => id && onSelect(id)}
                  onDoubleClick={() => id && onOpen(id)}
                >
                  {columns.map((column, index) => (
                    <div
                      key={column.key}
                      role="gridcell"
                      aria-colindex={index + 1}
                      style={{ width: column.width }}
                      className={`grid-cell shrink-0 truncate px-1.5 ${column.align === 'right' ? 'text-right' : ''}`}
                    >
                      {row ? column.cell(row) : index === 0 ? <span className="text-[#666]">Loading…</span> : null}
                    </div>
                  ))}
                </div>
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

function rowDomId(label: string, index: number) {
  return `grid-${label.replace(/[^A-Za-z0-9]/g, '')}-row-${index}`;
}
