import { z } from 'zod';
import { CLASSIFICATIONS, SEVERITIES, type SoftwareUpdate } from '../model/software-update';

/**
 * The criteria of a search folder: the Search Folder Criteria dialog of the product ("Outlook-rules-like"; Date
 * Released relative, Product, Severity, Article ID, update type ...). Search folders are dynamic: the criteria are
 * kept, never the updates they matched, and run again against the site every time the folder is opened.
 */

/** "Date Released", relative to the site clock. */
export const DATE_RELEASED_PERIODS = [
  'any',
  'last-day',
  'last-week',
  'last-month',
  'last-3-months',
  'last-6-months',
  'last-year',
] as const;
export const dateReleasedPeriodSchema = z.enum(DATE_RELEASED_PERIODS, {
  error: `dateReleased must be one of ${DATE_RELEASED_PERIODS.join(', ')}`,
});
export type DateReleasedPeriod = z.infer<typeof dateReleasedPeriodSchema>;

/** How the dialog offers each period, and how the Criteria column says it. */
export const DATE_RELEASED_LABELS: Record<DateReleasedPeriod, string> = {
  any: 'Any time',
  'last-day': 'In the last day',
  'last-week': 'In the last week',
  'last-month': 'In the last month',
  'last-3-months': 'In the last 3 months',
  'last-6-months': 'In the last 6 months',
  'last-year': 'In the last year (12 months)',
};

const PERIOD_LENGTH: Record<Exclude<DateReleasedPeriod, 'any'>, { days?: number; months?: number }> = {
  'last-day': { days: 1 },
  'last-week': { days: 7 },
  'last-month': { months: 1 },
  'last-3-months': { months: 3 },
  'last-6-months': { months: 6 },
  'last-year': { months: 12 },
};

/** A Yes / No / Any choice on a yes-or-no column (Expired, Superseded, LEGACY, Deployable to SMS 2003). */
export const YES_NO_ANY = ['any', 'yes', 'no'] as const;
export const yesNoAnySchema = (field: string) =>
  z.enum(YES_NO_ANY, { error: `${field} must be "any", "yes" or "no"` }).default('any');
export type YesNoAny = (typeof YES_NO_ANY)[number];

export const MAX_CRITERIA_LIST = 200;
export const MAX_CRITERIA_TEXT = 200;
export const MAX_ID_TEXT = 32;

const nameList = (field: string, what: string) =>
  z
    .array(
      z
        .string({ error: `each ${what} must be text` })
        .trim()
        .min(1, `a ${what} cannot be empty`)
        .max(MAX_CRITERIA_TEXT, `a ${what} must be at most ${MAX_CRITERIA_TEXT} characters`),
      { error: `${field} must be a list of ${what}s` },
    )
    .max(MAX_CRITERIA_LIST, `${field} may name at most ${MAX_CRITERIA_LIST} ${what}s`)
    .default([]);

/** "Contains" text for Article ID and Bulletin ID: what such IDs are made of (KB958644, MS08-067, APSB08-13, JRE-6U5). */
const idText = (field: string, example: string) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .max(MAX_ID_TEXT, `${field} must be at most ${MAX_ID_TEXT} characters`)
    .regex(/^[A-Za-z0-9._-]*$/, `${field} may hold only letters, digits, hyphens and dots, such as ${example}`)
    .default('');

const byOrder =
  <T extends string>(order: readonly T[]) =>
  (a: T, b: T) =>
    order.indexOf(a) - order.indexOf(b);
const byName = (a: string, b: string) => a.localeCompare(b, 'en-US');
const unique = <T>(values: readonly T[]) => [...new Set(values)];

/**
 * The criteria as the API takes them and the log keeps them. Every criterion may be left out: an empty list, empty
 * text or "any" does not narrow the folder. Lists are kept without repeats, severities and classifications in the
 * product's order and names alphabetically, so equal criteria always read the same.
 */
