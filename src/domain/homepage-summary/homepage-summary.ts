import { z } from 'zod';
import {
  classificationSchema,
  severitySchema,
  type Classification,
  type SoftwareUpdate,
} from '../model/software-update';
import { addMinutes, laterOf } from '../site-clock/site-clock';
import type { SiteState } from '../site-state';

/**
 * The Software Updates home page ("Software Update Installation Status Summary"). The product shows compliance as the
 * last home page summarization found it, not as it is now: "The Last Updated date on the home page reflects the last
 * time summarization completed successfully", and summarization runs on a schedule ("4 hours by default") or when an
 * administrator runs Run Homepage Summarization. So a deployment's installs show on the home page only once a
 * summarization has run after them.
 */

/** "The data displayed is updated based on the home page summarization schedule, which is 4 hours by default." */
export const DEFAULT_SUMMARIZATION_INTERVAL_MINUTES = 240;
/**
 * The shortest and longest schedule this console takes (the product states none): a summarization at most every 15
 * minutes (it loads the site database, and a day fast-forwarded runs each one), at least every 31 days.
 */
export const MIN_SUMMARIZATION_INTERVAL_MINUTES = 15;
export const MAX_SUMMARIZATION_INTERVAL_MINUTES = 31 * 24 * 60;

/** The Custom Schedule dialog's "Recur every N <unit>": the ranges of a ConfigMgr recurring interval. */
export const SCHEDULE_UNITS = ['Minutes', 'Hours', 'Days'] as const;
export type ScheduleUnit = (typeof SCHEDULE_UNITS)[number];
export const SCHEDULE_UNIT_RANGES: Record<ScheduleUnit, { min: number; max: number; minutes: number }> = {
  Minutes: { min: MIN_SUMMARIZATION_INTERVAL_MINUTES, max: 59, minutes: 1 },
  Hours: { min: 1, max: 23, minutes: 60 },
  Days: { min: 1, max: 31, minutes: 24 * 60 },
};

/** A schedule as the Custom Schedule dialog and PUT /api/homepage-summary/schedule give it. */
export const summarizationScheduleSchema = z
  .object({
    recurEvery: z.number({ error: 'recurEvery must be a whole number' }).int('recurEvery must be a whole number'),
    unit: z.enum(SCHEDULE_UNITS, { error: `unit must be one of ${SCHEDULE_UNITS.join(', ')}` }),
  })
  .strict()
  .superRefine((schedule, context) => {
    const range = SCHEDULE_UNIT_RANGES[schedule.unit];
    if (schedule.recurEvery < range.min || schedule.recurEvery > range.max) {
      context.addIssue({
        code: 'custom',
        path: ['recurEvery'],
        message: `recurEvery: ${schedule.unit.toLowerCase()} must be from ${range.min} to ${range.max}`,
      });
    }
  });
export type SummarizationSchedule = z.infer<typeof summarizationScheduleSchema>;

export function scheduleMinutes(schedule: SummarizationSchedule): number {
  return schedule.recurEvery * SCHEDULE_UNIT_RANGES[schedule.unit].minutes;
}

/** An interval in minutes as the dialog shows it: the largest unit it divides into ("4 hours", not "240 minutes"). */
export function scheduleOf(minutes: number): SummarizationSchedule {
  if (minutes % (24 * 60) === 0 && minutes / (24 * 60) <= 31) return { recurEvery: minutes / (24 * 60), unit: 'Days' };
  if (minutes % 60 === 0 && minutes / 60 <= 23) return { recurEvery: minutes / 60, unit: 'Hours' };
  return { recurEvery: minutes, unit: 'Minutes' };
}

export function describeInterval(minutes: number): string {
  const { recurEvery, unit } = scheduleOf(minutes);
  const word = unit.toLowerCase();
  return `${recurEvery} ${recurEvery === 1 ? word.slice(0, -1) : word}`;
}

