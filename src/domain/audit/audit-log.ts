import type { Operation, SiteWorld } from '../operations/operations';
import { OBJECT_TYPE_NAMES, RIGHTS, type ObjectType } from '../rights/rights';
import { buildWorld } from '../scenario/contoso-stage';
import type { StageId } from '../scenario/contoso-names';
import { CONTOSO } from '../scenario/contoso-names';
import type { Scale } from '../scenario/scale';
import { auditText, changedFields, type AuditChange, type AuditEntry, type SavedRefusal } from './audit-entry';
import { AUDIT_RULES, relatedChanges, textField, type AuditRule, type OperationLike } from './audit-rules';

const SITE = CONTOSO.sites.central.code;
const SITE_GUARD = { objectType: 'Site', id: SITE } as const;

/** The time a world stands at: the Configuration Manager site's, or the SMS 2003 site's before the upgrade. */
function timeOf(world: SiteWorld): string {
  return world.configMgr?.clock ?? world.sms2003.clock;
}

/** "create-deployment-template" -> "Create deployment template": an operation type nobody described, in words. */
export function operationInWords(type: string): string {
  const words = type.replace(/[-_]+/g, ' ').trim();
  return words === '' ? 'Unknown operation' : words[0]?.toUpperCase() + words.slice(1);
}

/** "Create on Deployment Templates", "Modify on deployment template DT000001": a right and what it is held on. */
export function rightText(right: string, objectType: ObjectType, objectId: string | null): string {
  const names = OBJECT_TYPE_NAMES[objectType];
  return objectId === null ? `${right} on ${names.plural}` : `${right} on ${names.singular} ${objectId}`;
}

/** The id of the object whose right an operation of this rule uses (null: the right is on the object type). */
function rightObjectOf(rule: AuditRule, objectId: string | null): string | null {
  if (rule.classRight) return null;
  return rule.rightObjectId ?? objectId;
}

const ONE_RIGHT = `(?:${RIGHTS.join('|')})`;
const MISSING_RIGHT = new RegExp(`has no (${ONE_RIGHT}(?: or ${ONE_RIGHT})*) right on ([^:]+?)\\.?(?::|$)`);

/**
 * The right a refusal says is missing, or null: "... has no Create right on Deployment Templates" gives "Create on
 * Deployment Templates", "... has no Administer or Delegate right on collection SMS000GS: ..." gives "Administer or
 * Delegate on collection SMS000GS".
 */
export function missingRightIn(reason: string): string | null {
  const match = MISSING_RIGHT.exec(reason.split('\n')[0] ?? '');
  return match ? `${match[1]} on ${match[2]}` : null;
}

/** Who did an operation: its `by`, or `runBy` for Setup. */
function administratorOf(operation: OperationLike): string {
  return textField(operation, 'by') ?? textField(operation, 'runBy') ?? 'unknown';
}

/** The jobs a change started (a synchronization, a rollout), by name. */
function jobsStarted(before: SiteWorld, after: SiteWorld): string[] {
  const known = new Set((before.configMgr?.jobs ?? []).map((job) => job.id));
  return (after.configMgr?.jobs ?? []).filter((job) => !known.has(job.id)).map((job) => job.name);
}

/** One change of one object, read by its rule. */
function changeOf(
  rule: AuditRule,
  operation: OperationLike,
  before: SiteWorld,
  after: SiteWorld,
  objectId: string | null,
  started: string[],
): AuditChange {
  const was = rule.find(before, objectId, operation);
  const now = rule.find(after, objectId, operation);
  const fields = changedFields(was?.fields, now?.fields);
  const afterValue =
    started.length === 0
      ? fields.after
      : { ...(fields.after && typeof fields.after === 'object' ? fields.after : {}), jobsStarted: started };
  const rightObject = rightObjectOf(rule, objectId);
  return {
    time: textField(operation, 'at') ?? timeOf(before),
    administrator: administratorOf(operation),
    action: rule.action(operation),
    right: rule.rightOf?.(operation, before) ?? rightText(rule.right, rule.rightOn, rightObject),
    objectType: rule.objectType,
    objectId,
    objectName: now?.name ?? was?.name ?? null,
    outcome: 'Succeeded',
    reason: null,
    before: auditText(fields.before),
    after: auditText(afterValue),
    // A created object guards its own entry (its creator holds every right on it, the class holders read it).
    guard: rule.guardOf?.(operation, objectId) ?? {
      objectType: rule.rightOn,
      id: rule.classRight ? objectId : rightObject,
    },
  };
}

/** An operation the table does not know: its type in words, its fields as After, shown to those who read the site. */
function unknownChange(operation: OperationLike, before: SiteWorld): AuditChange {
  const { type: _type, at: _at, by: _by, runBy: _runBy, ...fields } = operation;
  return {
    time: textField(operation, 'at') ?? timeOf(before),
    administrator: administratorOf(operation),
    action: operationInWords(operation.type),
    right: null,
    objectType: textField(operation, 'objectType') ?? 'Site',
    objectId: textField(operation, 'id') ?? textField(operation, 'objectId'),
    objectName: textField(operation, 'name'),
    outcome: 'Succeeded',
    reason: null,
    before: null,
    after: auditText(fields),
    guard: SITE_GUARD,
  };
}

/**
 * The audit entries of one change: the operation's own (the object it acted on, before and after, and the right it
 * used), then those of the other objects it changed (a deployment's new package). Pure, and never throws: an
 * operation it cannot read still gets an entry.
 */
