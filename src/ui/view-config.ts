import type { ReactNode } from 'react';

/** One row of a read-only property page: a caption and the value shown in its box. */
export interface PropertyRow<T> {
  label: string;
  value: (item: T) => string;
  multiline?: boolean;
  /** How many lines a multiline box shows (3 unless said). */
  lines?: number;
  /** Shown as a link when it returns an address. */
  href?: (item: T) => string | null;
}

export interface PropertyTab<T> {
  id: string;
  title: string;
  rows: PropertyRow<T>[];
}

/**
 * How a node shows its objects: which columns in which order and width (by field key), any cell drawn specially, and
 * the tabs of the objects' Properties dialog.
 */
export interface ViewConfig<T> {
  columns: Array<{ key: string; width: number; align?: 'left' | 'right' }>;
  /** `state.focused`: the row has the grid's focus (a link in the cell may then take Tab). */
  renderCell?: (key: string, row: T, state?: { focused: boolean }) => ReactNode | undefined;
  propertyTabs: PropertyTab<T>[];
}
