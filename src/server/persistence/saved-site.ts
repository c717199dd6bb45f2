import { z } from 'zod';
import { STAGES } from '@/domain/scenario/contoso-names';
import { scaleSchema } from '@/domain/scenario/scale';
import { operationSchema } from '@/domain/operations/operations';
import type { SiteClock } from '@/domain/site-clock/site-clock';
import { savedRefusalSchema, type SavedRefusal } from '@/domain/audit/audit-entry';
import { CURRENT_SCHEMA_VERSION, migrateSavedSite } from './saved-site-migrations';

/**
 * Bumped whenever the saved shape changes, with a migration from the version before (saved-site-migrations.ts): an
 * older site is upgraded as it is read; a newer one is set aside, never misread.
 */
export const SAVED_SITE_SCHEMA_VERSION = CURRENT_SCHEMA_VERSION;

/**
 * What is persisted: where the site started (scenario, seed, scale, stage) and what was done since, as an ordered log
 * of domain operations (DESIGN.md, "a seed and a log"). Kilobytes, whatever the scale.
 */
export const savedSiteSchema = z.object({
  schemaVersion: z.literal(SAVED_SITE_SCHEMA_VERSION),
  scenario: z.literal('contoso'),
  seed: z.number().int(),
  scale: scaleSchema,
  stage: z.enum(STAGES.map((stage) => stage.id) as [string, ...string[]]),
  log: z.array(operationSchema),
  /**
   * Bumped by every save. A tab saves only over the revision it read, so two tabs never silently overwrite each
   * other's work (sites saved before it existed read as revision 0).
   */
  revision: z.number().int().nonnegative().default(0),
  /** When the site was last saved (wall-clock time); null for a site first saved before version 2 knew it. */
  savedAt: z.iso.datetime({ message: 'savedAt must be a date and time such as 2026-12-05T09:00:00.000Z' }).nullable(),
});
export type SavedSite = z.output<typeof savedSiteSchema>;

/** Where the saved site lives: IndexedDB in the browser, memory in tests. */
export interface SiteStore {
  load(): Promise<unknown>;
  save(site: SavedSite): Promise<void>;
  /**
   * Saves only if the stored site is still at `expectedRevision` (compare and set, atomic across tabs); false when
   * another tab saved in between, in which case nothing is written.
   */
  saveIfUnchanged(expectedRevision: number, site: SavedSite): Promise<boolean>;
  /** Keeps an unreadable saved site aside (for download) under a name of its own; returns that name. */
  setAside(value: unknown): Promise<string>;
  /**
   * The site clock, kept apart from the site: it is refreshed every few seconds while a console is open, and those
   * writes must not count as changes of the site (they would make other tabs reload).
   */
  loadClock(): Promise<unknown>;
  saveClock(clock: SiteClock): Promise<void>;
  /**
   * The audit log's refused attempts, kept apart from the site (a refusal changes nothing in it, and other tabs must
   * not reload for one): `{ revision, refusals }`, oldest first, or undefined when none were ever saved.
   */
  loadRefusals(): Promise<unknown>;
  /** The revision of the saved refusals (bumped by every append and clear), read without reading them all. */
  refusalsRevision(): Promise<unknown>;
  /**
   * Appends a refused attempt, numbered one past the last (atomic across tabs), keeping only the last `keep`.
   * Returns its number and the revision it made.
   */
  appendRefusal(refusal: Omit<SavedRefusal, 'number'>, keep: number): Promise<{ number: number; revision: number }>;
  /** Forgets every refused attempt (Reset demo, Import Site: the site they were made on is gone). */
  clearRefusals(): Promise<void>;
  /**
   * Every administrator's walkthrough progress, kept apart from the site (a Reset demo or a walkthrough's start must
   * not lose the others'): see src/server/handlers/walkthrough-handlers.ts.
   */
  loadWalkthroughProgress(): Promise<unknown>;
  saveWalkthroughProgress(progress: unknown): Promise<void>;
}

