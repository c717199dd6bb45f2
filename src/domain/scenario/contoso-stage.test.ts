import { describe, expect, it } from 'vitest';
import { CONTOSO } from './contoso-names';
import { buildContosoStage, DEFAULT_SEED } from './contoso-stage';
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