export const searchFolderCriteriaSchema = z
  .strictObject({
    dateReleased: dateReleasedPeriodSchema.default('any'),
    products: nameList('products', 'product'),
    severities: z
      .array(z.enum(SEVERITIES, { error: `each severity must be one of ${SEVERITIES.join(', ')}` }), {
        error: 'severities must be a list of severities',
      })
      .max(MAX_CRITERIA_LIST, `severities may name at most ${MAX_CRITERIA_LIST} severities`)
      .default([]),
    classifications: z
      .array(z.enum(CLASSIFICATIONS, { error: `each classification must be one of ${CLASSIFICATIONS.join(', ')}` }), {
        error: 'classifications must be a list of update classifications',
      })
      .max(MAX_CRITERIA_LIST, `classifications may name at most ${MAX_CRITERIA_LIST} classifications`)
      .default([]),
    vendors: nameList('vendors', 'vendor'),
    articleId: idText('articleId', 'KB958644 or 958644'),
    bulletinId: idText('bulletinId', 'MS08-067'),
    expired: yesNoAnySchema('expired'),
    superseded: yesNoAnySchema('superseded'),
    legacy: yesNoAnySchema('legacy'),
    deployableToSms2003: yesNoAnySchema('deployableToSms2003'),
  })
  .transform((criteria) => ({
    ...criteria,
    products: unique(criteria.products).sort(byName),
    severities: unique(criteria.severities).sort(byOrder(SEVERITIES)),
    classifications: unique(criteria.classifications).sort(byOrder(CLASSIFICATIONS)),
    vendors: unique(criteria.vendors).sort(byName),
  }));
export type SearchFolderCriteria = z.output<typeof searchFolderCriteriaSchema>;
/** What a client may send: any criterion may be left out. */
export type SearchFolderCriteriaInput = z.input<typeof searchFolderCriteriaSchema>;

/** Criteria that match every software update (what the dialog starts from). */
export const ANY_CRITERIA: SearchFolderCriteria = searchFolderCriteriaSchema.parse({});

