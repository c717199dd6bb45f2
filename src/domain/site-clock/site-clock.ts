import { z } from 'zod';

/** A site time as the console writes it everywhere: UTC, to the second ("2008-12-18T09:00:00Z"). */
export function toSiteTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** How fast the site clock runs: site seconds per real second. 1 is real time; a demo runs faster. */
export const CLOCK_SPEEDS = [1, 60, 600] as const;
export const DEFAULT_CLOCK_SPEED = 60;

/**
 * The simulated site clock, anchored to the wall clock: at real time `wallTime` (ms since 1970) the site clock read
 * `siteTime`, and it advances `speed` times faster than real time unless paused. Plain data, so it can be saved.
 */
export const siteClockSchema = z.object({
  siteTime: z.iso.datetime(),
  wallTime: z.number().nonnegative(),
  speed: z.number().refine((speed) => (CLOCK_SPEEDS as readonly number[]).includes(speed), {
    message: `speed must be one of ${CLOCK_SPEEDS.join(', ')}`,
  }),
  paused: z.boolean(),
});
export type SiteClock = z.infer<typeof siteClockSchema>;

/** A clock that reads `siteTime` now and runs at the default demo speed. */
export function startClock(siteTime: string, wallNow: number): SiteClock {
  return { siteTime: toSiteTime(Date.parse(siteTime)), wallTime: wallNow, speed: DEFAULT_CLOCK_SPEED, paused: false };
}

/** The site time at real time `wallNow`. */
export function siteNow(clock: SiteClock, wallNow: number): string {
  return toSiteTime(siteNowMs(clock, wallNow));
}

function siteNowMs(clock: SiteClock, wallNow: number): number {
  const base = Date.parse(clock.siteTime);
  if (clock.paused) return base;
  return base + Math.max(0, wallNow - clock.wallTime) * clock.speed;
}

/** The same clock, re-anchored at `wallNow` (it reads the same time; later readings are unchanged). */
export function reanchor(clock: SiteClock, wallNow: number): SiteClock {
  // The site time is kept in whole seconds: anchor at the real time that second began, so the fraction of a site
  // second already run is not lost (a clock re-anchored often would otherwise run slow).
  const ms = siteNowMs(clock, wallNow);
  const fraction = ms - Math.floor(ms / 1000) * 1000;
  const wallTime = clock.paused ? wallNow : wallNow - fraction / clock.speed;
  return { ...clock, siteTime: toSiteTime(ms), wallTime };
}

/** Moves the clock forward by some site minutes ("fast-forward"). */
export function fastForward(clock: SiteClock, wallNow: number, minutes: number): SiteClock {
  const anchored = reanchor(clock, wallNow);
  return { ...anchored, siteTime: toSiteTime(Date.parse(anchored.siteTime) + minutes * 60_000) };
}

/** Moves the clock forward to a site time; a time already past changes nothing (the clock never runs backwards). */
export function fastForwardTo(clock: SiteClock, wallNow: number, siteTime: string): SiteClock {
  const anchored = reanchor(clock, wallNow);
  if (Date.parse(siteTime) <= Date.parse(anchored.siteTime)) return anchored;
  return { ...anchored, siteTime: toSiteTime(Date.parse(siteTime)) };
}

export function setSpeed(clock: SiteClock, wallNow: number, speed: number): SiteClock {
  return { ...reanchor(clock, wallNow), speed };
}

export function setPaused(clock: SiteClock, wallNow: number, paused: boolean): SiteClock {
  return { ...reanchor(clock, wallNow), paused };
}

/**
 * Real time that may pass between two readings of a console that stays open (a reload, a slow start). A longer gap
 * means no console was open: the clock stood still meanwhile, so a class prepared the day before starts where the
 * trainer left it.
 */
export const CLOCK_CLOSED_GAP_MS = 30_000;

/**
 * The clock a console starts with, from what was saved: it kept running through a reload, and stood still while no
 * console was open (the saved reading is refreshed every few seconds while one is).
 */
export function resumeClock(saved: SiteClock, wallNow: number): SiteClock {
  if (wallNow - saved.wallTime > CLOCK_CLOSED_GAP_MS) return { ...saved, wallTime: wallNow };
  return reanchor(saved, wallNow);
}

/** Adds minutes to a site time. */
export function addMinutes(time: string, minutes: number): string {
  return toSiteTime(Date.parse(time) + minutes * 60_000);
}

export function laterOf(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

export function minutesBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 60_000;
}
