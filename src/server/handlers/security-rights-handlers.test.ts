import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listResponseSchema } from '@/domain/contract/api-contract';
import {
  delegationResponseSchema,
  rightsChangeResponseSchema,
  rightsReviewResponseSchema,
} from '@/domain/contract/security-rights-contract';
import { canRead, RightsIndex } from '@/domain/rights/rights';
import { securityRightRowId, securityRightRowSchema, type SecurityRightRow } from '@/domain/rights/security-rights';
import { CONTOSO, type StageId } from '@/domain/scenario/contoso-names';
import { Backend } from '../backend';
import { startTestBackend } from '../test-harness';

/**
 * Site Management > CEN > Security Rights over HTTP: the rights per administrator, granting and revoking them. "Users
 * who had full rights to all SMS 2003 software updates objects ... will not have any rights to new object types such
 * as deployment templates" (the planning topic) until an administrator who may grants them.
 */

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;

let h: Harness;
beforeEach(async () => {
  h = await startTestBackend({ stage: 'just-upgraded' });
});
afterEach(() => h.stop());

async function restartAt(stage: StageId) {
  h.stop();
  h = await startTestBackend({ stage });
}

function send(method: string, path: string, body?: unknown, admin: string | null = smsadmin) {
  return h.call(path, {
    method,
    admin,
    ...(body === undefined
      ? {}
      : {
          headers: { 'Content-Type': 'application/json' },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
  });
}

const rowsSchema = listResponseSchema(securityRightRowSchema);
async function rowsFor(admin: string, query = ''): Promise<SecurityRightRow[]> {
  const { status, body } = await send('GET', `/api/security-rights?limit=1000${query}`, undefined, admin);
  expect(status, JSON.stringify(body.error)).toBe(200);
  const parsed = rowsSchema.parse(body);
  expect(parsed.total).toBeLessThanOrEqual(1000);
  return parsed.items;
}

const legacyUpdateId = () => {
  const update = h.backend.state.softwareUpdates.find((candidate) => candidate.legacy);
  if (!update) throw new Error('The site has LEGACY updates');
  return update.id;
};

const templatesForPatchadmin = {
  account: patchadmin,
  objectType: 'DeploymentTemplate',
  instanceIds: null,
  rights: ['Read', 'Create'],
};

describe('GET /api/security-rights', () => {
  it('lists every administrator by class and object to CONTOSO\\smsadmin', async () => {
    const rows = await rowsFor(smsadmin);
    expect(rows.find((row) => row.id === `${smsadmin}:DeploymentTemplate:class`)).toEqual({
      id: `${smsadmin}:DeploymentTemplate:class`,
      account: smsadmin,
      objectType: 'DeploymentTemplate',
      className: 'Deployment Templates',
      scope: 'Class',
      instanceId: null,
      instanceName: null,
      rights: ['Read', 'Modify', 'Delete', 'Administer', 'Create', 'Delegate', 'Manage Folders'],
    });
    const lonPackage = rows.find((row) => row.account === lonadmin && row.objectType === 'Package');
    expect(lonPackage).toMatchObject({
      scope: 'Instance',
      instanceId: 'CEN00003',
      instanceName: 'LON Critical Updates 2008-04',
      rights: ['Read', 'Modify', 'Distribute'],
    });
    // patchadmin: every right on each migrated update, no right at all on the new object types.
    const patchadminRows = rows.filter((row) => row.account === patchadmin);
    expect(patchadminRows.some((row) => row.objectType === 'DeploymentTemplate')).toBe(false);
    expect(patchadminRows.filter((row) => row.objectType === 'SoftwareUpdate').length).toBeGreaterThan(100);
  });

  it('narrows to one administrator with ?account= (case-blind), and refuses an unknown one (400)', async () => {
    const rows = await rowsFor(smsadmin, `&account=${encodeURIComponent('contoso\\LONADMIN')}`);
    expect(new Set(rows.map((row) => row.account))).toEqual(new Set([lonadmin]));
    expect(rows.map((row) => `${row.className} ${row.instanceName ?? 'class'}`).sort()).toEqual([
      'Collections LON Workstations',
      'Packages LON Critical Updates 2008-04',
      'Sites CEN - Contoso Central Site',
    ]);
    const { status, body } = await send('GET', `/api/security-rights?account=${encodeURIComponent('CONTOSO\\x')}`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'BAD_REQUEST', field: 'account' });
  });

  it('shows an instance row only to those who may read its object', async () => {
    const state = h.backend.state;
    const rights = new RightsIndex(state.grants);
    for (const admin of [patchadmin, lonadmin, auditor]) {
      const rows = await rowsFor(admin);
      for (const row of rows) {
        const guard =
          row.instanceId === null ? { type: 'Site' as const, id: 'CEN' } : { type: row.objectType, id: row.instanceId };
        expect(canRead(rights, admin, guard.type, guard.id), `${admin} ${row.id}`).toBe(true);
      }
    }
    const lonRows = await rowsFor(lonadmin);
    expect(lonRows.some((row) => row.objectType === 'SoftwareUpdate' && row.scope === 'Instance')).toBe(false);
    // Class rows are the site's: everyone with Read on site CEN sees them.
    expect(lonRows.some((row) => row.id === `${smsadmin}:Site:class`)).toBe(true);
  });

  it('finds with Look for and sorts like every list', async () => {
    const { body } = await send('GET', '/api/security-rights?q=LON%20Critical&sort=account:desc');
    const rows = rowsSchema.parse(body).items;
    expect(rows.map((row) => row.account)).toEqual([patchadmin, lonadmin, auditor]);
  });

  it('answers one row by its id, 404 for none, 403 for a row naming an object the caller may not read', async () => {
    const id = securityRightRowId(patchadmin, 'SoftwareUpdate', legacyUpdateId());
    const one = await send('GET', `/api/security-rights/${encodeURIComponent(id)}`, undefined, auditor);
    expect(one.status).toBe(200);
    expect(securityRightRowSchema.parse(one.body.item).instanceId).toBe(legacyUpdateId());
    const refused = await send('GET', `/api/security-rights/${encodeURIComponent(id)}`, undefined, lonadmin);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe(
      `CONTOSO\\lonadmin has no Read right on software update ${legacyUpdateId()}`,
    );
    expect((await send('GET', '/api/security-rights/nobody:Site:class')).status).toBe(404);
  });

  it('is 403 to an administrator without Read on site CEN', async () => {
    expect(
      (
        await send('POST', '/api/security-rights/revoke', {
          account: patchadmin,
          objectType: 'Site',
          instanceIds: ['CEN'],
          rights: ['Read'],
        })
      ).status,
    ).toBe(200);
    const { status, body } = await send('GET', '/api/security-rights', undefined, patchadmin);
    expect(status).toBe(403);
    expect(body.error).toEqual({ code: 'FORBIDDEN', message: 'CONTOSO\\patchadmin has no Read right on site CEN' });
  });

  it('lists the SMS 2003 rights before the upgrade', async () => {
    await restartAt('before-upgrade');
    const rows = await rowsFor(smsadmin);
    expect(rows.some((row) => row.account === patchadmin && row.objectType === 'SoftwareUpdate')).toBe(true);
  });
});

describe('POST /api/security-rights/grant', () => {
  it("CONTOSO\\smsadmin grants CONTOSO\\patchadmin Read and Create on Deployment Templates: patchadmin's node opens and templates can be made", async () => {
    expect((await send('GET', '/api/deployment-templates', undefined, patchadmin)).status).toBe(403);
    const { status, body } = await send('POST', '/api/security-rights/grant', templatesForPatchadmin);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(rightsChangeResponseSchema.parse(body).rows).toEqual([
      expect.objectContaining({ id: `${patchadmin}:DeploymentTemplate:class`, rights: ['Read', 'Create'] }),
    ]);
    expect((await send('GET', '/api/deployment-templates', undefined, patchadmin)).status).toBe(200);
    expect((await send('GET', '/api/deployment-templates/rights', undefined, patchadmin)).body).toEqual({
      canCreate: true,
      whyNot: null,
    });
    // A log entry, stamped with the site clock: a backend started again from the saved site has the right.
    expect(h.backend.log.at(-1)).toMatchObject({ type: 'grant-rights', by: smsadmin, account: patchadmin });
    const again = await Backend.start({ store: h.store });
    expect(again.rights.hasClassRight(patchadmin, 'DeploymentTemplate', 'Create')).toBe(true);
  });

  it('lets CONTOSO\\patchadmin grant on a LEGACY update (every instance right on it, Administer included)', async () => {
    const id = legacyUpdateId();
    const { status } = await send(
      'POST',
      '/api/security-rights/grant',
      { account: auditor, objectType: 'SoftwareUpdate', instanceIds: [id], rights: ['Modify'] },
      patchadmin,
    );
    expect(status).toBe(200);
    expect(h.backend.rights.hasRight(auditor, 'SoftwareUpdate', id, 'Modify')).toBe(true);
  });

  const badBodies: Array<[string, unknown, string]> = [
    ['no account', { ...templatesForPatchadmin, account: undefined }, 'account'],
    ['an unknown object type', { ...templatesForPatchadmin, objectType: 'Printer' }, 'objectType'],
    ['no instanceIds field', { ...templatesForPatchadmin, instanceIds: undefined }, 'instanceIds'],
    ['an empty list of objects', { ...templatesForPatchadmin, instanceIds: [] }, 'instanceIds'],
    ['no right', { ...templatesForPatchadmin, rights: [] }, 'rights'],
    ['an unknown right', { ...templatesForPatchadmin, rights: ['Read', 'Fly'] }, 'rights.1'],
    ['a right the type does not have', { ...templatesForPatchadmin, rights: ['Distribute'] }, 'rights.0'],
    ['a field it does not take', { ...templatesForPatchadmin, everyone: true }, 'everyone'],
    ['a body that is not JSON', '{"account":', 'body'],
  ];
  it.each(badBodies)('is 400 naming the field for %s, and changes nothing', async (_, body, field) => {
    const before = JSON.stringify(h.backend.exportSite());
    const { status, body: answer } = await send('POST', '/api/security-rights/grant', body);
    expect(status).toBe(400);
    expect(answer.error).toMatchObject({ code: 'BAD_REQUEST', field });
    expect(JSON.stringify(h.backend.exportSite())).toBe(before);
  });

  it.each([patchadmin, lonadmin, auditor])(
    'is 403 to %s, naming the administrator, the right and the class, and changes nothing',
    async (admin) => {
      const before = JSON.stringify(h.backend.exportSite());
      const { status, body } = await send('POST', '/api/security-rights/grant', templatesForPatchadmin, admin);
      expect(status).toBe(403);
      expect(body.error).toEqual({
        code: 'FORBIDDEN',
        message: `${admin} has no Administer or Delegate right on Deployment Templates`,
      });
      expect(JSON.stringify(h.backend.exportSite())).toBe(before);
    },
  );

  const conflicts: Array<[string, unknown, string]> = [
    [
      'to an account that is not an administrator',
      { ...templatesForPatchadmin, account: 'CONTOSO\\x' },
      'unknown-administrator',
    ],
    ['on an object that does not exist', { ...templatesForPatchadmin, instanceIds: ['DT000042'] }, 'unknown-object'],
    [
      'what is held already',
      { account: auditor, objectType: 'Collection', instanceIds: null, rights: ['Read'] },
      'rights-already-held',
    ],
  ];
  it.each(conflicts)('is 409 %s, and changes nothing', async (_, body, rule) => {
    const before = JSON.stringify(h.backend.exportSite());
    const { status, body: answer } = await send('POST', '/api/security-rights/grant', body);
    expect(status).toBe(409);
    expect(answer.error).toMatchObject({ code: 'CONFLICT', rule });
    expect(JSON.stringify(h.backend.exportSite())).toBe(before);
  });

  it('is 409 before the upgrade, whoever asks', async () => {
    await restartAt('before-upgrade');
    for (const admin of [smsadmin, auditor]) {
      const { status, body } = await send('POST', '/api/security-rights/grant', templatesForPatchadmin, admin);
      expect(status).toBe(409);
      expect(body.error).toMatchObject({ rule: 'site-not-upgraded' });
    }
  });

  it('is 401 without an administrator', async () => {
    expect((await send('POST', '/api/security-rights/grant', templatesForPatchadmin, null)).status).toBe(401);
  });
});

describe('POST /api/security-rights/revoke', () => {
  it('takes back what was granted', async () => {
    await send('POST', '/api/security-rights/grant', templatesForPatchadmin);
    const { status, body } = await send('POST', '/api/security-rights/revoke', {
      ...templatesForPatchadmin,
      rights: ['Create'],
    });
    expect(status).toBe(200);
    expect(rightsChangeResponseSchema.parse(body).rows.map((row) => row.rights)).toEqual([['Read']]);
    expect((await send('GET', '/api/deployment-templates/rights', undefined, patchadmin)).body).toMatchObject({
      canCreate: false,
      whyNot: 'CONTOSO\\patchadmin has no Create right on Deployment Templates',
    });
  });

  it("is 409 for CONTOSO\\smsadmin's rights on the site, and changes nothing", async () => {
    const before = JSON.stringify(h.backend.exportSite());
    const { status, body } = await send('POST', '/api/security-rights/revoke', {
      account: smsadmin,
      objectType: 'Site',
      instanceIds: null,
      rights: ['Administer'],
    });
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: 'CONFLICT', rule: 'protected-right' });
    expect(body.error?.message).toMatch(/keeps Administer on it/);
    expect(JSON.stringify(h.backend.exportSite())).toBe(before);
  });

  it('is 409 for what was not granted, and 403 to an administrator who may not revoke', async () => {
    const notGranted = await send('POST', '/api/security-rights/revoke', templatesForPatchadmin);
    expect(notGranted.status).toBe(409);
    expect(notGranted.body.error).toMatchObject({ rule: 'rights-not-granted' });
    const refused = await send(
      'POST',
      '/api/security-rights/revoke',
      { account: auditor, objectType: 'Collection', instanceIds: null, rights: ['Read'] },
      lonadmin,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe('CONTOSO\\lonadmin has no Administer or Delegate right on Collections');
  });
});

