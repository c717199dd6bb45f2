import { useSyncExternalStore } from 'react';
import { EMPTY_SELECTION, type GridSelection } from '@/ui/grid-selection';
import type { AnyObject } from './node-views';

/**
 * The results pane's selection, shared with the Actions pane and the context menu (they act on it): the selection by
 * row index, the list's total, and the focused object once its window is loaded. The results pane publishes it; the
 * others read it.
 */
export interface ResultsSelection {
  /** Identifies the list the selection belongs to: node, search, sort and administrator. */
  listKey: string;
  selection: GridSelection;
  total: number;
  focused: AnyObject | null;
}

let current: ResultsSelection = { listKey: '', selection: EMPTY_SELECTION, total: 0, focused: null };
const listeners = new Set<() => void>();

export function publishResultsSelection(next: ResultsSelection) {
  if (
    next.listKey === current.listKey &&
    next.selection === current.selection &&
    next.total === current.total &&
    next.focused === current.focused
  ) {
    return;
  }
  current = next;
  for (const listener of listeners) listener();
}

export function useResultsSelection(): ResultsSelection {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => current,
  );
}

/** No list on show (a node of nodes, or a refused one): nothing selected. */
export function clearResultsSelection() {
  publishResultsSelection({ listKey: '', selection: EMPTY_SELECTION, total: 0, focused: null });
}
