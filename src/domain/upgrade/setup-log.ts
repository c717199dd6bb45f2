import type { SetupLogLine } from '../site-state';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** How long Setup runs on the site clock: the stages after it start when it ends. */
export const SETUP_DURATION_MINUTES = 150;

/** Writes %systemdrive%\ConfigMgrSetup.log: one timestamped line per migration decision, on the site clock. */
export class SetupLog {
  readonly lines: SetupLogLine[] = [];
  private readonly startedAt: number;
  private cursor: number;

  constructor(startedAt: string) {
    this.startedAt = Date.parse(startedAt);
    this.cursor = this.startedAt;
  }

  /** A line `afterSeconds` after the previous one. */
  write(component: string, message: string, afterSeconds = 7) {
    this.cursor += afterSeconds * SECOND;
    this.lines.push({ id: String(this.lines.length + 1), time: isoSeconds(this.cursor), component, message });
  }

  /** The last line, when Setup ends: never before its fixed duration has passed. */
  finish(component: string, message: string): string {
    this.cursor = Math.max(this.cursor + 7 * SECOND, this.startedAt + SETUP_DURATION_MINUTES * MINUTE);
    const time = isoSeconds(this.cursor);
    this.lines.push({ id: String(this.lines.length + 1), time, component, message });
    return time;
  }
}

/** "2008-12-18T09:00:00Z": the site clock's format, to the second, as the scenario writes it. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
