import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientComplianceListSchema, softwareUpdatePropertiesSchema } from '@/domain/contract/software-update-contract';
import type { SoftwareUpdate } from '@/domain/model/software-update';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { MAX_MAX_RUN_TIME_MINUTES } from '@/domain/software-updates/max-run-time';
import { startTestBackend } from '../test-harness';

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;
const XP_TITLE = 'Security Update for Windows XP (KB958644)';

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

const xpUpdateOf = (harness: Harness): SoftwareUpdate => {
  const update = harness.backend.state.softwareUpdates.find(
    (candidate) => candidate.title === XP_TITLE && candidate.language === 'English',
  );
  if (!update) throw new Error(`No ${XP_TITLE}`);
  return update;
};
const legacyOf = (harness: Harness): SoftwareUpdate => {
  const update = harness.backend.state.softwareUpdates.find((candidate) => candidate.legacy);
  if (!update) throw new Error('No LEGACY update');
  return update;
};
const putRunTime = (harness: Harness, id: string, body: unknown, admin: string = smsadmin) =>
  harness.call(`/api/software-updates/${id}/max-run-time`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    admin,
  });
const saved = (harness: Harness) => JSON.stringify(harness.backend.exportSite());

describe('GET /api/software-updates/:id/properties', () => {
  const harness = useHarness({ stage: 'synchronized' });

  it("answers MS08-067's Windows XP update with its links, SMS 2003 reason, content and Maximum Run Time", async () => {
    const update = xpUpdateOf(harness());
    const { status, body } = await harness().call(`/api/software-updates/${update.id}/properties`);
    expect(status).toBe(200);
    const properties = softwareUpdatePropertiesSchema.parse(body);
    expect(properties.item.id).toBe(update.id);
    expect(properties.links).toEqual({
      article: 'http://support.microsoft.com/kb/958644',
      bulletin: 'http://www.microsoft.com/technet/security/bulletin/ms08-067.mspx',
    });
    expect(properties.sms2003.deployable).toBe(true);
    expect(properties.sms2003.reason).toMatch(/^Yes: the ITMU catalog/);
    expect(properties.content.files[0]?.sizeKb).toBe(update.sizeKb);
    expect(properties.maxRunTime).toMatchObject({ minutes: update.maxRunTimeMinutes, whyNot: null });
  });

  it('names what supersedes an update and what it supersedes, by title', async () => {
    const state = harness().backend.state;
    const older = state.softwareUpdates.find((candidate) => candidate.supersededBy !== null);
    if (!older?.supersededBy) throw new Error('No superseded update');
    const newer = state.softwareUpdates.find((candidate) => candidate.id === older.supersededBy);
    const { body: olderBody } = await harness().call(`/api/software-updates/${older.id}/properties`);
    expect(softwareUpdatePropertiesSchema.parse(olderBody).supersedence.supersededBy).toEqual({
      id: newer?.id,
      title: newer?.title,
    });
    const { body: newerBody } = await harness().call(`/api/software-updates/${newer?.id ?? ''}/properties`);
    expect(softwareUpdatePropertiesSchema.parse(newerBody).supersedence.supersedes).toContainEqual({
      id: older.id,
      title: older.title,
    });
  });

  it('says why the Maximum Run Time is read-only for an administrator without Modify', async () => {
    const { body } = await harness().call(`/api/software-updates/${legacyOf(harness()).id}/properties`, {
      admin: auditor,
    });
    expect(softwareUpdatePropertiesSchema.parse(body).maxRunTime.whyNot).toMatch(
      /^CONTOSO\\auditor has no Modify right on software update /,
    );
  });

  it('answers 403 without Read on the update and 404 for none', async () => {
    const update = xpUpdateOf(harness());
    const refused = await harness().call(`/api/software-updates/${update.id}/properties`, { admin: patchadmin });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe(`${patchadmin} has no Read right on software update ${update.id}`);
    expect((await harness().call('/api/software-updates/999/properties')).status).toBe(404);
    // Who may not read updates at all learns nothing, not even that there is none.
    expect((await harness().call('/api/software-updates/999/properties', { admin: lonadmin })).status).toBe(403);
  });
});

