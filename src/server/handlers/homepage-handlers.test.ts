import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  homepageResponseSchema,
  homepageSummarizationResponseSchema,
  type HomepageResponse,
} from '@/domain/contract/homepage-contract';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { startTestBackend } from '../test-harness';

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;

function useHarness(options: Parameters<typeof startTestBackend>[0] = {}) {
  const holder: { harness?: Harness } = {};
  beforeAll(async () => {
    holder.harness = await startTestBackend(options);
  });
  afterAll(() => holder.harness?.stop());
  return () => {
    if (!holder.harness) throw new Error('The harness has not started');
    return holder.harness;
  };
}

async function summary(harness: Harness, query = '', admin: string = smsadmin): Promise<HomepageResponse> {
  const { status, body } = await harness.call(`/api/homepage-summary${query}`, { admin });
  expect(status, JSON.stringify(body.error)).toBe(200);
  return homepageResponseSchema.parse(body);
}

const run = (harness: Harness, admin: string | null = smsadmin, body: unknown = {}) =>
  harness.call('/api/homepage-summary/run', { method: 'POST', body: JSON.stringify(body), admin });
const schedule = (harness: Harness, body: unknown, admin: string | null = smsadmin) =>
  harness.call('/api/homepage-summary/schedule', { method: 'PUT', body: JSON.stringify(body), admin });

/** What a refused request must leave exactly as it was. */
async function snapshot(harness: Harness) {
  return {
    state: JSON.stringify(harness.backend.state),
    version: harness.backend.version,
    saved: JSON.stringify(await harness.store.load()),
  };
}

describe('GET /api/homepage-summary', () => {
  const harness = useHarness();

  it('answers the summary as of the last summarization (9:00 AM, when Setup brought the site up)', async () => {
    const answer = await summary(harness());
    expect(answer.lastUpdated).toBe('2008-12-18T09:00:00Z');
    expect(answer.lastUpdatedBy).toBeNull();
    expect(answer.schedule).toEqual({ recurEvery: 4, unit: 'Hours' });
    expect(answer.nextSummarizationAt).toBe('2008-12-18T13:00:00Z');
    expect(answer.total).toBe(harness().backend.state.softwareUpdates.filter((u) => !u.hidden).length);
    expect(answer.facets.vendors).toContain('Microsoft');
    expect(answer.facets.years[0]).toBe(2008);
    expect(answer.runWhyNot).toBeNull();
  });

  it('filters by vendor, classification, month and year, and its chart adds up to its grid', async () => {
    const answer = await summary(
      harness(),
      '?vendor=Microsoft&classification=Security%20Updates&month=4&year=2008&limit=1000',
    );
    expect(answer.filter).toEqual({ vendor: 'Microsoft', classification: 'Security Updates', month: 4, year: 2008 });
    expect(answer.total).toBeGreaterThan(0);
    for (const row of answer.items) expect(row.vendor).toBe('Microsoft');
    const sum = (key: 'installed' | 'required' | 'notRequired' | 'unknown') =>
      answer.items.reduce((total, row) => total + row[key], 0);
    expect(answer.totals).toEqual({
      updates: answer.total,
      installed: sum('installed'),
      required: sum('required'),
      notRequired: sum('notRequired'),
      unknown: sum('unknown'),
    });
    expect(answer.chart).toEqual({
      grouping: 'month',
      groups: [{ key: '2008-04', label: 'April 2008', ...answer.totals }],
    });
  });

  it('groups the chart by year without a year, and windows and sorts the grid on the server', async () => {
    const all = await summary(harness(), '?sort=required:desc&limit=5');
    expect(all.chart.grouping).toBe('year');
    expect(all.chart.groups.reduce((n, group) => n + group.updates, 0)).toBe(all.total);
    expect(all.items).toHaveLength(5);
    const required = all.items.map((row) => row.required);
    expect(required).toEqual([...required].sort((a, b) => b - a));
    const next = await summary(harness(), '?sort=required:desc&offset=5&limit=5');
    expect(next.items[0]?.required).toBeLessThanOrEqual(required[4] as number);
  });

  it('counts only the updates the caller may read', async () => {
    // CONTOSO\patchadmin holds instance rights on every migrated update, as smsadmin's class right covers them all.
    const mine = await summary(harness(), '', patchadmin);
    expect(mine.total).toBe(harness().backend.state.softwareUpdates.filter((u) => u.legacy && !u.hidden).length);
    expect(mine.runWhyNot).toBe('CONTOSO\\patchadmin has no Modify right on site CEN');
    expect(mine.scheduleWhyNot).toBe('CONTOSO\\patchadmin has no Modify right on site CEN');
  });

  it('is refused without any Read right on software updates (403 naming it)', async () => {
    const { status, body } = await harness().call('/api/homepage-summary', { admin: lonadmin });
    expect(status).toBe(403);
    expect(body.error?.message).toBe('CONTOSO\\lonadmin has no Read right on Software Updates');
  });

  it.each([
    ['?month=13', 'month'],
    ['?month=May', 'month'],
    ['?year=08', 'year'],
    ['?classification=Patches', 'classification'],
    ['?sort=description:asc', 'sort'],
    ['?sort=title', 'sort'],
    ['?limit=0', 'limit'],
    ['?offset=-1', 'offset'],
    [`?vendor=${'x'.repeat(201)}`, 'vendor'],
    ['?colour=blue', 'colour'],
  ])('answers 400 naming the parameter for %s', async (query, field) => {
    const { status, body } = await harness().call(`/api/homepage-summary${query}`);
    expect(status).toBe(400);
    expect(body.error?.field).toBe(field);
    expect(body.error?.message).toContain(field);
  });

  it('needs a known administrator (401)', async () => {
    const { status } = await harness().call('/api/homepage-summary', { admin: null });
    expect(status).toBe(401);
  });
});

