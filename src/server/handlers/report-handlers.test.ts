import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_HEADER } from '@/domain/contract/api-contract';
import {
  reportParametersResponseSchema,
  reportValuesResponseSchema,
  runReportResponseSchema,
  type ReportResult,
} from '@/domain/contract/report-contract';
import { updateListNodeId } from '@/domain/console-tree/console-tree';
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

/** What a refused request must leave exactly as it was. */
async function snapshot(harness: Harness) {
  return {
    state: JSON.stringify(harness.backend.state),
    version: harness.backend.version,
    saved: JSON.stringify(await harness.store.load()),
  };
}

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

async function runReport(harness: Harness, id: string, params: Record<string, string>, admin: string = smsadmin) {
  const { status, body } = await harness.call(`/api/reports/${id}/run?${query(params)}`, { admin });
  expect(status, JSON.stringify(body.error)).toBe(200);
  return runReportResponseSchema.parse(body);
}

function rowsOf(result: ReportResult, tableId: string) {
  const table = result.tables.find((candidate) => candidate.id === tableId);
  if (!table) throw new Error(`no table ${tableId}`);
  return table.rows;
}

/** MS08-067's English updates, active once the software update point has synchronized. */
function ms08067(harness: Harness): string[] {
  return harness.backend.state.softwareUpdates
    .filter((u) => u.bulletinId === 'MS08-067' && !u.legacy && u.language === 'English')
    .map((u) => u.id);
}

