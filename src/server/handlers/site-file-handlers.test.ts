import { afterEach, describe, expect, it } from 'vitest';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { searchFolderCriteriaSchema } from '@/domain/search-folders/search-folder-criteria';
import { startTestBackend } from '../test-harness';

const HOSTILE = '<script>window.__hacked = true</script><img src=x onerror="window.__hacked = true">';

let stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
});

async function harness(options: Parameters<typeof startTestBackend>[0] = {}) {
  const started = await startTestBackend(options);
  stops.push(started.stop);
  return started;
}

/** GET /api/site/export through the harness's msw/node server. */
async function exported() {
  const response = await fetch('http://console.test/api/site/export', { headers: { 'X-Admin': 'CONTOSO\\smsadmin' } });
  expect(response.headers.get('Content-Disposition')).toContain('contoso-site.json');
  return (await response.json()) as Record<string, unknown>;
}

const post = (h: Awaited<ReturnType<typeof harness>>, body: unknown, raw = false) =>
  h.call('/api/site/import', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: raw ? String(body) : JSON.stringify(body),
  });

describe('export and import a site file', () => {
  it('a trainee importing a trainer’s file gets the trainer’s site, hostile names kept as text', async () => {
    const trainer = await harness();
    const created = await trainer.call('/api/search-folders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: HOSTILE, criteria: searchFolderCriteriaSchema.parse({ bulletinId: 'MS08' }) }),
    });
    expect(created.status).toBe(200);
    const file = await exported();
    expect(file.stage).toBe('just-upgraded');
    expect(file.log).toHaveLength(1);
    const trainerState = JSON.stringify(trainer.backend.state);
    trainer.stop();
    stops = [];

    const trainee = await harness({ stage: 'before-upgrade' });
    const { status, body } = await post(trainee, file);
    expect(status).toBe(200);
    expect(body.stage).toBe('just-upgraded');
    expect(JSON.stringify(trainee.backend.state)).toBe(trainerState);
    expect(trainee.backend.state.searchFolders.map((folder) => folder.name)).toEqual([HOSTILE]);
  });

  it.each([
    ['a file that is not JSON', '{"schemaVersion": 1, "scen', true, 'body'],
    ['a number where the seed goes', { seed: 'x' }, false, 'seed'],
    ['an unknown stage', { stage: 'after-the-flood' }, false, 'stage'],
    ['a field of its own', { extra: '<script>' }, false, 'body'],
    ['an operation of an unknown type', { log: [{ type: 'drop-database' }] }, false, 'log.0.type'],
    ['a file from a newer console', { schemaVersion: 99 }, false, 'schemaVersion'],
    [
      'a log that cannot be replayed (Setup run on an upgraded site)',
      { log: [{ type: 'run-setup', runBy: CONTOSO.administrators.smsadmin, catalogSource: 'internet' }] },
      false,
      'log',
    ],
  ] as const)('refuses %s with 400, and the site stays exactly as it was', async (_what, change, raw, field) => {
    const h = await harness();
    const file = await exported();
    const before = JSON.stringify(h.backend.state);
    const storedBefore = JSON.stringify(await h.store.load());
    const body = raw ? change : { ...file, ...(change as Record<string, unknown>) };
    const { status, body: answer } = await post(h, body, raw);
    expect(status).toBe(400);
    expect(answer.error?.code).toBe('BAD_REQUEST');
    if (field !== 'body') expect(answer.error?.field).toBe(field);
    expect(answer.error?.message.length).toBeGreaterThan(10);
    expect(JSON.stringify(h.backend.state)).toBe(before);
    expect(JSON.stringify(await h.store.load())).toBe(storedBefore);
  });

  it('imports a file written by version 1 of the console, upgraded, and says so', async () => {
    const trainer = await harness();
    await trainer.call('/api/search-folders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Old file', criteria: searchFolderCriteriaSchema.parse({ bulletinId: 'MS08' }) }),
    });
    const { savedAt: _dropped, ...current } = await exported();
    const version1 = { ...current, schemaVersion: 1 };
    const trainee = await harness({ stage: 'before-upgrade' });
    const { status, body } = await post(trainee, version1);
    expect(status).toBe(200);
    expect(trainee.backend.state.searchFolders.map((folder) => folder.name)).toEqual(['Old file']);
    expect(body.notice).toMatch(/earlier version of the console \(schema version 1\)/);
    expect(body.notice).toMatch(/1 change made since/);
  });

  it('tells the trainee when the imported file was saved', async () => {
    const h = await harness();
    const file = { ...(await exported()), savedAt: '2026-12-04T16:30:00.000Z' };
    const { status, body } = await post(h, file);
    expect(status).toBe(200);
    expect(body.notice).toContain('saved on Fri, 04 Dec 2026 16:30:00 UTC');
  });

  it('needs a connected administrator', async () => {
    const h = await harness();
    expect((await h.call('/api/site/export', { admin: null })).status).toBe(401);
    expect((await h.call('/api/site/import', { admin: null, method: 'POST', body: '{}' })).status).toBe(401);
  });
});
