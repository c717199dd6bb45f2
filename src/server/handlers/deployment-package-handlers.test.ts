import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deploymentPackageNodeId,
  findNode,
  NODE_IDS,
  sms2003AdvertisementNodeId,
} from '@/domain/console-tree/console-tree';
import type { ConsoleTreeNode } from '@/domain/contract/api-contract';
import {
  deploymentPackagePropertiesSchema,
  downloadEligibilityResponseSchema,
  downloadResponseSchema,
} from '@/domain/contract/deployment-package-contract';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import type { SoftwareUpdate } from '@/domain/model/software-update';
import { startTestBackend } from '../test-harness';

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;

let h: Harness;
beforeAll(async () => {
  h = await startTestBackend({ stage: 'synchronized' });
});
afterAll(() => h.stop());

const send = (method: string, path: string, body?: unknown, admin: string = smsadmin) =>
  h.call(path, { method, body: body === undefined ? undefined : JSON.stringify(body), admin });

async function snapshot() {
  return {
    state: JSON.stringify(h.backend.state),
    version: h.backend.version,
    saved: JSON.stringify(await h.store.load()),
  };
}

/** A refused request leaves the site byte for byte as it was. */
async function expectRefused(request: Promise<{ status: number; body: Record<string, unknown> }>, status: number) {
  const before = await snapshot();
  const { status: got, body } = await request;
  expect(got, JSON.stringify(body)).toBe(status);
  expect(await snapshot()).toEqual(before);
  return body as { error: { code: string; message: string; field?: string; rule?: string } };
}

const ids = (where: (update: SoftwareUpdate) => boolean) =>
  h.backend.state.softwareUpdates.filter(where).map((update) => update.id);
/** The synchronized (active, not LEGACY) English MS08-067 updates. */
const ms08067 = () =>
  ids((u) => u.bulletinId === 'MS08-067' && !u.existedBeforeUpgrade && u.language === 'English' && !u.expired);
/** In the Synchronized stage only the other scan tools' updates are still expired. */
const expiredOne = () => ids((u) => u.expired).slice(0, 1);

const NEW_PACKAGE = {
  kind: 'new',
  name: 'MS08-067 Updates',
  description: 'Server Service vulnerability',
  sourcePath: '\\\\CEN-SMS01\\PkgSrc$\\Updates\\MS08-067',
  distributionPointIds: ['CEN-SMS01'],
} as const;
const downloadBody = (overrides: Record<string, unknown> = {}) => ({
  updateIds: ms08067(),
  deploymentPackage: NEW_PACKAGE,
  downloadFrom: { kind: 'internet' },
  languages: ['English'],
  ...overrides,
});

async function tree(admin: string = smsadmin): Promise<ConsoleTreeNode> {
  const { status, body } = await h.call('/api/console-tree', { admin });
  expect(status).toBe(200);
  return body as unknown as ConsoleTreeNode;
}

describe('Download Updates Wizard: what it may offer', () => {
  it('the MS08-067 updates can be downloaded by CONTOSO\\smsadmin into a new package, to the site distribution point', async () => {
    expect(ms08067().length).toBeGreaterThan(0);
    const { status, body } = await send('POST', '/api/deployment-packages/download-eligibility', {
      updateIds: ms08067(),
    });
    expect(status).toBe(200);
    const answer = downloadEligibilityResponseSchema.parse(body);
    expect(answer).toMatchObject({ cannotDownload: null, cannotCreatePackage: null, packages: [] });
    expect(answer.distributionPoints).toEqual([{ id: 'CEN-SMS01', name: '\\\\CEN-SMS01', siteCode: 'CEN' }]);
  });

  it("an expired update cannot be downloaded, with the domain's reason", async () => {
    const { body } = await send('POST', '/api/deployment-packages/download-eligibility', { updateIds: expiredOne() });
    expect(downloadEligibilityResponseSchema.parse(body).cannotDownload).toMatch(
      /stays expired\. Its files cannot be downloaded either\.$/,
    );
  });

  it('CONTOSO\\patchadmin is told why a new package is refused: no Create right on Deployment Packages', async () => {
    // patchadmin reads the LEGACY updates only: ask about one of those.
    const { status, body } = await send(
      'POST',
      '/api/deployment-packages/download-eligibility',
      { updateIds: expiredOne() },
      patchadmin,
    );
    expect(status).toBe(200);
    expect(downloadEligibilityResponseSchema.parse(body).cannotCreatePackage).toBe(
      'CONTOSO\\patchadmin has no Create right on Deployment Packages',
    );
  });

  it('400 names the field of a malformed request', async () => {
    const { status, body } = await send('POST', '/api/deployment-packages/download-eligibility', { updateIds: [] });
    expect(status).toBe(400);
    expect(body.error?.field).toBe('updateIds');
  });
});

