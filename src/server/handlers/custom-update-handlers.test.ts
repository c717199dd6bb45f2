import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { afterUpgradeStatusSchema } from '@/domain/contract/after-upgrade-contract';
import { publishCustomUpdateResponseSchema } from '@/domain/contract/custom-update-contract';
import { auditEntrySchema } from '@/domain/audit/audit-entry';
import { NODE_IDS } from '@/domain/console-tree/console-tree';
import { CONTOSO, type StageId } from '@/domain/scenario/contoso-names';
import { startTestBackend } from '../test-harness';

/**
 * POST /api/site/custom-updates (custom-update-handlers.ts): a custom update authored with System Center Updates
 * Publisher's Create Update Wizard and published to the WSUS server of the software update point. It reaches Update
 * Repository at the next synchronization, as text whatever it holds.
 */

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;
const HOSTILE_TITLE = '<script>window.__hacked=1</script><img src=x onerror="window.__hacked=1"> Contoso Fix';
const PATH = '/api/site/custom-updates';

const body = (overrides: Record<string, unknown> = {}) => ({
  title: HOSTILE_TITLE,
  description: 'Fixes the export of timesheets. <b>Built by Contoso IT.</b>',
  classification: 'Critical Updates',
  vendor: 'Contoso',
  product: 'Contoso Timesheets',
  bulletinId: 'CTS-2008-020',
  articleId: 'CTS-2008-020',
  severity: 'Important',
  infoUrl: 'https://intranet.contoso.com/it/updates/CTS-2008-020',
  ...overrides,
});

let h: Harness | undefined;
afterEach(() => {
  h?.stop();
  h = undefined;
});
async function site(stage: StageId): Promise<Harness> {
  h = await startTestBackend({ stage });
  return h;
}

function send(harness: Harness, method: string, path: string, payload?: unknown, admin: string = smsadmin) {
  return harness.call(path, {
    method,
    admin,
    ...(payload === undefined
      ? {}
      : {
          headers: { 'Content-Type': 'application/json' },
          body: typeof payload === 'string' ? payload : JSON.stringify(payload),
        }),
  });
}

/** The request is refused with this status (and field or rule), and the site is exactly as it was. */
async function expectRefused(
  harness: Harness,
  payload: unknown,
  status: number,
  admin: string = smsadmin,
): Promise<{ code: string; message: string; field?: string; rule?: string }> {
  const before = JSON.stringify(harness.backend.exportSite());
  const facts = JSON.stringify(harness.backend.state);
  const answer = await send(harness, 'POST', PATH, payload, admin);
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(JSON.stringify(harness.backend.exportSite())).toBe(before);
  expect(JSON.stringify(harness.backend.state)).toBe(facts);
  return answer.body.error as { code: string; message: string; field?: string; rule?: string };
}

