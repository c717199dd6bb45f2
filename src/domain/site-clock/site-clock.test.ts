/**
 * The simulated site clock (shared/scenario-contoso.md, "Time"): "The site clock starts on 2008-12-18 ... Every date the
 * console shows (released, deadlines, log lines, jobs) is on this clock, which the demo can run faster."
 */
import { describe, expect, it } from 'vitest';
import {
  addMinutes,
  CLOCK_CLOSED_GAP_MS,
  DEFAULT_CLOCK_SPEED,
  fastForward,
  fastForwardTo,
  laterOf,
  minutesBetween,
  reanchor,
  resumeClock,
  setPaused,
  setSpeed,
  siteClockSchema,
  siteNow,
  startClock,
  toSiteTime,
  type SiteClock,
} from './site-clock';

const START = '2008-12-18T09:00:00Z';
/** Some real moment (ms since 1970) at which the console opened. */
const WALL = 1_700_000_000_000;
const SECOND = 1_000;
const MINUTE = 60 * SECOND;

function clockAt(speed: number, paused = false): SiteClock {
  return { siteTime: START, wallTime: WALL, speed, paused };
}

describe('toSiteTime: a site time as the console writes it everywhere', () => {
  it('writes UTC to the second, in the form "2008-12-18T09:00:00Z"', () => {
    expect(toSiteTime(Date.parse('2008-12-18T09:00:00.000Z'))).toBe('2008-12-18T09:00:00Z');
    expect(toSiteTime(Date.parse('2008-12-18T09:00:00Z'))).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('drops the milliseconds rather than rounding them up', () => {
    expect(toSiteTime(Date.parse('2008-12-18T09:00:00.999Z'))).toBe('2008-12-18T09:00:00Z');
    expect(toSiteTime(Date.parse('2008-12-18T09:00:59.500Z'))).toBe('2008-12-18T09:00:59Z');
  });

  it('adds minutes, measures minutes between two times, and picks the later of two', () => {
    expect(addMinutes(START, 75)).toBe('2008-12-18T10:15:00Z');
    expect(addMinutes(START, 7 * 24 * 60)).toBe('2008-12-25T09:00:00Z');
    expect(minutesBetween(START, '2008-12-18T10:15:00Z')).toBe(75);
    expect(laterOf(START, '2008-12-18T10:15:00Z')).toBe('2008-12-18T10:15:00Z');
    expect(laterOf('2008-12-18T10:15:00Z', START)).toBe('2008-12-18T10:15:00Z');
  });
});

describe('startClock and siteClockSchema', () => {
  it('starts at the given site time, running at the default demo speed', () => {
    const clock = startClock('2008-12-18T09:00:00.250Z', WALL);
    expect(clock).toEqual({ siteTime: START, wallTime: WALL, speed: DEFAULT_CLOCK_SPEED, paused: false });
    expect(siteClockSchema.safeParse(clock).success).toBe(true);
  });

  it('refuses a speed the console does not offer and a time that is not a date and time', () => {
    expect(siteClockSchema.safeParse({ ...clockAt(1), speed: 5 }).success).toBe(false);
    expect(siteClockSchema.safeParse({ ...clockAt(1), siteTime: 'yesterday' }).success).toBe(false);
    expect(siteClockSchema.safeParse({ ...clockAt(1), wallTime: -1 }).success).toBe(false);
  });
});

describe('siteNow: the site time at a real time', () => {
  it('reads the anchored site time at the anchor', () => {
    expect(siteNow(clockAt(60), WALL)).toBe(START);
  });

  it('runs in real time at speed 1', () => {
    expect(siteNow(clockAt(1), WALL + 90 * SECOND)).toBe('2008-12-18T09:01:30Z');
  });

  it('runs a site minute per real second at speed 60, and ten at speed 600', () => {
    expect(siteNow(clockAt(60), WALL + SECOND)).toBe('2008-12-18T09:01:00Z');
    expect(siteNow(clockAt(60), WALL + 75 * SECOND)).toBe('2008-12-18T10:15:00Z');
    expect(siteNow(clockAt(600), WALL + 6 * SECOND)).toBe('2008-12-18T10:00:00Z');
  });

  it('stands still while paused', () => {
    expect(siteNow(clockAt(600, true), WALL + 10 * MINUTE)).toBe(START);
  });

  it('never reads earlier than its anchor when the wall clock is behind it', () => {
    expect(siteNow(clockAt(60), WALL - MINUTE)).toBe(START);
  });
});

describe('reanchor: the same clock anchored at another real time', () => {
  it('keeps the reading at the new anchor', () => {
    const clock = clockAt(60);
    const wall = WALL + 30 * SECOND;
    const anchored = reanchor(clock, wall);
    expect(anchored.wallTime).toBe(wall);
    expect(anchored.siteTime).toBe('2008-12-18T09:30:00Z');
    expect(siteNow(anchored, wall)).toBe(siteNow(clock, wall));
  });

  it('keeps every later reading when re-anchored on whole site seconds', () => {
    const clock = clockAt(60);
    const anchored = reanchor(clock, WALL + 10 * SECOND);
    for (const later of [WALL + 10 * SECOND, WALL + 11 * SECOND, WALL + 95 * SECOND, WALL + 3_600 * SECOND]) {
      expect(siteNow(anchored, later)).toBe(siteNow(clock, later));
    }
  });

  it('keeps the speed and the pause', () => {
    const anchored = reanchor(clockAt(600, true), WALL + MINUTE);
    expect(anchored.speed).toBe(600);
    expect(anchored.paused).toBe(true);
    expect(anchored.siteTime).toBe(START);
  });

  // Regression test for a fixed bug.
  it('keeps later readings when re-anchored part-way through a site second', () => {
    const clock = clockAt(1);
    const anchored = reanchor(clock, WALL + 700);
    expect(siteNow(anchored, WALL + 1_200)).toBe(siteNow(clock, WALL + 1_200));
  });
});

describe('setSpeed and setPaused', () => {
  it('changes the speed from now on, keeping the time already reached', () => {
    const faster = setSpeed(clockAt(1), WALL + MINUTE, 600);
    expect(siteNow(faster, WALL + MINUTE)).toBe('2008-12-18T09:01:00Z');
    expect(siteNow(faster, WALL + MINUTE + SECOND)).toBe('2008-12-18T09:11:00Z');
  });

  it('pauses at the time reached and resumes from it', () => {
    const paused = setPaused(clockAt(60), WALL + 10 * SECOND, true);
    expect(siteNow(paused, WALL + 10 * MINUTE)).toBe('2008-12-18T09:10:00Z');
    const resumed = setPaused(paused, WALL + 10 * MINUTE, false);
    expect(siteNow(resumed, WALL + 10 * MINUTE + SECOND)).toBe('2008-12-18T09:11:00Z');
  });
});

describe('fastForward and fastForwardTo: the trainer moves the site clock on', () => {
  it('moves the clock forward by some site minutes from the current reading', () => {
    const clock = fastForward(clockAt(60), WALL + 10 * SECOND, 75);
    expect(clock.wallTime).toBe(WALL + 10 * SECOND);
    expect(siteNow(clock, WALL + 10 * SECOND)).toBe('2008-12-18T10:25:00Z');
    // ... and keeps running at its speed from there.
    expect(siteNow(clock, WALL + 11 * SECOND)).toBe('2008-12-18T10:26:00Z');
  });

  it('moves a paused clock forward and leaves it paused', () => {
    const clock = fastForward(clockAt(60, true), WALL + MINUTE, 30);
    expect(clock.paused).toBe(true);
    expect(siteNow(clock, WALL + 2 * MINUTE)).toBe('2008-12-18T09:30:00Z');
  });

  it('moves the clock forward to a later site time', () => {
    const clock = fastForwardTo(clockAt(60), WALL, '2008-12-25T09:20:00Z');
    expect(siteNow(clock, WALL)).toBe('2008-12-25T09:20:00Z');
  });

  it('never runs backwards: a time already past changes nothing but the anchor', () => {
    const now = WALL + 60 * SECOND; // the clock reads 10:00
    for (const past of ['2008-12-18T09:30:00Z', '2008-12-18T10:00:00Z', '2008-01-01T00:00:00Z']) {
      const clock = fastForwardTo(clockAt(60), now, past);
      expect(siteNow(clock, now)).toBe('2008-12-18T10:00:00Z');
      expect(clock).toEqual(reanchor(clockAt(60), now));
    }
  });
});

describe('resumeClock: the clock a console starts with, from what was saved', () => {
  it(`keeps running through a reload within ${CLOCK_CLOSED_GAP_MS / 1000} seconds`, () => {
    const saved = clockAt(60);
    const reload = WALL + 20 * SECOND;
    const resumed = resumeClock(saved, reload);
    expect(siteNow(resumed, reload)).toBe('2008-12-18T09:20:00Z');
    expect(siteNow(resumed, reload)).toBe(siteNow(saved, reload));
  });

  it('still counts a gap of exactly CLOCK_CLOSED_GAP_MS as a reload', () => {
    const resumed = resumeClock(clockAt(60), WALL + CLOCK_CLOSED_GAP_MS);
    expect(siteNow(resumed, WALL + CLOCK_CLOSED_GAP_MS)).toBe('2008-12-18T09:30:00Z');
  });

  it('stood still while no console was open: a longer gap starts where the trainer left it', () => {
    const saved = clockAt(60);
    const nextDay = WALL + 24 * 60 * MINUTE;
    const resumed = resumeClock(saved, nextDay);
    expect(resumed).toEqual({ ...saved, wallTime: nextDay });
    expect(siteNow(resumed, nextDay)).toBe(START);
    // ... and runs on from there at its speed.
    expect(siteNow(resumed, nextDay + SECOND)).toBe('2008-12-18T09:01:00Z');
  });

  it('leaves a paused clock paused either way', () => {
    for (const gap of [SECOND, CLOCK_CLOSED_GAP_MS + SECOND]) {
      const resumed = resumeClock(clockAt(600, true), WALL + gap);
      expect(resumed.paused).toBe(true);
      expect(siteNow(resumed, WALL + gap + MINUTE)).toBe(START);
    }
  });
});
