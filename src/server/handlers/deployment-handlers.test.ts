import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deploymentResponseSchema,
  eligibilityResponseSchema,
  type CreateDeploymentRequest,
} from '@/domain/contract/deployment-contract';
import { DEFAULT_DEPLOYMENT_SETTINGS } from '@/domain/deployments/deployment-rules';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { startTestBackend } from '../test-harness';

/**
 * The Deploy Software Updates Wizard's endpoints (src/server/handlers/deployment-handlers.ts), against the Configured
 * stage of the Contoso scenario: "the template will be available ... only when all software updates can be deployed
 * to SMS 2003 clients" (the planning topic, "Using Deployment Templates That Specify SMS 2003 Settings").
 */

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
const { smsadmin, patchadmin } = CONTOSO.administrators;
const { workstationsSms2003, serversStandard } = CONTOSO.templates;

let h: Harness;
beforeEach(async () => {
  h = await startTestBackend({ stage: 'configured' });
});
afterEach(() => h.stop());

function send(method: string, path: string, body?: unknown, admin: string = smsadmin) {
  return h.call(path, {
    method,
    admin,
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
}

const updateIdsWhere = (test: (update: (typeof h.backend.state.softwareUpdates)[number]) => boolean) =>
  h.backend.state.softwareUpdates.filter(test).map((update) => update.id);
const ms08067 = () => updateIdsWhere((u) => u.bulletinId === 'MS08-067' && !u.legacy && u.language === 'English');
const kb890830 = () => updateIdsWhere((u) => u.title === CONTOSO.notDeployableToSms2003[0]);

async function offered(updateIds: string[]) {
  const { status, body } = await send('POST', '/api/deployments/eligibility', { updateIds });
  expect(status, JSON.stringify(body)).toBe(200);
  const answer = eligibilityResponseSchema.parse(body);
  return answer.templates.filter((template) => template.offered).map((template) => template.name);
}

function request(updateIds: string[], templateName: string | null): CreateDeploymentRequest {
  const template = h.backend.state.deploymentTemplates.find((t) => t.name === templateName) ?? null;
  const {
    id: _i,
    name: _n,
    description: _d,
    createdBy: _c,
    createdAt: _a,
    ...settings
  } = template ?? {
    id: '',
    name: '',
    description: '',
    createdBy: '',
    createdAt: '',
    ...DEFAULT_DEPLOYMENT_SETTINGS,
    collectionId: 'CEN00011',
  };
  return {
    name: 'MS08-067 to the pilot',
    description: '',
    updateIds,
    templateId: template?.id ?? null,
    settings: { ...settings, collectionId: 'CEN00011' },
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
  };
}

describe('Template Selection obeys the SMS 2003 rule', () => {
  it('offers both templates for MS08-067 updates, and only Servers - Standard once KB890830 is added', async () => {
    expect(ms08067().length).toBeGreaterThan(0);
    expect((await offered(ms08067())).sort()).toEqual([serversStandard, workstationsSms2003].sort());
    expect(await offered([...ms08067(), ...kb890830()])).toEqual([serversStandard]);
  });

  it('refuses a deployment with a template the selection does not allow (409), and changes nothing', async () => {
    const before = JSON.stringify(h.backend.exportSite());
    const { status, body } = await send(
      'POST',
      '/api/deployments',
      request([...ms08067(), ...kb890830()], workstationsSms2003),
    );
    expect(status).toBe(409);
    expect((body.error as { rule?: string } | undefined)?.rule).toBe('template-not-offered');
    expect(body.error?.message).toContain(CONTOSO.notDeployableToSms2003[0]);
    expect(JSON.stringify(h.backend.exportSite())).toBe(before);
  });

  it('makes the deployment with a template the selection allows; compliance moves on the site clock', async () => {
    const { status, body } = await send('POST', '/api/deployments', request(ms08067(), workstationsSms2003));
    expect(status, JSON.stringify(body)).toBe(200);
    const answer = deploymentResponseSchema.parse(body);
    expect(answer.item).toMatchObject({
      name: 'MS08-067 to the pilot',
      collectionId: 'CEN00011',
      deployToSms2003Clients: true,
    });
    expect(answer.jobId).not.toBeNull();
    const installed = () =>
      h.backend.state.softwareUpdates
        .filter((u) => ms08067().includes(u.id))
        .reduce((n, u) => n + u.compliance.installed, 0);
    const start = installed();
    await h.backend.changeClock({ type: 'fast-forward-to-end-of-jobs' });
    expect(installed()).toBeGreaterThan(start);
  });

  it('refuses CONTOSO\\patchadmin, who has no right on new object types', async () => {
    const { status, body } = await send('POST', '/api/deployments', request(ms08067(), serversStandard), patchadmin);
    expect(status).toBe(403);
    expect(body.error?.message).toContain('CONTOSO\\patchadmin');
  });
});
