import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useConnectedAdmin } from '@/api/connection';
import { isForbidden } from '@/api/http';
import { LIST_PAGE_SIZE, listPageQuery, type ListParams } from '@/api/resources';
import type { ConsoleTreeNode } from '@/domain/contract/api-contract';
import { parseSort } from '@/domain/query/list-query';
import { captionOf, RESOURCES, textOf, type ResourceName } from '@/domain/query/resources';
import { ContextMenu, type MenuItem } from '@/ui/context-menu';
import { DataGrid, type GridColumn, type GridCommand } from '@/ui/data-grid';
import { EMPTY_SELECTION, updateSelection, type GridSelection } from '@/ui/grid-selection';
import { useResultsDragAndDrop } from '@/features/deployment-templates';
import { useColumnLayout } from './column-layout';
import { useConsoleView } from './console-url';
import { rowHeightFor, useDisplaySettings } from './display-settings';
import { FindBar } from './find-bar';
import { columnsInLayout, viewForNode, viewKeyFor, type AnyObject } from './node-views';
import { listParamsOf } from './first-list';
import { RefusedMessage } from './refused-message';
import { ResultsHeader } from './results-header';
import { withObjectIcon } from './object-icon';
import { clearResultsSelection, publishResultsSelection } from './results-selection';
import { listKeyOf, useConsoleActions } from './use-console-actions';
import { useWindowsOnScreen } from './use-windows-on-screen';
import { useSelectionInUrl } from './use-selection-in-url';
import { SLOW_AFTER_MS, useChangeWhenReady } from './use-change-when-ready';
import { prefetchProperties } from './properties-query';

interface OpenMenu {
  at: { x: number; y: number };
  kind: 'row' | 'header';
}

