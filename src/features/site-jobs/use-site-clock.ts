import { useQuery } from '@tanstack/react-query';
import { sessionQuery } from '@/api/session';
import { siteJobsQuery } from '@/api/site-clock';
import { siteNow } from '@/domain/site-clock/site-clock';
import { useWallClock } from './wall-clock';

export interface SiteClockReading {
  /** The site time now ("2008-12-18T09:05:00Z"), or null before the session has loaded. */
  time: string | null;
  /** Site seconds per real second. */
  speed: number;
  paused: boolean;
}

/**
 * The site clock, ticking in the page between the server's readings: the latest reading (the session's, or the jobs'
 * when newer: they are read every few seconds) plus the real time since, times the clock's speed, unless paused.
 */
export function useSiteClock(admin: string): SiteClockReading {
  const wallNow = useWallClock();
  const session = useQuery(sessionQuery());
  const jobs = useQuery(siteJobsQuery(admin));
  const fromJobs = jobs.data && jobs.dataUpdatedAt >= session.dataUpdatedAt;
  const reading = fromJobs
    ? {
        siteTime: jobs.data.now,
        wallTime: jobs.dataUpdatedAt,
        speed: jobs.data.clockSpeed,
        paused: jobs.data.clockPaused,
      }
    : session.data
      ? {
          siteTime: session.data.clock,
          wallTime: session.dataUpdatedAt,
          speed: session.data.clockSpeed,
          paused: session.data.clockPaused,
        }
      : null;
  if (!reading) return { time: null, speed: 1, paused: false };
  return { time: siteNow(reading, wallNow), speed: reading.speed, paused: reading.paused };
}
