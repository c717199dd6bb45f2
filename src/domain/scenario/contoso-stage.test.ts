import { describe, expect, it } from 'vitest';
import { CONTOSO } from './contoso-names';
import { buildContosoStage, buildWorld, DEFAULT_SEED, runSteps, stageSteps } from './contoso-stage';
import { DEFAULT_SCALE, scaleForSoftwareUpdates, type Scale } from './scale';
import type { SiteState } from '../site-state';
import { LEGACY_SUFFIX } from '../upgrade/legacy-title';

const SCALES: Array<[string, Scale]> = [
  ['the default scale', DEFAULT_SCALE],
  ['1,000 updates', scaleForSoftwareUpdates(1_000)],
  ['10,000 updates', scaleForSoftwareUpdates(10_000)],
];

function expectNamedObjects(site: SiteState) {
  const names = (items: Array<{ name: string }>) => items.map((item) => item.name);
  expect(site.sites.map((s) => [s.code, s.name, s.serverName])).toEqual([
    ['CEN', 'Contoso Central Site', 'CEN-SMS01'],
    ['LON', 'London Primary Site', 'LON-SMS01'],
  ]);
  expect(site.administrators.map((a) => a.account)).toEqual([
    'CONTOSO\\smsadmin',
    'CONTOSO\\patchadmin',
    'CONTOSO\\lonadmin',
    'CONTOSO\\auditor',
  ]);
  expect(names(site.collections)).toEqual(
    expect.arrayContaining([
      'All Systems',
      'All Windows XP Systems',
      'All Windows Server 2003 Systems',
      'Microsoft Updates Tool Sync',
      'CEN Pilot Workstations',
      'LON Workstations',
    ]),
  );
  expect(names(site.packages)).toEqual(
    expect.arrayContaining([
      'Security Updates 2008-01',
      'Office Security Updates 2008-Q1',
      'LON Critical Updates 2008-04',
      'Server Updates 2007-H2',
    ]),
  );
  // Migrated distributions are SMS 2003 Advertisements; LON's advertisement was created at a child site.
  expect(names(site.sms2003Advertisements)).toEqual(
    expect.arrayContaining(['Security Updates 2008-01', 'Office Security Updates 2008-Q1', 'Server Updates 2007-H2']),
  );
  expect(names(site.sms2003Advertisements)).not.toContain('LON Critical Updates 2008-04');
  const office = site.packages.find((p) => p.name === 'Office Security Updates 2008-Q1');
  expect(office?.sourcePath).toBe('\\\\CEN-SMS01\\PkgSrc$\\OfficeQ1');
  expect(office?.sourceValid).toBe(false);
  const titles = site.softwareUpdates.map((u) => u.title);
  expect(titles).toContain('Security Update for Windows XP (KB941644) (LEGACY)');
  expect(titles).toContain('Contoso Payroll Client 4.2 Hotfix 3 (LEGACY)');
  expect(site.softwareUpdates.filter((u) => u.sourceCatalog === 'Custom Updates').length).toBeGreaterThanOrEqual(3);
  expect(site.softwareUpdates.some((u) => u.sourceCatalog === 'Security Update Inventory Tool')).toBe(true);
  expect(site.softwareUpdates.some((u) => u.sourceCatalog === 'Office Inventory Tool')).toBe(true);
}

describe('the Contoso scenario at its Just upgraded stage', () => {
  it.each(SCALES)('holds every named object at %s', (_label, scale) => {
    expectNamedObjects(buildContosoStage('just-upgraded', DEFAULT_SEED, scale));
  });

  it('holds every named object at 50,000 updates, with 20,000 clients and 500 distributions', () => {
    const site = buildContosoStage('just-upgraded', DEFAULT_SEED, scaleForSoftwareUpdates(50_000));
    expectNamedObjects(site);
    expect(site.softwareUpdates).toHaveLength(50_000);
    expect(site.clients).toHaveLength(20_000);
    expect(site.packages.filter((p) => p.purpose === 'Software update distribution')).toHaveLength(500);
  });

  it.each(SCALES)('is the same site for the same seed at %s', (_label, scale) => {
    expect(buildContosoStage('just-upgraded', DEFAULT_SEED, scale)).toEqual(
      buildContosoStage('just-upgraded', DEFAULT_SEED, scale),
    );
  });

  it('is another site for another seed, with the same named objects', () => {
    const other = buildContosoStage('just-upgraded', 7, DEFAULT_SCALE);
    expectNamedObjects(other);
    const compliance = (site: SiteState) => site.softwareUpdates.map((u) => u.compliance.installed);
    expect(compliance(other)).not.toEqual(compliance(buildContosoStage('just-upgraded', DEFAULT_SEED, DEFAULT_SCALE)));
  });

  it('has the scenario clients: 1,200 at CEN and 300 at LON, all SMS 2003 clients', () => {
    const site = buildContosoStage('just-upgraded', DEFAULT_SEED, DEFAULT_SCALE);
    expect(site.clients.filter((c) => c.siteCode === 'CEN')).toHaveLength(1200);
    expect(site.clients.filter((c) => c.siteCode === 'LON')).toHaveLength(300);
    expect(site.clients.every((c) => c.clientType === 'SMS 2003')).toBe(true);
    const byName = (name: string) => site.collections.find((c) => c.name === name);
    expect(byName('CEN Pilot Workstations')?.memberCount).toBe(150);
    expect(byName('All Windows Server 2003 Systems')?.memberCount).toBe(250);
    expect(byName('LON Workstations')?.memberCount).toBe(300);
    expect(byName('All Systems')?.memberCount).toBe(1500);
  });

  it('knows Microsoft updates only up to the May 2008 ITMU catalog (KB 954474 broke the June release)', () => {
    const site = buildContosoStage('just-upgraded', DEFAULT_SEED, DEFAULT_SCALE);
    const microsoft = site.softwareUpdates.filter((u) => u.sourceCatalog === 'Microsoft Update');
    expect(microsoft.length).toBeGreaterThan(100);
    expect(microsoft.every((u) => u.dateReleased <= CONTOSO.lastWorkingItmuCatalog)).toBe(true);
    expect(site.softwareUpdates.some((u) => u.bulletinId === 'MS08-067')).toBe(false);
  });

  it('migrates every update expired and titled (LEGACY) exactly once', () => {
    const site = buildContosoStage('just-upgraded', DEFAULT_SEED, scaleForSoftwareUpdates(1_000));
    for (const update of site.softwareUpdates) {
      expect(update.expired).toBe(true);
      expect(update.legacy).toBe(true);
      expect(update.title.endsWith(LEGACY_SUFFIX)).toBe(true);
      expect(update.title.slice(0, -LEGACY_SUFFIX.length).endsWith(LEGACY_SUFFIX)).toBe(false);
      const { total, required, installed, notRequired, unknown } = update.compliance;
      expect(required + installed + notRequired + unknown).toBe(total);
    }
  });

  it('gives every update a unique id', () => {
    const site = buildContosoStage('just-upgraded', DEFAULT_SEED, scaleForSoftwareUpdates(10_000));
    expect(new Set(site.softwareUpdates.map((u) => u.id)).size).toBe(site.softwareUpdates.length);
  });
});

