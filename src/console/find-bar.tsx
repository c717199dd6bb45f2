import { useState } from 'react';

interface FindBarProps {
  q: string;
  searchIn: string;
  columns: Array<{ key: string; caption: string }>;
  onFind: (q: string, searchIn: string) => void;
  onClear: () => void;
}

/** The product's find bar above the results: "Look for", "Search in", Find Now and Clear. */
export function FindBar({ q, searchIn, columns, onFind, onClear }: FindBarProps) {
  const [draft, setDraft] = useState(q);
  const [column, setColumn] = useState(searchIn);
  // The search in the URL changed (Find Now, Clear, Back): the boxes show it. Adjusted while rendering rather than by
  // remounting the bar, which rebuilt the "Search in" list's options on every Find Now.
  const [shown, setShown] = useState({ q, searchIn });
  if (shown.q !== q || shown.searchIn !== searchIn) {
    setShown({ q, searchIn });
    setDraft(q);
    setColumn(searchIn);
  }
  return (
    <form
      role="search"
      aria-label="Find"
      className="find-bar flex flex-wrap items-center gap-x-2 gap-y-1 px-2 py-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        onFind(draft.trim(), column);
      }}
    >
      <label className="flex items-center gap-1.5">
        <span>Look for:</span>
        <input
          type="search"
          aria-label="Look for"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          className="win-input w-56"
          maxLength={200}
        />
      </label>
      <label className="flex items-center gap-1.5">
        <span>Search in:</span>
        <select
          aria-label="Search in"
          value={column}
          onChange={(event) => setColumn(event.target.value)}
          className="win-input"
        >
          <option value="all">All Columns</option>
          {columns.map((option) => (
            <option key={option.key} value={option.key}>
              {option.caption}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="win-button">
        Find Now
      </button>
      <button
        type="button"
        className="win-button"
        onClick={() => {
          setDraft('');
          setColumn('all');
          onClear();
        }}
      >
        Clear
      </button>
    </form>
  );
}
