import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NODE_IDS } from '@/domain/console-tree/console-tree';
import {
  startWalkthroughResponseSchema,
  walkthroughDetailSchema,
  walkthroughListSchema,
} from '@/domain/contract/walkthrough-contract';
import { DEFAULT_SUP_SETTINGS } from '@/domain/after-upgrade/software-update-point';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { WALKTHROUGHS } from '@/domain/walkthroughs/walkthroughs';
import { Backend } from '../backend';
import { startTestBackend } from '../test-harness';

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
const { smsadmin, patchadmin, lonadmin } = CONTOSO.administrators;

let harness: Harness;
beforeAll(async () => {
  harness = await startTestBackend({ stage: 'just-upgraded' });
});
afterAll(() => harness.stop());
beforeEach(async () => {
  await harness.backend.reset('just-upgraded');
  await harness.store.saveWalkthroughProgress(undefined);
});

const post = (path: string, body: unknown, admin: string = smsadmin) =>
  harness.call(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), admin });
const get = (path: string, admin: string = smsadmin) => harness.call(path, { admin });
const siteNow = () => JSON.stringify(harness.backend.exportSite());
const savedProgress = () => harness.store.loadWalkthroughProgress();

describe('GET /api/walkthroughs', () => {
  it('lists every walkthrough with its stage and the connected administrator’s progress', async () => {
    const { status, body } = await get('/api/walkthroughs');
    expect(status).toBe(200);
    const list = walkthroughListSchema.parse(body);
    expect(list.items.map((item) => item.id)).toEqual(WALKTHROUGHS.map((w) => w.id));
    const tour = list.items[0];
    expect(tour).toMatchObject({ stage: 'just-upgraded', stageName: 'Just upgraded', startedAt: null });
    expect(tour?.completedCount).toBe(0);
  });

  it('answers 401 without an administrator', async () => {
    expect((await harness.call('/api/walkthroughs', { admin: null })).status).toBe(401);
  });
});

describe('GET /api/walkthroughs/:id', () => {
  it('answers the steps, their completion read from the site, and the current step', async () => {
    const before = walkthroughDetailSchema.parse((await get('/api/walkthroughs/bring-updates-back')).body);
    expect(before.currentStepId).toBe('software-update-point');
    expect(before.steps[0]).toMatchObject({
      complete: false,
      completesByViewing: false,
      doneWhen: 'the software update point exists',
      planningSection: 'Synchronizing the Software Update Point',
      target: { nodeId: NODE_IDS.siteSystems, action: 'New Roles...' },
    });
    await harness.backend.apply({
      type: 'configure-software-update-point',
      serverName: CONTOSO.sites.central.serverName,
      ...DEFAULT_SUP_SETTINGS,
      by: smsadmin,
    });
    const after = walkthroughDetailSchema.parse((await get('/api/walkthroughs/bring-updates-back')).body);
    expect(after.steps[0]?.complete).toBe(true);
    expect(after.currentStepId).toBe('synchronize');
    expect(after.completedCount).toBe(1);
  });

  it('answers 404 for a walkthrough there is not', async () => {
    const { status, body } = await get('/api/walkthroughs/no-such-walkthrough');
    expect(status).toBe(404);
    expect(body.error?.message).toContain('no-such-walkthrough');
  });
});

describe('POST /api/walkthroughs/:id/start', () => {
  it('resets the site to the walkthrough’s stage and starts the connected administrator’s progress', async () => {
    await harness.backend.apply({ type: 'run-legacy-cleanup-script', by: smsadmin });
    const { status, body } = await post('/api/walkthroughs/run-the-upgrade/start', {});
    expect(status).toBe(200);
    const started = startWalkthroughResponseSchema.parse(body);
    expect(started.session).toMatchObject({ stage: 'before-upgrade', phase: 'sms2003' });
    expect(harness.backend.log).toHaveLength(0);
    expect(started.walkthrough).toMatchObject({
      siteAtStage: true,
      completedCount: 0,
      currentStepId: 'sms2003-advertisements',
    });
    expect(started.walkthrough).toMatchObject({ startedAt: harness.backend.now(), startedBy: smsadmin });
    // Kept with the administrator who started it; every administrator sees the run the site is in.
    expect(await savedProgress()).toEqual({
      [smsadmin]: { 'run-the-upgrade': { startedAt: harness.backend.now(), viewedStepIds: [] } },
    });
    const theirs = walkthroughDetailSchema.parse((await get('/api/walkthroughs/run-the-upgrade', patchadmin)).body);
    expect(theirs.startedBy).toBe(smsadmin);
  });

  it('a restart forgets the steps opened before', async () => {
    await post('/api/walkthroughs/tour-the-upgrade/start', {});
    await post('/api/walkthroughs/tour-the-upgrade/viewed', {
      stepId: 'update-repository',
      nodeId: NODE_IDS.updateRepository,
    });
    expect(walkthroughDetailSchema.parse((await get('/api/walkthroughs/tour-the-upgrade')).body).completedCount).toBe(
      1,
    );
    const restarted = startWalkthroughResponseSchema.parse(
      (await post('/api/walkthroughs/tour-the-upgrade/start', '')).body,
    );
    expect(restarted.walkthrough.completedCount).toBe(0);
  });

  it('answers 400 naming a field it does not take, and 404 for an unknown walkthrough; neither changes anything', async () => {
    await harness.backend.apply({ type: 'run-legacy-cleanup-script', by: smsadmin });
    const site = siteNow();
    const bad = await post('/api/walkthroughs/tour-the-upgrade/start', { stage: 'configured' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'BAD_REQUEST', field: 'stage' });
    const unknown = await post('/api/walkthroughs/nothing/start', {});
    expect(unknown.status).toBe(404);
    expect(siteNow()).toBe(site);
    expect(await savedProgress()).toBeUndefined();
  });
});

