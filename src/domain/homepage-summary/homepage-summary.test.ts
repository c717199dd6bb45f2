import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { advanceWorld, applyOperation, currentView, type SiteWorld } from '../operations/operations';
import { CONTOSO } from '../scenario/contoso-names';
import { buildWorld, DEFAULT_SEED } from '../scenario/contoso-stage';
import { DEFAULT_SCALE } from '../scenario/scale';
import { addMinutes } from '../site-clock/site-clock';
import {
  ALL_UPDATES_FILTER,
  chartGroupingFor,
  DEFAULT_SUMMARIZATION_INTERVAL_MINUTES,
  describeInterval,
  homepageFacets,
  homepageRowAt,
  selectHomepageUpdates,
  selectionTotals,
  sortedPositions,
  homepageRows,
  nextHomepageSummarizationAt,
  scheduleMinutes,
  scheduleOf,
  summarizationScheduleSchema,
  totalsBy,
  totalsOf,
  type HomepageFilter,
} from './homepage-summary';
import { whyCannotSummarizeHomepage } from './homepage-summary-operations';
import { RightsIndex } from '../rights/rights';

const { smsadmin, patchadmin } = CONTOSO.administrators;
const everyone = () => true;
const site = (world: SiteWorld) => currentView(world, DEFAULT_SCALE);

describe('home page summarization on the site clock', () => {
  const justUpgraded = advanceWorld(buildWorld('just-upgraded', DEFAULT_SEED, DEFAULT_SCALE), CONTOSO.clockStart);

  it('first summarizes when Setup has brought the site up (9:00 AM), then every 4 hours by default', () => {
    const summary = site(justUpgraded).homepageSummary;
    expect(summary?.lastSummarizedAt).toBe('2008-12-18T09:00:00Z');
    expect(summary?.lastSummarizedBy).toBeNull();
    expect(summary?.intervalMinutes).toBe(DEFAULT_SUMMARIZATION_INTERVAL_MINUTES);
    expect(nextHomepageSummarizationAt(site(justUpgraded))).toBe('2008-12-18T13:00:00Z');
    const later = advanceWorld(justUpgraded, '2008-12-18T17:30:00Z');
    expect(site(later).homepageSummary?.lastSummarizedAt).toBe('2008-12-18T17:00:00Z');
  });

  it('has no home page before the upgrade', () => {
    const before = buildWorld('before-upgrade', DEFAULT_SEED, DEFAULT_SCALE);
    expect(site(before).homepageSummary).toBeUndefined();
    expect(nextHomepageSummarizationAt(site(before))).toBeNull();
  });

  it('shows a deployment installs only after the next summarization ("Last Updated" is when it ran)', () => {
    // Configured (11:50 AM): the December 2008 updates came with the synchronization after the 9:00 AM summarization,
    // so the home page does not list them until a summarization runs.
    const configured = buildWorld('configured', DEFAULT_SEED, DEFAULT_SCALE);
    const december: HomepageFilter = { ...ALL_UPDATES_FILTER, year: 2008, month: 12 };
    expect(homepageRows(site(configured), december, everyone)).toEqual([]);
    const clock = site(configured).clock;
    const summarized = applyOperation(
      configured,
      { type: 'run-homepage-summarization', by: smsadmin, at: clock },
      DEFAULT_SCALE,
    );
    expect(site(summarized).homepageSummary).toMatchObject({ lastSummarizedAt: clock, lastSummarizedBy: smsadmin });
    const before = totalsOf(homepageRows(site(summarized), december, everyone));
    expect(before.updates).toBeGreaterThan(0);
    // Critical Updates - December 2008 rolls out in hourly steps; three have passed before the next summarization.
    const later = addMinutes(clock, 3 * 60 + 30);
    const rolledOut = advanceWorld(summarized, later);
    expect(nextHomepageSummarizationAt(site(rolledOut))).toBe(addMinutes(clock, 240));
    const installedNow = site(rolledOut)
      .softwareUpdates.filter((u) => u.dateReleased.startsWith('2008-12') && !u.hidden)
      .reduce((sum, u) => sum + u.compliance.installed, 0);
    // The updates' own counts moved (Properties, Update Repository) ...
    expect(installedNow).toBeGreaterThan(before.installed);
    // ... the home page still shows what the last summarization saw.
    expect(totalsOf(homepageRows(site(rolledOut), december, everyone))).toEqual(before);
    // Run Homepage Summarization: now it shows them.
    const run = applyOperation(
      rolledOut,
      { type: 'run-homepage-summarization', by: smsadmin, at: later },
      DEFAULT_SCALE,
    );
    expect(site(run).homepageSummary?.lastSummarizedAt).toBe(later);
    expect(totalsOf(homepageRows(site(run), december, everyone)).installed).toBe(installedNow);
  });

  it('a shorter schedule whose time has passed summarizes at once; a longer one waits from the last run', () => {
    const at = '2008-12-18T11:00:00Z';
    const hourly = applyOperation(
      justUpgraded,
      { type: 'schedule-homepage-summarization', intervalMinutes: 60, by: smsadmin, at },
      DEFAULT_SCALE,
    );
    expect(nextHomepageSummarizationAt(site(hourly))).toBe(at);
    expect(site(advanceWorld(hourly, at)).homepageSummary).toMatchObject({ lastSummarizedAt: at, intervalMinutes: 60 });
    const daily = applyOperation(
      justUpgraded,
      { type: 'schedule-homepage-summarization', intervalMinutes: 1440, by: smsadmin, at },
      DEFAULT_SCALE,
    );
    expect(nextHomepageSummarizationAt(site(daily))).toBe('2008-12-19T09:00:00Z');
  });

  it('needs Modify on site CEN to run or schedule it', () => {
    const rights = new RightsIndex(site(justUpgraded).grants);
    expect(whyCannotSummarizeHomepage(rights, smsadmin)).toBeNull();
    expect(whyCannotSummarizeHomepage(rights, patchadmin)).toBe('CONTOSO\\patchadmin has no Modify right on site CEN');
  });

  it('refuses a summarization before the upgrade', () => {
    const before = buildWorld('before-upgrade', DEFAULT_SEED, DEFAULT_SCALE);
    expect(() => applyOperation(before, { type: 'run-homepage-summarization', by: smsadmin }, DEFAULT_SCALE)).toThrow(
      /SMS 2003/,
    );
  });
});

