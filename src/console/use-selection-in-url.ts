import { useCallback, useEffect, useRef } from 'react';
import { getUnwrittenSelection, setUnwrittenSelection } from './console-url';

/** How long a new selection waits before it is written to the URL (?sel=). */
export const SELECTION_TO_URL_MS = 150;

/**
 * Writes the results pane's selection to the URL a moment after it settles, not on every change: writing the URL is a
 * navigation that renders the whole console again, which a double-click (whose first click selects) paid before its
 * Properties could open, and arrow keys held down paid on every row. The grid shows the selection at once from its own
 * state; the URL follows for a reload or a shared link. Meanwhile any view change starts from it (console-url.ts), and
 * one that says what is selected cancels it.
 */
export function useSelectionInUrl(nodeId: string, write: (id: string) => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<{ nodeId: string; id: string } | null>(null);
  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    if (pending.current && getUnwrittenSelection() === pending.current) setUnwrittenSelection(null);
    pending.current = null;
  }, []);
  useEffect(() => cancel, [cancel]);
  const schedule = useCallback(
    (id: string) => {
      cancel();
      const selection = { nodeId, id };
      pending.current = selection;
      setUnwrittenSelection(selection);
      timer.current = setTimeout(() => {
        // Written already if a view change took it along meanwhile.
        if (getUnwrittenSelection() === selection) write(id);
        pending.current = null;
      }, SELECTION_TO_URL_MS);
    },
    [cancel, nodeId, write],
  );
  return { schedule, cancel };
}
