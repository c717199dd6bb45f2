import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deploymentNodeId, deploymentUpdatesNodeId, findNode, NODE_IDS } from '@/domain/console-tree/console-tree';
import type { ConsoleTreeNode } from '@/domain/contract/api-contract';
import { deploymentObjectResponseSchema } from '@/domain/contract/deployment-properties-contract';
import { DEFAULT_DEPLOYMENT_SETTINGS } from '@/domain/deployments/deployment-rules';
import { RIGHTS_BY_OBJECT_TYPE } from '@/domain/rights/rights';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import type { SavedSite } from '../persistence/saved-site';
import { startTestBackend } from '../test-harness';

/**
 * A deployment's Properties (PATCH /api/deployments/:id), "Remove Software Updates" from its Software Updates node
 * (POST /api/deployments/:id/remove-updates), and the deployment's nodes, at the Configured stage: Critical Updates -
 * December 2008 (deployment 1, 16 updates) to All Windows XP Systems, available 12/18/2008 11:50 AM, deadline 12/25.
 */

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
const { smsadmin, patchadmin, auditor } = CONTOSO.administrators;
const ID = '1';
const NAME = 'Critical Updates - December 2008';

let harness: Harness;
beforeAll(async () => {
  harness = await startTestBackend({ stage: 'configured' });
});
afterAll(() => harness.stop());
beforeEach(async () => {
  await harness.backend.reset('configured');
});

const send = (method: string, path: string, body?: unknown, admin: string = smsadmin) =>
  harness.call(path, {
    method,
    admin,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });

const deployment = (id = ID) => harness.backend.state.deployments.find((candidate) => candidate.id === id);

/** The General and Schedule of deployment 1 as its Properties send them, with some fields changed. */
function properties(change: Record<string, unknown> = {}) {
  const current = deployment();
  if (!current) throw new Error('The Configured stage has no deployment 1');
  return {
    name: current.name,
    description: current.description,
    availableTime: current.availableTime,
    deadline: current.deadline,
    useUtc: current.useUtc,
    ...change,
  };
}

/** What a refused request must leave exactly as it was. */
async function snapshot() {
  return {
    state: JSON.stringify(harness.backend.state),
    version: harness.backend.version,
    saved: JSON.stringify(await harness.store.load()),
  };
}

async function expectRefused(
  request: Promise<{ status: number; body: { error?: { code: string; message: string; field?: string } } }>,
  status: number,
  expected: { field?: string; message?: RegExp | string },
) {
  const before = await snapshot();
  const { status: got, body } = await request;
  expect(got, JSON.stringify(body)).toBe(status);
  if (expected.field !== undefined) expect(body.error?.field).toBe(expected.field);
  if (expected.message !== undefined) expect(body.error?.message).toMatch(expected.message);
  expect(await snapshot()).toEqual(before);
  return body.error;
}

const updatesList = (id = ID, admin: string = smsadmin) =>
  harness.call(`/api/software-updates?node=${encodeURIComponent(deploymentUpdatesNodeId(id))}&limit=1000`, { admin });

async function tree(admin: string = smsadmin): Promise<ConsoleTreeNode> {
  const { status, body } = await harness.call('/api/console-tree', { admin });
  expect(status).toBe(200);
  return body as unknown as ConsoleTreeNode;
}

/** A second deployment (MS08-067 to CEN Pilot Workstations), made by CONTOSO\smsadmin. */
async function makeSecondDeployment() {
  const ids = harness.backend.state.softwareUpdates
    .filter((update) => update.bulletinId === 'MS08-067' && !update.legacy && update.language === 'English')
    .map((update) => update.id);
  const pilot = harness.backend.state.collections.find((c) => c.name === CONTOSO.collections.cenPilotWorkstations);
  const { status, body } = await send('POST', '/api/deployments', {
    name: 'MS08-067 to the pilot',
    description: '',
    updateIds: ids,
    templateId: null,
    settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: pilot?.id ?? null },
    availableTime: null,
    deadline: null,
    deploymentPackage: {
      kind: 'new',
      name: 'MS08-067',
      description: '',
      sourcePath: '\\\\CEN-SMS01\\PkgSrc$\\Updates\\MS08-067',
    },
    downloadFrom: { kind: 'internet' },
    languages: ['English'],
    acknowledgeLegacy: false,
    saveAsTemplate: null,
  });
  expect(status, JSON.stringify(body.error)).toBe(200);
  return (body.item as { id: string }).id;
}

const grant = async (account: string, objectType: string, instanceIds: string[] | null, rights: string[]) => {
  const { status, body } = await send('POST', '/api/security-rights/grant', {
    account,
    objectType,
    instanceIds,
    rights,
  });
  expect(status, JSON.stringify(body.error)).toBe(200);
};