describe('POST /api/homepage-summary/run: compliance moves on the home page only when summarized', () => {
  const harness = useHarness({ stage: 'configured' });

  it('shows the Configured stage as the 9:00 AM summarization saw it: no December 2008 updates yet', async () => {
    const december = await summary(harness(), '?year=2008&month=12');
    expect(december.lastUpdated).toBe('2008-12-18T09:00:00Z');
    expect(december.total).toBe(0);
  });

  it('is refused without Modify on site CEN (403) and changes nothing', async () => {
    const before = await snapshot(harness());
    const { status, body } = await run(harness(), auditor);
    expect(status).toBe(403);
    expect(body.error?.message).toBe('CONTOSO\\auditor has no Modify right on site CEN');
    expect(await snapshot(harness())).toEqual(before);
  });

  it('refuses a body with fields (400 naming the field) and changes nothing', async () => {
    const before = await snapshot(harness());
    const { status, body } = await run(harness(), smsadmin, { force: true });
    expect(status).toBe(400);
    expect(body.error?.field).toBe('force');
    expect(await snapshot(harness())).toEqual(before);
  });

  it('summarizes now: Last Updated is the site time, the December updates appear, the audit log says who', async () => {
    const { status, body } = await run(harness());
    expect(status).toBe(200);
    const answer = homepageSummarizationResponseSchema.parse(body);
    const now = harness().backend.now();
    expect(answer).toMatchObject({ lastUpdated: now, lastUpdatedBy: smsadmin });
    const december = await summary(harness(), '?year=2008&month=12&limit=1000');
    expect(december.total).toBeGreaterThan(0);
    const installed = december.totals.installed;
    // The rollout of Critical Updates - December 2008 reports installs over the next hours (60 site minutes a
    // real second): the updates' own counts move, the home page's do not until the next summarization.
    harness().passTime(150 * 1000);
    const updatesNow = harness()
      .backend.state.softwareUpdates.filter((u) => u.dateReleased.startsWith('2008-12') && !u.hidden)
      .reduce((sum, u) => sum + u.compliance.installed, 0);
    expect(updatesNow).toBeGreaterThan(installed);
    expect((await summary(harness(), '?year=2008&month=12')).totals.installed).toBe(installed);
    expect((await run(harness())).status).toBe(200);
    expect((await summary(harness(), '?year=2008&month=12')).totals.installed).toBe(updatesNow);
    const { body: log } = await harness().call('/api/audit-log?sort=time:desc&limit=5');
    expect(JSON.stringify(log.items)).toContain('Run homepage summarization');
  });
});

describe('PUT /api/homepage-summary/schedule', () => {
  const harness = useHarness();

  it('changes the interval; the next summarization follows from it', async () => {
    const { status, body } = await schedule(harness(), { recurEvery: 1, unit: 'Days' });
    expect(status).toBe(200);
    expect(homepageSummarizationResponseSchema.parse(body)).toMatchObject({
      schedule: { recurEvery: 1, unit: 'Days' },
      intervalMinutes: 1440,
      nextSummarizationAt: '2008-12-19T09:00:00Z',
    });
    expect((await summary(harness())).schedule).toEqual({ recurEvery: 1, unit: 'Days' });
  });

  it.each([
    [{ recurEvery: 5, unit: 'Minutes' }, 'recurEvery'],
    [{ recurEvery: 24, unit: 'Hours' }, 'recurEvery'],
    [{ recurEvery: '4', unit: 'Hours' }, 'recurEvery'],
    [{ recurEvery: 4, unit: 'Weeks' }, 'unit'],
    [{ recurEvery: 4 }, 'unit'],
    [{ recurEvery: 4, unit: 'Hours', startAt: 'now' }, 'startAt'],
  ])('refuses %o with 400 naming %s, changing nothing', async (request, field) => {
    const before = await snapshot(harness());
    const { status, body } = await schedule(harness(), request);
    expect(status).toBe(400);
    expect(body.error?.field).toBe(field);
    expect(await snapshot(harness())).toEqual(before);
  });

  it('is refused without Modify on site CEN (403 naming the right and the site), changing nothing', async () => {
    const before = await snapshot(harness());
    const { status, body } = await schedule(harness(), { recurEvery: 2, unit: 'Hours' }, patchadmin);
    expect(status).toBe(403);
    expect(body.error?.message).toBe('CONTOSO\\patchadmin has no Modify right on site CEN');
    expect(await snapshot(harness())).toEqual(before);
  });
});

describe('the home page before the upgrade', () => {
  const harness = useHarness({ stage: 'before-upgrade' });

  it('does not exist yet (409 naming the rule), and cannot be summarized', async () => {
    const { status, body } = await harness().call('/api/homepage-summary');
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: 'CONFLICT', rule: 'site-not-upgraded' });
    const before = await snapshot(harness());
    expect((await run(harness())).status).toBe(409);
    expect(await snapshot(harness())).toEqual(before);
  });
});