describe('POST /api/walkthroughs/:id/viewed', () => {
  it('completes a step by opening its node, connected as the administrator the step is done as', async () => {
    const { status, body } = await post('/api/walkthroughs/tour-the-upgrade/viewed', {
      stepId: 'update-repository',
      nodeId: NODE_IDS.updateRepository,
    });
    expect(status).toBe(200);
    const detail = walkthroughDetailSchema.parse(body);
    expect(detail.steps[0]?.complete).toBe(true);
    expect(detail.currentStepId).toBe('sms2003-advertisements');
    // Everyone sees the step done; it is kept with CONTOSO\\smsadmin's progress.
    const theirs = walkthroughDetailSchema.parse((await get('/api/walkthroughs/tour-the-upgrade', patchadmin)).body);
    expect(theirs.completedCount).toBe(1);
    expect(Object.keys((await savedProgress()) as object)).toEqual([smsadmin]);
  });

  it('answers 400 naming the missing field', async () => {
    const { status, body } = await post('/api/walkthroughs/tour-the-upgrade/viewed', { stepId: 'update-repository' });
    expect(status).toBe(400);
    expect(body.error?.field).toBe('nodeId');
    const extra = await post('/api/walkthroughs/tour-the-upgrade/viewed', {
      stepId: 'update-repository',
      nodeId: NODE_IDS.updateRepository,
      complete: true,
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error?.field).toBe('complete');
  });

  it('answers 404 for an unknown walkthrough or step', async () => {
    expect((await post('/api/walkthroughs/nothing/viewed', { stepId: 'a', nodeId: 'b' })).status).toBe(404);
    const step = await post('/api/walkthroughs/tour-the-upgrade/viewed', { stepId: 'nothing', nodeId: 'b' });
    expect(step.status).toBe(404);
    expect(step.body.error?.message).toContain('no step nothing');
  });

  it('answers 403 when the administrator may not open the node, naming the right; nothing is recorded', async () => {
    const { status, body } = await post(
      '/api/walkthroughs/tour-the-upgrade/viewed',
      { stepId: 'update-repository', nodeId: NODE_IDS.updateRepository },
      lonadmin,
    );
    expect(status).toBe(403);
    expect(body.error?.message).toBe('CONTOSO\\lonadmin has no Read right on Software Updates');
    expect(await savedProgress()).toBeUndefined();
  });

  it('answers 409 naming the rule for a step the site completes, another node, a node of another stage, or another administrator', async () => {
    const site = siteNow();
    const asPatchadmin = await post(
      '/api/walkthroughs/tour-the-upgrade/viewed',
      { stepId: 'update-repository', nodeId: NODE_IDS.updateRepository },
      patchadmin,
    );
    expect(asPatchadmin.status).toBe(409);
    expect(asPatchadmin.body.error).toMatchObject({ rule: 'step-done-as-another-administrator' });
    expect(asPatchadmin.body.error?.message).toContain('done connected as CONTOSO\\smsadmin');
    const bySite = await post('/api/walkthroughs/bring-updates-back/viewed', {
      stepId: 'software-update-point',
      nodeId: NODE_IDS.siteSystems,
    });
    expect(bySite.status).toBe(409);
    expect(bySite.body.error).toMatchObject({ rule: 'step-completes-by-site' });
    const otherNode = await post('/api/walkthroughs/tour-the-upgrade/viewed', {
      stepId: 'update-repository',
      nodeId: NODE_IDS.deploymentTemplates,
    });
    expect(otherNode.body.error).toMatchObject({ rule: 'step-node-differs' });
    // Just upgraded: the SMS 2003 console's nodes are gone.
    const gone = await post('/api/walkthroughs/run-the-upgrade/viewed', {
      stepId: 'sms2003-advertisements',
      nodeId: NODE_IDS.sms2003SiteAdvertisements,
    });
    expect(gone.status).toBe(409);
    expect(gone.body.error).toMatchObject({ rule: 'node-not-in-console' });
    expect(siteNow()).toBe(site);
    expect(await savedProgress()).toBeUndefined();
  });

  it('progress survives a restart of the backend (a reload), and a damaged store reads as not started', async () => {
    await post('/api/walkthroughs/tour-the-upgrade/viewed', {
      stepId: 'update-repository',
      nodeId: NODE_IDS.updateRepository,
    });
    const again = await Backend.start({ store: harness.store, wallClock: () => Date.parse('2026-01-01T00:00:00Z') });
    expect(await again.loadWalkthroughProgress()).toEqual({
      [smsadmin]: { 'tour-the-upgrade': { startedAt: null, viewedStepIds: ['update-repository'] } },
    });
    await harness.store.saveWalkthroughProgress({ [smsadmin]: { 'tour-the-upgrade': { startedAt: 5 } }, x: 'y' });
    const damaged = walkthroughDetailSchema.parse((await get('/api/walkthroughs/tour-the-upgrade')).body);
    expect(damaged.completedCount).toBe(0);
    expect(damaged.startedAt).toBeNull();
  });
});
