import { useQueries, useQuery } from '@tanstack/react-query';
import { startTransition, useCallback, useMemo, useState } from 'react';
import { useConnectedAdmin } from '@/api/connection';
import { isForbidden } from '@/api/http';
import {
  CLIENT_COMPLIANCE_PAGE_SIZE,
  clientCompliancePageQuery,
  downloadClientComplianceCsv,
  fetchClientComplianceText,
  type ClientComplianceParams,
} from '@/api/software-updates';
import type { ConsoleTreeNode } from '@/domain/contract/api-contract';
import type { ClientComplianceList } from '@/domain/contract/software-update-contract';
import { formatCount } from '@/domain/format';
import { parseSort } from '@/domain/query/list-query';
import {
  CLIENT_COMPLIANCE_DEFAULT_SORT,
  CLIENT_COMPLIANCE_FIELDS,
  COMPLIANCE_STATE_CAPTIONS,
  clientComplianceText,
  complianceDrillSchema,
  type ClientComplianceRow,
  type ComplianceDrill,
} from '@/domain/software-updates/client-compliance';
import { DataGrid, type GridColumn, type GridCommand } from '@/ui/data-grid';
import { EMPTY_SELECTION, rangesParam, selectedCount, selectedRanges, type GridSelection } from '@/ui/grid-selection';
import { useConsoleView } from './console-url';
import { rowHeightFor, useDisplaySettings } from './display-settings';
import { FindBar } from './find-bar';
import { RefusedMessage } from './refused-message';
import { ResultsHeader } from './results-header';

const WIDTHS: Record<string, number> = { name: 170, state: 130, clientType: 200, siteCode: 80, operatingSystem: 340 };

/** The heading of a drill-down: "Required clients of Security Update for Windows XP (KB958644)". */
export function complianceListTitle(state: ComplianceDrill, updateTitle: string): string {
  return state === 'all'
    ? `All clients of ${updateTitle}`
    : `${COMPLIANCE_STATE_CAPTIONS[state]} clients of ${updateTitle}`;
}

/**
 * The clients behind one compliance count of a software update, in place of the node's list (the URL's
 * ?clients=<update>&state=<state>): the find bar, a grid sorted and windowed by the server, Export List and Ctrl+C, as
 * any list. Back (or "Back to <node>") returns to the list it was opened from.
 */
