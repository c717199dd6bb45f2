import { startTransition, useCallback, useEffect, useRef } from 'react';

interface RowRange {
  start: number;
  end: number;
}

/** How long rows must stay put during a fast scroll before their windows are fetched. */
export const FAST_SCROLL_PAUSE_MS = 80;

/**
 * The rows whose windows the results pane fetches, following the grid's visible rows. Scrolling that keeps some rows
 * on screen (the wheel, Page Down held, a slow drag) fetches at once; so does a single jump (End, a click in the
 * scroll track). A jump that follows a jump within the pause, a fast drag of the scroll thumb across 50,000 rows, waits
 * until the rows stay put for FAST_SCROLL_PAUSE_MS: the windows it flies past are never asked for, so the frames of
 * the drag are not spent routing, parsing and collecting the garbage of rows shown for one frame (they say
 * "Loading…" meanwhile, as the product's own virtual list does).
 */
export function useWindowsOnScreen(setRange: (range: RowRange) => void) {
  // The rows on screen at the last change: a jump is a change that keeps none of them.
  const onScreen = useRef<RowRange>({ start: 0, end: 40 });
  const lastJumpAt = useRef(Number.NEGATIVE_INFINITY);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(
    (start: number, end: number) => {
      clearTimeout(timer.current);
      const apply = () => {
        // A transition: fetching the windows that scrolled into view may wait for a frame; the scroll never does.
        startTransition(() => setRange({ start, end }));
      };
      const last = onScreen.current;
      onScreen.current = { start, end };
      const jump = start > last.end || end < last.start;
      if (!jump) {
        apply();
        return;
      }
      const now = performance.now();
      const flying = now - lastJumpAt.current < FAST_SCROLL_PAUSE_MS;
      lastJumpAt.current = now;
      if (flying) timer.current = setTimeout(apply, FAST_SCROLL_PAUSE_MS);
      else apply();
    },
    [setRange],
  );
}