/**
 * What one summarization saw: compliance counts per update, column-wise (no copies of the updates). The counts of
 * `updateIds[i]` are `counts[i * 5 .. i * 5 + 4]`: total, installed, required, not required, unknown.
 */
export interface SummarizedCounts {
  updateIds: readonly string[];
  counts: readonly number[];
  deployed: readonly boolean[];
}
const COUNTS_PER_UPDATE = 5;

/** The home page summarization of a Configuration Manager site: its schedule and what it last saw. */
export interface HomepageSummary {
  /** "Last Updated": when the last summarization completed, on the site clock. */
  lastSummarizedAt: string;
  /** Who ran it (Run Homepage Summarization), or null when the schedule did. */
  lastSummarizedBy: string | null;
  intervalMinutes: number;
  /** When the schedule was last changed since that summarization (the next one is then due no earlier). */
  scheduleChangedAt: string | null;
  data: SummarizedCounts;
}

// The same update list summarized twice gives the same counts: a summarization that finds nothing changed costs nothing.
const countsCache = new WeakMap<readonly SoftwareUpdate[], SummarizedCounts>();

function summarizedCountsOf(updates: readonly SoftwareUpdate[]): SummarizedCounts {
  const cached = countsCache.get(updates);
  if (cached) return cached;
  const updateIds = new Array<string>(updates.length);
  const counts = new Array<number>(updates.length * COUNTS_PER_UPDATE);
  const deployed = new Array<boolean>(updates.length);
  updates.forEach((update, index) => {
    const { total, installed, required, notRequired, unknown } = update.compliance;
    updateIds[index] = update.id;
    const at = index * COUNTS_PER_UPDATE;
    counts[at] = total;
    counts[at + 1] = installed;
    counts[at + 2] = required;
    counts[at + 3] = notRequired;
    counts[at + 4] = unknown;
    deployed[index] = update.deployed;
  });
  const data = { updateIds, counts, deployed };
  countsCache.set(updates, data);
  return data;
}

/** Summarizes the site's compliance now: the home page shows these counts until the next summarization. */
export function summarizeHomepage(state: SiteState, at: string, by: string | null): SiteState {
  return {
    ...state,
    homepageSummary: {
      lastSummarizedAt: at,
      lastSummarizedBy: by,
      intervalMinutes: state.homepageSummary?.intervalMinutes ?? DEFAULT_SUMMARIZATION_INTERVAL_MINUTES,
      scheduleChangedAt: null,
      data: summarizedCountsOf(state.softwareUpdates),
    },
  };
}

/**
 * When the home page summarization next runs on its own: one interval after the last one, and never before the
 * schedule was changed (a shorter interval whose time has passed runs at once). A site that has not summarized yet
 * (Setup has just ended) summarizes at once.
 */
export function nextHomepageSummarizationAt(state: SiteState): string | null {
  if (state.phase !== 'configmgr') return null;
  const summary = state.homepageSummary;
  if (!summary) return state.clock;
  const due = addMinutes(summary.lastSummarizedAt, summary.intervalMinutes);
  return summary.scheduleChangedAt ? laterOf(due, summary.scheduleChangedAt) : due;
}

/** Schedule Home Page Summarization: the interval changes; the next summarization follows from it. */
export function scheduleHomepageSummarization(state: SiteState, intervalMinutes: number, at: string): SiteState {
  const summary = state.homepageSummary ?? summarizeHomepage(state, at, null).homepageSummary;
  if (!summary) return state;
  return { ...state, homepageSummary: { ...summary, intervalMinutes, scheduleChangedAt: at } };
}

/** The home page's filter: each of them null for all. */
export interface HomepageFilter {
  vendor: string | null;
  classification: Classification | null;
  /** 1 to 12. */
  month: number | null;
  year: number | null;
}
export const ALL_UPDATES_FILTER: HomepageFilter = { vendor: null, classification: null, month: null, year: null };

