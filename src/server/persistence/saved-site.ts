import { z } from 'zod';
import { STAGES } from '@/domain/scenario/contoso-names';
import { scaleSchema } from '@/domain/scenario/scale';
import { operationSchema } from '@/domain/operations/operations';
import type { SiteClock } from '@/domain/site-clock/site-clock';

/** Bumped whenever the saved shape changes; a saved site of another version is set aside, never misread. */
export const SAVED_SITE_SCHEMA_VERSION = 1;

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
}

/** The revision of what is stored, whatever its shape (a damaged value has none). */
export function storedRevision(value: unknown): number | null {
  const parsed = savedSiteSchema.safeParse(value);
  return parsed.success ? parsed.data.revision : null;
}
