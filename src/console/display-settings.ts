import { useSyncExternalStore } from 'react';

/**
 * Comfort settings for projectors and low vision: a high-contrast theme and larger text, remembered in this browser
 * and applied as attributes on <html> (data-theme, data-text) that the stylesheet follows.
 */
export interface DisplaySettings {
  highContrast: boolean;
  largerText: boolean;
  /** Presentation Mode: text larger still, for a room and a projector (it wins over Larger Text). */
  presentation: boolean;
  /** Pane widths in CSS pixels, and whether the console tree and the Actions pane show. */
  treeWidth: number;
  actionsWidth: number;
  showTree: boolean;
  showActions: boolean;
}

export const DEFAULT_DISPLAY: DisplaySettings = {
  highContrast: false,
  largerText: false,
  presentation: false,
  treeWidth: 340,
  actionsWidth: 210,
  showTree: true,
  showActions: true,
};

const STORAGE_KEY = 'configmgr-console.display';
const listeners = new Set<() => void>();

function load(): DisplaySettings {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object') {
      const value = parsed as Partial<Record<keyof DisplaySettings, unknown>>;
      const bool = (key: keyof DisplaySettings) =>
        typeof value[key] === 'boolean' ? (value[key] as boolean) : (DEFAULT_DISPLAY[key] as boolean);
      const width = (key: 'treeWidth' | 'actionsWidth') =>
        typeof value[key] === 'number' && Number.isFinite(value[key]) ? (value[key] as number) : DEFAULT_DISPLAY[key];
      return {
        highContrast: bool('highContrast'),
        largerText: bool('largerText'),
        presentation: bool('presentation'),
        showTree: bool('showTree'),
        showActions: bool('showActions'),
        treeWidth: width('treeWidth'),
        actionsWidth: width('actionsWidth'),
      };
    }
  } catch {
    // A damaged setting falls back to the defaults.
  }
  return DEFAULT_DISPLAY;
}

let current: DisplaySettings = typeof localStorage === 'undefined' ? DEFAULT_DISPLAY : load();

/** Puts the theme and text size on <html>; called at start-up and on every change. */
export function applyDisplaySettings(settings: DisplaySettings = current) {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  root.dataset.theme = settings.highContrast ? 'high-contrast' : 'standard';
  root.dataset.text = settings.presentation ? 'presentation' : settings.largerText ? 'large' : 'standard';
}

export function updateDisplaySettings(change: Partial<DisplaySettings>) {
  current = { ...current, ...change };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
  } catch {
    // Storage unavailable: the setting lasts for this page only.
  }
  applyDisplaySettings(current);
  for (const listener of listeners) listener();
}

export function useDisplaySettings(): DisplaySettings {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => current,
  );
}

/** The grid's row height follows the text size. */
export function rowHeightFor(settings: DisplaySettings): number {
  return settings.presentation ? 32 : settings.largerText ? 26 : 20;
}
