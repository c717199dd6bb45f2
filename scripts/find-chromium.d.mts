/** Where the system Chromium is: CHROMIUM_PATH first, then the usual binary names on PATH; null when none. */
export function findChromium(): string | null;
