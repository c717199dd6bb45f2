import { useCallback, useEffect, useRef } from 'react';

/** How long a new selection waits before it is written to the URL (?sel=). */
export const SELECTION_TO_URL_MS = 150;

/**
 * Writes the results pane's selection to the URL a moment after it settles, not on every change: writing the URL is a
 * navigation that renders the whole console again, which a double-click (whose first click selects) paid before its
 * Properties could open, and arrow keys held down paid on every row. The grid shows the selection at once from its own
 * state; the URL follows for a reload or a shared link. A view change that carries its own selection cancels it.
 */
export function useSelectionInUrl(write: (id: string) => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const cancel = useCallback(() => clearTimeout(timer.current), []);
  const schedule = useCallback(
    (id: string) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => write(id), SELECTION_TO_URL_MS);
    },
    [write],
  );
  return { schedule, cancel };
}
