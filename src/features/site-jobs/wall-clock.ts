import { useSyncExternalStore } from 'react';

/**
 * The wall clock, read once a second while anything shows it: one timer for the whole console, started by the first
 * subscriber and stopped with the last.
 */
const TICK_MS = 1000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const read = () => now;

/** Milliseconds since 1970, at most a second old; the component renders again each second. */
export function useWallClock(): number {
  return useSyncExternalStore(subscribe, read, read);
}