describe('POST /api/site/custom-updates', () => {
  it('200: publishes the update to WSUS, kept with who and when; not in Update Repository before a synchronization', async () => {
    const harness = await site('synchronized');
    const { status, body: answer } = await send(harness, 'POST', PATH, body());
    expect(status, JSON.stringify(answer)).toBe(200);
    const { item, message } = publishCustomUpdateResponseSchema.parse(answer);
    expect(item).toMatchObject({
      id: 'SCUP000001',
      title: HOSTILE_TITLE,
      publishedBy: smsadmin,
      publishedAt: harness.backend.now(),
    });
    expect(message).toMatch(/next synchronization/);
    const list = await send(harness, 'GET', `/api/software-updates?q=${encodeURIComponent('Contoso Fix')}&limit=10`);
    expect(list.body.total).toBe(0);
  });

  it('takes Bulletin ID, Article ID, More info URL and Severity left out (empty, None)', async () => {
    const harness = await site('synchronized');
    const { bulletinId: _b, articleId: _a, infoUrl: _u, severity: _s, ...minimal } = body();
    const { status, body: answer } = await send(harness, 'POST', PATH, minimal);
    expect(status, JSON.stringify(answer)).toBe(200);
    expect(publishCustomUpdateResponseSchema.parse(answer).item).toMatchObject({
      bulletinId: '',
      articleId: '',
      infoUrl: '',
      severity: 'None',
    });
  });

  it.each<[string, Record<string, unknown> | string, string]>([
    ['no title', body({ title: undefined }), 'title'],
    ['an empty title', body({ title: '  ' }), 'title'],
    ['a title of 201 characters', body({ title: 'x'.repeat(201) }), 'title'],
    ['a line break in the title', body({ title: 'a\nb' }), 'title'],
    ['a number for a title', body({ title: 42 }), 'title'],
    ['an empty description', body({ description: '' }), 'description'],
    ['a classification WSUS does not have', body({ classification: 'Drivers' }), 'classification'],
    ['a severity not in the list', body({ severity: 'Urgent' }), 'severity'],
    ['a vendor of symbols', body({ vendor: '<>' }), 'vendor'],
    ['a control character in the product', body({ product: 'a\u0007b' }), 'product'],
    ['a javascript: URL', body({ infoUrl: 'javascript:alert(1)' }), 'infoUrl'],
    ['a field the page does not have', body({ cveId: 'CVE-2008-4250' }), 'cveId'],
    ['a body that is not JSON', '{', 'body'],
  ])('400 for %s, naming the field, and nothing changes', async (_, payload, field) => {
    const harness = await site('synchronized');
    const error = await expectRefused(harness, payload, 400);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.field).toBe(field);
  });

  it('403 for each administrator without Modify on site CEN, naming the right and the object', async () => {
    const harness = await site('synchronized');
    for (const admin of [patchadmin, lonadmin, auditor]) {
      const error = await expectRefused(harness, body(), 403, admin);
      expect(error.message).toBe(`${admin} has no Modify right on site CEN`);
    }
  });

  it('409 without a software update point (Just upgraded), naming the rule', async () => {
    const harness = await site('just-upgraded');
    const error = await expectRefused(harness, body(), 409);
    expect(error.rule).toBe('no-software-update-point');
    expect(error.message).toMatch(/create the software update point first/);
  });

  it('409 for the same title, vendor and product twice, and for a vendor spelt unlike its folder', async () => {
    const harness = await site('synchronized');
    expect((await send(harness, 'POST', PATH, body())).status).toBe(200);
    expect((await expectRefused(harness, body(), 409)).rule).toBe('custom-update-already-published');
    expect((await expectRefused(harness, body({ title: 'Other', vendor: 'contoso' }), 409)).rule).toBe(
      'custom-update-vendor-spelling',
    );
  });

  it('the status greys "Publish Custom Update..." out with the same reasons', async () => {
    const harness = await site('just-upgraded');
    const status = async (admin: string) =>
      afterUpgradeStatusSchema.parse((await send(harness, 'GET', '/api/site/after-upgrade', undefined, admin)).body)
        .publishCustomUpdate;
    expect(await status(smsadmin)).toEqual({
      enabled: false,
      why: expect.stringMatching(/create the software update point first/) as unknown as string,
    });
    expect(await status(patchadmin)).toEqual({ enabled: false, why: `${patchadmin} has no Modify right on site CEN` });
    h?.stop();
    const ready = await site('synchronized');
    const readyStatus = afterUpgradeStatusSchema.parse((await send(ready, 'GET', '/api/site/after-upgrade')).body);
    expect(readyStatus.publishCustomUpdate).toEqual({ enabled: true, why: null });
  });

  it('is audited: the change with its object, and a refusal with its reason', async () => {
    const harness = await site('synchronized');
    await send(harness, 'POST', PATH, body());
    await send(harness, 'POST', PATH, body({ title: 'Refused fix' }), patchadmin);
    const log = await send(harness, 'GET', '/api/audit-log?limit=1000');
    const entries = (log.body.items ?? []).map((item) => auditEntrySchema.parse(item));
    const published = entries.find((entry) => entry.action === 'Publish custom update' && entry.outcome !== 'Refused');
    expect(published).toMatchObject({
      administrator: smsadmin,
      objectType: 'Custom Update',
      objectName: HOSTILE_TITLE,
    });
    const refusal = entries.find(
      (entry) => entry.action === 'Publish custom update' && entry.administrator === patchadmin,
    );
    expect(refusal?.reason).toBe(`${patchadmin} has no Modify right on site CEN`);
  });
});

describe('the next synchronization brings it to Update Repository, as text', () => {
  it('lists it as an active Custom Updates update, Deployable to SMS 2003, and exports its title as text', async () => {
    const harness = await site('synchronized');
    expect((await send(harness, 'POST', PATH, body())).status).toBe(200);
    expect((await send(harness, 'POST', '/api/site/actions/synchronize-software-updates', {})).status).toBe(200);
    expect((await send(harness, 'POST', '/api/site/clock', { type: 'fast-forward-to-end-of-jobs' })).status).toBe(200);

    const q = encodeURIComponent('Contoso Fix');
    const list = await send(
      harness,
      'GET',
      `/api/software-updates?node=${encodeURIComponent(NODE_IDS.updateRepository)}&q=${q}&limit=10`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items?.[0]).toMatchObject({
      title: HOSTILE_TITLE,
      sourceCatalog: 'Custom Updates',
      legacy: false,
      expired: false,
      deployableToSms2003: true,
    });

    const response = await fetch(
      `http://console.test/api/export/software-updates.csv?node=${encodeURIComponent(NODE_IDS.updateRepository)}&q=${q}`,
      {
        headers: { 'X-Admin': smsadmin },
      },
    );
    expect(response.status).toBe(200);
    const text = (await response.text()).replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data;
    const titleColumn = rows[0]?.indexOf('Title') ?? -1;
    expect(titleColumn).toBeGreaterThanOrEqual(0);
    expect(rows.slice(1).map((row) => row[titleColumn])).toEqual([HOSTILE_TITLE]);
  });
});