describe('the console tree: each deployment under Deployment Management', () => {
  it('is a node before SMS 2003 Advertisements, holding one child named Software Updates', async () => {
    const management = findNode(await tree(), NODE_IDS.deploymentManagement);
    expect(management?.children.map((child) => child.name)).toEqual([NAME, 'SMS 2003 Advertisements']);
    const node = management?.children[0];
    expect(node).toMatchObject({ id: deploymentNodeId(ID), kind: 'deployment', resource: null });
    expect(node?.children).toEqual([
      {
        id: deploymentUpdatesNodeId(ID),
        name: 'Software Updates',
        kind: 'deployment-software-updates',
        resource: 'software-updates',
        children: [],
      },
    ]);
  });

  it('shows only the deployments the administrator may read', async () => {
    const management = findNode(await tree(patchadmin), NODE_IDS.deploymentManagement);
    expect(management?.children.map((child) => child.name)).toEqual(['SMS 2003 Advertisements']);
    await grant(patchadmin, 'Deployment', [ID], ['Read']);
    const granted = findNode(await tree(patchadmin), NODE_IDS.deploymentManagement);
    expect(granted?.children.map((child) => child.name)).toEqual([NAME, 'SMS 2003 Advertisements']);
  });
});

describe("GET /api/software-updates?node=<a deployment's Software Updates>", () => {
  it('lists exactly the updates the deployment holds', async () => {
    const { status, body } = await updatesList();
    expect(status).toBe(200);
    expect((body.items ?? []).map((item) => item.id).sort()).toEqual([...(deployment()?.updateIds ?? [])].sort());
    expect(body.total).toBe(16);
  });

  it('needs Read on the deployment: 403 naming it, or the type when none is readable', async () => {
    const none = await updatesList(ID, patchadmin);
    expect(none.status).toBe(403);
    expect(none.body.error?.message).toBe(`${patchadmin} has no Read right on Deployments`);
    const second = await makeSecondDeployment();
    await grant(patchadmin, 'Deployment', [second], ['Read']);
    const refused = await updatesList(ID, patchadmin);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe(`${patchadmin} has no Read right on deployment ${ID}`);
  });

  it('is a bad node (400) for a deployment the site does not have', async () => {
    const { status, body } = await updatesList('999');
    expect(status).toBe(400);
    expect(body.error?.field).toBe('node');
  });
});

