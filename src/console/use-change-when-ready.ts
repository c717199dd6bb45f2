import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a change may wait for its data before the console says it is on its way. */
export const SLOW_AFTER_MS = 150;

interface ChangeOptions {
  /**
   * Change anyway after this long, the new view then showing its own "Loading…" (a dialog opens at once, its tabs
   * following). Without it the change waits for its data, and `slow` turns true after SLOW_AFTER_MS.
   */
  waitAtMostMs?: number;
}

/**
 * Changes the view once what it shows first is loaded: the console then renders the new view once, with its data,
 * rather than a "Loading…" view first (a render, a layout and a paint more, on a main thread that also has to answer
 * the request, since the mock backend runs in the page). A later change wins over one still waiting, and leaving
 * (unmounting) forgets it.
 */
export function useChangeWhenReady() {
  const latest = useRef(0);
  const [slow, setSlow] = useState(false);
  useEffect(
    () => () => {
      latest.current += 1;
    },
    [],
  );
  const change = useCallback((ready: Promise<unknown>, apply: () => void, options: ChangeOptions = {}) => {
    const ticket = ++latest.current;
    let applied = false;
    const applyOnce = () => {
      if (applied || latest.current !== ticket) return;
      applied = true;
      apply();
    };
    const timer = setTimeout(() => {
      if (latest.current !== ticket) return;
      if (options.waitAtMostMs !== undefined) applyOnce();
      else setSlow(true);
    }, options.waitAtMostMs ?? SLOW_AFTER_MS);
    // A refused or failed request is not this hook's to show: the new view shows it, as it shows any error.
    void ready
      .catch(() => undefined)
      .then(() => {
        clearTimeout(timer);
        if (latest.current !== ticket) return;
        setSlow(false);
        applyOnce();
      });
  }, []);
  return { change, slow };
}
