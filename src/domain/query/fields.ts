import { formatCount, formatDate, formatDateTime, formatYesNo } from '../format';
import { foldCase } from '../text';
import { SEVERITIES } from '../model/software-update';

export type FieldValue = string | number | boolean | null;
/** 'code' is a number that names something (a message ID): it sorts as a number but reads without grouping. */
export type FieldKind = 'text' | 'number' | 'code' | 'date' | 'datetime' | 'boolean' | 'severity';

/** A property of an object as the console shows it: its column caption, how it reads, how it sorts and searches. */
export interface FieldDef<T> {
  key: string;
  caption: string;
  kind: FieldKind;
  get: (item: T) => FieldValue;
  /** What the field sorts by, when not its value (the audit log's Time sorts in the order things happened). */
  sortKey?: (item: T) => string | number;
}

/** The text the console shows for a field, which is also what "Look for" matches. */
export function fieldText<T>(field: FieldDef<T>, item: T): string {
  const value = field.get(item);
  if (value === null) return '';
  switch (field.kind) {
    case 'boolean':
      return formatYesNo(Boolean(value));
    case 'date':
      return formatDate(String(value));
    case 'datetime':
      return formatDateTime(String(value));
    case 'number':
      return typeof value === 'number' ? formatCount(value) : String(value);
    case 'code':
      return String(value);
    default:
      return String(value);
  }
}

const SEVERITY_RANK = new Map<string, number>(SEVERITIES.map((severity, index) => [severity, index]));

/** A value that orders the field the way a person expects: numbers by size, severity by rank, text case-blind. */
export function fieldSortKey<T>(field: FieldDef<T>, item: T): string | number {
  if (field.sortKey) return field.sortKey(item);
  const value = field.get(item);
  if (value === null) return field.kind === 'number' || field.kind === 'code' ? -1 : '';
  switch (field.kind) {
    case 'number':
    case 'code':
      return Number(value);
    case 'boolean':
      return value ? 1 : 0;
    case 'severity':
      return SEVERITY_RANK.get(String(value)) ?? -1;
    case 'date':
    case 'datetime':
      return String(value);
    default:
      return foldCase(String(value));
  }
}
