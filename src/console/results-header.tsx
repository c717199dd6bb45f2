import { formatCount } from '@/domain/format';

/** The results pane's title bar: the node's name and how many items it lists (or found). */
export function ResultsHeader({
  title,
  count,
  searching,
  busy = false,
}: {
  title: string;
  count: number | null | undefined;
  searching: boolean;
  /** A new search or sort is on its way: the count says so until its rows arrive. */
  busy?: boolean;
}) {
  return (
    <div className="results-header flex items-baseline justify-between gap-4 px-2 py-1">
      <h1 className="truncate text-[15px] font-normal">{title}</h1>
      {busy ? (
        <span role="status" aria-live="polite" className="shrink-0">
          Searching…
        </span>
      ) : count !== null && count !== undefined ? (
        <span role="status" aria-live="polite" className="shrink-0">
          {formatCount(count)} {count === 1 ? 'item' : 'items'}
          {searching ? ' found' : ''}
        </span>
      ) : null}
    </div>
  );
}
