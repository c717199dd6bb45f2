import { useSyncExternalStore } from 'react';

/**
 * Which columns a view shows, in which order: each administrator's remembered preference per view ("Add/Remove
 * Columns"), kept in this browser. Not in the URL: a shared link shows the reader's own columns.
 */
const PREFIX = 'configmgr-console.columns';
const listeners = new Set<() => void>();
const cache = new Map<string, string[] | null>();

function storageKey(admin: string, viewKey: string) {
  return `${PREFIX}.${admin}.${viewKey}`;
}

function read(key: string): string[] | null {
  if (cache.has(key)) return cache.get(key) ?? null;
  let value: string[] | null = null;
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) value = parsed;
  } catch {
    value = null;
  }
  cache.set(key, value);
  return value;
}

export function saveColumnLayout(admin: string, viewKey: string, keys: string[] | null) {
  const key = storageKey(admin, viewKey);
  cache.set(key, keys);
  try {
    if (keys) localStorage.setItem(key, JSON.stringify(keys));
    else localStorage.removeItem(key);
  } catch {
    // Storage unavailable: the layout lasts for this page only.
  }
  for (const listener of listeners) listener();
}

/** The remembered column keys of a view for an administrator, or null for the view's defaults. */
export function useColumnLayout(admin: string, viewKey: string): string[] | null {
  const key = storageKey(admin, viewKey);
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => read(key),
    () => null,
  );
}
