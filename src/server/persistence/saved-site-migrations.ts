/**
 * Saved sites (in IndexedDB, and in exported files) outlive the console that wrote them: a trainer prepares a class on
 * one version and trainees open it on the next. Each schema change comes with a migration from the version before, so
 * an older site is read and upgraded, never set aside. A site from a newer console is left alone (not misread) and
 * described, so the notice can say why it could not be opened.
 */

/** The current schema version: one past the last migration. */
export const CURRENT_SCHEMA_VERSION = 2;

type Saved = Record<string, unknown>;

/**
 * MIGRATIONS[n] turns a site saved at version n into version n + 1. Each is a pure function on plain data: it must
 * not need the domain (a migration that must replay the log belongs in the domain's operations instead).
 */
const MIGRATIONS: Record<number, (saved: Saved) => Saved> = {
  // v2: when the site was last saved (wall-clock time), so an import can say which save it brought in. A v1 site does
  // not know; null says so rather than inventing a time.
  1: (saved) => ({ ...saved, schemaVersion: 2, savedAt: null }),
};

export type MigrationResult =
  | { kind: 'current'; value: unknown }
  | { kind: 'migrated'; value: Saved; from: number }
  | { kind: 'unreadable'; value: unknown; why: string };

/**
 * Brings a saved value up to the current schema version. Anything that is not an object with a whole positive
 * schemaVersion is handed back as it is (the schema then says what is wrong with it).
 */
export function migrateSavedSite(value: unknown): MigrationResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'current', value };
  const version = (value as Saved).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { kind: 'current', value };
  if (version === CURRENT_SCHEMA_VERSION) return { kind: 'current', value };
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      kind: 'unreadable',
      value,
      why:
        `it was saved by a newer version of the console (schema version ${version}; this console reads versions 1 ` +
        `to ${CURRENT_SCHEMA_VERSION})`,
    };
  }
  let saved = value as Saved;
  for (let from = version; from < CURRENT_SCHEMA_VERSION; from++) {
    const step = MIGRATIONS[from];
    if (!step) return { kind: 'unreadable', value, why: `no migration reads schema version ${from}` };
    saved = step(saved);
  }
  return { kind: 'migrated', value: saved, from: version };
}