describe('the summary: rows, totals and groupings', () => {
  const state = site(advanceWorld(buildWorld('synchronized', DEFAULT_SEED, DEFAULT_SCALE), '2008-12-18T13:00:00Z'));
  const all = homepageRows(state, ALL_UPDATES_FILTER, everyone);

  it('lists every update the summarization saw that no node hides, with its counts', () => {
    expect(all.length).toBe(state.softwareUpdates.filter((u) => !u.hidden).length);
    for (const row of all) expect(row.total).toBe(row.installed + row.required + row.notRequired + row.unknown);
  });

  it('counts only what the caller may read', () => {
    const legacyOnly = homepageRows(state, ALL_UPDATES_FILTER, (u) => u.legacy);
    expect(legacyOnly.every((row) => row.legacy)).toBe(true);
    expect(legacyOnly.length).toBeLessThan(all.length);
  });

  it('offers the vendors, classifications and years of the readable updates, newest year first', () => {
    const facets = homepageFacets(all);
    expect(facets.vendors).toContain('Microsoft');
    expect(facets.classifications).toContain('Security Updates');
    expect(facets.years[0]).toBe(2008);
  });

  it('adds up the same whichever way it groups (property)', () => {
    const vendors = [null, ...homepageFacets(all).vendors];
    fc.assert(
      fc.property(
        fc.constantFrom(...vendors),
        fc.constantFrom(null, 'Security Updates' as const, 'Updates' as const),
        fc.option(fc.integer({ min: 1, max: 12 })),
        fc.option(fc.constantFrom(2006, 2007, 2008)),
        (vendor, classification, month, year) => {
          const filter: HomepageFilter = { vendor, classification, month, year };
          const rows = homepageRows(state, filter, everyone);
          const totals = totalsOf(rows);
          expect(totals.updates).toBe(rows.length);
          for (const grouping of ['vendor', 'classification', 'year', chartGroupingFor(filter)] as const) {
            const groups = totalsBy(rows, grouping);
            const summed = groups.reduce(
              (sum, group) => ({
                updates: sum.updates + group.updates,
                installed: sum.installed + group.installed,
                required: sum.required + group.required,
                notRequired: sum.notRequired + group.notRequired,
                unknown: sum.unknown + group.unknown,
              }),
              { updates: 0, installed: 0, required: 0, notRequired: 0, unknown: 0 },
            );
            expect(summed).toEqual(totals);
          }
          // The server adds up straight from the summarized counts: the same figures.
          const selection = selectHomepageUpdates(state, filter, everyone);
          const grouping = chartGroupingFor(filter);
          expect(selectionTotals(selection, grouping)).toEqual({ totals, groups: totalsBy(rows, grouping) });
          const byRequired = sortedPositions(selection, 'required', 'desc').map((p) => homepageRowAt(selection, p));
          for (let i = 1; i < byRequired.length; i++) {
            expect(byRequired[i - 1]?.required).toBeGreaterThanOrEqual(byRequired[i]?.required as number);
          }
          for (const row of rows) {
            if (vendor !== null) expect(row.vendor).toBe(vendor);
            if (year !== null) expect(row.dateReleased.slice(0, 4)).toBe(String(year));
            if (month !== null) expect(Number(row.dateReleased.slice(5, 7))).toBe(month);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the Custom Schedule', () => {
  it.each([
    [{ recurEvery: 4, unit: 'Hours' }, 240],
    [{ recurEvery: 15, unit: 'Minutes' }, 15],
    [{ recurEvery: 2, unit: 'Days' }, 2880],
  ] as const)('%o is %d minutes, and back', (schedule, minutes) => {
    expect(summarizationScheduleSchema.parse(schedule)).toEqual(schedule);
    expect(scheduleMinutes(schedule)).toBe(minutes);
    expect(scheduleOf(minutes)).toEqual(schedule);
  });

  it.each([
    [{ recurEvery: 10, unit: 'Minutes' }, 'recurEvery: minutes must be from 15 to 59'],
    [{ recurEvery: 24, unit: 'Hours' }, 'recurEvery: hours must be from 1 to 23'],
    [{ recurEvery: 0, unit: 'Days' }, 'recurEvery: days must be from 1 to 31'],
    [{ recurEvery: 1.5, unit: 'Hours' }, 'recurEvery must be a whole number'],
  ])('refuses %o', (schedule, message) => {
    const result = summarizationScheduleSchema.safeParse(schedule);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it('says an interval in words', () => {
    expect(describeInterval(240)).toBe('4 hours');
    expect(describeInterval(60)).toBe('1 hour');
    expect(describeInterval(1440)).toBe('1 day');
    expect(describeInterval(45)).toBe('45 minutes');
  });
});
