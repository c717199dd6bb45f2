import type { Sms2003Site } from '../sms2003/sms2003-site';
import { distributionMigrationReason, isDistributionMigrated, ITMU_NAME, shouldUpgradeItmu } from './upgrade-site';

import type { PreUpgradeCheck } from './pre-upgrade-check-schema';

// The schema is apart (the console parses answers with it and must not load the upgrade itself).
export { preUpgradeCheckSchema, type PreUpgradeCheck } from './pre-upgrade-check-schema';

/**
 * What Setup's upgrade wizard checks before it starts, from the planning topic and the upgrade documentation:
 * package sources, where ITMU is installed, other feature packs, distributions advertised from child sites.
 */
export function preUpgradeChecks(sms2003: Sms2003Site, siteCode: string): PreUpgradeCheck[] {
  const site = sms2003.sites.find((candidate) => candidate.code === siteCode);
  const checks: PreUpgradeCheck[] = [];
  const upgraded = site?.version !== 'SMS 2003 SP3';
  checks.push({
    id: 'site-version',
    name: 'Site version',
    status: upgraded ? 'Failed' : 'Passed',
    detail: upgraded
      ? `Site ${siteCode} already runs ${site?.version ?? 'an unknown version'}.`
      : `Site ${siteCode} runs SMS 2003 SP3; SMS 2003 SP2 or later can be upgraded.`,
  });
  const highest = site?.parentCode === null;
  checks.push({
    id: 'upgrade-order',
    name: 'Upgrade order',
    status: highest ? 'Passed' : 'Warning',
    detail: highest
      ? `${siteCode} is the highest site of the hierarchy, where the inventory scan tools are installed: it is upgraded first.`
      : `${siteCode} is not the highest site: upgrade the central site first.`,
  });
  const invalid = sms2003.distributions.filter((distribution) => !distribution.sourceValid);
  checks.push({
    id: 'package-sources',
    name: 'Package sources',
    status: invalid.length === 0 ? 'Passed' : 'Warning',
    detail:
      invalid.length === 0
        ? 'Every software update package has a valid package source.'
        : `${invalid.map((d) => `${d.name} (${d.packageId}): ${d.sourcePath}`).join('; ')}. If the package source is not valid, you must re-download all of the content in the package source or the package source validation check will fail and the content will be invalidated.`,
  });
  const itmu = sms2003.scanTools.find((tool) => tool.name === ITMU_NAME);
  const willUpgrade = shouldUpgradeItmu(sms2003, siteCode);
  checks.push({
    id: 'itmu',
    name: ITMU_NAME,
    status: willUpgrade ? 'Passed' : 'Warning',
    detail: willUpgrade
      ? `Version ${itmu?.version ?? ''} is installed at ${siteCode} and on no site higher in the hierarchy: Setup will upgrade it and download the latest Microsoft Update catalog.`
      : `Not installed at ${siteCode}, or installed on a site higher in the hierarchy: Setup will not upgrade it.`,
  });
  const otherTools = sms2003.scanTools.filter((tool) => tool.name !== ITMU_NAME);
  checks.push({
    id: 'feature-packs',
    name: 'Other feature packs',
    status: otherTools.length === 0 ? 'Passed' : 'Warning',
    detail:
      otherTools.length === 0
        ? 'No other SMS 2003 feature pack is installed.'
        : `Installed: ${otherTools.map((tool) => tool.name).join(', ')}. Uninstall SMS 2003 feature packs except the Inventory Tool for Microsoft Updates before upgrading; other inventory scan tools are not compatible with Configuration Manager 2007 and information about them is not migrated.`,
  });
  const fromChildSites = sms2003.distributions.filter(
    (distribution) => !isDistributionMigrated(distribution, siteCode),
  );
  checks.push({
    id: 'distributions',
    name: 'Software update distributions',
    status: fromChildSites.length === 0 ? 'Passed' : 'Warning',
    detail:
      fromChildSites.length === 0
        ? 'Every distribution was advertised from this site and will be migrated.'
        : `Not migrated: ${fromChildSites.map((d) => `${d.name}: ${distributionMigrationReason(d, siteCode)}`).join(' ')}`,
  });
  return checks;
}
