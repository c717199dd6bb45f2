import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { isForbidden } from '@/api/http';
import { HOMEPAGE_PAGE_SIZE, homepageSummaryQuery, type HomepageParams } from '@/api/homepage-summary';
import type { HomepageResponse } from '@/domain/contract/homepage-contract';
import { formatCount, formatDateTime, formatYesNo } from '@/domain/format';
import {
  describeInterval,
  HOMEPAGE_COLUMNS,
  MONTH_NAMES,
  type HomepageRow,
} from '@/domain/homepage-summary/homepage-summary';
import { CLASSIFICATIONS } from '@/domain/model/software-update';
import { Chart, type ChartSeries } from '@/ui/chart';
import { DataGrid, type GridColumn, type GridCommand } from '@/ui/data-grid';
import { EMPTY_SELECTION, type GridSelection } from '@/ui/grid-selection';
import { homepageParamsOf, type HomepageUrlFilter } from './homepage-url';

/** The chart's series: the four installation states a summarization counts. */
export const INSTALLATION_SERIES: ChartSeries[] = [
  { key: 'installed', name: 'Installed', color: '#3a9a3a' },
  { key: 'required', name: 'Required', color: '#c8382c' },
  { key: 'notRequired', name: 'Not Required', color: '#5b87c5' },
  { key: 'unknown', name: 'Unknown', color: '#a0a0a0' },
];

// Every caption and count fits in a results pane at 1440 pixels (the title shows whole on hover); narrower, the grid
// scrolls sideways.
const WIDTHS: Record<string, number> = {
  articleId: 88,
  bulletinId: 82,
  title: 180,
  severity: 80,
  deployed: 74,
  total: 58,
  installed: 74,
  required: 78,
  notRequired: 98,
  unknown: 72,
};
const NUMERIC = new Set(['total', 'installed', 'required', 'notRequired', 'unknown']);

/** The Article ID opens the page with more information about the update (its information URL, or its KB article). */
function articleHref(row: HomepageRow): string {
  if (row.infoUrl) return row.infoUrl;
  return `http://support.microsoft.com/kb/${encodeURIComponent(row.articleId)}`;
}

function cellText(row: HomepageRow, key: string): string {
  switch (key) {
    case 'deployed':
      return formatYesNo(row.deployed);
    case 'total':
    case 'installed':
    case 'required':
    case 'notRequired':
    case 'unknown':
      return formatCount(row[key]);
    default:
      return String(row[key as keyof HomepageRow] ?? '');
  }
}

export interface SoftwareUpdatesHomeProps {
  admin: string;
  /** The node's name, the results pane's title ("Software Updates"). */
  title: string;
  /** The filter as the URL holds it (?vendor=&class=&month=&year=), and its sort (?sort=). */
  urlFilter: HomepageUrlFilter;
  sort: string | null;
  /** The site clock's year: the Year box starts there. */
  siteYear: number;
  onFilterChange: (next: HomepageUrlFilter) => void;
  onSortChange: (sort: string) => void;
  /** The focused row changed: the Actions pane's Properties acts on it. */
  onSelectionChange: (selection: GridSelection, total: number, focused: HomepageRow | null) => void;
  onOpenProperties: (id: string) => void;
  onCommand?: (command: GridCommand) => void;
  /** What the last action said, under the grid. */
  footer?: ReactNode;
  rowHeight?: number;
}

/**
 * The Software Updates home page: the "Software Update Installation Status Summary" for a vendor, an update
 * classification and a release month and year, as the last home page summarization counted it.
 */
export function SoftwareUpdatesHome(props: SoftwareUpdatesHomeProps) {
  const params = homepageParamsOf(props.urlFilter, props.sort, props.siteYear);
  const first = useQuery(homepageSummaryQuery(props.admin, params, 0));
  const refused = isForbidden(first.error) ? first.error.message : null;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="results-header flex items-baseline justify-between gap-4 px-2 py-1">
        <h1 className="truncate text-[15px] font-normal">{props.title}</h1>
        {first.data && !refused ? (
          <span role="status" aria-live="polite" className="shrink-0">
            {formatCount(first.data.total)} {first.data.total === 1 ? 'item' : 'items'}
          </span>
        ) : null}
      </div>
      {refused ? (
        <div role="alert" className="m-3">
          <p className="font-semibold">The Software Updates home page cannot be shown.</p>
          <p className="mt-1">{refused}</p>
        </div>
      ) : first.isError && !first.data ? (
        <div role="alert" className="m-3">
          <p>The Software Update Installation Status Summary could not be loaded: {first.error.message}</p>
          <button type="button" className="win-button mt-2" onClick={() => void first.refetch()}>
            Retry
          </button>
        </div>
      ) : (
        <HomeBody {...props} params={params} first={first.data} />
      )}
    </div>
  );
}

