import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useConnectedAdmin } from '@/api/connection';
import { isForbidden } from '@/api/http';
import { LIST_PAGE_SIZE, listPageQuery, type ListParams } from '@/api/resources';
import type { ConsoleTreeNode } from '@/domain/contract/api-contract';
import { parseSort } from '@/domain/query/list-query';
import { captionOf, RESOURCES, textOf, type ResourceName } from '@/domain/query/resources';
import { DataGrid, type GridColumn } from '@/ui/data-grid';
import { useConsoleView } from './console-url';
import { FindBar } from './find-bar';
import { viewForNode, type AnyObject } from './node-views';
import { RefusedMessage } from './refused-message';
import { ResultsHeader } from './results-header';

/** A node's objects: the find bar, then a grid fetched from the server one window at a time. */
export function ObjectList({ node, resource }: { node: ConsoleTreeNode; resource: ResourceName }) {
  const admin = useConnectedAdmin();
  const [view, setView] = useConsoleView();
  const config = viewForNode(node.kind, resource);
  const def = RESOURCES[resource];
  const sortText = view.sort ?? def.defaultSort;
  const sort = parseSort(sortText);
  const params: ListParams = {
    node: resource === 'software-updates' ? node.id : undefined,
    q: view.q,
    searchIn: view.searchIn,
    sort: view.sort ?? undefined,
  };
  const [range, setRange] = useState({ start: 0, end: 40 });
  const onRangeChange = useCallback((start: number, end: number) => setRange({ start, end }), []);
  const firstPage = useQuery(listPageQuery(admin, resource, params, 0));
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

  const columns = useMemo<GridColumn<AnyObject>[]>(
    () =>
      config.columns.map((column) => {
        const text = textOf<AnyObject>(resource, column.key);
        return {
          key: column.key,
          header: captionOf(resource, column.key),
          width: column.width,
          align: column.align,
          cell: (row) => config.renderCell?.(column.key, row) ?? text(row),
        };
      }),
    [config, resource],
  );

  const refused = isForbidden(firstPage.error) ? firstPage.error.message : null;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <ResultsHeader
        title={node.name}
        count={refused ? null : firstPage.data ? total : undefined}
        searching={view.q !== ''}
      />
      {refused ? (
        <RefusedMessage message={refused} />
      ) : (
        <>
          <FindBar
            key={`${node.id}|${view.q}|${view.searchIn}`}
            q={view.q}
            searchIn={view.searchIn}
            columns={config.columns.map((column) => ({ key: column.key, caption: captionOf(resource, column.key) }))}
            onFind={(q, searchIn) => setView({ q, searchIn, selectedId: null })}
            onClear={() => setView({ q: '', searchIn: 'all', selectedId: null })}
          />
          {firstPage.isError ? (
            <div role="alert" className="m-3">
              <p>The list could not be loaded: {firstPage.error.message}</p>
              <button type="button" className="win-button mt-2" onClick={() => void firstPage.refetch()}>
                Retry
              </button>
            </div>
          ) : (
            <div className="min-h-0 flex-1 border-t border-[#a0a0a0]">
              <DataGrid<AnyObject>
                label={node.name}
                columns={columns}
                rowCount={total}
                getRow={getRow}
                getRowId={(row) => row.id}
                indexOf={indexOf}
                selectedId={view.selectedId}
                onSelect={(id) => setView({ selectedId: id }, { replace: true })}
                onOpen={(id) => setView({ selectedId: id, propertiesId: id })}
                sort={sort ? { key: sort.field, direction: sort.direction } : null}
                onSort={(key) =>
                  setView({
                    sort: `${key}:${sort?.field === key && sort.direction === 'asc' ? 'desc' : 'asc'}`,
                  })
                }
                onRangeChange={onRangeChange}
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
        </>
      )}
    </div>
  );
}
