/**
 * GET /api/audit-log: every change, whoever made it, with time, administrator, right used, object, before and after;
 * refused attempts too (403 for a right, 409 for a rule), which change nothing of the site and survive a reload.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntrySchema, type AuditEntry } from '@/domain/audit/audit-entry';
import { DEFAULT_DEPLOYMENT_SETTINGS } from '@/domain/deployments/deployment-rules';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { Backend, MAX_SAVED_REFUSALS } from '../backend';
import { MemorySiteStore, savedRefusalsOf } from '../persistence/saved-site';
import { startTestBackend } from '../test-harness';

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;

let h: Harness;
beforeEach(async () => {
  h = await startTestBackend({ stage: 'configured' });
});
afterEach(() => h.stop());

function send(method: string, path: string, body?: unknown, admin: string | null = smsadmin) {
  return h.call(path, {
    method,
    admin,
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
}

const template = (name: string) => ({
  name,
  description: 'Made in the audit test',
  settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: 'CEN00011' },
});

/** The audit log as `admin` lists it (all of it, in the default order: newest first). */
async function auditLog(admin: string = smsadmin, query = ''): Promise<AuditEntry[]> {
  const { status, body } = await send('GET', `/api/audit-log?limit=1000${query}`, undefined, admin);
  expect(status, JSON.stringify(body)).toBe(200);
  return (body.items ?? []).map((item) => auditEntrySchema.parse(item));
}

async function snapshot() {
  return { state: JSON.stringify(h.backend.state), saved: JSON.stringify(await h.store.load()) };
}

