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
import { DEFAULT_SEED, isBuildableStage } from '@/domain/scenario/contoso-stage';
import {
  buildAuditedWorld,
  changeEntries,
  mergeAuditLog,
  placeChanges,
  refusalChange,
  type PlacedChange,
  type RefusalInput,
} from '@/domain/audit/audit-log';
import type { AuditEntry, SavedRefusal } from '@/domain/audit/audit-entry';
import type { Identified, ListSources } from '@/domain/query/resources';
import { DEFAULT_STAGE, type StageId } from '@/domain/scenario/contoso-names';
import { DEFAULT_SCALE, type Scale } from '@/domain/scenario/scale';
import { RightsIndex } from '@/domain/rights/rights';
import type { SiteState } from '@/domain/site-state';
import { conflict } from './errors';
import {
  SAVED_SITE_SCHEMA_VERSION,
  savedRefusalsOf,
  savedSiteSchema,
  type SavedSite,
  type SiteStore,
} from './persistence/saved-site';
import { migrateSavedSite } from './persistence/saved-site-migrations';

/** The most refused attempts the audit log keeps (the oldest go first). */
export const MAX_SAVED_REFUSALS = 5000;

/** A refused request as the handlers report it to the audit log (the backend adds the time and the site). */
export type RefusedAttempt = Omit<RefusalInput, 'time' | 'world'>;

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
  readonly listCache = new Map<string, readonly Identified[]>();
  private readonly savedListeners = new Set<(revision: number) => void>();
  private readonly reloadListeners = new Set<() => void>();
  /** The audit log's changes, derived from the stage and the saved log as they replay (nothing stored for them). */
  private changes: PlacedChange[] = [];
  /** The audit log's refused attempts, as saved apart from the site, and the revision they were read at. */
  private refusals: SavedRefusal[] = [];
  private refusalsRevision = 0;
  private auditLogCache: AuditEntry[] | null = null;
  /** Bumped whenever the audit log changes (a refusal does not change the site, so `version` stays). */
  auditVersion = 0;

  private constructor(
    private readonly store: SiteStore,
    private readonly wallClock: () => number,
  ) {}

  static async start(options: BackendOptions): Promise<Backend> {
    const backend = new Backend(options.store, options.wallClock ?? (() => Date.now()));
    await Backend.load(backend, options);
    await backend.refreshRefusals();
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
      savedAt: new Date(backend.wallClock()).toISOString(),
    });
    const loaded = await options.store.load();
    if (loaded === undefined) {
      backend.adopt(fresh());
      await options.store.save(backend.saved);
      return;
    }
    const migration = migrateSavedSite(loaded);
    const parsed = savedSiteSchema.safeParse(migration.value);
    let why = migration.kind === 'unreadable' ? migration.why : 'it is damaged or from another version of the console';
    if (parsed.success && migration.kind !== 'unreadable') {
      if (!isBuildableStage(parsed.data.stage as StageId)) {
        why = `its stage "${parsed.data.stage}" cannot be built by this console`;
      } else {
        try {
          backend.adopt(parsed.data);
          // An older site, read and upgraded: saved in the current shape so it is migrated once.
          if (migration.kind === 'migrated') await options.store.save(backend.saved);
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

  /** Every administrator's walkthrough progress, kept apart from the site (src/server/handlers/walkthrough-handlers.ts). */
  loadWalkthroughProgress(): Promise<unknown> {
    return this.store.loadWalkthroughProgress();
  }

  saveWalkthroughProgress(progress: unknown): Promise<void> {
    return this.store.saveWalkthroughProgress(progress);
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
    // applyOperation reaches the operation's time first; reaching it here keeps that site for the audit log's Before.
    const reached = advanceWorld(this.world, stamped.at as string);
    const world = applyOperation(reached, stamped, this.saved.scale);
    // Setup moves the site's time on (it ends at 9:00): the clock follows, never behind the site.
    const clockBefore = this.clock;
    this.clock = fastForwardTo(this.clock, this.wallClock(), worldTime(world));
    try {
      await this.commit({ ...this.saved, log: [...this.saved.log, stamped] }, world);
    } catch (error) {
      this.clock = clockBefore;
      throw error;
    }
    const origin = { kind: 'log', index: this.saved.log.length - 1 } as const;
    this.setChanges([...this.changes, ...placeChanges(changeEntries(reached, stamped, world), origin)]);
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
    const { world, changes } = buildAuditedWorld(stage, next.seed, next.scale);
    // The stage starts at its own time, the clock running at the speed it had.
    await this.commitWithClock(next, world, worldTime(world));
    this.setChanges(changes);
    // The refused attempts go with the site they were made on.
    await this.forgetRefusals();
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
    const { world, changes } = buildAuditedWorld(site.stage as StageId, site.seed, site.scale, site.log);
    // The file's site stands at the time of its last operation; the clock starts there.
    const lastAt = site.log.at(-1)?.at;
    const time = lastAt && Date.parse(lastAt) > Date.parse(worldTime(world)) ? lastAt : worldTime(world);
    await this.commitWithClock({ ...site, revision: this.saved.revision }, world, time);
    // The audit log is the imported site's: its changes from its log; the refusals made on the site it replaced go.
    this.setChanges(changes);
    await this.forgetRefusals();
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
    const parsed = savedSiteSchema.safeParse(migrateSavedSite(await this.store.load()).value);
    if (!parsed.success || parsed.data.revision === this.saved.revision) return false;
    this.adopt(parsed.data);
    // A Reset demo or an import in the other tab cleared the refusals too.
    await this.refreshRefusals();
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
    const revised: SavedSite = {
      ...next,
      revision: this.saved.revision + 1,
      savedAt: new Date(this.wallClock()).toISOString(),
    };
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
    const { world, changes } = buildAuditedWorld(saved.stage as StageId, saved.seed, saved.scale, saved.log);
    this.install(saved, world);
    this.setChanges(changes);
  }

  /**
   * The audit log, in the order things happened: every change (the stage's steps, then the saved log's operations,
   * derived as they replay) and every refused attempt kept (they are saved apart from the site: see `recordRefusal`).
   */
  get auditLog(): readonly AuditEntry[] {
    this.auditLogCache ??= mergeAuditLog(this.changes, this.refusals);
    return this.auditLogCache;
  }

  /** The lists kept beside the site (RESOURCES' `items` read them). */
  get listSources(): ListSources {
    return { auditLog: this.auditLog };
  }

  private setChanges(changes: PlacedChange[]) {
    this.changes = changes;
    this.auditChanged();
  }

  private auditChanged() {
    this.auditLogCache = null;
    this.auditVersion += 1;
  }

  /**
   * Keeps a refused attempt in the audit log: saved apart from the site, which it leaves exactly as it was (other
   * tabs are not told to reload; they read the refusals when they list the audit log). The oldest go past 5,000.
   */
  async recordRefusal(attempt: RefusedAttempt): Promise<void> {
    this.catchUp();
    const refusal = {
      ...refusalChange({ ...attempt, time: this.now(), world: this.world }),
      logPosition: this.saved.log.length,
    };
    const { number, revision } = await this.store.appendRefusal(refusal, MAX_SAVED_REFUSALS);
    if (revision !== this.refusalsRevision + 1) {
      // Another tab kept one meanwhile: read them all again.
      await this.refreshRefusals();
      return;
    }
    this.refusals = [...this.refusals, { ...refusal, number }].slice(-MAX_SAVED_REFUSALS);
    this.refusalsRevision = revision;
    this.auditChanged();
  }

  /** Reads the refused attempts again if another tab kept some (a small read when none did). */
  async refreshRefusals(): Promise<void> {
    const revision = await this.store.refusalsRevision().catch(() => undefined);
    if (typeof revision === 'number' && revision === this.refusalsRevision) return;
    const saved = savedRefusalsOf(await this.store.loadRefusals().catch(() => undefined));
    this.refusals = saved.refusals;
    this.refusalsRevision = saved.revision;
    this.auditChanged();
  }

  private async forgetRefusals() {
    await this.store.clearRefusals();
    await this.refreshRefusals();
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