describe('GET /api/reports (the Reports node)', () => {
  const harness = useHarness();

  it('lists the reports to every administrator who may read the site, with find and sort', async () => {
    for (const admin of [smsadmin, patchadmin, lonadmin, auditor]) {
      const { status, body } = await harness().call('/api/reports?limit=100', { admin });
      expect(status).toBe(200);
      expect(body.total).toBeGreaterThanOrEqual(24);
    }
    const { body } = await harness().call('/api/reports?q=deprecated&searchIn=all&limit=100');
    expect(body.total).toBe(0);
    const found = await harness().call('/api/reports?q=Compliance%201%20-&searchIn=name&limit=100');
    expect(found.body.items?.map((item) => item.name)).toEqual(['Compliance 1 - Overall compliance']);
    const deprecated = await harness().call('/api/reports?q=Yes&searchIn=deprecated&limit=100');
    expect(deprecated.body.total).toBe(6);
  });

  it('answers 401 to a request without an administrator, and 404 to a report that does not exist', async () => {
    expect((await harness().call('/api/reports', { admin: null })).status).toBe(401);
    const missing = await harness().call('/api/reports/compliance-99/run');
    expect(missing.status).toBe(404);
    expect(missing.body.error?.message).toBe('There is no report with ID compliance-99. GET /api/reports lists them.');
    expect((await harness().call('/api/reports/compliance-99/parameters')).status).toBe(404);
  });

  it('exports the list as CSV like every list', async () => {
    const response = await fetch('http://console.test/api/export/reports.csv?columns=name,category', {
      headers: { [ADMIN_HEADER]: smsadmin },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe('Name,Category');
    expect(text).toContain('Compliance 5 - Updates by vendor/month/year,Software Updates - A. Compliance');
  });
});

describe('GET /api/reports before the upgrade', () => {
  const harness = useHarness({ stage: 'before-upgrade' });

  it('has no reports: Configuration Manager 2007 brings them', async () => {
    const { status, body } = await harness().call('/api/reports');
    expect(status).toBe(409);
    expect(body.error?.message).toContain('there are no reports until Setup has upgraded it');
  });
});

describe('running a report (Synchronized stage)', () => {
  const harness = useHarness({ stage: 'synchronized' });
  let listId = '';

  beforeAll(async () => {
    const { status, body } = await harness().call('/api/update-lists', {
      method: 'POST',
      body: JSON.stringify({ name: 'MS08-067', updateIds: ms08067(harness()) }),
    });
    expect(status, JSON.stringify(body.error)).toBe(200);
    listId = String((body.item as { id: string }).id);
  });

  it('offers pickers fed by the site: the update lists and collections the caller may read', async () => {
    const { status, body } = await harness().call('/api/reports/compliance-1/parameters');
    expect(status).toBe(200);
    const form = reportParametersResponseSchema.parse(body);
    expect(form.report.name).toBe('Compliance 1 - Overall compliance');
    expect(form.parameters.map((p) => [p.name, p.caption, p.required])).toEqual([
      ['updateList', 'Update List ID', true],
      ['collection', 'Collection ID', true],
    ]);
    expect(form.parameters[0]?.options).toEqual([{ value: listId, label: `MS08-067 (${listId})` }]);
    expect(form.parameters[1]?.options?.map((o) => o.label)).toContain('All Systems (SMS00001)');
    // lonadmin reads one collection only.
    const lon = reportParametersResponseSchema.parse(
      (await harness().call('/api/reports/scan-1/parameters', { admin: lonadmin })).body,
    );
    expect(lon.parameters[0]?.options?.map((o) => o.label)).toEqual(['LON Workstations (CEN00012)']);
  });

  it('finds the values of a parameter too long to list (computers), only among those the caller may read', async () => {
    const form = reportParametersResponseSchema.parse(
      (await harness().call('/api/reports/compliance-4/parameters')).body,
    );
    expect(form.parameters[0]?.options).toBeNull();
    const found = reportValuesResponseSchema.parse(
      (await harness().call('/api/reports/compliance-4/values/computer?q=CEN-WS0000', { admin: smsadmin })).body,
    );
    expect(found.values.length).toBeGreaterThan(0);
    expect(found.values.every((v) => v.value.startsWith('CEN-WS0000'))).toBe(true);
    const forLon = reportValuesResponseSchema.parse(
      (await harness().call('/api/reports/compliance-4/values/computer?q=CEN-WS', { admin: lonadmin })).body,
    );
    expect(forLon.values).toEqual([]);
    const bad = await harness().call('/api/reports/compliance-4/values/colour');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.field).toBe('parameter');
  });

  it('Compliance 1 over All Systems: each update’s figures are the grid’s (the update list’s node)', async () => {
    const result = await runReport(harness(), 'compliance-1', { updateList: listId, collection: 'SMS00001' });
    const grid = await harness().call(
      `/api/software-updates?node=${encodeURIComponent(updateListNodeId(listId))}&limit=100`,
    );
    const gridCounts = Object.fromEntries(
      (grid.body.items ?? []).map((item) => {
        const compliance = item.compliance as Record<string, number>;
        return [item.id, [compliance.required, compliance.installed, compliance.notRequired, compliance.unknown]];
      }),
    );
    const reportCounts = Object.fromEntries(
      rowsOf(result, 'updates').map((row) => [
        row.id,
        [row.cells.required, row.cells.installed, row.cells.notRequired, row.cells.unknown],
      ]),
    );
    expect(reportCounts).toEqual(gridCounts);
    const computers = rowsOf(result, 'overall').reduce((sum, row) => sum + Number(row.cells.computers), 0);
    expect(computers).toBe(1500);
  });

  it('refuses bad parameters with 400 naming the parameter, and leaves the site as it was', async () => {
    const before = await snapshot(harness());
    const cases: Array<[Record<string, string>, string]> = [
      [{ collection: 'SMS00001' }, 'updateList'],
      [{ updateList: listId, collection: 'SMS99999' }, 'collection'],
      [{ updateList: 'UL999999', collection: 'SMS00001' }, 'updateList'],
      [{ updateList: listId, collection: 'SMS00001', collectionId: 'x' }, 'collectionId'],
      [{ updateList: listId, collection: 'SMS00001', acknowledgeDeprecated: 'maybe' }, 'acknowledgeDeprecated'],
    ];
    for (const [params, field] of cases) {
      const { status, body } = await harness().call(`/api/reports/compliance-1/run?${query(params)}`);
      expect(status, JSON.stringify(params)).toBe(400);
      expect(body.error?.field).toBe(field);
      expect(body.error?.message).toMatch(new RegExp(`^${field}\\b`));
    }
    const year = await harness().call(
      `/api/reports/compliance-5/run?${query({ collection: 'SMS00001', vendor: 'Microsoft', year: 'last' })}`,
    );
    expect([year.status, year.body.error?.field]).toEqual([400, 'year']);
    expect(await snapshot(harness())).toEqual(before);
  });

  it('refuses with 403 a parameter naming an object the caller may not read', async () => {
    const list = await harness().call(
      `/api/reports/compliance-1/run?${query({ updateList: listId, collection: 'SMS00001' })}`,
      {
        admin: patchadmin,
      },
    );
    expect(list.status).toBe(403);
    expect(list.body.error?.message).toBe('CONTOSO\\patchadmin has no Read right on Update Lists');
    const collection = await harness().call(`/api/reports/scan-1/run?collection=CEN00011`, { admin: lonadmin });
    expect(collection.status).toBe(403);
    expect(collection.body.error?.message).toBe('CONTOSO\\lonadmin has no Read right on collection CEN00011');
  });

  it('never counts objects the caller cannot read', async () => {
    const all = await runReport(harness(), 'scan-2', {});
    const lon = await runReport(harness(), 'scan-2', {}, lonadmin);
    const total = (result: ReportResult) =>
      rowsOf(result, 'sites').reduce((sum, row) => sum + Number(row.cells.total), 0);
    expect(total(all)).toBe(1500);
    // lonadmin reads LON Workstations only: its 300 clients.
    expect(total(lon)).toBe(300);
    expect(rowsOf(lon, 'sites').map((row) => row.id)).toEqual(['LON']);
    // patchadmin reads the LEGACY updates only (new ones need a grant): Compliance 5 leaves the new ones out.
    const params = { collection: 'SMS00001', vendor: 'Microsoft', year: '2008' };
    const forSmsadmin = await runReport(harness(), 'compliance-5', params);
    const forPatchadmin = await runReport(harness(), 'compliance-5', params, patchadmin);
    const readable = new Set(
      harness()
        .backend.state.softwareUpdates.filter((u) => u.existedBeforeUpgrade && !u.hidden)
        .map((u) => u.id),
    );
    expect(rowsOf(forPatchadmin, 'updates').every((row) => readable.has(row.id))).toBe(true);
    expect(rowsOf(forPatchadmin, 'updates').length).toBeLessThan(rowsOf(forSmsadmin, 'updates').length);
  });

  it('warns first for a deprecated SMS 2003 report, then answers stale data naming its replacement', async () => {
    const warned = await harness().call('/api/reports/sms2003-compliance-by-bulletin/run');
    expect(warned.status).toBe(409);
    expect(warned.body.error).toMatchObject({ code: 'CONFLICT', rule: 'deprecated-report' });
    expect(warned.body.error?.message).toContain('Use Compliance 5 - Updates by vendor/month/year instead.');
    const result = await runReport(harness(), 'sms2003-compliance-by-bulletin', { acknowledgeDeprecated: 'yes' });
    expect(result.report.deprecation?.replacementId).toBe('compliance-5');
    expect(result.deprecatedResult).toMatch(/^Stale data/);
  });

  it('fails clearly for an SMS 2003 report whose view the upgrade removed', async () => {
    const { status, body } = await harness().call(
      '/api/reports/contoso-lon-missing-critical/run?acknowledgeDeprecated=yes',
    );
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ rule: 'sms2003-report-fails' });
    expect(body.error?.message).toContain('Use Compliance 1 - Overall compliance instead.');
  });

  it('exports a report as CSV, every table under its title, formulas escaped', async () => {
    const named = await harness().call('/api/update-lists', {
      method: 'POST',
      body: JSON.stringify({ name: '=HYPERLINK("http://x")', updateIds: ms08067(harness()) }),
    });
    const formulaListId = String((named.body.item as { id: string }).id);
    const response = await fetch(
      `http://console.test/api/reports/compliance-1/result.csv?${query({ updateList: formulaListId, collection: 'SMS00001' })}`,
      { headers: { [ADMIN_HEADER]: smsadmin } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="compliance-1.csv"');
    const lines = (await response.text()).split('\r\n');
    expect(lines.slice(0, 5)).toEqual([
      'Compliance 1 - Overall compliance',
      'Ran At,12/18/2008 11:50 AM',
      `Update List ID,"'=HYPERLINK(""http://x"") (${formulaListId})"`,
      'Collection ID,All Systems (SMS00001)',
      '',
    ]);
    expect(lines[5]).toBe(`"Compliance of All Systems with =HYPERLINK(""http://x"")"`);
    expect(lines[6]).toBe('Compliance State,Computers,Percent');
    expect(lines).toContain('Software updates in the update list');
    expect(lines).toContain('Title,Bulletin ID,Article ID,Required,Installed,Not Required,Unknown,Percent Compliant');
    const single = await fetch('http://console.test/api/reports/scan-2/result.csv', {
      headers: { [ADMIN_HEADER]: smsadmin },
    });
    expect((await single.text()).split('\r\n').slice(0, 4)).toEqual([
      'Scan 2 - Last scan states by site',
      'Ran At,12/18/2008 11:50 AM',
      '',
      'Last scan states by site',
    ]);
    const refused = await fetch('http://console.test/api/reports/compliance-1/result.csv?collection=SMS00001', {
      headers: { [ADMIN_HEADER]: smsadmin },
    });
    expect(refused.status).toBe(400);
  });
});

describe('reports follow what the administrator does (Configured stage)', () => {
  const harness = useHarness({ stage: 'configured' });

  it('States 1 of Critical Updates - December 2008 moves as its rollout reports', async () => {
    const deployment = harness().backend.state.deployments[0];
    if (!deployment) throw new Error('no deployment');
    const pending = async () =>
      Number(
        rowsOf(await runReport(harness(), 'states-1', { deployment: deployment.id }), 'states')[1]?.cells.computers,
      );
    const before = await pending();
    await harness().call('/api/site/clock', {
      method: 'POST',
      body: JSON.stringify({ type: 'fast-forward', minutes: 600 }),
    });
    const after = await pending();
    expect(after).toBeLessThan(before);
  });
});