describe('GET /api/security-rights/delegation and POST /api/security-rights/review', () => {
  it('says who may grant anything at all', async () => {
    const answers = await Promise.all(
      [smsadmin, patchadmin, lonadmin, auditor].map(async (admin) =>
        delegationResponseSchema.parse((await send('GET', '/api/security-rights/delegation', undefined, admin)).body),
      ),
    );
    expect(answers.map((answer) => answer.canGrant)).toEqual([true, true, false, false]);
    expect(answers[3]?.whyNot).toBe(
      'CONTOSO\\auditor has no Administer or Delegate right on any class or object: only an administrator who holds one may grant or revoke rights',
    );
  });

  it('reviews a request right by right, with the reasons the grant would be refused with', async () => {
    const { status, body } = await send('POST', '/api/security-rights/review', {
      action: 'revoke',
      account: lonadmin,
      objectType: 'Package',
      instanceIds: ['CEN00003'],
      rights: ['Read', 'Delete'],
    });
    expect(status).toBe(200);
    const review = rightsReviewResponseSchema.parse(body);
    expect(review.whyNot).toBe(
      'CONTOSO\\lonadmin holds no Delete right on package CEN00003 as an instance right: there is nothing to revoke.',
    );
    expect(review.rights.filter((entry) => entry.whyNot === null).map((entry) => entry.right)).toEqual([
      'Read',
      'Modify',
      'Distribute',
    ]);
    const forAuditor = rightsReviewResponseSchema.parse(
      (
        await send(
          'POST',
          '/api/security-rights/review',
          { action: 'grant', ...templatesForPatchadmin, rights: [] },
          auditor,
        )
      ).body,
    );
    expect(forAuditor.scopeWhyNot).toBe('CONTOSO\\auditor has no Administer or Delegate right on Deployment Templates');
  });
});
