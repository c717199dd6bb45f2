import { describe, expect, it } from 'vitest';
import { applyOperation, type Operation, type SiteWorld } from '../operations/operations';
import { buildWorld, DEFAULT_SEED } from '../scenario/contoso-stage';
import { CONTOSO } from '../scenario/contoso-names';
import { DEFAULT_SCALE } from '../scenario/scale';
import { advanceSite } from '../after-upgrade/site-events';
import { whyPackageSourceUnusable, downloadMinutes } from './deployment-package-operations';
import { packageDistributionStatus } from './package-content';

const world: SiteWorld = buildWorld('synchronized', DEFAULT_SEED, DEFAULT_SCALE, []);
const site = world.configMgr!;
const ms08067 = site.softwareUpdates
  .filter((u) => u.bulletinId === 'MS08-067' && !u.expired && u.language === 'English')
  .map((u) => u.id);

describe('a new package source: "must not be in use by another package"', () => {
  it.each([
    ['\\\\CEN-SMS01\\PkgSrc$\\Updates\\MS08-067', null],
    [CONTOSO.invalidPackageSource, /in use by the package Office Security Updates 2008-Q1/],
    [`${CONTOSO.invalidPackageSource}\\Sub`, /in use by the package/],
    ['\\\\FILESRV\\Updates', /does not exist or cannot be reached/],
  ])('%s', (path, expected) => {
    const why = whyPackageSourceUnusable(site, path);
    if (expected === null) expect(why).toBeNull();
    else expect(why).toMatch(expected);
  });
});

describe('downloading into a new package runs on the site clock', () => {
  const operation: Operation = {
    type: 'download-software-updates',
    at: site.clock,
    updateIds: ms08067,
    deploymentPackage: {
      kind: 'new',
      id: 'CEN00900',
      name: 'MS08-067',
      description: '',
      sourcePath: '\\\\CEN-SMS01\\PkgSrc$\\Updates\\MS08-067',
      distributionPointIds: ['CEN-SMS01'],
    },
    downloadFrom: { kind: 'network', path: '\\\\FILESRV\\Missing' },
    languages: ['English'],
    by: CONTOSO.administrators.smsadmin,
  };

  it('is Install Pending while it runs; a network location that does not exist leaves it Install Retrying, empty', () => {
    const started = applyOperation(world, operation, DEFAULT_SCALE).configMgr!;
    const pkg = started.deploymentPackages.find((candidate) => candidate.id === 'CEN00900')!;
    expect(packageDistributionStatus(started, pkg).status).toBe('Install Pending');
    const end = new Date(Date.parse(started.clock) + downloadMinutes(ms08067.length) * 60_000).toISOString();
    const ended = advanceSite(started, end);
    const after = ended.deploymentPackages.find((candidate) => candidate.id === 'CEN00900')!;
    expect(packageDistributionStatus(ended, after).status).toBe('Install Retrying');
    expect(after.updateIds).toEqual([]);
    expect(ended.softwareUpdates.filter((u) => ms08067.includes(u.id)).every((u) => !u.downloaded)).toBe(true);
  });

  it('a refused download (an expired update) leaves the world as it was', () => {
    const expired = site.softwareUpdates.find((u) => u.expired)!;
    const before = JSON.stringify(world);
    expect(() => applyOperation(world, { ...operation, updateIds: [expired.id] }, DEFAULT_SCALE)).toThrow(
      /cannot be downloaded either/,
    );
    expect(JSON.stringify(world)).toBe(before);
  });
});
