import { canOpenNodeOfType, canRead, type RightsIndex } from '../rights/rights';
import type { AuditEntry } from './audit-entry';

/**
 * Who sees an entry: the administrator who acted, always; anyone else only with Read on its object (on the object
 * type, for a refused attempt to create one).
 */
export function mayReadAuditEntry(
  rights: RightsIndex,
  account: string,
  entry: Pick<AuditEntry, 'administrator' | 'guard'>,
): boolean {
  if (entry.administrator.toLowerCase() === account.toLowerCase()) return true;
  const { objectType, id } = entry.guard;
  return id === null ? canOpenNodeOfType(rights, account, objectType) : canRead(rights, account, objectType, id);
}
