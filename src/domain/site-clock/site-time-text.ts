import { formatDateTime } from '../format';

/**
 * The Deployment Schedule page's date and time boxes, on the site clock, in the product's en-US style ("12/18/2008",
 * "11:50 AM"): what the console shows everywhere else, so a time typed here reads like one shown there.
 */
export interface SiteTimeText {
  date: string;
  time: string;
}

/** "2008-12-18T11:50:00Z" as { date: "12/18/2008", time: "11:50 AM" }. */
export function siteTimeText(iso: string): SiteTimeText {
  const text = formatDateTime(iso);
  const space = text.indexOf(' ');
  return space < 0 ? { date: text, time: '' } : { date: text.slice(0, space), time: text.slice(space + 1) };
}

/** The site time to the minute, seconds dropped: what the boxes can show. */
export function toMinute(iso: string): string {
  return `${iso.slice(0, 16)}:00Z`;
}

export type SiteTimeParse = { ok: true; iso: string } | { ok: false; field: 'date' | 'time'; message: string };

const DATE_PATTERN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const TIME_PATTERN = /^(\d{1,2}):(\d{2})\s*([AaPp])\.?[Mm]\.?$/;

/** Reads the two boxes back as a site time (ISO, UTC like the site clock), or says which box is wrong and how. */
export function parseSiteTimeText({ date, time }: SiteTimeText): SiteTimeParse {
  const dateMatch = DATE_PATTERN.exec(date.trim());
  const month = Number(dateMatch?.[1]);
  const day = Number(dateMatch?.[2]);
  const year = Number(dateMatch?.[3]);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    !dateMatch ||
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day
  ) {
    return { ok: false, field: 'date', message: 'Enter a date as M/D/YYYY, e.g. 12/18/2008.' };
  }
  const timeMatch = TIME_PATTERN.exec(time.trim());
  const hour12 = Number(timeMatch?.[1]);
  const minutes = Number(timeMatch?.[2]);
  if (!timeMatch || hour12 < 1 || hour12 > 12 || minutes > 59) {
    return { ok: false, field: 'time', message: 'Enter a time as h:mm AM or PM, e.g. 11:50 AM.' };
  }
  const pm = timeMatch[3]?.toUpperCase() === 'P';
  const hours = (hour12 % 12) + (pm ? 12 : 0);
  const pad = (value: number) => String(value).padStart(2, '0');
  return { ok: true, iso: `${year}-${pad(month)}-${pad(day)}T${pad(hours)}:${pad(minutes)}:00Z` };
}