export function ComplianceClientsList({
  node,
  updateId,
  state: stateText,
}: {
  node: ConsoleTreeNode;
  updateId: string;
  state: string;
}) {
  const admin = useConnectedAdmin();
  const [view, setView] = useConsoleView();
  const display = useDisplaySettings();
  const parsedState = complianceDrillSchema.safeParse(stateText);
  const state: ComplianceDrill = parsedState.success ? parsedState.data : 'required';
  const params: ClientComplianceParams = {
    updateId,
    state,
    q: view.q,
    searchIn: view.searchIn,
    sort: view.sort ?? undefined,
  };
  const sort = parseSort(view.sort ?? CLIENT_COMPLIANCE_DEFAULT_SORT);

  const [range, setRange] = useState({ start: 0, end: 40 });
  const onRangeChange = useCallback(
    (start: number, end: number) => startTransition(() => setRange({ start, end })),
    [],
  );
  const firstPage = useQuery({ ...clientCompliancePageQuery(admin, params, 0), enabled: parsedState.success });
  const total = firstPage.data?.total ?? 0;
  const lastPage = Math.min(
    Math.floor(range.end / CLIENT_COMPLIANCE_PAGE_SIZE),
    Math.max(0, Math.ceil(total / CLIENT_COMPLIANCE_PAGE_SIZE) - 1),
  );
  const wanted: number[] = [];
  for (let page = Math.max(1, Math.floor(range.start / CLIENT_COMPLIANCE_PAGE_SIZE)); page <= lastPage; page++) {
    wanted.push(page);
  }
  const others = useQueries({ queries: wanted.map((page) => clientCompliancePageQuery(admin, params, page)) });
  const pages = new Map<number, ClientComplianceList['items']>();
  if (firstPage.data) pages.set(0, firstPage.data.items);
  others.forEach((result, index) => {
    if (result.data) pages.set(wanted[index] as number, result.data.items);
  });
  const getRow = (index: number): ClientComplianceRow | undefined =>
    pages.get(Math.floor(index / CLIENT_COMPLIANCE_PAGE_SIZE))?.[index % CLIENT_COMPLIANCE_PAGE_SIZE];

  const listKey = [admin, updateId, state, view.q, view.searchIn, view.sort ?? ''].join('\u0000');
  const [local, setLocal] = useState({ listKey, selection: EMPTY_SELECTION as GridSelection });
  const selection = local.listKey === listKey ? local.selection : EMPTY_SELECTION;
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const report = (promise: Promise<string>) => {
    setMessage(null);
    promise
      .then((text) => setMessage({ text, error: false }))
      .catch((error: unknown) =>
        setMessage({ text: error instanceof Error ? error.message : String(error), error: true }),
      );
  };
  const columnKeys = CLIENT_COMPLIANCE_FIELDS.map((field) => field.key);
  const exportList = () =>
    report(
      downloadClientComplianceCsv(admin, params, columnKeys).then(
        () => `Exported ${formatCount(total)} items to software-update-clients.csv.`,
      ),
    );
  const onCommand = (command: GridCommand) => {
    if (command === 'refresh') void firstPage.refetch();
    if (command === 'copy' && selectedCount(selection, total) > 0) {
      const count = selectedCount(selection, total);
      report(
        fetchClientComplianceText(admin, params, columnKeys, rangesParam(selectedRanges(selection, total))).then(
          async (text) => {
            await navigator.clipboard.writeText(text);
            return `Copied ${formatCount(count)} ${count === 1 ? 'row' : 'rows'} to the clipboard.`;
          },
        ),
      );
    }
  };

  const columns = useMemo<GridColumn<ClientComplianceRow>[]>(
    () =>
      CLIENT_COMPLIANCE_FIELDS.map((field) => ({
        key: field.key,
        header: field.caption,
        width: WIDTHS[field.key] ?? 140,
        cell: (row) => clientComplianceText(field.key, row),
      })),
    [],
  );

  const updateTitle = firstPage.data?.update.title ?? `software update ${updateId}`;
  const title = complianceListTitle(state, updateTitle);
  const refused = isForbidden(firstPage.error) ? firstPage.error.message : null;
  const back = () =>
    setView({ clientsOf: null, complianceState: null, q: '', searchIn: 'all', sort: null, selectedId: updateId });
  const count = firstPage.data?.count;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <ResultsHeader
        title={title}
        count={refused ? null : firstPage.data ? total : undefined}
        searching={view.q !== ''}
      />
      <div className="flex flex-wrap items-center gap-2 px-2 pb-1">
        <button type="button" className="win-button" onClick={back}>
          Back to {node.name}
        </button>
        <button type="button" className="win-button" disabled={!firstPage.data} onClick={exportList}>
          Export List...
        </button>
        {firstPage.data && count !== undefined && !view.q && total < count ? (
          <span role="note" className="text-[#444]">
            {formatCount(total)} of the {formatCount(count)} clients are in collections {admin} may read.
          </span>
        ) : null}
      </div>
      {!parsedState.success ? (
        <div role="alert" className="m-3">
          The link names no compliance state: {parsedState.error.issues[0]?.message}.
        </div>
      ) : refused ? (
        <RefusedMessage message={refused} />
      ) : (
        <>
          <FindBar
            key={`${updateId}|${state}|${view.q}|${view.searchIn}`}
            q={view.q}
            searchIn={view.searchIn}
            columns={CLIENT_COMPLIANCE_FIELDS.map((field) => ({ key: field.key, caption: field.caption }))}
            onFind={(q, searchIn) => {
              setMessage(null);
              setView({ q, searchIn, selectedId: null });
            }}
            onClear={() => {
              setMessage(null);
              setView({ q: '', searchIn: 'all', selectedId: null });
            }}
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
              <DataGrid<ClientComplianceRow>
                label={title}
                columns={columns}
                rowCount={total}
                getRow={getRow}
                getRowId={(row) => row.id}
                selection={selection}
                onSelectionChange={(next) => setLocal({ listKey, selection: next })}
                onOpen={() => undefined}
                sort={sort ? { key: sort.field, direction: sort.direction } : null}
                onSort={(key) =>
                  setView({ sort: `${key}:${sort?.field === key && sort.direction === 'asc' ? 'desc' : 'asc'}` })
                }
                onRangeChange={onRangeChange}
                onCommand={onCommand}
                rowHeight={rowHeightFor(display)}
                emptyText={
                  firstPage.isPending
                    ? 'Loading…'
                    : view.q
                      ? 'There are no items that match the search criteria.'
                      : 'There are no clients in this state.'
                }
              />
            </div>
          )}
        </>
      )}
      {message ? (
        <p
          role={message.error ? 'alert' : 'status'}
          className={`border-t border-[#a0a0a0] px-2 py-0.5 ${message.error ? 'text-[#a11]' : ''}`}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