describe('Download Updates Wizard: refused downloads leave the site as it was', () => {
  it('403 without Create on deployment packages (CONTOSO\\patchadmin), naming the right', async () => {
    const body = await expectRefused(
      send('POST', '/api/deployment-packages/download', downloadBody({ updateIds: expiredOne() }), patchadmin),
      403,
    );
    expect(body.error.message).toBe('CONTOSO\\patchadmin has no Create right on Deployment Packages');
  });

  it('403 for an update the caller may not read (CONTOSO\\lonadmin)', async () => {
    const body = await expectRefused(send('POST', '/api/deployment-packages/download', downloadBody(), lonadmin), 403);
    expect(body.error.message).toMatch(/^CONTOSO\\lonadmin has no Read right on software update /);
  });

  it('400 naming deploymentPackage.sourcePath for a path that is not UNC', async () => {
    const body = await expectRefused(
      send(
        'POST',
        '/api/deployment-packages/download',
        downloadBody({ deploymentPackage: { ...NEW_PACKAGE, sourcePath: 'C:\\Updates' } }),
      ),
      400,
    );
    expect(body.error.field).toBe('deploymentPackage.sourcePath');
  });

  it('400 naming a field the endpoint does not take', async () => {
    const body = await expectRefused(
      send('POST', '/api/deployment-packages/download', { ...downloadBody(), deadline: null }),
      400,
    );
    expect(body.error.field).toBe('deadline');
  });

  it("409 for an expired update (the domain's rule)", async () => {
    const body = await expectRefused(
      send('POST', '/api/deployment-packages/download', downloadBody({ updateIds: expiredOne() })),
      409,
    );
    expect(body.error.rule).toBe('update-not-downloadable');
  });

  it('409 for a package source another package uses', async () => {
    const body = await expectRefused(
      send(
        'POST',
        '/api/deployment-packages/download',
        downloadBody({ deploymentPackage: { ...NEW_PACKAGE, sourcePath: CONTOSO.invalidPackageSource } }),
      ),
      409,
    );
    expect(body.error).toMatchObject({ rule: 'package-source-unusable' });
    expect(body.error.message).toMatch(/is in use by the package Office Security Updates 2008-Q1/);
  });

  it('409 for a name over 50 characters, and for no language', async () => {
    await expectRefused(
      send(
        'POST',
        '/api/deployment-packages/download',
        downloadBody({ deploymentPackage: { ...NEW_PACKAGE, name: 'x'.repeat(51) } }),
      ),
      409,
    );
    await expectRefused(send('POST', '/api/deployment-packages/download', downloadBody({ languages: [] })), 409);
  });

  it('404 for an existing package that is not there', async () => {
    await expectRefused(
      send(
        'POST',
        '/api/deployment-packages/download',
        downloadBody({ deploymentPackage: { kind: 'existing', id: 'CEN09999' } }),
      ),
      404,
    );
  });
});