/** One row of the summary grid: the update's metadata now, its counts as summarized. */
export const homepageRowSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  bulletinId: z.string(),
  title: z.string(),
  severity: severitySchema,
  deployed: z.boolean(),
  total: z.number().int(),
  installed: z.number().int(),
  required: z.number().int(),
  notRequired: z.number().int(),
  unknown: z.number().int(),
  infoUrl: z.string(),
  vendor: z.string(),
  classification: classificationSchema,
  dateReleased: z.string(),
  legacy: z.boolean(),
  expired: z.boolean(),
  superseded: z.boolean(),
});
export type HomepageRow = z.infer<typeof homepageRowSchema>;

/** The columns of the summary grid, in the product's order (its documented list, then Unknown). */
export const HOMEPAGE_COLUMNS = [
  { key: 'articleId', caption: 'Article ID' },
  { key: 'bulletinId', caption: 'Bulletin ID' },
  { key: 'title', caption: 'Title' },
  { key: 'severity', caption: 'Severity' },
  { key: 'deployed', caption: 'Deployed' },
  { key: 'total', caption: 'Total' },
  { key: 'installed', caption: 'Installed' },
  { key: 'required', caption: 'Required' },
  { key: 'notRequired', caption: 'Not Required' },
  { key: 'unknown', caption: 'Unknown' },
] as const satisfies readonly { key: keyof HomepageRow; caption: string }[];
export type HomepageColumnKey = (typeof HOMEPAGE_COLUMNS)[number]['key'];
export const HOMEPAGE_COLUMN_KEYS = HOMEPAGE_COLUMNS.map((column) => column.key);
export const DEFAULT_HOMEPAGE_SORT = 'articleId:asc';

const byIdCache = new WeakMap<readonly SoftwareUpdate[], Map<string, SoftwareUpdate>>();
function updatesById(updates: readonly SoftwareUpdate[]): Map<string, SoftwareUpdate> {
  let map = byIdCache.get(updates);
  if (!map) byIdCache.set(updates, (map = new Map(updates.map((update) => [update.id, update]))));
  return map;
}

/** The release month of an update ("2008-12-09" is year 2008, month 12). */
function releaseMonth(update: Pick<SoftwareUpdate, 'dateReleased'>): { year: number; month: number } {
  return { year: Number(update.dateReleased.slice(0, 4)), month: Number(update.dateReleased.slice(5, 7)) };
}

function matches(update: SoftwareUpdate, filter: HomepageFilter): boolean {
  if (filter.vendor !== null && update.vendor !== filter.vendor) return false;
  if (filter.classification !== null && update.classification !== filter.classification) return false;
  if (filter.year === null && filter.month === null) return true;
  const { year, month } = releaseMonth(update);
  return (filter.year === null || year === filter.year) && (filter.month === null || month === filter.month);
}

/**
 * The updates of the summary: every update the last summarization saw that matches the filter and that `mayRead` lets
 * the caller see. Hidden updates (the LEGACY clean-up script) are on no node, so not here either; an update that has
 * left the site database since is not listed. Held as references and positions in the summarized counts (no copies),
 * so a 50,000-update site is filtered, added up and sorted without making a row per update.
 */
export interface HomepageSelection {
  data: SummarizedCounts;
  /** The matching updates as they are now (their metadata). */
  updates: SoftwareUpdate[];
  /** Where each one's counts are in `data` (its index in `data.updateIds`). */
  slots: number[];
}

export function selectHomepageUpdates(
  state: SiteState,
  filter: HomepageFilter,
  mayRead: (update: SoftwareUpdate) => boolean,
): HomepageSelection {
  const summary = state.homepageSummary;
  const data = summary?.data ?? { updateIds: [], counts: [], deployed: [] };
  const current = updatesById(state.softwareUpdates);
  const updates: SoftwareUpdate[] = [];
  const slots: number[] = [];
  for (let index = 0; index < data.updateIds.length; index++) {
    const update = current.get(data.updateIds[index] as string);
    if (!update || update.hidden || !matches(update, filter) || !mayRead(update)) continue;
    updates.push(update);
    slots.push(index);
  }
  return { data, updates, slots };
}