/** A node's objects: the find bar, then a grid fetched from the server one window at a time. */
export function ObjectList({ node, resource }: { node: ConsoleTreeNode; resource: ResourceName }) {
  const admin = useConnectedAdmin();
  const [view, setView] = useConsoleView();
  const display = useDisplaySettings();
  const config = viewForNode(node.kind, resource);
  const layout = useColumnLayout(admin, viewKeyFor(node.kind, resource));
  // Kept while the layout is: the grid's rows are rendered again only when their columns change.
  const visibleColumns = useMemo(() => columnsInLayout(config, resource, layout), [config, resource, layout]);
  const def = RESOURCES[resource];
  const sort = parseSort(view.sort ?? def.defaultSort);
  // The same key the console's loader asked for the first window under (first-list.ts).
  const params: ListParams = listParamsOf(node.id, resource, view);

  // Windows of the list: the first always, then those the visible rows fall in.
  const [range, setRange] = useState({ start: 0, end: 40 });
  const onRangeChange = useWindowsOnScreen(setRange);
  const firstPage = useQuery(listPageQuery(admin, resource, params, 0));
  // Find Now, Clear and a sort ask for their first window as they are clicked, and the view changes once it is here
  // (use-change-when-ready.ts): the new list is rendered once, with its rows. A slow one says "Searching…".
  const queryClient = useQueryClient();
  const { change: changeWhenReady, slow: searching } = useChangeWhenReady();
  const selectionInUrl = useSelectionInUrl(
    node.id,
    useCallback((id: string) => setView({ selectedId: id }, { replace: true }), [setView]),
  );
  /** A view change of this list's own: it says what is selected, so a selection still on its way to the URL is not. */
  const changeView = (change: Parameters<typeof setView>[0]) => {
    selectionInUrl.cancel();
    setView(change);
  };
  const showList = (
    change: { q?: string; searchIn?: string; sort?: string },
    viewChange: Parameters<typeof setView>[0],
  ) => {
    selectionInUrl.cancel();
    // The same key the next render computes from the view (prefetching a different one would cost a request more).
    const ready = queryClient.prefetchQuery(listPageQuery(admin, resource, { ...params, ...change }, 0));
    changeWhenReady(ready, () => changeView(viewChange));
  };
  // A double-click or Enter opens the row's Properties with its tabs filled, or after a moment with "Loading…".
  const openProperties = (id: string) => {
    selectionInUrl.cancel();
    changeWhenReady(
      prefetchProperties(queryClient, admin, resource, node.kind, id),
      () => changeView({ selectedId: id, propertiesId: id }),
      { waitAtMostMs: SLOW_AFTER_MS },
    );
  };
  const total = firstPage.data?.total ?? 0;
  const lastPage = Math.min(Math.floor(range.end / LIST_PAGE_SIZE), Math.max(0, Math.ceil(total / LIST_PAGE_SIZE) - 1));
  const wanted: number[] = [];
  for (let page = Math.max(1, Math.floor(range.start / LIST_PAGE_SIZE)); page <= lastPage; page++) wanted.push(page);
  const others = useQueries({ queries: wanted.map((page) => listPageQuery(admin, resource, params, page)) });
  const pages = new Map<number, AnyObject[]>();
  if (firstPage.data) pages.set(0, firstPage.data.items as AnyObject[]);
  others.forEach((result, index) => {
    if (result.data) pages.set(wanted[index] as number, result.data.items as AnyObject[]);
  });
  const getRow = (index: number) => pages.get(Math.floor(index / LIST_PAGE_SIZE))?.[index % LIST_PAGE_SIZE];
  const indexOf = (id: string) => {
    for (const [page, items] of pages) {
      const at = items.findIndex((item) => item.id === id);
      if (at >= 0) return page * LIST_PAGE_SIZE + at;
    }
    return null;
  };

  // The selection belongs to this list (node, search, sort, administrator): another list starts with none. A
  // reload restores the focused object from the URL (?sel=) once its window is loaded.
  const listKey = listKeyOf(admin, view);
  const [local, setLocal] = useState<{ listKey: string; selection: GridSelection }>({
    listKey,
    selection: EMPTY_SELECTION,
  });
  const own = local.listKey === listKey ? local.selection : EMPTY_SELECTION;
  const urlIndex = own.focus === null && view.selectedId ? indexOf(view.selectedId) : null;
  // Memoized: the selection is published to the Actions pane, and a new object each render would never settle.
  const selection = useMemo(
    () => (urlIndex !== null ? updateSelection(EMPTY_SELECTION, { type: 'select', index: urlIndex }) : own),
    [urlIndex, own],
  );
  const focused = selection.focus !== null ? (getRow(selection.focus) ?? null) : null;
  const onSelectionChange = (next: GridSelection) => {
    setLocal({ listKey, selection: next });
    const row = next.focus !== null ? getRow(next.focus) : undefined;
    if (row && row.id !== view.selectedId) selectionInUrl.schedule(row.id);
    else selectionInUrl.cancel();
  };
  useEffect(() => {
    publishResultsSelection({ listKey, selection, total, focused });
  });
  useEffect(() => clearResultsSelection, []);
  // Software updates and update lists are dragged onto a deployment template's row: the Deploy Software Updates
  // Wizard opens with that template (?template=) and those updates (?updates=).
  const drag = useResultsDragAndDrop({
    admin,
    resource,
    nodeName: node.name,
    selection,
    total,
    getRow,
    onDropOnTemplate: (templateId, payload) =>
      changeView({
        selectedId: templateId,
        wizard: 'deploy-software-updates',
        templateId,
        updateIds: payload.updateIds,
      }),
  });

  const actions = useConsoleActions();
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const gridBox = useRef<HTMLDivElement>(null);
  const onCommand = (command: GridCommand) => {
    // Keys act on what the grid shows: Delete deletes the selected objects (never the node), where allowed.
    const run = (label: string, from: typeof actions.objectActions) => {
      const action = from.find((candidate) => candidate.label === label);
      if (action && !action.disabledBecause) action.run();
    };
    if (command === 'refresh') run('Refresh', actions.nodeActions);
    else if (command === 'copy') run('Copy', actions.objectActions);
    else if (command === 'delete') run('Delete', actions.objectActions);
    else {
      // Shift+F10: the menu opens under the focused row, or at the top of the grid.
      const anchor = (gridBox.current?.querySelector('[data-focused]') ?? gridBox.current)?.getBoundingClientRect();
      setMenu({ at: { x: (anchor?.left ?? 0) + 24, y: anchor?.bottom ?? 0 }, kind: 'row' });
    }
  };
  const menuItems: MenuItem[] =
    menu?.kind === 'header'
      ? [
          ...actions.nodeActions.filter((action) => action.label === 'Add/Remove Columns...'),
          ...actions.nodeActions.filter((action) => action.label === 'Refresh'),
        ]
      : [
          ...actions.objectActions,
          ...actions.nodeActions.map((action, index) => ({ ...action, separatorBefore: index === 0 })),
        ];

  const columns = useMemo<GridColumn<AnyObject>[]>(
    () =>
      visibleColumns.map((column, index) => {
        const text = textOf<AnyObject>(resource, column.key);
        // The first column carries the object's icon (software updates draw their state icon themselves).
        const withIcon = index === 0 && resource !== 'software-updates';
        return {
          key: column.key,
          header: captionOf(resource, column.key),
          width: column.width,
          align: column.align,
          cell: (row, state) =>
            config.renderCell?.(column.key, row, state) ?? (withIcon ? withObjectIcon(resource, text(row)) : text(row)),
        };
      }),
    [config, resource, visibleColumns],
  );

  const refused = isForbidden(firstPage.error) ? firstPage.error.message : null;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <ResultsHeader
        title={node.name}
        count={refused ? null : firstPage.data ? total : undefined}
        searching={view.q !== ''}
        busy={searching}
      />
      {refused ? (
        <RefusedMessage message={refused} />
      ) : (
        <>
          <FindBar
            key={node.id}
            q={view.q}
            searchIn={view.searchIn}
            columns={visibleColumns.map((column) => ({ key: column.key, caption: captionOf(resource, column.key) }))}
            onFind={(q, searchIn) => showList({ q, searchIn }, { q, searchIn, selectedId: null })}
            onClear={() => showList({ q: '', searchIn: 'all' }, { q: '', searchIn: 'all', selectedId: null })}
          />
          {firstPage.isError ? (
            <div role="alert" className="m-3">
              <p>The list could not be loaded: {firstPage.error.message}</p>
              <button type="button" className="win-button mt-2" onClick={() => void firstPage.refetch()}>
                Retry
              </button>
            </div>
          ) : (
            <div ref={gridBox} className="min-h-0 flex-1 border-t border-[#a0a0a0]" {...drag.handlers}>
              <DataGrid<AnyObject>
                label={node.name}
                columns={columns}
                rowCount={total}
                getRow={getRow}
                getRowId={(row) => row.id}
                selection={selection}
                onSelectionChange={onSelectionChange}
                onOpen={(index) => {
                  const row = getRow(index);
                  if (row) openProperties(row.id);
                }}
                sort={sort ? { key: sort.field, direction: sort.direction } : null}
                onSort={(key) => {
                  const next = `${key}:${sort?.field === key && sort.direction === 'asc' ? 'desc' : 'asc'}`;
                  showList({ sort: next }, { sort: next });
                }}
                onRangeChange={onRangeChange}
                onCommand={onCommand}
                onContextMenu={(at, target) => setMenu({ at, kind: target.kind })}
                rowHeight={rowHeightFor(display)}
                draggableRows={drag.draggableRows}
                dropTargetRowId={drag.dropTargetRowId}
                emptyText={
                  firstPage.isPending
                    ? 'Loading…'
                    : view.q
                      ? 'There are no items that match the search criteria.'
                      : 'There are no items to show in this view.'
                }
              />
            </div>
          )}
          {actions.message ? (
            <p
              role={actions.message.error ? 'alert' : 'status'}
              className={`border-t border-[#a0a0a0] px-2 py-0.5 ${actions.message.error ? 'text-[#a11]' : ''}`}
            >
              {actions.message.text}
            </p>
          ) : null}
        </>
      )}
      {menu ? (
        <ContextMenu
          label={menu.kind === 'header' ? 'Column header' : node.name}
          at={menu.at}
          items={menuItems}
          onClose={closeMenu}
        />
      ) : null}
    </div>
  );
}
