import {
  advanceWorld,
  applyOperation,
  currentView,
  nextWorldEventAt,
  type Operation,
  type SiteWorld,
} from '@/domain/operations/operations';
import { endOfRunningJobs } from '@/domain/after-upgrade/site-events';
import {
  fastForward,
  fastForwardTo,
  resumeClock,
  setPaused,
  setSpeed,
  siteClockSchema,
  siteNow,
  startClock,
  type SiteClock,
} from '@/domain/site-clock/site-clock';
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
  /** The wall clock (ms since 1970); tests pass their own to move time by hand. */
  wallClock?: () => number;
}

/** A change of the site clock from the console's clock menu. */
export type ClockChange =
  | { type: 'speed'; speed: number }
  | { type: 'pause'; paused: boolean }
  | { type: 'fast-forward'; minutes: number }
  | { type: 'fast-forward-to-end-of-jobs' };

/** The time the site world stands at: the Configuration Manager site's, or the SMS 2003 site's before the upgrade. */
function worldTime(world: SiteWorld): string {
  return world.configMgr?.clock ?? world.sms2003.clock;
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
  private clock!: SiteClock;
  private readonly clockListeners = new Set<() => void>();
  /** Bumped on every change, so caches keyed by it never serve an old answer. */
  version = 0;
  /** A message for the console to show once, e.g. that a saved site could not be read. */
  notice: string | null = null;
  readonly listCache = new Map<string, string[]>();
  private readonly savedListeners = new Set<(revision: number) => void>();
  private readonly reloadListeners = new Set<() => void>();

  private constructor(
    private readonly store: SiteStore,
    private readonly wallClock: () => number,
  ) {}

  static async start(options: BackendOptions): Promise<Backend> {
    const backend = new Backend(options.store, options.wallClock ?? (() => Date.now()));
    await Backend.load(backend, options);
    await backend.startTheClock(await options.store.loadClock().catch(() => undefined));
    return backend;
  }

  private static async load(backend: Backend, options: BackendOptions): Promise<void> {
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
      return;
    }
    const parsed = savedSiteSchema.safeParse(loaded);
    let why = 'it is damaged or from another version of the console';
    if (parsed.success) {
      if (!isBuildableStage(parsed.data.stage as StageId)) {
        why = `its stage "${parsed.data.stage}" cannot be built by this console`;
      } else {
        try {
          backend.adopt(parsed.data);
          return;
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
    return;
  }

  /**
   * The clock the console left running (kept through a reload, stood still while no console was open), never behind
   * the site's own time.
   */
  private async startTheClock(saved: unknown) {
    const parsed = siteClockSchema.safeParse(saved);
    const wallNow = this.wallClock();
    const clock = parsed.success ? resumeClock(parsed.data, wallNow) : startClock(worldTime(this.world), wallNow);
    this.clock = fastForwardTo(clock, wallNow, worldTime(this.world));
    await this.store.saveClock(this.clock);
  }

  /** The site clock now. */
  now(): string {
    return siteNow(this.clock, this.wallClock());
  }

  get clockSetting(): { speed: number; paused: boolean } {
    return { speed: this.clock.speed, paused: this.clock.paused };
  }

  /**
   * The site as the console sees it now: events due by the site clock (jobs that ended) have happened. They follow
   * from the saved log and the clock, so nothing is saved for them; every tab derives the same site.
   */
  get state(): SiteState {
    this.catchUp();
    return this.current;
  }

  private catchUp() {
    const due = nextWorldEventAt(this.world);
    if (due === null) return;
    const now = this.now();
    if (Date.parse(due) > Date.parse(now)) return;
    this.install(this.saved, advanceWorld(this.world, now));
  }

  /** Changes the site clock (speed, pause, fast-forward) and saves it; other tabs are told. */
  async changeClock(change: ClockChange): Promise<void> {
    const wallNow = this.wallClock();
    switch (change.type) {
      case 'speed':
        this.clock = setSpeed(this.clock, wallNow, change.speed);
        break;
      case 'pause':
        this.clock = setPaused(this.clock, wallNow, change.paused);
        break;
      case 'fast-forward':
        this.clock = fastForward(this.clock, wallNow, change.minutes);
        break;
      case 'fast-forward-to-end-of-jobs': {
        const end = this.world.configMgr ? endOfRunningJobs(this.world.configMgr) : null;
        if (end) this.clock = fastForwardTo(this.clock, wallNow, end);
        break;
      }
    }
    await this.store.saveClock(this.clock);
    for (const listener of this.clockListeners) listener();
  }

  /** Saves the clock's reading now, so a reload resumes it where it is (the browser calls this every few seconds). */
  async keepClock(): Promise<void> {
    await this.store.saveClock({ ...this.clock, siteTime: this.now(), wallTime: this.wallClock() });
  }

  /** Another tab changed the clock: take its setting. */
  async reloadClockFromStore(): Promise<void> {
    const parsed = siteClockSchema.safeParse(await this.store.loadClock());
    if (parsed.success) this.clock = fastForwardTo(parsed.data, parsed.data.wallTime, worldTime(this.world));
  }

  /** Called after this backend changes the clock (the browser tells the other tabs). */
  onClockChanged(listener: () => void) {
    this.clockListeners.add(listener);
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
    const stamped: Operation = { ...operation, at: this.now() };
    const world = applyOperation(this.world, stamped, this.saved.scale);
    // Setup moves the site's time on (it ends at 9:00): the clock follows, never behind the site.
    const clockBefore = this.clock;
    this.clock = fastForwardTo(this.clock, this.wallClock(), worldTime(world));
    try {
      await this.commit({ ...this.saved, log: [...this.saved.log, stamped] }, world);
    } catch (error) {
      this.clock = clockBefore;
      throw error;
    }
    if (siteNow(this.clock, this.wallClock()) !== siteNow(clockBefore, this.wallClock())) {
      await this.store.saveClock(this.clock);
    }
  }

  /**
   * Returns the site to the start of a stage, dropping everything done since, and saves it. With a scale the site is
   * generated again at that size (benchmarks and large demos); without one it keeps the saved site's scale.
   */
  async reset(stage: StageId, scale?: Scale): Promise<void> {
    const next: SavedSite = { ...this.saved, stage, scale: scale ?? this.saved.scale, log: [] };
    const world = buildWorld(stage, next.seed, next.scale);
    // The stage starts at its own time, the clock running at the speed it had.
    await this.commitWithClock(next, world, worldTime(world));
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
    // The file's site stands at the time of its last operation; the clock starts there.
    const lastAt = site.log.at(-1)?.at;
    const time = lastAt && Date.parse(lastAt) > Date.parse(worldTime(world)) ? lastAt : worldTime(world);
    await this.commitWithClock({ ...site, revision: this.saved.revision }, world, time);
  }

  /**
   * Commits a site that starts again at `time`: the clock is set there first (so nothing of the old clock's time
   * happens to the new site), and put back if the commit is refused.
   */
  private async commitWithClock(next: SavedSite, world: SiteWorld, time: string) {
    const clockBefore = this.clock;
    this.clock = { ...startClock(time, this.wallClock()), speed: clockBefore.speed, paused: clockBefore.paused };
    try {
      await this.commit(next, world);
    } catch (error) {
      this.clock = clockBefore;
      throw error;
    }
    await this.store.saveClock(this.clock);
    for (const listener of this.clockListeners) listener();
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
    // What is due by the site clock happens at once (the clock is not set yet while the saved site first loads).
    this.world = this.clock ? advanceWorld(world, this.now()) : world;
    this.current = currentView(this.world, saved.scale);
    this.rightsIndex = new RightsIndex(this.current.grants);
    this.version += 1;
    this.listCache.clear();
  }
}
