import { buildContosoStage, DEFAULT_SEED, isBuildableStage } from '@/domain/scenario/contoso-stage';
import { DEFAULT_STAGE, type StageId } from '@/domain/scenario/contoso-names';
import { DEFAULT_SCALE, type Scale } from '@/domain/scenario/scale';
import { RightsIndex } from '@/domain/rights/rights';
import type { SiteState } from '@/domain/site-state';
import { SAVED_SITE_SCHEMA_VERSION, savedSiteSchema, type SavedSite, type SiteStore } from './persistence/saved-site';

export interface BackendOptions {
  store: SiteStore;
  /** The scale of a site that nothing was saved for (tests and benchmarks ask for others). */
  scale?: Scale;
  seed?: number;
}

/**
 * The mock backend's memory: the saved site (start + log), the site state it rebuilds to, and the indexes derived
 * from it. Handlers read through it; every change goes through `replace`, which saves before it answers.
 */
export class Backend {
  private saved!: SavedSite;
  private current!: SiteState;
  private rightsIndex!: RightsIndex;
  /** Bumped on every change, so caches keyed by it never serve an old answer. */
  version = 0;
  /** A message for the console to show once, e.g. that a saved site could not be read. */
  notice: string | null = null;
  readonly listCache = new Map<string, string[]>();

  private constructor(private readonly store: SiteStore) {}

  static async start(options: BackendOptions): Promise<Backend> {
    const backend = new Backend(options.store);
    const fresh = (): SavedSite => ({
      schemaVersion: SAVED_SITE_SCHEMA_VERSION,
      scenario: 'contoso',
      seed: options.seed ?? DEFAULT_SEED,
      scale: options.scale ?? DEFAULT_SCALE,
      stage: DEFAULT_STAGE,
      log: [],
    });
    const loaded = await options.store.load();
    if (loaded === undefined) {
      backend.adopt(fresh());
      await options.store.save(backend.saved);
      return backend;
    }
    const parsed = savedSiteSchema.safeParse(loaded);
    if (parsed.success && isBuildableStage(parsed.data.stage as StageId)) {
      backend.adopt(parsed.data);
      return backend;
    }
    // Never a blank page: keep the unreadable site aside and start again from the default stage.
    const name = await options.store.setAside(loaded);
    const why = parsed.success
      ? `its stage "${parsed.data.stage}" cannot be built by this console`
      : 'it is damaged or from another version of the console';
    backend.adopt(fresh());
    await options.store.save(backend.saved);
    backend.notice =
      `The saved site could not be read (${why}). It was kept aside as "${name}", and the console started again ` +
      `from the Just upgraded stage.`;
    return backend;
  }

  get state(): SiteState {
    return this.current;
  }

  get rights(): RightsIndex {
    return this.rightsIndex;
  }

  get stage(): StageId {
    return this.saved.stage as StageId;
  }

  /** Returns the site to the start of a stage, dropping everything done since, and saves it. */
  async reset(stage: StageId): Promise<void> {
    const next: SavedSite = { ...this.saved, stage, log: [] };
    // All or nothing: build and save the new site before it replaces the current one.
    const built = buildContosoStage(stage, next.seed, next.scale);
    await this.store.save(next);
    this.adopt(next, built);
  }

  private adopt(saved: SavedSite, built?: SiteState) {
    this.saved = saved;
    this.current = built ?? buildContosoStage(saved.stage as StageId, saved.seed, saved.scale);
    this.rightsIndex = new RightsIndex(this.current.grants);
    this.version += 1;
    this.listCache.clear();
  }
}