describe('PUT /api/software-updates/:id/max-run-time', () => {
  const harness = useHarness({ stage: 'synchronized' });

  it('saves a new Maximum Run Time as a logged operation, kept in the audit log', async () => {
    const update = xpUpdateOf(harness());
    const { status, body } = await putRunTime(harness(), update.id, { maxRunTimeMinutes: 45 });
    expect(status).toBe(200);
    expect(softwareUpdatePropertiesSchema.parse(body).maxRunTime.minutes).toBe(45);
    expect(harness().backend.state.softwareUpdates.find((u) => u.id === update.id)?.maxRunTimeMinutes).toBe(45);
    expect(harness().backend.log.at(-1)).toMatchObject({
      type: 'set-software-update-max-run-time',
      updateId: update.id,
      maxRunTimeMinutes: 45,
      by: smsadmin,
    });
    const entry = harness().backend.auditLog.at(-1);
    expect(entry).toMatchObject({
      administrator: smsadmin,
      action: 'Modify software update maximum run time',
      objectId: update.id,
      outcome: 'Succeeded',
    });
    expect(entry?.before).toContain('"maxRunTimeMinutes":5');
    expect(entry?.after).toContain('"maxRunTimeMinutes":45');
  });

  it.each([
    [{ maxRunTimeMinutes: 4 }, 'maxRunTimeMinutes'],
    [{ maxRunTimeMinutes: MAX_MAX_RUN_TIME_MINUTES + 1 }, 'maxRunTimeMinutes'],
    [{ maxRunTimeMinutes: 12.5 }, 'maxRunTimeMinutes'],
    [{ maxRunTimeMinutes: '30' }, 'maxRunTimeMinutes'],
    [{}, 'maxRunTimeMinutes'],
    [{ maxRunTimeMinutes: 30, title: 'x' }, 'title'],
  ])('answers 400 naming the field for %j, and changes nothing', async (body, field) => {
    const before = saved(harness());
    const { status, body: answer } = await putRunTime(harness(), xpUpdateOf(harness()).id, body);
    expect(status).toBe(400);
    expect(answer.error?.code).toBe('BAD_REQUEST');
    expect(answer.error?.field).toBe(field);
    expect(answer.error?.message).toMatch(new RegExp(`^${field}`));
    expect(saved(harness())).toBe(before);
  });

  it('answers 403 naming the right and the update for an administrator without Modify, and changes nothing', async () => {
    const legacy = legacyOf(harness());
    const before = saved(harness());
    const { status, body } = await putRunTime(harness(), legacy.id, { maxRunTimeMinutes: 30 }, auditor);
    expect(status).toBe(403);
    expect(body.error?.message).toBe(`${auditor} has no Modify right on software update ${legacy.id}`);
    expect(saved(harness())).toBe(before);
    // The refusal is kept in the audit log.
    expect(harness().backend.auditLog.at(-1)).toMatchObject({ administrator: auditor, outcome: 'Refused' });
    // patchadmin holds every right on the LEGACY updates (instance rights).
    expect((await putRunTime(harness(), legacy.id, { maxRunTimeMinutes: 30 }, patchadmin)).status).toBe(200);
  });

  it('answers 404 for an update that does not exist', async () => {
    const before = saved(harness());
    const { status } = await putRunTime(harness(), '999', { maxRunTimeMinutes: 30 });
    expect(status).toBe(404);
    expect(saved(harness())).toBe(before);
  });
});

describe('PUT /api/software-updates/:id/max-run-time before the upgrade', () => {
  const harness = useHarness({ stage: 'before-upgrade' });

  it('answers 409: the SMS 2003 site has no Maximum Run Time to change', async () => {
    const update = harness().backend.state.softwareUpdates[0];
    const before = saved(harness());
    const { status, body } = await putRunTime(harness(), update?.id ?? '', { maxRunTimeMinutes: 30 });
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: 'CONFLICT', rule: 'site-not-upgraded' });
    expect(saved(harness())).toBe(before);
  });
});