describe('Downloading MS08-067 into a new package, on the site clock', () => {
  let packageId = '';

  it('200: the package is created at once, the download is a job; its distribution point is Install Pending', async () => {
    const { status, body } = await send('POST', '/api/deployment-packages/download', downloadBody());
    expect(status, JSON.stringify(body)).toBe(200);
    const answer = downloadResponseSchema.parse(body);
    packageId = answer.item.id;
    expect(answer.item).toMatchObject({ name: 'MS08-067 Updates', createdBy: smsadmin, updateIds: [] });
    expect(answer.rights).toContain('Modify');
    const points = await h.call(
      `/api/deployment-package-distribution-points?node=${encodeURIComponent(deploymentPackageNodeId(packageId, 'distribution-points'))}`,
    );
    expect(points.body.items?.map((row) => [row.name, row.status])).toEqual([['\\\\CEN-SMS01', 'Install Pending']]);
    const properties = deploymentPackagePropertiesSchema.parse(
      (await h.call(`/api/deployment-packages/${packageId}/properties`)).body,
    );
    expect(properties.content.current).toBe(false);
    expect(properties.runningJobId).toBe(answer.jobId);
  });

  it('the package is a node under Deployment Packages, with Access Accounts, Distribution Points and Software Updates', async () => {
    const node = findNode(await tree(), deploymentPackageNodeId(packageId));
    expect(node?.name).toBe('MS08-067 Updates');
    expect(node?.children.map((child) => child.name)).toEqual([
      'Access Accounts',
      'Distribution Points',
      'Software Updates',
    ]);
    // Not to those who may not read it.
    expect(findNode(await tree(patchadmin), deploymentPackageNodeId(packageId))).toBeUndefined();
  });

  it('once the job ends, the updates are Downloaded and in the package; the distribution point is Installed', async () => {
    expect((await send('POST', '/api/site/clock', { type: 'fast-forward-to-end-of-jobs' })).status).toBe(200);
    const listed = await h.call(
      `/api/software-updates?node=${encodeURIComponent(deploymentPackageNodeId(packageId, 'software-updates'))}&limit=100`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items?.map((row) => row.id).sort()).toEqual([...ms08067()].sort());
    expect(listed.body.items?.every((row) => row.downloaded === true)).toBe(true);
    const points = await h.call(
      `/api/deployment-package-distribution-points?node=${encodeURIComponent(deploymentPackageNodeId(packageId, 'distribution-points'))}`,
    );
    expect(points.body.items?.map((row) => row.status)).toEqual(['Installed']);
    const properties = deploymentPackagePropertiesSchema.parse(
      (await h.call(`/api/deployment-packages/${packageId}/properties`)).body,
    );
    expect(properties.content).toMatchObject({ version: 1, current: true, updateCount: ms08067().length });
  });

  it('Access Accounts lists the product defaults: Users - Read, Administrators - Full Control', async () => {
    const { status, body } = await h.call(
      `/api/deployment-package-access-accounts?node=${encodeURIComponent(deploymentPackageNodeId(packageId, 'access-accounts'))}`,
    );
    expect(status).toBe(200);
    expect(body.items?.map((row) => [row.name, row.access])).toEqual([
      ['Administrators', 'Full Control'],
      ['Users', 'Read'],
    ]);
  });

  it('a package node is 403 to one without any right on packages, and 400 for a package that is not there', async () => {
    const node = encodeURIComponent(deploymentPackageNodeId(packageId, 'access-accounts'));
    expect((await h.call(`/api/deployment-package-access-accounts?node=${node}`, { admin: patchadmin })).status).toBe(
      403,
    );
    const missing = encodeURIComponent(deploymentPackageNodeId('CEN09999', 'software-updates'));
    const answer = await h.call(`/api/software-updates?node=${missing}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.field).toBe('node');
  });

  it('downloading again into it (existing) moves its content to version 2; the audit log has both downloads', async () => {
    const more = ids((u) => u.bulletinId === 'MS08-078' && !u.existedBeforeUpgrade && !u.expired).slice(0, 1);
    const updateIds = more.length > 0 ? more : ms08067().slice(0, 1);
    const { status } = await send(
      'POST',
      '/api/deployment-packages/download',
      downloadBody({ updateIds, deploymentPackage: { kind: 'existing', id: packageId } }),
    );
    expect(status).toBe(200);
    // A second download while one runs is refused (409), the site unchanged.
    await expectRefused(
      send(
        'POST',
        '/api/deployment-packages/download',
        downloadBody({ updateIds, deploymentPackage: { kind: 'existing', id: packageId } }),
      ),
      409,
    );
    await send('POST', '/api/site/clock', { type: 'fast-forward-to-end-of-jobs' });
    const properties = deploymentPackagePropertiesSchema.parse(
      (await h.call(`/api/deployment-packages/${packageId}/properties`)).body,
    );
    expect(properties.content.version).toBe(2);
    const audit = await h.call('/api/audit-log?q=deployment%20package&limit=20');
    expect(audit.body.items?.map((row) => [row.action, row.right, row.outcome])).toEqual(
      expect.arrayContaining([
        ['Download software updates into a new deployment package', 'Create on Deployment Packages', 'Succeeded'],
        ['Download software updates into deployment package', `Modify on deployment package ${packageId}`, 'Succeeded'],
      ]),
    );
  });

  it('PATCH saves the name and description (200); 400, 403, 404 and 409 change nothing', async () => {
    const ok = await send('PATCH', `/api/deployment-packages/${packageId}`, {
      name: 'MS08-067 Updates',
      description: 'Server Service (KB958644), all languages we use',
    });
    expect(ok.status).toBe(200);
    expect(deploymentPackagePropertiesSchema.parse(ok.body).item.description).toBe(
      'Server Service (KB958644), all languages we use',
    );
    const missingField = await expectRefused(
      send('PATCH', `/api/deployment-packages/${packageId}`, { description: 'x' }),
      400,
    );
    expect(missingField.error.field).toBe('name');
    const forbidden = await expectRefused(
      send('PATCH', `/api/deployment-packages/${packageId}`, { name: 'A', description: '' }, auditor),
      403,
    );
    expect(forbidden.error.message).toBe('CONTOSO\\auditor has no Read right on Deployment Packages');
    await expectRefused(send('PATCH', '/api/deployment-packages/CEN09999', { name: 'A', description: '' }), 404);
    const long = await expectRefused(
      send('PATCH', `/api/deployment-packages/${packageId}`, {
        name: 'MS08-067 Updates',
        description: 'x'.repeat(128),
      }),
      409,
    );
    expect(long.error.rule).toBe('package-description-invalid');
  });

  it('a refused PATCH is in the audit log, naming the missing right', async () => {
    const audit = await h.call('/api/audit-log?q=auditor&limit=20');
    expect(
      audit.body.items?.some((row) => row.action === 'Modify deployment package' && row.outcome === 'Refused'),
    ).toBe(true);
  });
});

describe('SMS 2003 Advertisements: each migrated advertisement is a node listing its software updates', () => {
  it('Security Updates 2008-01 is a node; it lists exactly its updates', async () => {
    const advertisement = h.backend.state.sms2003Advertisements.find(
      (candidate) => candidate.name === CONTOSO.distributions.securityUpdates200801,
    );
    expect(advertisement).toBeDefined();
    const nodeId = sms2003AdvertisementNodeId(advertisement?.id ?? '');
    const parent = findNode(await tree(), NODE_IDS.sms2003Advertisements);
    expect(parent?.children.map((child) => child.name)).toContain(CONTOSO.distributions.securityUpdates200801);
    const { status, body } = await h.call(`/api/software-updates?node=${encodeURIComponent(nodeId)}&limit=200`);
    expect(status).toBe(200);
    expect(body.items?.map((row) => row.id).sort()).toEqual([...(advertisement?.updateIds ?? [])].sort());
    // CONTOSO\lonadmin reads no migrated advertisement.
    expect((await h.call(`/api/software-updates?node=${encodeURIComponent(nodeId)}`, { admin: lonadmin })).status).toBe(
      403,
    );
    expect((await h.call(`/api/software-updates?node=${encodeURIComponent(nodeId)}`, { admin: auditor })).status).toBe(
      200,
    );
  });
});