describe('GET /api/audit-log', () => {
  it('lists the stage as it was built, newest first', async () => {
    const entries = await auditLog();
    expect(entries.map((entry) => entry.id)).toEqual([
      'S13-2',
      'S13',
      'S12',
      'S11',
      'S10',
      'S9',
      'S8',
      'S7',
      'S6',
      'S5',
      'S4',
      'S3',
      'S2',
      'S1',
    ]);
    expect(entries.every((entry) => entry.outcome === 'Succeeded' && entry.administrator === smsadmin)).toBe(true);
  });

  it('a change appears with its time, administrator, right, object, before and after', async () => {
    const { status, body } = await send('POST', '/api/deployment-templates', template('Audit Pilot'));
    expect(status, JSON.stringify(body)).toBe(200);
    const [newest] = await auditLog();
    expect(newest).toMatchObject({
      id: 'L1',
      time: h.backend.now(),
      administrator: smsadmin,
      action: 'Create deployment template',
      right: 'Create on Deployment Templates',
      objectType: 'Deployment Template',
      objectId: 'DT000003',
      objectName: 'Audit Pilot',
      outcome: 'Succeeded',
      reason: null,
      before: null,
    });
    expect(JSON.parse(newest?.after ?? '{}')).toMatchObject({ id: 'DT000003', name: 'Audit Pilot' });

    await send('PATCH', '/api/deployment-templates/DT000003', { ...template('Audit Pilot 2') });
    const [renamed] = await auditLog();
    expect(renamed).toMatchObject({ id: 'L2', action: 'Modify deployment template', objectName: 'Audit Pilot 2' });
    expect(JSON.parse(renamed?.before ?? '{}')).toEqual({ name: 'Audit Pilot' });
    expect(JSON.parse(renamed?.after ?? '{}')).toEqual({ name: 'Audit Pilot 2' });
  });

  it('a refused attempt appears as Refused with the reason, and changes nothing in the site', async () => {
    const before = await snapshot();
    const { status, body } = await send('POST', '/api/deployment-templates', template('Not Mine'), patchadmin);
    expect(status).toBe(403);
    expect(await snapshot()).toEqual(before);
    const [newest] = await auditLog();
    expect(newest).toMatchObject({
      id: 'R1',
      administrator: patchadmin,
      action: 'Create deployment template',
      right: 'Create on Deployment Templates',
      objectType: 'Deployment Template',
      objectId: null,
      objectName: 'Not Mine',
      outcome: 'Refused',
      reason: body.error?.message,
      before: null,
    });
    expect(JSON.parse(newest?.after ?? '{}')).toMatchObject({ name: 'Not Mine' });
  });

  it('a rule that refuses (409) is audited too, with the object as it stands', async () => {
    const { status, body } = await send('POST', '/api/deployments/1/disable-sms2003');
    expect(status).toBe(200);
    const again = await send('POST', '/api/deployments/1/disable-sms2003');
    expect(again.status).toBe(409);
    const [refused, done] = await auditLog();
    expect(done).toMatchObject({ action: 'Stop deploying to SMS 2003 clients', outcome: 'Succeeded' });
    expect(refused).toMatchObject({
      action: 'Stop deploying to SMS 2003 clients',
      right: 'Modify on deployment 1',
      objectId: '1',
      objectName: CONTOSO.deployments.criticalUpdatesDecember2008,
      outcome: 'Refused',
      reason: again.body.error?.message,
    });
    expect(JSON.parse(refused?.before ?? '{}')).toMatchObject({ deployToSms2003Clients: false });
    expect(body).toBeDefined();
  });

  it('does not keep malformed requests (400), unknown objects (404), unknown administrators (401) or reads', async () => {
    await send('POST', '/api/deployment-templates', { name: 1 }, patchadmin);
    await send('DELETE', '/api/deployment-templates/DT999999');
    await send('POST', '/api/deployment-templates', template('Nobody'), 'CONTOSO\\nobody');
    await send('GET', '/api/deployment-templates', undefined, patchadmin);
    await send('POST', '/api/deployments/eligibility', { updateIds: [] }, patchadmin);
    await send('POST', '/api/site/clock', { type: 'pause', paused: true }, patchadmin);
    expect((await auditLog()).filter((entry) => entry.outcome === 'Refused')).toEqual([]);
  });

  it('grants and revokes of rights are audited, and a refused grant too', async () => {
    const grant = { account: patchadmin, objectType: 'DeploymentTemplate', instanceIds: null, rights: ['Read'] };
    expect((await send('POST', '/api/security-rights/grant', grant)).status).toBe(200);
    expect((await send('POST', '/api/security-rights/grant', grant, lonadmin)).status).toBe(403);
    const [refused, granted] = await auditLog();
    expect(granted).toMatchObject({
      action: `Grant Read to ${patchadmin}`,
      right: 'Administer on Deployment Templates',
      outcome: 'Succeeded',
    });
    expect(JSON.parse(granted?.after ?? '{}')).toEqual({ account: patchadmin, rights: ['Read'] });
    expect(refused).toMatchObject({
      administrator: lonadmin,
      outcome: 'Refused',
      action: `Grant Read to ${patchadmin}`,
    });
    expect(refused?.right).toMatch(/^Administer or Delegate on Deployment Templates/);
  });

  it('finds by administrator, outcome and object type, and sorts by any column', async () => {
    await send('POST', '/api/deployment-templates', template('Not Mine'), patchadmin);
    const byAdmin = await auditLog(smsadmin, `&q=${encodeURIComponent(patchadmin)}&searchIn=administrator`);
    expect(byAdmin.map((entry) => entry.id)).toEqual(['R1']);
    const refused = await auditLog(smsadmin, '&q=Refused&searchIn=outcome');
    expect(refused.map((entry) => entry.id)).toEqual(['R1']);
    const templates = await auditLog(smsadmin, '&q=Deployment%20Template&searchIn=objectType');
    expect(templates.map((entry) => entry.id)).toEqual(['R1', 'S12', 'S11']);
    const oldestFirst = await auditLog(smsadmin, '&sort=time:asc');
    expect(oldestFirst[0]?.id).toBe('S1');
    expect(oldestFirst.at(-1)?.id).toBe('R1');
  });

  it('exports as CSV with the columns asked for', async () => {
    await send('POST', '/api/deployment-templates', template('Not Mine'), patchadmin);
    const response = await fetch(
      'http://console.test/api/export/audit-log.csv?q=Refused&searchIn=outcome&columns=administrator,action,outcome,reason',
      { headers: { 'X-Admin': smsadmin } },
    );
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv.split('\r\n')[0]).toBe('Administrator,Action,Outcome,Reason');
    expect(csv).toContain(`${patchadmin},Create deployment template,Refused,${patchadmin} has no Create right`);
  });

  it('GET /api/audit-log/:id answers one entry with the rights held on its object', async () => {
    const { status, body } = await send('GET', '/api/audit-log/S11');
    expect(status).toBe(200);
    expect((body.item as AuditEntry).objectName).toBe(CONTOSO.templates.workstationsSms2003);
    expect(body.rights).toContain('Read');
  });
});