/** The saved refusals as every store keeps them. */
export interface SavedRefusals<R = SavedRefusal> {
  revision: number;
  /** The number the last refusal got: numbers are never given twice, even after a clear. */
  lastNumber: number;
  refusals: R[];
}

/** The saved refusals after appending one (the pure step both stores take inside their own transaction). */
export function withRefusal(
  current: unknown,
  refusal: Omit<SavedRefusal, 'number'>,
  keep: number,
): { next: SavedRefusals<unknown>; number: number } {
  const saved = unvalidated(current);
  const number = saved.lastNumber + 1;
  const refusals = [...saved.refusals, { ...refusal, number }];
  return {
    next: { revision: saved.revision + 1, lastNumber: number, refusals: refusals.slice(-keep) },
    number,
  };
}

/** The saved refusals with none left, their revision and numbering going on. */
export function withoutRefusals(current: unknown): SavedRefusals<unknown> {
  const saved = unvalidated(current);
  return { revision: saved.revision + 1, lastNumber: saved.lastNumber, refusals: [] };
}

/** The revision of saved refusals, whatever was stored (0 for nothing). */
export function refusalsRevisionOf(value: unknown): number {
  return unvalidated(value).revision;
}

/** The shape of what was stored, its refusals not checked one by one (appending must not read them all). */
function unvalidated(value: unknown): { revision: number; lastNumber: number; refusals: unknown[] } {
  const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const count = (key: string) =>
    typeof record[key] === 'number' && Number.isInteger(record[key]) && (record[key] as number) >= 0
      ? (record[key] as number)
      : 0;
  return {
    revision: count('revision'),
    lastNumber: count('lastNumber'),
    refusals: Array.isArray(record.refusals) ? record.refusals : [],
  };
}

/** Reads saved refusals whatever was stored: a damaged refusal is dropped, never misread; nothing reads as none. */
export function savedRefusalsOf(value: unknown): SavedRefusals {
  const saved = unvalidated(value);
  const refusals = saved.refusals.flatMap((refusal) => {
    const parsed = savedRefusalSchema.safeParse(refusal);
    return parsed.success ? [parsed.data] : [];
  });
  return { revision: saved.revision, lastNumber: saved.lastNumber, refusals };
}

export class MemorySiteStore implements SiteStore {
  readonly setAsideValues = new Map<string, unknown>();

  constructor(private value: unknown = undefined) {}

  async load() {
    return this.value;
  }

  async save(site: SavedSite) {
    this.value = structuredClone(site);
  }

  async saveIfUnchanged(expectedRevision: number, site: SavedSite) {
    if (storedRevision(this.value) !== expectedRevision) return false;
    this.value = structuredClone(site);
    return true;
  }

  private clock: unknown = undefined;

  async loadClock() {
    return this.clock;
  }

  async saveClock(clock: SiteClock) {
    this.clock = structuredClone(clock);
  }

  async setAside(value: unknown) {
    const name = `contoso-site-set-aside-${this.setAsideValues.size + 1}`;
    this.setAsideValues.set(name, value);
    return name;
  }

  private refusals: unknown = undefined;

  async loadRefusals() {
    return structuredClone(this.refusals);
  }

  async refusalsRevision() {
    return refusalsRevisionOf(this.refusals);
  }

  async appendRefusal(refusal: Omit<SavedRefusal, 'number'>, keep: number) {
    const { next, number } = withRefusal(this.refusals, structuredClone(refusal), keep);
    this.refusals = next;
    return { number, revision: next.revision };
  }

  async clearRefusals() {
    this.refusals = withoutRefusals(this.refusals);
  }

  private walkthroughProgress: unknown = undefined;

  async loadWalkthroughProgress() {
    return structuredClone(this.walkthroughProgress);
  }

  async saveWalkthroughProgress(progress: unknown) {
    this.walkthroughProgress = structuredClone(progress);
  }
}

/** The revision of what is stored, whatever its shape (a damaged value has none). */
export function storedRevision(value: unknown): number | null {
  const parsed = savedSiteSchema.safeParse(migrateSavedSite(value).value);
  return parsed.success ? parsed.data.revision : null;
}