function isoDay(clock: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(clock);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * The first day a period reaches back to from the site clock: the same calendar day one period earlier (a month back
 * from March 31 is the last day of February). "In the last month" on 12/18/2008 is from 11/18/2008 on.
 */
export function releasedSince(period: DateReleasedPeriod, clock: string): string | null {
  if (period === 'any') return null;
  const today = isoDay(clock);
  if (!today) return null;
  const { days = 0, months = 0 } = PERIOD_LENGTH[period];
  // Month arithmetic on the calendar, clamped to the length of the target month.
  const monthIndex = today.year * 12 + (today.month - 1) - months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const shifted = new Date(Date.UTC(year, month - 1, Math.min(today.day, lastDay) - days));
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

const matchesYesNo = (choice: YesNoAny, value: boolean) => choice === 'any' || (choice === 'yes') === value;

/** "KB958644" finds article 958644: the product shows article IDs without the KB prefix people type. */
function articleNeedle(articleId: string): string {
  const needle = articleId.trim().toLocaleLowerCase('en-US');
  return /^kb\d/.test(needle) ? needle.slice(2) : needle;
}

/**
 * A test for one folder's criteria at one moment of the site clock, prepared once and run over every update (a
 * 50,000-update site is searched in a few milliseconds).
 */
export function searchFolderMatcher(
  criteria: SearchFolderCriteria,
  clock: string,
): (update: SoftwareUpdate) => boolean {
  const since = releasedSince(criteria.dateReleased, clock);
  const today = clock.slice(0, 10);
  const products = criteria.products.length > 0 ? new Set(criteria.products) : null;
  const vendors = criteria.vendors.length > 0 ? new Set(criteria.vendors) : null;
  const severities = criteria.severities.length > 0 ? new Set<string>(criteria.severities) : null;
  const classifications = criteria.classifications.length > 0 ? new Set<string>(criteria.classifications) : null;
  const article = articleNeedle(criteria.articleId);
  const bulletin = criteria.bulletinId.trim().toLocaleLowerCase('en-US');
  return (update) => {
    if (since !== null) {
      const released = update.dateReleased.slice(0, 10);
      if (released < since || released > today) return false;
    }
    return (
      (products === null || products.has(update.product)) &&
      (vendors === null || vendors.has(update.vendor)) &&
      (severities === null || severities.has(update.severity)) &&
      (classifications === null || classifications.has(update.classification)) &&
      (article === '' || update.articleId.toLocaleLowerCase('en-US').includes(article)) &&
      (bulletin === '' || update.bulletinId.toLocaleLowerCase('en-US').includes(bulletin)) &&
      matchesYesNo(criteria.expired, update.expired) &&
      matchesYesNo(criteria.superseded, update.superseded) &&
      matchesYesNo(criteria.legacy, update.legacy) &&
      matchesYesNo(criteria.deployableToSms2003, update.deployableToSms2003)
    );
  };
}

/** Whether one update is in a search folder now (the site clock says when "now" is). */
export function matchesSearchFolder(update: SoftwareUpdate, criteria: SearchFolderCriteria, clock: string): boolean {
  return searchFolderMatcher(criteria, clock)(update);
}

function anyOf(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

const YES_NO_CAPTIONS = {
  expired: 'Expired',
  superseded: 'Superseded',
  legacy: 'LEGACY',
  deployableToSms2003: 'Deployable to SMS 2003',
} as const;

/**
 * The criteria in plain words, as the folder's Criteria column shows them, e.g.
 * "Date Released in the last year; Severity is Critical; Update Classification is Security Updates".
 */
export function describeCriteria(criteria: SearchFolderCriteria): string {
  const parts: string[] = [];
  if (criteria.dateReleased !== 'any') {
    parts.push(`Date Released ${DATE_RELEASED_LABELS[criteria.dateReleased].replace(/^In/, 'in')}`);
  }
  if (criteria.products.length > 0) parts.push(`Product is ${anyOf(criteria.products)}`);
  if (criteria.severities.length > 0) parts.push(`Severity is ${anyOf(criteria.severities)}`);
  if (criteria.classifications.length > 0) {
    parts.push(`Update Classification is ${anyOf(criteria.classifications)}`);
  }
  if (criteria.vendors.length > 0) parts.push(`Vendor is ${anyOf(criteria.vendors)}`);
  if (criteria.articleId) parts.push(`Article ID contains "${criteria.articleId}"`);
  if (criteria.bulletinId) parts.push(`Bulletin ID contains "${criteria.bulletinId}"`);
  for (const key of Object.keys(YES_NO_CAPTIONS) as Array<keyof typeof YES_NO_CAPTIONS>) {
    if (criteria[key] !== 'any') parts.push(`${YES_NO_CAPTIONS[key]} is ${criteria[key] === 'yes' ? 'Yes' : 'No'}`);
  }
  return parts.length === 0 ? 'Every software update' : parts.join('; ');
}

/** The values the criteria dialog offers, from the updates the administrator may read (never from the others). */
export interface SoftwareUpdateFacets {
  products: string[];
  vendors: string[];
  classifications: string[];
  severities: string[];
}

export function softwareUpdateFacets(updates: Iterable<SoftwareUpdate>): SoftwareUpdateFacets {
  const products = new Set<string>();
  const vendors = new Set<string>();
  const classifications = new Set<string>();
  const severities = new Set<string>();
  for (const update of updates) {
    products.add(update.product);
    vendors.add(update.vendor);
    classifications.add(update.classification);
    severities.add(update.severity);
  }
  return {
    products: [...products].sort(byName),
    vendors: [...vendors].sort(byName),
    classifications: CLASSIFICATIONS.filter((classification) => classifications.has(classification)),
    severities: SEVERITIES.filter((severity) => severities.has(severity)),
  };
}

export const softwareUpdateFacetsSchema = z.object({
  products: z.array(z.string()),
  vendors: z.array(z.string()),
  classifications: z.array(z.string()),
  severities: z.array(z.string()),
});