/** The row of the selection's `position`th update: its metadata now, its counts as summarized. */
export function homepageRowAt(selection: HomepageSelection, position: number): HomepageRow {
  const update = selection.updates[position] as SoftwareUpdate;
  const slot = selection.slots[position] as number;
  const at = slot * COUNTS_PER_UPDATE;
  const { counts } = selection.data;
  return {
    id: update.id,
    articleId: update.articleId,
    bulletinId: update.bulletinId,
    title: update.title,
    severity: update.severity,
    deployed: selection.data.deployed[slot] as boolean,
    total: counts[at] as number,
    installed: counts[at + 1] as number,
    required: counts[at + 2] as number,
    notRequired: counts[at + 3] as number,
    unknown: counts[at + 4] as number,
    infoUrl: update.infoUrl,
    vendor: update.vendor,
    classification: update.classification,
    dateReleased: update.dateReleased,
    legacy: update.legacy,
    expired: update.expired,
    superseded: update.superseded,
  };
}

/** Every row of the summary grid (tests and small sites; the server windows with `homepageRowAt`). */
export function homepageRows(
  state: SiteState,
  filter: HomepageFilter,
  mayRead: (update: SoftwareUpdate) => boolean,
): HomepageRow[] {
  const selection = selectHomepageUpdates(state, filter, mayRead);
  return selection.updates.map((_, position) => homepageRowAt(selection, position));
}

/** Installation status added up over some updates: the chart's figures. */
export const installationTotalsSchema = z.object({
  updates: z.number().int(),
  installed: z.number().int(),
  required: z.number().int(),
  notRequired: z.number().int(),
  unknown: z.number().int(),
});
export type InstallationTotals = z.infer<typeof installationTotalsSchema>;

const emptyTotals = (): InstallationTotals => ({ updates: 0, installed: 0, required: 0, notRequired: 0, unknown: 0 });

type Counted = Pick<HomepageRow, 'installed' | 'required' | 'notRequired' | 'unknown'>;
function addTo(totals: InstallationTotals, row: Counted) {
  totals.updates += 1;
  totals.installed += row.installed;
  totals.required += row.required;
  totals.notRequired += row.notRequired;
  totals.unknown += row.unknown;
}

export function totalsOf(rows: readonly HomepageRow[]): InstallationTotals {
  const totals = emptyTotals();
  for (const row of rows) addTo(totals, row);
  return totals;
}

/** Totals by one grouping (vendor, classification, release year or release month), in key order. */
export type HomepageGrouping = 'vendor' | 'classification' | 'year' | 'month';
export interface GroupTotals extends InstallationTotals {
  key: string;
}

type Grouped = Pick<SoftwareUpdate, 'vendor' | 'classification' | 'dateReleased'>;
const groupKey: Record<HomepageGrouping, (item: Grouped) => string> = {
  vendor: (item) => item.vendor,
  classification: (item) => item.classification,
  year: (item) => item.dateReleased.slice(0, 4),
  month: (item) => item.dateReleased.slice(0, 7),
};

function sortedGroups(groups: Map<string, GroupTotals>): GroupTotals[] {
  return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function totalsBy(rows: readonly HomepageRow[], grouping: HomepageGrouping): GroupTotals[] {
  const groups = new Map<string, GroupTotals>();
  const keyOf = groupKey[grouping];
  for (const row of rows) {
    const key = keyOf(row);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, ...emptyTotals() }));
    addTo(group, row);
  }
  return sortedGroups(groups);
}

