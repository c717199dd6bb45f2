/**
 * "During the upgrade process, Configuration Manager 2007 Setup appends (LEGACY) to the title for each software
 * update." (the planning topic). Appending is idempotent: a title never ends with the suffix twice.
 */
export const LEGACY_SUFFIX = ' (LEGACY)';

export function withLegacySuffix(title: string): string {
  return title.endsWith(LEGACY_SUFFIX) ? title : `${title}${LEGACY_SUFFIX}`;
}

export function hasLegacySuffix(title: string): boolean {
  return title.endsWith(LEGACY_SUFFIX);
}