describe('before the upgrade', () => {
  it('a refused Setup is kept, and Setup itself follows it once run', async () => {
    h.stop();
    h = await startTestBackend({ stage: 'before-upgrade' });
    expect(await auditLog()).toEqual([]);
    const refused = await send('POST', '/api/site/upgrade', { catalogSource: 'internet' }, patchadmin);
    expect(refused.status).toBe(403);
    expect((await send('POST', '/api/site/upgrade', { catalogSource: 'internet' })).status).toBe(200);
    const [setup, attempt] = await auditLog();
    expect(attempt).toMatchObject({
      id: 'R1',
      administrator: patchadmin,
      action: 'Upgrade site to Configuration Manager 2007 (Setup)',
      right: 'Administer on site CEN',
      objectName: 'CEN - Contoso Central Site',
      outcome: 'Refused',
      reason: refused.body.error?.message,
    });
    expect(JSON.parse(attempt?.before ?? '{}')).toMatchObject({ version: 'SMS 2003 SP3' });
    expect(setup).toMatchObject({ id: 'L1', administrator: smsadmin, outcome: 'Succeeded' });
  });
});

describe('who sees which entries', () => {
  it('an administrator sees their own actions and those on objects they may read, nothing else', async () => {
    await send('POST', '/api/deployment-templates', template('Not Mine'), patchadmin);
    await send('POST', '/api/deployment-templates', template('Audit Pilot'));
    const ids = async (admin: string) => (await auditLog(admin)).map((entry) => entry.id);
    // smsadmin reads everything; patchadmin their refusal and what is on objects they read (the site, collections),
    // never the templates, deployment or package they have no right on, nor the ITMU sync advertisement (a scan
    // tool's, not a software update distribution).
    expect(await ids(smsadmin)).toEqual([
      'L1',
      'R1',
      'S13-2',
      'S13',
      'S12',
      'S11',
      'S10',
      'S9',
      'S8',
      'S7',
      'S6',
      'S5',
      'S4',
      'S3',
      'S2',
      'S1',
    ]);
    expect(await ids(patchadmin)).toEqual(['R1', 'S10', 'S9', 'S8', 'S7', 'S6', 'S4', 'S3', 'S2', 'S1']);
    // lonadmin reads site CEN and LON Workstations only: not the collections upgraded, not the ITMU advertisement.
    expect(await ids(lonadmin)).toEqual(['S10', 'S7', 'S6', 'S4', 'S3', 'S2', 'S1']);
    expect(await ids(auditor)).toEqual(['S10', 'S9', 'S8', 'S7', 'S6', 'S4', 'S3', 'S2', 'S1']);
  });

  it('an entry the caller may not read is 403 by id', async () => {
    const { status, body } = await send('GET', '/api/audit-log/S11', undefined, patchadmin);
    expect(status).toBe(403);
    expect(body.error?.message).toBe(`${patchadmin} has no Read right on deployment template DT000001`);
  });
});

