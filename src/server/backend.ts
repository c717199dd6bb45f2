import { currentView, type Operation, applyOperation, type SiteWorld } from '@/domain/operations/operations';
import { buildWorld, DEFAULT_SEED, isBuildableStage } from '@/domain/scenario/contoso-stage';
import { DEFAULT_STAGE, type StageId } from '@/domain/scenario/contoso-names';
import { DEFAULT_SCALE, type Scale } from '@/domain/scenario/scale';
import { RightsIndex } from '@/domain/rights/rights';
import type { SiteState } from '@/domain/site-state';
import { conflict } from './errors';
import { SAVED_SITE_SCHEMA_VERSION, savedSiteSchema, type SavedSite, type SiteStore } from './persistence/saved-site';

export interface BackendOptions {
  store: SiteStore;
  /** The scale of a site that nothing was saved for (tests and benchmarks ask for others). */
  scale?: Scale;
  seed?: number;
  /** The stage of a site that nothing was saved for. */
  stage?: StageId;
}

/**
 * The mock backend's memory: the saved site (start + log), the site it rebuilds to, and the indexes derived from it.
 * Handlers read through it; every change goes through `apply` or `reset`, which save before the change takes effect,
 * so a refused or failed change leaves everything as it was.
 */
export class Backend {
  private saved!: SavedSite;
  private world!: SiteWorld;
  private current!: SiteState;
  private rightsIndex!: RightsIndex;
  /** Bumped on every change, so caches keyed by it never serve an old answer. */
  version = 0;
  /** A message for the console to show once, e.g. that a saved site could not be read. */
  notice: string | null = null;
  readonly listCache = new Map<string, string[]>();
  private readonly savedListeners = new Set<(revision: number) => void>();
  private readonly reloadListeners = new Set<() => void>();

  private constructor(private readonly store: SiteStore) {}

  static async start(options: BackendOptions): Promise<Backend> {
    const backend = new Backend(options.store);
    const fresh = (): SavedSite => ({
      schemaVersion: SAVED_SITE_SCHEMA_VERSION,
      scenario: 'contoso',
      seed: options.seed ?? DEFAULT_SEED,
      scale: options.scale ?? DEFAULT_SCALE,
      stage: options.stage ?? DEFAULT_STAGE,
      log: [],
      revision: 0,
    });
    const loaded = await options.store.load();
    if (loaded === undefined) {
      backend.adopt(fresh());
      await options.store.save(backend.saved);
      return backend;
    }
    const parsed = savedSiteSchema.safeParse(loaded);
    let why = 'it is damaged or from another version of the console';
    if (parsed.success) {
      if (!isBuildableStage(parsed.data.stage as StageId)) {
        why = `its stage "${parsed.data.stage}" cannot be built by this console`;
      } else {
        try {
          backend.adopt(parsed.data);
          return backend;
        } catch (error) {
          why = `replaying what was done failed: ${error instanceof Error ? error.message : String(error)}`;
        }
      }
    }
    // Never a blank page: keep the unreadable site aside and start again from the default stage.
    const name = await options.store.setAside(loaded);
    backend.adopt(fresh());
    await options.store.save(backend.saved);
    backend.notice =
      `The saved site could not be read (${why}). It was kept aside as "${name}", and the console started again ` +
      `from the ${fresh().stage === 'before-upgrade' ? 'Before upgrade' : 'Just upgraded'} stage.`;
    return backend;
  }

  /** The site as the console sees it now. */
  get state(): SiteState {
    return this.current;
  }

  get rights(): RightsIndex {
    return this.rightsIndex;
  }

  /** The stage the site started from (Reset demo returns to it). */
  get stage(): StageId {
    return this.saved.stage as StageId;
  }

  /** The SMS 2003 site as it was before the upgrade (Setup's pre-upgrade checks read it). */
  get sms2003() {
    return this.world.sms2003;
  }

  get log(): readonly Operation[] {
    return this.saved.log;
  }

  /** Does an operation: the domain applies it (or refuses with RuleViolation), it is saved, then it takes effect. */
  async apply(operation: Operation): Promise<void> {
    const world = applyOperation(this.world, operation, this.saved.scale);
    await this.commit({ ...this.saved, log: [...this.saved.log, operation] }, world);
  }

  /** Returns the site to the start of a stage, dropping everything done since, and saves it. */
  async reset(stage: StageId): Promise<void> {
    const next: SavedSite = { ...this.saved, stage, log: [] };
    await this.commit(next, buildWorld(stage, next.seed, next.scale));
  }

  /** The saved site as a file a trainee can import: where it started and what was done since. */
  exportSite(): SavedSite {
    return structuredClone(this.saved);
  }

  /**
   * Replaces the site with an imported one. The file was validated by the caller; replaying its log must succeed too
   * (a RuleViolation or an error refuses it), and only then is it saved: a refused import changes nothing.
   */
  async importSite(site: SavedSite): Promise<void> {
    const world = buildWorld(site.stage as StageId, site.seed, site.scale, site.log);
    await this.commit({ ...site, revision: this.saved.revision }, world);
  }

  /**
   * Another tab saved: take its site. Returns true when the site changed (the console then refreshes what it shows).
   */
  async reloadFromStore(): Promise<boolean> {
    const parsed = savedSiteSchema.safeParse(await this.store.load());
    if (!parsed.success || parsed.data.revision === this.saved.revision) return false;
    this.adopt(parsed.data);
    for (const listener of this.reloadListeners) listener();
    return true;
  }

  /** Called whenever this backend takes a site another tab saved (the console then refreshes what it shows). */
  onReloaded(listener: () => void) {
    this.reloadListeners.add(listener);
  }

  /** Called after each save this backend makes (the browser tells the other tabs). */
  onSaved(listener: (revision: number) => void) {
    this.savedListeners.add(listener);
  }

  /**
   * Saves over the revision this backend read, then installs. If another tab saved in between, nothing is written,
   * this backend takes the other tab's site, and the request is refused with 409: no work is silently lost.
   */
  private async commit(next: SavedSite, world: SiteWorld) {
    const revised: SavedSite = { ...next, revision: this.saved.revision + 1 };
    if (!(await this.store.saveIfUnchanged(this.saved.revision, revised))) {
      await this.reloadFromStore();
      throw conflict(
        'The site was changed in another tab or window since this one read it. This tab now shows the latest site: check it and try again.',
        'site-changed-elsewhere',
      );
    }
    this.install(revised, world);
    for (const listener of this.savedListeners) listener(revised.revision);
  }

  private adopt(saved: SavedSite) {
    this.install(saved, buildWorld(saved.stage as StageId, saved.seed, saved.scale, saved.log));
  }

  private install(saved: SavedSite, world: SiteWorld) {
    this.saved = saved;
    this.world = world;
    this.current = currentView(world, saved.scale);
    this.rightsIndex = new RightsIndex(this.current.grants);
    this.version += 1;
    this.listCache.clear();
  }
}