function HomeBody(props: SoftwareUpdatesHomeProps & { params: HomepageParams; first: HomepageResponse | undefined }) {
  const { params, first } = props;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex min-h-0 flex-1 flex-col">
      <div className="homepage-band border-y border-[#a0a0a0] px-2 py-1.5">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4">
          <h2 id={headingId} className="text-[13px] font-semibold">
            Software Update Installation Status Summary
          </h2>
          <p>
            <span>Last Updated: </span>
            <span data-testid="homepage-last-updated">
              {first ? (first.lastUpdated ? formatDateTime(first.lastUpdated) : 'Not yet summarized') : '…'}
            </span>
            {first ? (
              <span className="text-[#555]">
                {' '}
                (summarized every {describeInterval(first.intervalMinutes)}
                {first.nextSummarizationAt ? `; next ${formatDateTime(first.nextSummarizationAt)}` : ''})
              </span>
            ) : null}
          </p>
        </div>
        <HomeFilters
          filter={params}
          facets={first?.facets}
          onChange={(next) => props.onFilterChange(next)}
          urlFilter={props.urlFilter}
        />
      </div>
      <div className="flex min-h-0 flex-1 flex-col gap-1 p-1">
        {first ? <HomeChart summary={first} /> : null}
        <HomeGrid {...props} />
      </div>
      {props.footer}
    </section>
  );
}

function HomeFilters(props: {
  filter: HomepageParams;
  facets: HomepageResponse['facets'] | undefined;
  urlFilter: HomepageUrlFilter;
  onChange: (next: HomepageUrlFilter) => void;
}) {
  const { filter, facets } = props;
  const withCurrent = <T,>(values: T[], current: T | null) =>
    current !== null && !values.includes(current) ? [...values, current] : values;
  const vendors = withCurrent(facets?.vendors ?? [], filter.vendor);
  const years = withCurrent(facets?.years ?? [], filter.year).sort((a, b) => b - a);
  const change = (key: keyof HomepageUrlFilter, value: string) => props.onChange({ ...props.urlFilter, [key]: value });
  return (
    <div className="mt-1.5 flex flex-wrap items-center gap-x-4 gap-y-1" role="group" aria-label="Filter">
      <FilterBox label="Vendor" value={filter.vendor ?? 'all'} onChange={(value) => change('vendor', value)}>
        <option value="all">All vendors</option>
        {vendors.map((vendor) => (
          <option key={vendor} value={vendor}>
            {vendor}
          </option>
        ))}
      </FilterBox>
      <FilterBox
        label="Update Classification"
        value={filter.classification ?? 'all'}
        onChange={(value) => change('classification', value)}
      >
        <option value="all">All classifications</option>
        {CLASSIFICATIONS.map((classification) => (
          <option key={classification} value={classification}>
            {classification}
          </option>
        ))}
      </FilterBox>
      <FilterBox
        label="Month"
        value={filter.month === null ? 'all' : String(filter.month)}
        onChange={(value) => change('month', value)}
      >
        <option value="all">All months</option>
        {MONTH_NAMES.map((name, index) => (
          <option key={name} value={String(index + 1)}>
            {name}
          </option>
        ))}
      </FilterBox>
      <FilterBox
        label="Year"
        value={filter.year === null ? 'all' : String(filter.year)}
        onChange={(value) => change('year', value)}
      >
        <option value="all">All years</option>
        {years.map((year) => (
          <option key={year} value={String(year)}>
            {year}
          </option>
        ))}
      </FilterBox>
    </div>
  );
}

function FilterBox(props: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor={id}>{props.label}:</label>
      <select
        id={id}
        className="win-input"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.children}
      </select>
    </div>
  );
}

