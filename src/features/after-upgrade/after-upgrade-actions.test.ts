import { afterEach, describe, expect, it } from 'vitest';
import { collectionNodeId, NODE_IDS } from '@/domain/console-tree/console-tree';
import type { AfterUpgradeStatus } from '@/domain/contract/after-upgrade-contract';
import type { Right } from '@/domain/rights/rights';
import { CONTOSO } from '@/domain/scenario/contoso-names';
// eslint-disable-next-line no-restricted-imports -- the status is the real server's answer, not a hand-made copy
import { startTestBackend } from '@/server/test-harness';
import {
  afterUpgradeActions,
  AFTER_UPGRADE_LABELS as L,
  CHECKING,
  type AfterUpgradeActionContext,
  type AfterUpgradeDialogName,
} from './after-upgrade-actions';

const { smsadmin, patchadmin } = CONTOSO.administrators;
let stop: (() => void) | undefined;
afterEach(() => stop?.());

async function statusFor(admin: string, stage: 'just-upgraded' | 'synchronized' = 'just-upgraded') {
  const harness = await startTestBackend({ stage });
  stop = harness.stop;
  return (await harness.call('/api/site/after-upgrade', { admin })).body as unknown as AfterUpgradeStatus;
}

function actionsAt(node: AfterUpgradeActionContext['node'], overrides: Partial<AfterUpgradeActionContext> = {}) {
  const opened: Array<[AfterUpgradeDialogName, string | undefined]> = [];
  const ran: Array<[string, string | undefined]> = [];
  const result = afterUpgradeActions({
    node,
    admin: smsadmin,
    phase: 'configmgr',
    status: undefined,
    statusError: null,
    focused: null,
    selectedCount: 0,
    targetRights: undefined,
    open: (dialog, id) => opened.push([dialog, id]),
    runNow: (action, id) => ran.push([action, id]),
    ...overrides,
  });
  const find = (label: string) =>
    [...result.nodeActions, ...result.objectActions].find((action) => action.label === label);
  return { ...result, find, opened, ran };
}

const node = (id: string, kind: string, resource: string | null) => ({ id, kind, resource });
const siteSystems = node(NODE_IDS.siteSystems, 'site-systems', 'site-systems');
const updateRepository = node(NODE_IDS.updateRepository, 'update-repository', 'software-updates');

describe('after-upgrade actions', () => {
  it('say "Checking…" until the site status is read, then give the server\'s reasons', async () => {
    expect(actionsAt(siteSystems).find(L.newRoles)?.disabledBecause).toBe(CHECKING);
    const status = await statusFor(smsadmin);
    const { find } = actionsAt(updateRepository, { status });
    expect(find(L.runSynchronization)?.disabledBecause).toMatch(/^There is no software update point/);
    expect(find(L.runLegacyCleanup)?.disabledBecause).toBeUndefined();
    const advertisements = actionsAt(node(NODE_IDS.advertisements, 'advertisements', 'advertisements'), { status });
    expect(advertisements.find(L.removeItmu)?.disabledBecause).toBe(status.actions['remove-itmu'].why);
    expect(advertisements.find(L.removeItmu)?.disabledBecause).toMatch(
      /^Keep the Inventory Tool for Microsoft Updates/,
    );
    expect(advertisements.find(L.installKb954474)?.disabledBecause).toBeUndefined();
  });

  it('refuse to patchadmin what needs Modify on the site, with the missing right', async () => {
    const status = await statusFor(patchadmin);
    const { find } = actionsAt(siteSystems, { status, admin: patchadmin });
    expect(find(L.newRoles)?.disabledBecause).toBe(status.configureSoftwareUpdatePoint.why);
    expect(find(L.newRoles)?.disabledBecause).toContain('CONTOSO\\patchadmin has no Modify right');
  });

  it('open the Software Update Point dialog on the selected site system', async () => {
    const status = await statusFor(smsadmin);
    const focused = { id: 'CEN-SMS01', name: '\\\\CEN-SMS01' };
    const { find, opened } = actionsAt(siteSystems, { status, focused, selectedCount: 1 });
    find(L.newRoles)?.run();
    expect(opened).toEqual([['software-update-point', 'CEN-SMS01']]);
  });

  it('act on the one selected object, with the right the server will ask for', () => {
    const packages = node(NODE_IDS.packages, 'packages', 'packages');
    const focused = { id: 'CEN00002' };
    expect(actionsAt(packages).find(L.changeSourcePath)?.disabledBecause).toBe('Select one package first.');
    expect(actionsAt(packages, { focused, selectedCount: 1 }).find(L.changeSourcePath)?.disabledBecause).toBe(CHECKING);
    const readOnly: Right[] = ['Read'];
    const refused = actionsAt(packages, { focused, selectedCount: 1, targetRights: readOnly });
    expect(refused.find(L.changeSourcePath)?.disabledBecause).toBe(
      'CONTOSO\\smsadmin has no Modify right on package CEN00002',
    );
    expect(refused.find(L.updateDistributionPoints)?.disabledBecause).toBe(
      'CONTOSO\\smsadmin has no Distribute right on package CEN00002',
    );
    const allowed = actionsAt(packages, { focused, selectedCount: 1, targetRights: ['Read', 'Modify', 'Distribute'] });
    allowed.find(L.updateDistributionPoints)?.run();
    expect(allowed.ran).toEqual([['update-distribution-points', 'CEN00002']]);
  });

  it('upgrade the clients of the collection whose node is selected', () => {
    const lon = node(collectionNodeId('CEN00012'), 'collection', 'clients');
    const { find, opened } = actionsAt(lon, { targetRights: ['Read', 'Modify'] });
    find(L.upgradeClients)?.run();
    expect(opened).toEqual([['upgrade-clients', undefined]]);
  });

  it('offer Setup only for LON among the sites', async () => {
    const status = await statusFor(smsadmin);
    const sites = node(NODE_IDS.siteManagement, 'site-management', 'sites');
    const cen = actionsAt(sites, { status, focused: { id: 'CEN', code: 'CEN' }, selectedCount: 1 });
    expect(cen.find(L.upgradeSite)?.disabledBecause).toMatch(/^Site CEN already runs Configuration Manager 2007/);
    const lon = actionsAt(sites, { status, focused: { id: 'LON', code: 'LON' }, selectedCount: 1 });
    expect(lon.find(L.upgradeSite)?.disabledBecause).toBeUndefined();
    lon.find(L.upgradeSite)?.run();
    expect(lon.opened).toEqual([['upgrade-lon', 'LON']]);
  });

  it('ask "Why?" of one selected software update, on every software updates list', () => {
    const hidden = node(NODE_IDS.hiddenSoftwareUpdates, 'hidden-software-updates', 'software-updates');
    expect(actionsAt(hidden).find(L.why)?.disabledBecause).toMatch(/^Select one software update/);
    const one = actionsAt(hidden, { focused: { id: '42' }, selectedCount: 1 });
    one.find(L.why)?.run();
    expect(one.opened).toEqual([['explain-update', '42']]);
  });

  it('offer nothing in the SMS 2003 console before the upgrade', () => {
    const { nodeActions, objectActions } = actionsAt(node(NODE_IDS.sms2003Packages, 'packages', 'packages'), {
      phase: 'sms2003',
    });
    expect([...nodeActions, ...objectActions]).toEqual([]);
  });
});