export function changeEntries(
  before: SiteWorld,
  operation: Operation | OperationLike,
  after: SiteWorld,
): AuditChange[] {
  const op = operation as OperationLike;
  const rule = AUDIT_RULES[op.type];
  if (!rule) return [unknownChange(op, before)];
  try {
    const objectId = rule.target(op, before) ?? rule.created?.(before, after) ?? null;
    const own = changeOf(rule, op, before, after, objectId, jobsStarted(before, after));
    const related = relatedChanges(op, before, after).flatMap(({ type, id }) => {
      const relatedRule = AUDIT_RULES[type];
      return relatedRule ? [changeOf(relatedRule, op, before, after, id, [])] : [];
    });
    return [own, ...related];
  } catch {
    return [unknownChange(op, before)];
  }
}

/** A change with its place: the stage's steps come first (S1, S2, ...), then the saved log's operations (L1, ...). */
export interface PlacedChange {
  id: string;
  /** The index of its operation in the saved log; -1 for a step of the stage. */
  position: number;
  change: AuditChange;
}

/** Gives the entries of one operation their ids: S3, or L7 (L7-2, L7-3 for the other objects it changed). */
export function placeChanges(
  changes: readonly AuditChange[],
  origin: { kind: 'stage' | 'log'; index: number },
): PlacedChange[] {
  const prefix = `${origin.kind === 'stage' ? 'S' : 'L'}${origin.index + 1}`;
  return changes.map((change, k) => ({
    id: k === 0 ? prefix : `${prefix}-${k + 1}`,
    position: origin.kind === 'stage' ? -1 : origin.index,
    change,
  }));
}

/**
 * Builds the world from its stage and saved log exactly as buildWorld does, and the audit entries of every change on
 * the way: nothing is stored for them, the log is the record.
 */
export function buildAuditedWorld(
  stage: StageId,
  seed: number,
  scale: Scale,
  log: readonly Operation[] = [],
): { world: SiteWorld; changes: PlacedChange[] } {
  const changes: PlacedChange[] = [];
  const world = buildWorld(stage, seed, scale, log, (before, operation, after, origin) => {
    changes.push(...placeChanges(changeEntries(before, operation, after), origin));
  });
  return { world, changes };
}

/** What the server knows of a refused request. */
export interface RefusalInput {
  /** The operation the endpoint would have done, with the ids the request named; null when the table has none. */
  operation: OperationLike | null;
  /** "POST /api/deployment-templates": said when the operation is not known. */
  endpoint: string;
  administrator: string;
  /** The site clock when it was refused. */
  time: string;
  reason: string;
  /** What the request asked for (its body), shown as After. */
  requested: unknown;
  /** The site as it stood, and still stands. */
  world: SiteWorld;
}

/** The audit entry of a refused attempt: what was tried, on what, the right it lacked or the rule, and why. */
export function refusalChange(input: RefusalInput): AuditChange {
  const { operation, world } = input;
  const rule = operation ? AUDIT_RULES[operation.type] : undefined;
  const requested = input.requested && typeof input.requested === 'object' ? (input.requested as object) : null;
  const requestedName = requested && 'name' in requested && typeof requested.name === 'string' ? requested.name : null;
  const base: AuditChange = {
    time: input.time,
    administrator: input.administrator,
    action: operation ? operationInWords(operation.type) : input.endpoint,
    right: missingRightIn(input.reason),
    objectType: 'Site',
    objectId: null,
    objectName: requestedName,
    outcome: 'Refused',
    reason: input.reason,
    before: null,
    after: auditText(requested && Object.keys(requested).length > 0 ? requested : null),
    guard: SITE_GUARD,
  };
  if (!rule || !operation) return base;
  try {
    const objectId = rule.target(operation, world);
    const found = rule.find(world, objectId, operation);
    const rightObject = rightObjectOf(rule, objectId);
    return {
      ...base,
      action: rule.action(operation),
      right: base.right ?? rule.rightOf?.(operation, world) ?? rightText(rule.right, rule.rightOn, rightObject),
      objectType: rule.objectType,
      objectId,
      objectName: found?.name ?? requestedName,
      before: auditText(found?.fields),
      guard: rule.guardOf?.(operation, objectId) ?? {
        objectType: rule.rightOn,
        id: rule.classRight ? null : rightObject,
      },
    };
  } catch {
    return base;
  }
}

/**
 * The audit log in the order things happened: the changes, with each refused attempt placed after the operations the
 * saved log held when it was refused. Sequence numbers follow that order.
 */
export function mergeAuditLog(changes: readonly PlacedChange[], refusals: readonly SavedRefusal[]): AuditEntry[] {
  const waiting = [...refusals].sort((a, b) => a.logPosition - b.logPosition || a.number - b.number);
  const entries: AuditEntry[] = [];
  let next = 0;
  const push = (id: string, change: AuditChange) => entries.push({ ...change, id, sequence: entries.length + 1 });
  const flushUpTo = (position: number) => {
    while (next < waiting.length && (waiting[next] as SavedRefusal).logPosition <= position) {
      const { number, logPosition: _position, ...change } = waiting[next] as SavedRefusal;
      push(`R${number}`, change);
      next += 1;
    }
  };
  for (const placed of changes) {
    if (placed.position >= 0) flushUpTo(placed.position);
    push(placed.id, placed.change);
  }
  flushUpTo(Number.POSITIVE_INFINITY);
  return entries;
}

// mayReadAuditEntry lives in audit-visibility.ts: lists read it, and they must not load the stage builder.
export { mayReadAuditEntry } from './audit-visibility';