function HomeChart({ summary }: { summary: HomepageResponse }) {
  const byMonth = summary.chart.grouping === 'month';
  const year = summary.filter.year;
  const title = `Installation status by ${byMonth ? `month, ${year ?? ''}` : 'year'} (${formatCount(
    summary.totals.updates,
  )} software ${summary.totals.updates === 1 ? 'update' : 'updates'})`;
  const data = summary.chart.groups.map((group) => ({
    // Twelve months side by side are named short; a month chosen alone is named in full.
    label:
      byMonth && summary.filter.month === null
        ? (MONTH_NAMES[Number(group.key.slice(5, 7)) - 1] ?? group.label).slice(0, 3)
        : group.label,
    values: {
      installed: group.installed,
      required: group.required,
      notRequired: group.notRequired,
      unknown: group.unknown,
    },
  }));
  if (data.length === 0) {
    return (
      <p className="px-1 py-2 text-[#555]">
        No software updates match this vendor, classification, month and year in the last summarization.
      </p>
    );
  }
  return (
    <div className="shrink-0 border border-[#c0c0c0] bg-white px-2 pt-1">
      <Chart
        title={title}
        data={data}
        series={INSTALLATION_SERIES}
        layout="stacked"
        categoryCaption={byMonth ? 'Month released' : 'Year released'}
        height={150}
      />
    </div>
  );
}

function HomeGrid(props: SoftwareUpdatesHomeProps & { params: HomepageParams; first: HomepageResponse | undefined }) {
  const { params, first, admin } = props;
  const total = first?.total ?? 0;
  const [range, setRange] = useState({ start: 0, end: 40 });
  const onRangeChange = useCallback((start: number, end: number) => setRange({ start, end }), []);
  const lastPage = Math.min(
    Math.floor(range.end / HOMEPAGE_PAGE_SIZE),
    Math.max(0, Math.ceil(total / HOMEPAGE_PAGE_SIZE) - 1),
  );
  const wanted: number[] = [];
  for (let page = Math.max(1, Math.floor(range.start / HOMEPAGE_PAGE_SIZE)); page <= lastPage; page++) {
    wanted.push(page);
  }
  const others = useQueries({ queries: wanted.map((page) => homepageSummaryQuery(admin, params, page)) });
  const pages = new Map<number, HomepageRow[]>();
  if (first) pages.set(0, first.items);
  others.forEach((result, index) => {
    if (result.data) pages.set(wanted[index] as number, result.data.items);
  });
  const getRow = (index: number) => pages.get(Math.floor(index / HOMEPAGE_PAGE_SIZE))?.[index % HOMEPAGE_PAGE_SIZE];

  // The selection belongs to this filter and sort: another starts with none.
  const listKey = JSON.stringify(params);
  const [local, setLocal] = useState({ listKey, selection: EMPTY_SELECTION });
  const selection = local.listKey === listKey ? local.selection : EMPTY_SELECTION;
  const focused = selection.focus !== null ? (getRow(selection.focus) ?? null) : null;
  const { onSelectionChange } = props;
  useEffect(() => {
    onSelectionChange(selection, total, focused);
  }, [onSelectionChange, selection, total, focused]);

  const [field, direction] = (params.sort ?? 'articleId:asc').split(':');
  const columns = useMemo<GridColumn<HomepageRow>[]>(
    () =>
      HOMEPAGE_COLUMNS.map((column) => ({
        key: column.key,
        header: column.caption,
        width: WIDTHS[column.key] ?? 100,
        align: NUMERIC.has(column.key) ? 'right' : undefined,
        cell: (row: HomepageRow) =>
          column.key === 'articleId' ? (
            <a
              href={articleHref(row)}
              target="_blank"
              rel="noreferrer"
              className="text-[#0645ad] underline"
              title={`More information about ${row.title}`}
            >
              {row.articleId}
            </a>
          ) : column.key === 'title' ? (
            <span className="truncate" title={row.title}>
              {row.title}
            </span>
          ) : (
            cellText(row, column.key)
          ),
      })),
    [],
  );
  return (
    <div className="min-h-0 flex-1 border border-[#a0a0a0]">
      <DataGrid<HomepageRow>
        label="Software Update Installation Status Summary"
        columns={columns}
        rowCount={total}
        getRow={getRow}
        getRowId={(row) => row.id}
        selection={selection}
        onSelectionChange={(next) => setLocal({ listKey, selection: next })}
        onOpen={(index) => {
          const row = getRow(index);
          if (row) props.onOpenProperties(row.id);
        }}
        sort={{ key: field ?? 'articleId', direction: direction === 'desc' ? 'desc' : 'asc' }}
        onSort={(key) => props.onSortChange(`${key}:${field === key && direction === 'asc' ? 'desc' : 'asc'}`)}
        onRangeChange={onRangeChange}
        onCommand={props.onCommand}
        rowHeight={props.rowHeight}
        emptyText={
          first
            ? 'No software updates match this vendor, classification, month and year in the last summarization.'
            : 'Loading…'
        }
      />
    </div>
  );
}