describe('kept apart from the site', () => {
  it('refusals survive a reload (Backend.start on the same store), in their place among the changes', async () => {
    await send('POST', '/api/deployment-templates', template('Not Mine'), patchadmin);
    await send('POST', '/api/deployment-templates', template('Audit Pilot'));
    const before = h.backend.auditLog.map((entry) => [entry.id, entry.sequence, entry.action, entry.outcome]);
    const reloaded = await Backend.start({ store: h.store, wallClock: () => Date.parse('2026-01-01T00:00:00Z') });
    expect(reloaded.auditLog.map((entry) => [entry.id, entry.sequence, entry.action, entry.outcome])).toEqual(before);
    expect(before.slice(-2)).toEqual([
      ['R1', 15, 'Create deployment template', 'Refused'],
      ['L1', 16, 'Create deployment template', 'Succeeded'],
    ]);
  });

  it('another tab sees the refusals this one kept the next time it lists the audit log', async () => {
    const other = await Backend.start({ store: h.store, wallClock: () => Date.parse('2026-01-01T00:00:00Z') });
    await send('POST', '/api/deployment-templates', template('Not Mine'), patchadmin);
    expect(other.auditLog.some((entry) => entry.outcome === 'Refused')).toBe(false);
    await other.refreshRefusals();
    expect(other.auditLog.filter((entry) => entry.outcome === 'Refused').map((entry) => entry.id)).toEqual(['R1']);
  });

  it('Reset demo clears them with the site', async () => {
    await send('POST', '/api/deployment-templates', template('Not Mine'), patchadmin);
    await send('POST', '/api/deployment-templates', template('Audit Pilot'));
    expect((await send('POST', '/api/demo/reset', { stage: 'just-upgraded' })).status).toBe(200);
    const entries = await auditLog();
    expect(entries.map((entry) => entry.id)).toEqual(['S1']);
    expect(savedRefusalsOf(await h.store.loadRefusals()).refusals).toEqual([]);
    // Numbers are never given twice: the next refusal is R2.
    await send('POST', '/api/search-folders', { name: 'x' }, patchadmin);
    expect((await auditLog(patchadmin)).filter((entry) => entry.outcome === 'Refused')[0]?.id).toBe('R2');
  });

  it("Import Site gives the imported site's changes, and forgets the refusals made on the site it replaces", async () => {
    await send('POST', '/api/deployment-templates', template('Audit Pilot'));
    const exported = await send('GET', '/api/site/export');
    await send('POST', '/api/demo/reset', { stage: 'configured' });
    await send('POST', '/api/deployment-templates', template('Not Mine'), patchadmin);
    expect((await send('POST', '/api/site/import', exported.body)).status).toBe(200);
    const [newest, ...rest] = await auditLog();
    expect(newest).toMatchObject({ id: 'L1', action: 'Create deployment template', objectName: 'Audit Pilot' });
    expect(rest.every((entry) => entry.outcome === 'Succeeded')).toBe(true);
  });

  it('keeps the last 5,000 refusals', async () => {
    const store = new MemorySiteStore();
    const [newest] = await auditLog();
    const { id: _id, sequence: _sequence, ...change } = newest as AuditEntry;
    const refusal = { ...change, outcome: 'Refused' as const, reason: 'no', logPosition: 0 };
    for (let i = 0; i < MAX_SAVED_REFUSALS + 3; i++) await store.appendRefusal(refusal, MAX_SAVED_REFUSALS);
    const kept = savedRefusalsOf(await store.loadRefusals());
    expect(kept.refusals).toHaveLength(MAX_SAVED_REFUSALS);
    expect(kept.refusals[0]?.number).toBe(4);
    expect(kept.lastNumber).toBe(MAX_SAVED_REFUSALS + 3);
  });

  it('a damaged saved refusal is dropped, never misread', async () => {
    const store = new MemorySiteStore();
    await store.appendRefusal({ nonsense: true } as never, 10);
    const backend = await Backend.start({ store, stage: 'just-upgraded' });
    expect(backend.auditLog.map((entry) => entry.id)).toEqual(['S1']);
  });
});