/** The selection's counts added up, in all and by a grouping, straight from the summarized counts. */
export function selectionTotals(
  selection: HomepageSelection,
  grouping: HomepageGrouping,
): { totals: InstallationTotals; groups: GroupTotals[] } {
  const totals = emptyTotals();
  const groups = new Map<string, GroupTotals>();
  const keyOf = groupKey[grouping];
  const { counts } = selection.data;
  selection.updates.forEach((update, position) => {
    const at = (selection.slots[position] as number) * COUNTS_PER_UPDATE;
    const counted: Counted = {
      installed: counts[at + 1] as number,
      required: counts[at + 2] as number,
      notRequired: counts[at + 3] as number,
      unknown: counts[at + 4] as number,
    };
    addTo(totals, counted);
    const key = keyOf(update);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, ...emptyTotals() }));
    addTo(group, counted);
  });
  return { totals, groups: sortedGroups(groups) };
}

/**
 * How the chart groups the filtered updates: by release month within a chosen year, else by release year (a month
 * chosen without a year compares that month across the years).
 */
export function chartGroupingFor(filter: HomepageFilter): 'year' | 'month' {
  return filter.year !== null ? 'month' : 'year';
}

/** What the filter boxes offer: the vendors, classifications and release years of the updates the caller may read. */
export interface HomepageFacets {
  vendors: string[];
  classifications: Classification[];
  years: number[];
}

export function homepageFacets(items: readonly Grouped[]): HomepageFacets {
  const vendors = new Set<string>();
  const classifications = new Set<Classification>();
  const years = new Set<number>();
  for (const item of items) {
    vendors.add(item.vendor);
    classifications.add(item.classification);
    years.add(Number(item.dateReleased.slice(0, 4)));
  }
  return {
    vendors: [...vendors].sort((a, b) => a.localeCompare(b)),
    classifications: [...classifications].sort(),
    years: [...years].sort((a, b) => b - a),
  };
}

/**
 * The positions of the selection in a column's order ("title:asc"), the update's id breaking ties as every list of the
 * console does, so windows never overlap or skip. Only the positions move: the grid's window then makes its rows with
 * `homepageRowAt`. Keys are compared as the console's lists compare them (numbers, or text without case).
 */
export function sortedPositions(
  selection: HomepageSelection,
  field: HomepageColumnKey,
  direction: 'asc' | 'desc',
): number[] {
  const sign = direction === 'asc' ? 1 : -1;
  const { counts, deployed } = selection.data;
  const countOffset: Partial<Record<HomepageColumnKey, number>> = {
    total: 0,
    installed: 1,
    required: 2,
    notRequired: 3,
    unknown: 4,
  };
  const offset = countOffset[field];
  const keyOf = (position: number): string | number => {
    const slot = selection.slots[position] as number;
    if (offset !== undefined) return counts[slot * COUNTS_PER_UPDATE + offset] as number;
    if (field === 'deployed') return deployed[slot] ? 1 : 0;
    const update = selection.updates[position] as SoftwareUpdate;
    if (field === 'severity') return SEVERITY_ORDER[update.severity];
    // KB numbers sort as numbers (a shorter one first), among the text of other article IDs.
    if (field === 'articleId') return update.articleId.toLowerCase().padStart(12, '0');
    return (field === 'title' || field === 'bulletinId' ? update[field] : '').toLowerCase();
  };
  const keyed = selection.updates.map((update, position) => ({ position, key: keyOf(position), id: update.id }));
  keyed.sort((a, b) => {
    if (a.key < b.key) return -sign;
    if (a.key > b.key) return sign;
    if (a.id.length !== b.id.length) return a.id.length - b.id.length;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return keyed.map((entry) => entry.position);
}

/** Severity sorts by rating (None, Low, Moderate, Important, Critical), as the product's grid does. */
const SEVERITY_ORDER: Record<SoftwareUpdate['severity'], number> = {
  None: 0,
  Low: 1,
  Moderate: 2,
  Important: 3,
  Critical: 4,
};

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "December 2008" for the key "2008-12", "2008" for "2008". */
export function groupLabel(key: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return key;
  return `${MONTH_NAMES[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}