describe('GET /api/software-updates/:id/clients', () => {
  const harness = useHarness({ stage: 'synchronized' });
  const list = async (path: string, admin: string = smsadmin) => {
    const { status, body } = await harness().call(path, { admin });
    expect(status, JSON.stringify(body)).toBe(200);
    return clientComplianceListSchema.parse(body);
  };

  it.each(['required', 'installed', 'not-required', 'unknown'] as const)(
    'lists exactly as many clients %s as the update counts',
    async (state) => {
      const update = xpUpdateOf(harness());
      const answer = await list(`/api/software-updates/${update.id}/clients?state=${state}&limit=1000`);
      expect(answer.total).toBe(answer.count);
      expect(answer.items.length).toBe(Math.min(1000, answer.count));
      expect(new Set(answer.items.map((row) => row.state))).toEqual(answer.total > 0 ? new Set([state]) : new Set());
    },
  );

  it('lists every client once under all, and the states add up to Total', async () => {
    const update = xpUpdateOf(harness());
    const answer = await list(`/api/software-updates/${update.id}/clients?state=all&limit=1000`);
    expect(answer.total).toBe(update.compliance.total);
  });

  it('finds, sorts and windows like any list', async () => {
    const update = xpUpdateOf(harness());
    const base = `/api/software-updates/${update.id}/clients?state=required`;
    const all = await list(`${base}&limit=1000`);
    const first = all.items[0];
    if (!first) throw new Error('No Required client');
    const found = await list(`${base}&q=${encodeURIComponent(first.name)}&searchIn=name`);
    expect(found.items.map((row) => row.id)).toContain(first.id);
    const desc = await list(`${base}&sort=name:desc&limit=1000`);
    expect(desc.items.map((row) => row.id)).toEqual([...all.items].reverse().map((row) => row.id));
    const window = await list(`${base}&offset=10&limit=5`);
    expect(window.items.map((row) => row.id)).toEqual(all.items.slice(10, 15).map((row) => row.id));
  });

  it('answers 400 naming the field for a bad state, sort or searchIn', async () => {
    const update = xpUpdateOf(harness());
    for (const [query, field] of [
      ['state=broken', 'state'],
      ['', 'state'],
      ['state=required&sort=nope:asc', 'sort'],
      ['state=required&searchIn=nope', 'searchIn'],
      ['state=required&limit=0', 'limit'],
    ] as const) {
      const { status, body } = await harness().call(`/api/software-updates/${update.id}/clients?${query}`);
      expect(status, query).toBe(400);
      expect(body.error?.field, query).toBe(field);
    }
  });

  it('answers 403 without Read on the update, 404 for none', async () => {
    const update = xpUpdateOf(harness());
    const refused = await harness().call(`/api/software-updates/${update.id}/clients?state=required`, {
      admin: patchadmin,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe(`${patchadmin} has no Read right on software update ${update.id}`);
    expect((await harness().call('/api/software-updates/999/clients?state=required')).status).toBe(404);
  });

  it('lists only the clients of collections the caller may read', async () => {
    const update = legacyOf(harness());
    // lonadmin reads LON Workstations only: granted Read on the update, it sees just those members.
    const grant = await harness().call('/api/security-rights/grant', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        account: lonadmin,
        objectType: 'SoftwareUpdate',
        instanceIds: [update.id],
        rights: ['Read'],
      }),
    });
    expect(grant.status).toBe(200);
    const state = harness().backend.state;
    const lonWorkstations = state.collections.find((c) => c.name === CONTOSO.collections.lonWorkstations);
    const members = new Set(state.collectionMembers[lonWorkstations?.id ?? ''] ?? []);
    const answer = await list(`/api/software-updates/${update.id}/clients?state=all&limit=1000`, lonadmin);
    expect(answer.total).toBeGreaterThan(0);
    expect(answer.total).toBeLessThan(answer.count);
    expect(answer.items.every((row) => members.has(row.id))).toBe(true);
  });
});

describe('GET /api/export/software-update-clients.csv', () => {
  const harness = useHarness({ stage: 'synchronized' });
  const exportText = async (query: string, admin: string = smsadmin) => {
    const response = await fetch(`http://console.test/api/export/software-update-clients.csv?${query}`, {
      headers: { 'X-Admin': admin },
    });
    return { status: response.status, text: await response.text() };
  };

  it('writes the drill-down as the grid shows it: its columns, search and sort', async () => {
    const update = xpUpdateOf(harness());
    const { status, text } = await exportText(`update=${update.id}&state=required&sort=name:desc&columns=name,state`);
    expect(status).toBe(200);
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Name,Compliance State');
    expect(lines.length - 1).toBe(update.compliance.required);
    expect(lines.slice(1).every((line) => line.endsWith(',Required'))).toBe(true);
    const names = lines.slice(1).map((line) => line.split(',')[0] ?? '');
    expect(names).toEqual([...names].sort().reverse());
  });

  it('answers 400 naming the field, 403 without Read on the update', async () => {
    const update = xpUpdateOf(harness());
    const bad = await exportText(`update=${update.id}&state=required&columns=nope`);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ error: { field: 'columns' } });
    expect((await exportText('state=required')).status).toBe(400);
    expect((await exportText(`update=${update.id}&state=required`, patchadmin)).status).toBe(403);
  });
});