describe('the Contoso scenario at its Synchronized stage', () => {
  const justUpgraded = buildWorld('just-upgraded', DEFAULT_SEED, DEFAULT_SCALE);
  const synchronized = buildWorld('synchronized', DEFAULT_SEED, DEFAULT_SCALE);
  const site = buildContosoStage('synchronized', DEFAULT_SEED, DEFAULT_SCALE);
  const configMgr = 'Configuration Manager 2007';

  it('is the Just upgraded site plus the stage steps, run by hand', () => {
    const upgradeSteps = stageSteps('just-upgraded');
    expect(stageSteps('synchronized').slice(0, upgradeSteps.length)).toEqual(upgradeSteps);
    const afterUpgrade = stageSteps('synchronized').slice(upgradeSteps.length);
    expect(afterUpgrade.length).toBeGreaterThan(0);
    expect(JSON.stringify(runSteps(justUpgraded, afterUpgrade, DEFAULT_SCALE))).toBe(JSON.stringify(synchronized));
    expect(JSON.stringify(site)).toBe(JSON.stringify(synchronized.configMgr));
  });

  it('holds every named object', () => {
    expectNamedObjects(site);
  });

  it('has the software update point on CEN-SMS01, synchronized', () => {
    expect(site.softwareUpdatePoint?.serverName).toBe(CONTOSO.sites.central.serverName);
    expect(site.softwareUpdatePoint?.lastSynchronizedAt).not.toBeNull();
    const server = site.siteSystems.find((system) => system.id === CONTOSO.sites.central.serverName);
    expect(server?.roles).toContain('ConfigMgr software update point');
  });

  it('has the ITMU catalog synchronized with KB 954474 installed, and the custom catalog republished', () => {
    expect(site.facts.siteServerUpdates).toContain('954474');
    expect(site.facts.itmuCatalogDate > CONTOSO.lastWorkingItmuCatalog).toBe(true);
    expect(site.facts.customCatalogRepublishedAt).not.toBeNull();
    const migrated = site.softwareUpdates.filter(
      (u) => u.legacy && (u.sourceCatalog === 'Microsoft Update' || u.sourceCatalog === 'Custom Updates'),
    );
    expect(migrated.every((u) => !u.expired)).toBe(true);
  });

  it('has the 400 CEN clients of CEN Pilot Workstations (150) and All Windows Server 2003 Systems (250) upgraded', () => {
    const upgraded = site.clients.filter((c) => c.clientType === configMgr);
    expect(upgraded).toHaveLength(400);
    expect(upgraded.every((c) => c.siteCode === 'CEN')).toBe(true);
    const byName = (name: string) => site.collections.find((c) => c.name === name);
    expect(byName('CEN Pilot Workstations')).toMatchObject({ configMgrClientCount: 150, sms2003ClientCount: 0 });
    expect(byName('All Windows Server 2003 Systems')).toMatchObject({
      configMgrClientCount: 250,
      sms2003ClientCount: 0,
    });
    expect(byName('All Systems')).toMatchObject({ configMgrClientCount: 400, sms2003ClientCount: 1100 });
    expect(byName('LON Workstations')).toMatchObject({ configMgrClientCount: 0, sms2003ClientCount: 300 });
  });

  it('has every synchronized MS08-067 update Deployable to SMS 2003', () => {
    const ms08067 = site.softwareUpdates.filter((u) => u.bulletinId === 'MS08-067' && !u.legacy);
    expect(ms08067.map((u) => u.title)).toEqual(
      expect.arrayContaining([
        'Security Update for Windows XP (KB958644)',
        'Security Update for Windows Server 2003 (KB958644)',
      ]),
    );
    expect(ms08067.every((u) => u.deployableToSms2003)).toBe(true);
  });

  it.each(CONTOSO.notDeployableToSms2003)('has "%s", not Deployable to SMS 2003', (title) => {
    const updates = site.softwareUpdates.filter((u) => u.title === title);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ legacy: false, expired: false, deployableToSms2003: false });
  });

  it('has no job still running', () => {
    expect(site.jobs.length).toBeGreaterThan(0);
    expect(site.jobs.filter((job) => job.state === 'Running')).toEqual([]);
  });
});
