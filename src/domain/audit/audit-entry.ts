import { z } from 'zod';
import { objectTypeSchema } from '../rights/rights';

export const AUDIT_OUTCOMES = ['Succeeded', 'Refused'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** The most characters a Before or After text keeps (the rest is cut with an ellipsis). */
export const MAX_AUDIT_TEXT = 2000;

/**
 * One line of the audit log: a change an administrator made, or one the site refused (System Status > Audit Log).
 * Changes are derived from the saved log as it replays; refused attempts are kept apart, since they change nothing.
 */
export const auditEntrySchema = z.object({
  /** S<n> for a step of the stage, L<n> (L<n>-<k>) for the n-th operation of the saved log, R<n> for a refusal. */
  id: z.string(),
  /** Its place in the order things happened (1 is the first): the Time column sorts by it. */
  sequence: z.number().int().nonnegative(),
  /** On the site clock. */
  time: z.string(),
  administrator: z.string(),
  /** What was done or attempted, in words: "Create deployment template". */
  action: z.string(),
  /** The right used, or the one missing: "Create on Deployment Templates", "Modify on site CEN". */
  right: z.string().nullable(),
  /** The kind of object, in words: "Deployment Template", "Software Update Point". */
  objectType: z.string(),
  objectId: z.string().nullable(),
  objectName: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  /** Why it was refused, as the server said it; null for a change. */
  reason: z.string().nullable(),
  /** The object's relevant fields before and after, as JSON (a refusal's After is what was asked for). */
  before: z.string().nullable(),
  after: z.string().nullable(),
  /**
   * The object whose Read right shows the entry to others than the administrator who acted (id null: the object type,
   * for an attempt to create one that was refused).
   */
  guard: z.object({ objectType: objectTypeSchema, id: z.string().nullable() }),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A change of the site, before it takes its place in the log (its id and sequence come with the log). */
export type AuditChange = Omit<AuditEntry, 'id' | 'sequence'>;

/**
 * A refused attempt as it is saved: the entry, its number (R<number>) and how many operations the saved log held when
 * it was refused, which puts it in order among the changes.
 */
export const savedRefusalSchema = auditEntrySchema.omit({ id: true, sequence: true }).extend({
  number: z.number().int().nonnegative(),
  logPosition: z.number().int().nonnegative(),
});
export type SavedRefusal = z.infer<typeof savedRefusalSchema>;

const MAX_ARRAY_ITEMS = 10;
const MAX_OBJECT_KEYS = 40;
const MAX_STRING = 300;
const FIRST_KEYS = ['name', 'id'];

/** A value made small enough to read: long arrays, objects and strings are cut, saying how much was left out. */
function shortened(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return '…';
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_ARRAY_ITEMS).map((item) => shortened(item, depth + 1));
    return value.length > MAX_ARRAY_ITEMS ? [...kept, `… ${value.length - MAX_ARRAY_ITEMS} more`] : kept;
  }
  // An object's id and name first: each side of Before and After says what it is before how it is.
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => FIRST_KEYS.indexOf(b) - FIRST_KEYS.indexOf(a));
  const kept = entries.slice(0, MAX_OBJECT_KEYS).map(([key, item]) => [key, shortened(item, depth + 1)] as const);
  if (entries.length > MAX_OBJECT_KEYS) kept.push(['…', `${entries.length - MAX_OBJECT_KEYS} more`]);
  return Object.fromEntries(kept);
}

/** JSON of a value, shortened and at most MAX_AUDIT_TEXT characters; null for nothing. Never throws. */
export function auditText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  let text: string;
  try {
    text = JSON.stringify(shortened(value)) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_AUDIT_TEXT ? `${text.slice(0, MAX_AUDIT_TEXT - 1)}…` : text;
}

/** Fields that say which object (or whose rights) a side is about: kept even when they did not change. */
const NAMING_KEYS = ['name', 'account'];

/**
 * The fields of an object that a change altered, before and after (with its name, so each side says what it is).
 * When nothing differs both sides are the whole object; when one side is missing (created, deleted) the other is whole.
 */
export function changedFields(before: unknown, after: unknown): { before: unknown; after: unknown } {
  if (!isRecord(before) || !isRecord(after)) return { before, after };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (keys.length === 0) return { before, after };
  const named = NAMING_KEYS.filter((key) => key in before && key in after && !keys.includes(key));
  const pick = (record: Record<string, unknown>) =>
    Object.fromEntries([...named, ...keys].map((key) => [key, record[key]]));
  return { before: pick(before), after: pick(after) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Before or After as the Properties dialog shows it in full: the JSON indented, or the text as it is. */
export function auditTextInFull(text: string | null): string {
  if (text === null) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