describe('PATCH /api/deployments/:id: General and Schedule', () => {
  it('saves the name, description, deadline and UTC, answers the deployment with the rights, logs and audits it', async () => {
    const { status, body } = await send(
      'PATCH',
      `/api/deployments/${ID}`,
      properties({
        name: '  December 2008 critical updates  ',
        description: 'Moved by a day for the change board.',
        deadline: '2008-12-26T21:00:00Z',
        useUtc: true,
      }),
    );
    expect(status, JSON.stringify(body.error)).toBe(200);
    const answer = deploymentObjectResponseSchema.parse(body);
    expect(answer.item).toMatchObject({
      id: ID,
      name: 'December 2008 critical updates',
      description: 'Moved by a day for the change board.',
      availableTime: '2008-12-18T11:50:00Z',
      deadline: '2008-12-26T21:00:00Z',
      useUtc: true,
    });
    expect(answer.rights).toEqual([...RIGHTS_BY_OBJECT_TYPE.Deployment]);
    // The other settings are as the deployment was made.
    expect(answer.item.deployToSms2003Clients).toBe(true);
    expect(answer.item.updateIds).toHaveLength(16);
    const saved = (await harness.store.load()) as SavedSite;
    expect(saved.log.at(-1)).toMatchObject({ type: 'update-deployment-properties', id: ID, by: smsadmin });
    // The grid reads the new deadline.
    const list = await harness.call('/api/deployments?limit=10');
    expect(list.body.items?.[0]).toMatchObject({ id: ID, deadline: '2008-12-26T21:00:00Z' });
    const audit = await harness.call('/api/audit-log?q=Modify%20deployment&limit=10');
    expect(audit.body.items?.map((entry) => [entry.action, entry.objectId, entry.outcome])).toContainEqual([
      'Modify deployment',
      ID,
      'Succeeded',
    ]);
  });

  it('takes away the deadline (the updates become optional)', async () => {
    const { status, body } = await send('PATCH', `/api/deployments/${ID}`, properties({ deadline: null }));
    expect(status, JSON.stringify(body.error)).toBe(200);
    expect(deployment()?.deadline).toBeNull();
  });

  it.each([
    ['name', { name: '   ' }, /name: the deployment name cannot be empty/],
    ['name', { name: 'x'.repeat(257) }, /at most 256/],
    ['description', { description: 'x'.repeat(257) }, /at most 256/],
    ['deadline', { deadline: 'next Friday' }, /deadline must be a date and time/],
    ['availableTime', { availableTime: null }, /availableTime/],
    ['useUtc', { useUtc: 'yes' }, /useUtc/],
    ['collectionId', { collectionId: 'SMS00001' }, /takes no field "collectionId"/],
  ])('400 naming the field %s, and nothing changes', async (field, change, message) => {
    await expectRefused(send('PATCH', `/api/deployments/${ID}`, properties(change)), 400, { field, message });
  });

  it('403 without Modify on the deployment, naming the right and the deployment; nothing changes', async () => {
    await expectRefused(send('PATCH', `/api/deployments/${ID}`, properties(), patchadmin), 403, {
      message: `${patchadmin} has no Read right on Deployments`,
    });
    await grant(auditor, 'Deployment', [ID], ['Read']);
    await expectRefused(send('PATCH', `/api/deployments/${ID}`, properties(), auditor), 403, {
      message: `${auditor} has no Modify right on deployment ${ID}`,
    });
    const audit = await harness.call('/api/audit-log?q=Refused&searchIn=outcome&limit=50');
    expect(audit.body.items?.map((entry) => [entry.action, entry.administrator])).toContainEqual([
      'Modify deployment',
      auditor,
    ]);
  });

  it('404 for a deployment the site does not have', async () => {
    await expectRefused(send('PATCH', '/api/deployments/999', properties()), 404, {
      message: 'There is no deployment with ID 999.',
    });
  });

  it.each([
    ['deadline-before-available', { deadline: '2008-12-18T11:50:00Z' }, /Schedule: the deadline must be after/],
    [
      'deadline-before-available',
      { availableTime: '2008-12-26T00:00:00Z' },
      /the deadline must be after the time the updates become available/,
    ],
    ['deadline-in-past', { availableTime: '2008-12-01T00:00:00Z', deadline: '2008-12-10T00:00:00Z' }, /later than/],
    ['deployment-name-invalid', { name: 'Line\u0001break' }, /control characters/],
  ])('409 %s, and nothing changes', async (rule, change, message) => {
    const error = await expectRefused(send('PATCH', `/api/deployments/${ID}`, properties(change)), 409, { message });
    expect((error as { rule?: string } | undefined)?.rule).toBe(rule);
  });

  it('409 for a name another deployment has (case-blind)', async () => {
    await makeSecondDeployment();
    await expectRefused(send('PATCH', `/api/deployments/${ID}`, properties({ name: 'ms08-067 TO THE PILOT' })), 409, {
      message: /There is already a deployment named "MS08-067 to the pilot"/,
    });
  });
});

describe('POST /api/deployments/:id/remove-updates', () => {
  it('takes the updates out of the deployment and its node, and audits it', async () => {
    const held = deployment()?.updateIds ?? [];
    const removing = held.slice(0, 2);
    const { status, body } = await send('POST', `/api/deployments/${ID}/remove-updates`, { updateIds: removing });
    expect(status, JSON.stringify(body.error)).toBe(200);
    expect(deployment()?.updateIds).toEqual(held.slice(2));
    expect(Object.keys(deployment()?.expectedInstalls ?? {}).sort()).toEqual(held.slice(2).sort());
    const list = await updatesList();
    expect(list.body.total).toBe(14);
    // No other deployment holds them: they are no longer Deployed.
    const removed = harness.backend.state.softwareUpdates.filter((update) => removing.includes(update.id));
    expect(removed.map((update) => update.deployed)).toEqual([false, false]);
    const audit = await harness.call('/api/audit-log?q=Remove%20software%20updates%20from%20deployment&limit=10');
    expect(audit.body.total).toBe(1);
  });

  it('409 for an update the deployment does not hold, and for removing every update; nothing changes', async () => {
    const held = deployment()?.updateIds ?? [];
    const other = harness.backend.state.softwareUpdates.find((update) => !held.includes(update.id));
    await expectRefused(send('POST', `/api/deployments/${ID}/remove-updates`, { updateIds: [other?.id] }), 409, {
      message: new RegExp(`does not hold software update ${other?.id ?? ''}`),
    });
    await expectRefused(send('POST', `/api/deployments/${ID}/remove-updates`, { updateIds: held }), 409, {
      message: /must keep at least one software update/,
    });
  });

  it('400 for no updates, 403 without Modify, 404 for no such deployment; nothing changes', async () => {
    await expectRefused(send('POST', `/api/deployments/${ID}/remove-updates`, { updateIds: [] }), 400, {
      field: 'updateIds',
    });
    await expectRefused(
      send('POST', `/api/deployments/${ID}/remove-updates`, { updateIds: ['16777517'] }, auditor),
      403,
      { message: `${auditor} has no Read right on Deployments` },
    );
    await expectRefused(send('POST', '/api/deployments/999/remove-updates', { updateIds: ['16777517'] }), 404, {});
  });
});
