import { describe, expect, it } from 'vitest';
import { CONTOSO } from '../scenario/contoso-names';
import { DEFAULT_SEED } from '../scenario/contoso-stage';
import { generateContosoSms2003Site } from '../scenario/generate-sms2003-site';
import { DEFAULT_SCALE } from '../scenario/scale';
import type { Sms2003Site } from '../sms2003/sms2003-site';
import { preUpgradeChecks, preUpgradeCheckSchema, type PreUpgradeCheck } from './pre-upgrade-checks';
import { ITMU_NAME } from './upgrade-site';

const SITE = CONTOSO.sites.central.code;
const contoso: Sms2003Site = generateContosoSms2003Site(DEFAULT_SEED, DEFAULT_SCALE);

function variant(change: (site: Sms2003Site) => void): Sms2003Site {
  const copy = structuredClone(contoso);
  change(copy);
  return copy;
}

function check(checks: PreUpgradeCheck[], id: string): PreUpgradeCheck {
  const found = checks.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No check ${id} in ${checks.map((c) => c.id).join(', ')}`);
  return found;
}

/** The Contoso hierarchy under a new central site HQ, so that CEN has a site above it. */
function underHq(hqHasItmu: boolean): Sms2003Site {
  return variant((copy) => {
    const cen = copy.sites.find((site) => site.code === SITE);
    if (!cen) throw new Error('No CEN');
    copy.sites.unshift({
      ...cen,
      id: 'HQ',
      code: 'HQ',
      name: 'Contoso Headquarters',
      serverName: 'HQ-SMS01',
      itmuInstalled: hqHasItmu,
    });
    cen.parentCode = 'HQ';
  });
}

describe('the pre-upgrade checks of the Contoso site CEN', () => {
  const checks = preUpgradeChecks(contoso, SITE);

  it('are, in order, site version, upgrade order, package sources, ITMU, other feature packs and distributions', () => {
    expect(checks.map((c) => [c.id, c.name, c.status])).toEqual([
      ['site-version', 'Site version', 'Passed'],
      ['upgrade-order', 'Upgrade order', 'Passed'],
      ['package-sources', 'Package sources', 'Warning'],
      ['itmu', ITMU_NAME, 'Passed'],
      ['feature-packs', 'Other feature packs', 'Warning'],
      ['distributions', 'Software update distributions', 'Warning'],
    ]);
    for (const c of checks) expect(preUpgradeCheckSchema.parse(c)).toEqual(c);
  });

  it('package sources: Warning naming Office Security Updates 2008-Q1 and \\\\CEN-SMS01\\PkgSrc$\\OfficeQ1', () => {
    const { detail } = check(checks, 'package-sources');
    expect(detail).toContain('Office Security Updates 2008-Q1 (CEN00002): \\\\CEN-SMS01\\PkgSrc$\\OfficeQ1');
    // "If the package source is not valid, you must re-download all of the content in the package source or the
    // package source validation check will fail and the content will be invalidated." (the planning topic)
    expect(detail).toContain(
      'you must re-download all of the content in the package source or the package source validation check will fail and the content will be invalidated',
    );
    for (const name of ['Security Updates 2008-01', 'LON Critical Updates 2008-04', 'Server Updates 2007-H2']) {
      expect(detail).not.toContain(name);
    }
  });

  it('ITMU: Passed, installed at CEN and on no site higher: Setup will upgrade it', () => {
    expect(check(checks, 'itmu').detail).toBe(
      'Version 2.0 is installed at CEN and on no site higher in the hierarchy: Setup will upgrade it and download the latest Microsoft Update catalog.',
    );
  });

  it('other feature packs: Warning naming the three other scan tools', () => {
    const { detail } = check(checks, 'feature-packs');
    expect(detail).toContain(
      'Installed: Inventory Tool for Custom Updates, Security Update Inventory Tool, Office Inventory Tool.',
    );
    expect(detail).toContain('information about them is not migrated');
  });

  it('distributions: Warning naming LON Critical Updates 2008-04, whose advertisement was created at LON', () => {
    const { detail } = check(checks, 'distributions');
    expect(detail).toContain('LON Critical Updates 2008-04');
    expect(detail).toContain('advertisement LON20001 was created at child site LON');
    expect(detail).toContain('Configuration Manager clients will not retrieve the updates it deploys');
    for (const name of ['Security Updates 2008-01', 'Office Security Updates 2008-Q1', 'Server Updates 2007-H2']) {
      expect(detail).not.toContain(name);
    }
  });

  it('never changes the site it reads', () => {
    const before = JSON.stringify(contoso);
    preUpgradeChecks(contoso, SITE);
    expect(JSON.stringify(contoso)).toBe(before);
  });
});

describe('the pre-upgrade checks of other sites', () => {
  interface Case {
    name: string;
    site: Sms2003Site;
    /** The site Setup would upgrade. */
    at: string;
    check: string;
    status: PreUpgradeCheck['status'];
    says: string;
  }
  const cases: Case[] = [
    {
      name: 'every package source valid',
      site: variant((copy) => copy.distributions.forEach((d) => (d.sourceValid = true))),
      at: SITE,
      check: 'package-sources',
      status: 'Passed',
      says: 'Every software update package has a valid package source.',
    },
    {
      name: 'two package sources not valid',
      site: variant((copy) => copy.distributions.forEach((d, i) => (d.sourceValid = i % 2 === 1))),
      at: SITE,
      check: 'package-sources',
      status: 'Warning',
      says: 'Security Updates 2008-01 (CEN00001): \\\\CEN-SMS01\\PkgSrc$\\SecurityUpdates2008-01; LON Critical Updates 2008-04 (CEN00003)',
    },
    {
      name: 'ITMU installed nowhere',
      site: variant((copy) => copy.sites.forEach((s) => (s.itmuInstalled = false))),
      at: SITE,
      check: 'itmu',
      status: 'Warning',
      says: 'Setup will not upgrade it',
    },
    {
      name: 'ITMU installed at HQ above CEN too',
      site: underHq(true),
      at: SITE,
      check: 'itmu',
      status: 'Warning',
      says: 'Setup will not upgrade it',
    },
    {
      name: 'ITMU installed at CEN only, under HQ',
      site: underHq(false),
      at: SITE,
      check: 'itmu',
      status: 'Passed',
      says: 'Setup will upgrade it',
    },
    {
      name: 'CEN under HQ',
      site: underHq(false),
      at: SITE,
      check: 'upgrade-order',
      status: 'Warning',
      says: 'CEN is not the highest site',
    },
    {
      name: 'LON, a child site',
      site: contoso,
      at: 'LON',
      check: 'upgrade-order',
      status: 'Warning',
      says: 'LON is not the highest site',
    },
    {
      name: 'LON, below CEN where ITMU is',
      site: contoso,
      at: 'LON',
      check: 'itmu',
      status: 'Warning',
      says: 'Setup will not upgrade it',
    },
    {
      name: 'no other feature pack',
      site: variant((copy) => (copy.scanTools = copy.scanTools.filter((tool) => tool.name === ITMU_NAME))),
      at: SITE,
      check: 'feature-packs',
      status: 'Passed',
      says: 'No other SMS 2003 feature pack is installed.',
    },
    {
      name: 'every distribution advertised from CEN',
      site: variant((copy) => copy.distributions.forEach((d) => (d.advertisementCreatedAt = 'CEN'))),
      at: SITE,
      check: 'distributions',
      status: 'Passed',
      says: 'Every distribution was advertised from this site and will be migrated.',
    },
    {
      name: 'CEN already upgraded',
      site: variant((copy) => copy.sites.forEach((s) => s.code === SITE && (s.version = 'Configuration Manager 2007'))),
      at: SITE,
      check: 'site-version',
      status: 'Failed',
      says: 'Site CEN already runs Configuration Manager 2007.',
    },
  ];

  it.each(cases)('$name: at $at, $check is $status', ({ site, at, check: id, status, says }) => {
    const found = check(preUpgradeChecks(site, at), id);
    expect(found.status).toBe(status);
    expect(found.detail).toContain(says);
  });

  // BUG (src/domain/upgrade/pre-upgrade-checks.ts, the 'distributions' check): every distribution that will not be
  // migrated is explained as "not migrated, because the advertisement was created at a child site", and named with
  // "(advertisement <id> created at <site>)". A distribution whose program was created at another site but whose
  // advertisement was created at CEN is not migrated either ("only when the advertisement and program for the
  // distribution is created at the site that is being upgraded"), but the check then says its advertisement,
  // created at CEN, "was created at a child site". Expected: the reason of distributionMigrationReason (here
  // "Its program was created at LON, not at CEN"), as the migration report and ConfigMgrSetup.log give it.
  it('a distribution whose program was created at LON is explained by its program, not its advertisement', () => {
    const site = variant((copy) => {
      for (const d of copy.distributions) {
        if (d.name === CONTOSO.distributions.lonCriticalUpdates200804) d.advertisementCreatedAt = 'CEN';
        if (d.name === CONTOSO.distributions.serverUpdates2007H2) d.programCreatedAt = 'LON';
      }
    });
    const found = check(preUpgradeChecks(site, SITE), 'distributions');
    expect(found.status).toBe('Warning');
    expect(found.detail).toContain('Server Updates 2007-H2');
    expect(found.detail).toContain('program was created at LON');
    expect(found.detail).not.toContain('advertisement was created at a child site');
  });
});
