import { useSyncExternalStore } from 'react';

/**
 * The connected administrator ("Connected as"): CONTOSO\smsadmin on a first visit, then remembered in this browser.
 * Every request carries it in the X-Admin header, and every query key includes it.
 */
const STORAGE_KEY = 'configmgr-console.connected-as';
export const DEFAULT_ADMINISTRATOR = 'CONTOSO\\smsadmin';

const listeners = new Set<() => void>();

function read(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? DEFAULT_ADMINISTRATOR;
  } catch {
    return DEFAULT_ADMINISTRATOR;
  }
}

let current = typeof localStorage === 'undefined' ? DEFAULT_ADMINISTRATOR : read();

export function getConnectedAdmin(): string {
  return current;
}

export function setConnectedAdmin(account: string) {
  current = account;
  try {
    localStorage.setItem(STORAGE_KEY, account);
  } catch {
    // Private mode or storage full: the choice lasts for this page only.
  }
  for (const listener of listeners) listener();
}

export function useConnectedAdmin(): string {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getConnectedAdmin,
    getConnectedAdmin,
  );
}
