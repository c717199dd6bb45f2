/**
 * The upgrade of the SMS 2003 site to Configuration Manager 2007, rule by rule: every bullet of the planning topic's
 * sections "Upgraded Software Updates Metadata" and "Scanning for Software Update Compliance After a Site Upgrade"
 * (shared/reference/planning-for-software-updates-site-upgrade.txt), each test quoting the sentence it implements.
 */
import { describe, expect, it } from 'vitest';
import { OBJECT_TYPES, RIGHTS_BY_OBJECT_TYPE, RightsIndex, type ObjectType } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import { DEFAULT_SEED } from '../scenario/contoso-stage';
import { generateContosoSms2003Site } from '../scenario/generate-sms2003-site';
import { DEFAULT_SCALE } from '../scenario/scale';
import type { MigrationObjectKind, MigrationReportRow, SiteState } from '../site-state';
import type { Sms2003Distribution, Sms2003Site, Sms2003Update } from '../sms2003/sms2003-site';
import { LEGACY_SUFFIX } from './legacy-title';
import { SETUP_DURATION_MINUTES } from './setup-log';
import {
  distributionMigrationReason,
  isDistributionMigrated,
  ITMU_NAME,
  shouldUpgradeItmu,
  upgradeSite,
  type SetupChoices,
} from './upgrade-site';

const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;
const SITE = CONTOSO.sites.central.code;
const MINUTE_MS = 60_000;

/** The Contoso SMS 2003 site before the upgrade (seed 2008, default scale). */
const contoso: Sms2003Site = generateContosoSms2003Site(DEFAULT_SEED, DEFAULT_SCALE);

function choices(sms2003: Sms2003Site, overrides: Partial<SetupChoices> = {}): SetupChoices {
  return { runBy: smsadmin, catalogSource: 'internet', startedAt: sms2003.clock, siteCode: SITE, ...overrides };
}

function upgrade(sms2003: Sms2003Site = contoso, overrides: Partial<SetupChoices> = {}): SiteState {
  return upgradeSite(sms2003, choices(sms2003, overrides), DEFAULT_SCALE);
}

/** A copy of the Contoso SMS 2003 site with one thing changed: the original is never touched. */
function variant(change: (site: Sms2003Site) => void): Sms2003Site {
  const copy = structuredClone(contoso);
  change(copy);
  return copy;
}

function distributionNamed(site: Sms2003Site, name: string): Sms2003Distribution {
  const found = site.distributions.find((distribution) => distribution.name === name);
  if (!found) throw new Error(`No distribution ${name}`);
  return found;
}

/** The one row of the migration report about an SMS 2003 object. */
function rowOf(state: SiteState, objectKind: MigrationObjectKind, sms2003Id: string): MigrationReportRow {
  const rows = state.migrationReport.filter((row) => row.objectKind === objectKind && row.sms2003Id === sms2003Id);
  expect(rows, `${objectKind} ${sms2003Id}`).toHaveLength(1);
  return rows[0] as MigrationReportRow;
}

const programId = (distribution: Sms2003Distribution) => `${distribution.packageId}:${distribution.programName}`;

const upgraded = upgrade();
const { distributions: names } = CONTOSO;

// ---------------------------------------------------------------------------------------------------------------

describe('"Existing SMS 2003 software update distributions will be migrated and continue to work as expected only when the advertisement and program for the distribution is created at the site that is being upgraded."', () => {
  it.each([
    [names.securityUpdates200801, true],
    [names.officeSecurityUpdates2008Q1, true],
    [names.lonCriticalUpdates200804, false],
    [names.serverUpdates2007H2, true],
  ])('%s: migrated %s', (name, migrated) => {
    const distribution = distributionNamed(contoso, name);
    expect(isDistributionMigrated(distribution, SITE)).toBe(migrated);
    const outcome = migrated ? 'Migrated' : 'Not migrated';
    expect(rowOf(upgraded, 'Program', programId(distribution)).outcome).toBe(outcome);
    expect(rowOf(upgraded, 'Advertisement', distribution.advertisementId).outcome).toBe(outcome);
    // A migrated distribution is listed under Deployment Management > SMS 2003 Advertisements, with its updates.
    const advertisement = upgraded.sms2003Advertisements.find((candidate) => candidate.name === name);
    expect(advertisement !== undefined).toBe(migrated);
    if (advertisement) {
      expect(advertisement).toMatchObject({
        id: distribution.advertisementId,
        packageId: distribution.packageId,
        programName: distribution.programName,
        createdAtSite: SITE,
      });
      expect(advertisement.updateIds).toHaveLength(distribution.updateKeys.length);
    }
    // Every package stays under Software Distribution > Packages, migrated or not.
    expect(upgraded.packages.map((p) => p.id)).toContain(distribution.packageId);
    expect(rowOf(upgraded, 'Package', distribution.packageId).outcome).toMatch(/^Migrated/);
  });

  it.each([
    // [program created at, advertisement created at, migrated, the reason names]
    ['CEN', 'CEN', true, 'were created at CEN, the site being upgraded'],
    ['CEN', 'LON', false, 'was created at child site LON'],
    ['LON', 'CEN', false, 'Its program was created at LON, not at CEN'],
    ['LON', 'LON', false, 'was created at child site LON'],
  ])('program created at %s, advertisement at %s: migrated %s ("%s")', (programAt, advertisementAt, migrated, says) => {
    const name = names.serverUpdates2007H2;
    const site = variant((copy) => {
      const distribution = distributionNamed(copy, name);
      distribution.programCreatedAt = programAt;
      distribution.advertisementCreatedAt = advertisementAt;
    });
    const distribution = distributionNamed(site, name);
    expect(isDistributionMigrated(distribution, SITE)).toBe(migrated);
    expect(distributionMigrationReason(distribution, SITE)).toContain(says);
    const state = upgrade(site);
    expect(state.sms2003Advertisements.some((advertisement) => advertisement.name === name)).toBe(migrated);
    const program = rowOf(state, 'Program', programId(distribution));
    const advertisement = rowOf(state, 'Advertisement', distribution.advertisementId);
    for (const row of [program, advertisement]) {
      expect(row.outcome).toBe(migrated ? 'Migrated' : 'Not migrated');
      expect(row.reason).toContain(says);
    }
  });

  it('a program created elsewhere is not migrated even though its advertisement was created at CEN', () => {
    const site = variant((copy) => {
      distributionNamed(copy, names.securityUpdates200801).programCreatedAt = 'LON';
    });
    const state = upgrade(site);
    const distribution = distributionNamed(site, names.securityUpdates200801);
    expect(rowOf(state, 'Program', programId(distribution))).toMatchObject({
      outcome: 'Not migrated',
      result: 'None',
    });
    expect(rowOf(state, 'Program', programId(distribution)).reason).toBe(
      'Its program was created at LON, not at CEN. It keeps working on SMS 2003 clients only.',
    );
    expect(state.sms2003Advertisements.map((a) => a.name)).not.toContain(names.securityUpdates200801);
  });

  it('"Software update installation programs created at the site being upgraded will not be migrated if the advertisement for the program was created at a child site." (LON Critical Updates 2008-04)', () => {
    const lon = distributionNamed(contoso, names.lonCriticalUpdates200804);
    expect([lon.packageCreatedAt, lon.programCreatedAt, lon.advertisementCreatedAt]).toEqual(['CEN', 'CEN', 'LON']);
    for (const row of [rowOf(upgraded, 'Program', programId(lon)), rowOf(upgraded, 'Advertisement', 'LON20001')]) {
      expect(row.outcome).toBe('Not migrated');
      expect(row.reason).toContain('Its advertisement LON20001 was created at child site LON');
    }
    expect(rowOf(upgraded, 'Program', programId(lon)).name).toBe(
      'Software Updates Installation (LON Critical Updates 2008-04)',
    );
    expect(upgraded.sms2003Advertisements.map((a) => a.id)).not.toContain('LON20001');
  });

  it('"The programs that are not migrated will continue to work on SMS 2003 clients, but Configuration Manager client computers will not retrieve the updates deployed using these installation programs."', () => {
    const lon = distributionNamed(contoso, names.lonCriticalUpdates200804);
    const reason = rowOf(upgraded, 'Program', programId(lon)).reason;
    expect(reason).toContain('keeps working on SMS 2003 clients');
    expect(reason).toContain('Configuration Manager clients will not retrieve the updates it deploys');
    expect(rowOf(upgraded, 'Advertisement', 'LON20001').result).toBe(
      'None: it keeps working for SMS 2003 clients from its own site',
    );
    // Its package is kept, with what the upgrade did in plain words.
    const lonPackage = upgraded.packages.find((p) => p.id === lon.packageId);
    expect(lonPackage?.migrationNote).toMatch(/^Program and advertisement not migrated\. .*child site LON/);
    // Updates that only LON's program deploys are in no migrated distribution: no ConfigMgr deployment holds them.
    const migratedKeys = new Set(
      contoso.distributions.filter((d) => isDistributionMigrated(d, SITE)).flatMap((d) => d.updateKeys),
    );
    const onlyLon = lon.updateKeys.filter((key) => !migratedKeys.has(key));
    expect(onlyLon.length).toBeGreaterThan(0);
    const indexOfKey = new Map(contoso.updates.map((update, index) => [update.key, index]));
    for (const key of onlyLon) expect(upgraded.softwareUpdates[indexOfKey.get(key) ?? -1]?.deployed).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('"Information about the installed version of the Inventory Tool for Microsoft Updates. Other inventory scan tools are not compatible with Configuration Manager 2007, and information about these tools will not be migrated."', () => {
  it('keeps the information about the upgraded Inventory Tool for Microsoft Updates, and only about it', () => {
    expect(upgraded.scanTools.map((tool) => tool.name)).toEqual([ITMU_NAME]);
    const before = contoso.scanTools.find((tool) => tool.name === ITMU_NAME);
    expect(upgraded.scanTools[0]).toMatchObject({
      installedAtSite: SITE,
      catalog: before?.catalog,
      catalogDate: before?.catalogDate,
      version: 'Configuration Manager 2007 (upgraded by Setup)',
    });
    expect(rowOf(upgraded, 'Scan tool', `${ITMU_NAME} 2.0`)).toMatchObject({
      outcome: 'Upgraded',
      result: 'Inventory Tool for Microsoft Updates for Configuration Manager 2007',
    });
  });

  it.each([
    [CONTOSO.scanTools.itcu, 'Custom Updates'],
    [CONTOSO.scanTools.suit, 'Security Update Inventory Tool'],
    [CONTOSO.scanTools.officeInventory, 'Office Inventory Tool'],
  ] as const)(
    '%s: "information about these tools will not be migrated", while its updates are migrated and expired',
    (toolName, catalog) => {
      const tool = contoso.scanTools.find((candidate) => candidate.name === toolName);
      expect(tool).toBeDefined();
      expect(upgraded.scanTools.map((candidate) => candidate.name)).not.toContain(toolName);
      const row = rowOf(upgraded, 'Scan tool', `${toolName} ${tool?.version ?? ''}`);
      expect(row.outcome).toBe('Information not migrated');
      expect(row.result).toBe('None');
      expect(row.reason).toContain(`information about the ${toolName} is not migrated`);
      // "all software updates are migrated into the Configuration Manager 2007 database" (Synchronizing ... section).
      const ofCatalog = upgraded.softwareUpdates.filter((update) => update.sourceCatalog === catalog);
      expect(ofCatalog).toHaveLength(contoso.updates.filter((update) => update.scanTool === catalog).length);
      expect(ofCatalog.length).toBeGreaterThan(0);
      for (const update of ofCatalog) {
        expect(update.expired).toBe(true);
        expect(update.title.endsWith(LEGACY_SUFFIX)).toBe(true);
      }
      const keys = contoso.updates.filter((update) => update.scanTool === catalog).map((update) => update.key);
      for (const key of keys) expect(rowOf(upgraded, 'Software update', key).outcome).toBe('Migrated');
      expect(upgraded.setupLog.some((line) => line.message.includes(`${catalog} catalog`))).toBe(true);
    },
  );
});

describe('"Setup detects whether a previous version of the Inventory Tool for Microsoft Updates is installed on the site and verifies that another installation of the tool is not installed on a site higher in the hierarchy. If both are true, Setup initiates an upgrade for the inventory tool on the site server."', () => {
  /** The Contoso hierarchy under a new central site HQ, so that CEN has a site above it. */
  const underHq = (hqHasItmu: boolean, cenHasItmu: boolean) =>
    variant((copy) => {
      for (const site of copy.sites)
        if (site.code === SITE) Object.assign(site, { parentCode: 'HQ', itmuInstalled: cenHasItmu });
      copy.sites.unshift({ ...(copy.sites[0] as Sms2003Site['sites'][number]) });
      Object.assign(copy.sites[0] as object, {
        id: 'HQ',
        code: 'HQ',
        name: 'Contoso Headquarters',
        serverName: 'HQ-SMS01',
        parentCode: null,
        itmuInstalled: hqHasItmu,
      });
    });
  const withItmu = (at: Record<string, boolean>) =>
    variant((copy) => {
      for (const site of copy.sites) site.itmuInstalled = at[site.code] ?? false;
    });

  it.each([
    // [case, SMS 2003 site, site being upgraded, Setup upgrades ITMU]
    ['Contoso: installed at CEN, the highest site', contoso, 'CEN', true],
    ['not installed at CEN', withItmu({ CEN: false, LON: true }), 'CEN', false],
    ['installed nowhere', withItmu({}), 'CEN', false],
    ['installed at CEN and at HQ above it', underHq(true, true), 'CEN', false],
    ['installed at CEN, not at HQ above it', underHq(false, true), 'CEN', true],
    ['installed at HQ only', underHq(true, false), 'CEN', false],
    ['installed at LON and at CEN above it (LON upgraded)', withItmu({ CEN: true, LON: true }), 'LON', false],
    ['installed at LON only (LON upgraded)', withItmu({ CEN: false, LON: true }), 'LON', true],
  ] as Array<[string, Sms2003Site, string, boolean]>)('%s: upgraded %s', (_case, site, siteCode, expected) => {
    expect(shouldUpgradeItmu(site, siteCode)).toBe(expected);
  });

  it.each([
    ['installed at CEN and at HQ above it', underHq(true, true)],
    ['not installed at CEN', withItmu({ CEN: false, LON: true })],
  ])('%s: Setup does not upgrade it, says why, and keeps no information about it', (_case, site) => {
    const state = upgrade(site);
    expect(state.scanTools).toEqual([]);
    const row = rowOf(state, 'Scan tool', `${ITMU_NAME} 2.0`);
    expect(row.outcome).toBe('Information not migrated');
    expect(row.reason).toBe(
      'Setup upgrades it only when it is installed at CEN and on no site higher in the hierarchy.',
    );
    expect(state.setupLog.find((line) => line.component === ITMU_NAME)?.message).toMatch(/^Not upgraded\./);
  });

  it('"During the installation, you can specify whether to download the latest Microsoft Update catalog from the Internet or from a local location."', () => {
    const cases: Array<[Partial<SetupChoices>, string]> = [
      [{ catalogSource: 'internet' }, 'with the latest Microsoft Update catalog from the Internet'],
      [
        { catalogSource: 'local', localCatalogPath: '\\\\CEN-SMS01\\Catalog\\wsusscn2.cab' },
        'with the latest Microsoft Update catalog from the local location \\\\CEN-SMS01\\Catalog\\wsusscn2.cab',
      ],
    ];
    for (const [setupChoices, says] of cases) {
      const state = upgrade(contoso, setupChoices);
      const line = state.setupLog.find((candidate) => candidate.component === ITMU_NAME);
      expect(line?.message).toMatch(/^Upgraded\./);
      expect(line?.message).toContain(says);
      expect(rowOf(state, 'Scan tool', `${ITMU_NAME} 2.0`).reason).toContain(says);
    }
  });

  it('"After the Inventory Tool for Microsoft Updates is upgraded on the site, the catalog will be synchronized with the latest Microsoft Updates catalog, the scan package will be updated, and client computers will upgrade the scan tool following their next machine policy cycle."', () => {
    const reason = rowOf(upgraded, 'Scan tool', `${ITMU_NAME} 2.0`).reason;
    expect(reason).toContain('The Microsoft Updates Tool Sync advertisement synchronizes the catalog');
    expect(reason).toContain('the scan package is updated');
    expect(reason).toContain('clients upgrade the scan tool at their next machine policy cycle');
    // Its package and the Windows Update Agent package are kept.
    expect(upgraded.packages.filter((p) => p.purpose === 'Scan tool').map((p) => p.name)).toEqual(
      expect.arrayContaining(['Microsoft Updates Tool', 'Windows Update Agent']),
    );
  });

  it('"The update must be installed on the Configuration Manager site server, and then catalog synchronization must be manually run": Setup itself synchronizes nothing (KB 954474)', () => {
    const itmu = upgraded.scanTools[0];
    expect(itmu?.catalogDate).toBe(CONTOSO.lastWorkingItmuCatalog);
    expect(itmu?.lastSyncStatus).toContain('954474');
    expect(upgraded.softwareUpdates.every((update) => update.existedBeforeUpgrade)).toBe(true);
    expect(upgraded.softwareUpdates).toHaveLength(contoso.updates.length);
  });

  it('"Only SMS 2003 clients should be in the target collection for the Microsoft Updates Tool advertisement. The Inventory Tool for Microsoft Updates is supported only for SMS 2003 clients in the hierarchy."', () => {
    const sync = upgraded.collections.find((c) => c.name === CONTOSO.collections.microsoftUpdatesToolSync);
    expect(sync).toMatchObject({ memberCount: 1, sms2003ClientCount: 1, configMgrClientCount: 0 });
    // The upgrade leaves every client an SMS 2003 client.
    expect(upgraded.clients.every((client) => client.clientType === 'SMS 2003')).toBe(true);
  });

  it('"After a site upgrade, SMS 2003 clients in the hierarchy will continue to scan custom software updates for compliance using the scan package for the Inventory Tool for Custom Updates."', () => {
    expect(upgraded.packages.map((p) => p.name)).toContain('Custom Updates Tool');
    expect(rowOf(upgraded, 'Scan tool', `${CONTOSO.scanTools.itcu} 1.0`).reason).toContain(
      'SMS 2003 clients keep scanning with its scan package; Configuration Manager clients scan custom updates once the catalog is republished with System Center Updates Publisher.',
    );
  });

  it('"After a site upgrade, scanning for update compliance using all other inventory scan tool catalogs is supported only for SMS 2003 client computers in the hierarchy."', () => {
    for (const toolName of [CONTOSO.scanTools.suit, CONTOSO.scanTools.officeInventory]) {
      expect(rowOf(upgraded, 'Scan tool', `${toolName} 2.0`).reason).toContain(
        'Only SMS 2003 clients keep scanning with its catalog; Configuration Manager 2007 clients do not support it.',
      );
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('"Software updates metadata, such as the name, description, applicability rules, article ID, the URL to more information about the update, the bulletin ID, the path to the software update source files, the associated product for the update, and so forth."', () => {
  const pairs = contoso.updates.map((before, index) => [before, upgraded.softwareUpdates[index]] as const);

  it('migrates every update, in the same order, with the id it had', () => {
    expect(upgraded.softwareUpdates).toHaveLength(contoso.updates.length);
    for (const [before] of pairs) expect(rowOf(upgraded, 'Software update', before.key).outcome).toBe('Migrated');
  });

  it.each<[string, keyof Sms2003Update, string]>([
    ['description', 'description', 'description'],
    ['applicability rules', 'applicability', 'applicability'],
    ['article ID', 'articleId', 'articleId'],
    ['the URL to more information about the update', 'infoUrl', 'infoUrl'],
    ['the bulletin ID', 'bulletinId', 'bulletinId'],
    ['the path to the software update source files', 'sourcePath', 'sourcePath'],
    ['the associated product for the update', 'product', 'product'],
    ['and so forth: vendor', 'vendor', 'vendor'],
    ['and so forth: classification', 'classification', 'classification'],
    ['and so forth: severity', 'severity', 'severity'],
    ['and so forth: language', 'language', 'language'],
    ['and so forth: date released', 'dateReleased', 'dateReleased'],
    ['and so forth: date revised', 'dateRevised', 'dateRevised'],
    ['and so forth: size', 'sizeKb', 'sizeKb'],
    ['and so forth: maximum run time', 'maxRunTimeMinutes', 'maxRunTimeMinutes'],
    ['and so forth: the scan tool catalog', 'scanTool', 'sourceCatalog'],
    ['and so forth: deployable to SMS 2003', 'deployableToSms2003', 'deployableToSms2003'],
  ])('migrates %s unchanged', (_words, sms2003Field, configMgrField) => {
    for (const [before, after] of pairs) {
      expect(after?.[configMgrField as keyof typeof after], before.key).toEqual(before[sms2003Field]);
    }
  });

  it('migrates the name with " (LEGACY)" appended, e.g. Security Update for Windows XP (KB941644) (LEGACY)', () => {
    for (const [before, after] of pairs) expect(after?.title).toBe(`${before.title}${LEGACY_SUFFIX}`);
    expect(upgraded.softwareUpdates.map((u) => u.title)).toContain(
      'Security Update for Windows XP (KB941644) (LEGACY)',
    );
  });

  it('"Until the software updates are synchronized, all updates will be put in an expired state and their titles will be displayed in the Configuration Manager console with (LEGACY) appended to the end of the title."', () => {
    for (const update of upgraded.softwareUpdates) {
      expect(update.expired).toBe(true);
      expect(update.legacy).toBe(true);
      expect(update.existedBeforeUpgrade).toBe(true);
      expect(update.hidden).toBe(false);
      expect(update.title.endsWith(LEGACY_SUFFIX)).toBe(true);
    }
    expect(upgraded.setupLog.filter((line) => line.component === 'Software updates').map((l) => l.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('Expired set to Yes, (LEGACY) appended to each title')]),
    );
  });

  it('appends " (LEGACY)" once: a title that already ends with it is kept as it is', () => {
    const title = `Contoso Payroll Client 4.2 Hotfix 3${LEGACY_SUFFIX}`;
    const site = variant((copy) => {
      const payroll = copy.updates.find((update) => update.key === 'custom/contoso-payroll-4.2-hotfix-3');
      if (payroll) payroll.title = title;
    });
    const index = site.updates.findIndex((update) => update.key === 'custom/contoso-payroll-4.2-hotfix-3');
    expect(index).toBeGreaterThanOrEqual(0);
    expect(upgrade(site).softwareUpdates[index]?.title).toBe(title);
  });
});

describe('"Before upgrading, verify that you have a valid package source for each package. If the package source is not valid, you must re-download all of the content in the package source or the package source validation check will fail and the content will be invalidated."', () => {
  it.each([
    [names.securityUpdates200801, true],
    [names.officeSecurityUpdates2008Q1, false],
    [names.lonCriticalUpdates200804, true],
    [names.serverUpdates2007H2, true],
  ])('%s: package source valid %s', (name, valid) => {
    const distribution = distributionNamed(contoso, name);
    const migratedPackage = upgraded.packages.find((p) => p.id === distribution.packageId);
    expect(migratedPackage?.sourceValid).toBe(valid);
    const row = rowOf(upgraded, 'Package', distribution.packageId);
    expect(row.outcome).toBe(valid ? 'Migrated' : 'Migrated, content invalidated');
    const validationLines = upgraded.setupLog.filter(
      (line) => line.component === 'Package source validation' && line.message.includes(distribution.packageId),
    );
    expect(validationLines).toHaveLength(valid ? 0 : 1);
  });

  it('Office Security Updates 2008-Q1: its source \\\\CEN-SMS01\\PkgSrc$\\OfficeQ1 fails validation and the content is invalidated', () => {
    const office = distributionNamed(contoso, names.officeSecurityUpdates2008Q1);
    expect(office.sourcePath).toBe(CONTOSO.invalidPackageSource);
    const row = rowOf(upgraded, 'Package', office.packageId);
    expect(row.reason).toBe(
      'Package source \\\\CEN-SMS01\\PkgSrc$\\OfficeQ1 is not valid: the package source validation check fails and the content is invalidated until all of it is downloaded again.',
    );
    expect(upgraded.packages.find((p) => p.id === office.packageId)?.migrationNote).toContain(row.reason);
    // The distribution itself is migrated: only its content is invalidated.
    expect(rowOf(upgraded, 'Advertisement', office.advertisementId).outcome).toBe('Migrated');
    // Its updates' files are in no valid package: not downloaded.
    const indexOfKey = new Map(contoso.updates.map((update, index) => [update.key, index]));
    const validKeys = new Set(contoso.distributions.filter((d) => d.sourceValid).flatMap((d) => d.updateKeys));
    const onlyHere = office.updateKeys.filter((key) => !validKeys.has(key));
    expect(onlyHere.length).toBeGreaterThan(0);
    for (const key of onlyHere) expect(upgraded.softwareUpdates[indexOfKey.get(key) ?? -1]?.downloaded).toBe(false);
  });

  it('any package whose source is not valid is invalidated (Security Updates 2008-01 made invalid)', () => {
    const site = variant((copy) => {
      distributionNamed(copy, names.securityUpdates200801).sourceValid = false;
    });
    const state = upgrade(site);
    expect(rowOf(state, 'Package', 'CEN00001').outcome).toBe('Migrated, content invalidated');
    expect(state.packages.find((p) => p.id === 'CEN00001')?.sourceValid).toBe(false);
  });
});

describe('"Compliance information for the software updates, such as the number of scanned clients in which the software update is required or not required."', () => {
  it('migrates every update’s compliance counts unchanged', () => {
    contoso.updates.forEach((before, index) => {
      expect(upgraded.softwareUpdates[index]?.compliance, before.key).toEqual(before.compliance);
    });
    expect(upgraded.softwareUpdates.some((update) => update.compliance.required > 0)).toBe(true);
    expect(upgraded.softwareUpdates.some((update) => update.compliance.notRequired > 0)).toBe(true);
  });

  it('says so in the migration report, with the counts', () => {
    const first = contoso.updates[0] as Sms2003Update;
    const row = rowOf(upgraded, 'Software update', first.key);
    expect(row.reason).toContain(`${first.compliance.required.toLocaleString('en-US')} required`);
    expect(row.reason).toContain(`${first.compliance.installed.toLocaleString('en-US')} installed`);
  });
});

describe('"Client status information, such as the revision for the Microsoft Update catalog that is used by clients when scanning for software updates compliance."', () => {
  it('migrates every client’s catalog revision unchanged, and the client stays an SMS 2003 client', () => {
    expect(upgraded.clients).toHaveLength(contoso.clients.length);
    const revisions = new Set<number>();
    contoso.clients.forEach((before, index) => {
      const after = upgraded.clients[index];
      expect(after).toEqual(before);
      revisions.add(before.catalogRevision);
      expect(rowOf(upgraded, 'Client', before.id).result).toBe(
        `SMS 2003 client at ${before.siteCode}, catalog revision ${before.catalogRevision}`,
      );
    });
    expect(revisions.size).toBeGreaterThan(1);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('"Security rights for SMS 2003 objects that were migrated to Configuration Manager 2007."', () => {
  /** The id of an object created after the upgrade: only class rights cover it. */
  const NEW_OBJECT = 'created-after-the-upgrade';
  const NEW_OBJECT_TYPES: ObjectType[] = [
    'UpdateList',
    'DeploymentTemplate',
    'Deployment',
    'DeploymentPackage',
    'SearchFolder',
  ];
  const existing = (state: SiteState): Record<ObjectType, string[]> => ({
    SoftwareUpdate: state.softwareUpdates.map((u) => u.id),
    UpdateList: state.updateLists.map((l) => l.id),
    DeploymentTemplate: state.deploymentTemplates.map((t) => t.id),
    Deployment: state.deployments.map((d) => d.id),
    DeploymentPackage: state.deploymentPackages.map((p) => p.id),
    SearchFolder: state.searchFolders.map((f) => f.id),
    Collection: state.collections.map((c) => c.id),
    Package: state.packages.map((p) => p.id),
    Advertisement: state.sms2003Advertisements.map((a) => a.id),
    Site: state.sites.map((s) => s.id),
  });

  it.each([smsadmin, patchadmin])(
    '"the user who ran the upgrade has access to all of the software updates objects": %s ran it, and holds every right as a class right on every object type',
    (runBy) => {
      const state = upgrade(contoso, { runBy });
      const index = new RightsIndex(state.grants);
      for (const objectType of OBJECT_TYPES) {
        for (const right of RIGHTS_BY_OBJECT_TYPE[objectType]) {
          expect(index.hasClassRight(runBy, objectType, right), `${objectType} ${right}`).toBe(true);
          expect(index.hasRight(runBy, objectType, NEW_OBJECT, right)).toBe(true);
        }
      }
      expect(state.upgradedBy).toBe(runBy);
    },
  );

  it.each([
    [smsadmin, patchadmin],
    [patchadmin, smsadmin],
    [smsadmin, auditor],
    [smsadmin, lonadmin],
  ])(
    '"other administrators have access only to objects that existed prior to upgrade": Setup run by %s, %s',
    (runBy, other) => {
      const state = upgrade(contoso, { runBy });
      const ids = existing(state);
      const index = new RightsIndex(state.grants);
      const grants = state.grants.filter((grant) => grant.account === other);
      expect(grants.length).toBeGreaterThan(0);
      for (const grant of grants) {
        expect(NEW_OBJECT_TYPES).not.toContain(grant.objectType);
        if (grant.instanceIds === null) {
          // SMS 2003 class rights on collections stay class rights (scenario-contoso.md: "Read (class)").
          expect(grant.objectType).toBe('Collection');
          continue;
        }
        for (const id of grant.instanceIds) expect(ids[grant.objectType]).toContain(id);
      }
      for (const objectType of OBJECT_TYPES.filter((type) => type !== 'Collection')) {
        expect(index.hasRight(other, objectType, NEW_OBJECT, 'Read'), objectType).toBe(false);
      }
      // "will not have any rights to new object types such as deployment templates"
      for (const objectType of NEW_OBJECT_TYPES) expect(index.hasAnyRightOnType(other, objectType)).toBe(false);
    },
  );

  const index = new RightsIndex(upgraded.grants);
  const all = (type: ObjectType) => [...RIGHTS_BY_OBJECT_TYPE[type]];
  const ids = existing(upgraded);
  const distributionPackages = contoso.distributions.map((d) => d.packageId);
  const migratedAdvertisements = upgraded.sms2003Advertisements.map((a) => a.id);

  it.each<[string, string, ObjectType, string[], string[]]>([
    // [who, what, object type, ids, rights on each] (scenario-contoso.md, "Rights right after the upgrade")
    [patchadmin, 'all rights on each LEGACY update', 'SoftwareUpdate', ids.SoftwareUpdate, all('SoftwareUpdate')],
    [patchadmin, 'all rights on each distribution package', 'Package', distributionPackages, all('Package')],
    [
      patchadmin,
      'all rights on each migrated advertisement',
      'Advertisement',
      migratedAdvertisements,
      all('Advertisement'),
    ],
    [patchadmin, 'Read on each collection', 'Collection', ids.Collection, ['Read']],
    [patchadmin, 'Read on site CEN', 'Site', ['CEN'], ['Read']],
    [auditor, 'Read on each LEGACY update', 'SoftwareUpdate', ids.SoftwareUpdate, ['Read']],
    [auditor, 'Read on each distribution package', 'Package', distributionPackages, ['Read']],
    [auditor, 'Read on each migrated advertisement', 'Advertisement', migratedAdvertisements, ['Read']],
    [auditor, 'Read on each collection', 'Collection', ids.Collection, ['Read']],
    [
      lonadmin,
      'Read, Modify, Distribute on LON Critical Updates 2008-04',
      'Package',
      ['CEN00003'],
      ['Read', 'Modify', 'Distribute'],
    ],
    [lonadmin, 'Read on LON Workstations', 'Collection', ['CEN00012'], ['Read']],
    [lonadmin, 'Read on site CEN', 'Site', ['CEN'], ['Read']],
  ])('%s keeps %s', (account, _what, objectType, objectIds, rights) => {
    expect(objectIds.length).toBeGreaterThan(0);
    for (const id of objectIds) expect(index.rightsOn(account, objectType, id), `${objectType} ${id}`).toEqual(rights);
  });

  it.each<[string, ObjectType, string[]]>([
    // [who, object type, ids on which they hold nothing]
    [patchadmin, 'Package', ['CEN00005', 'CEN00006', 'CEN00007', 'CEN00008', 'CEN00009']],
    [patchadmin, 'Site', ['LON']],
    [lonadmin, 'SoftwareUpdate', ids.SoftwareUpdate],
    [lonadmin, 'Package', ['CEN00001', 'CEN00002', 'CEN00004']],
    [lonadmin, 'Advertisement', migratedAdvertisements],
    [lonadmin, 'Collection', ['SMS00001', 'SMS000GS', 'CEN00011']],
    [auditor, 'Package', ['CEN00005']],
  ])('%s holds no right on these %s objects', (account, objectType, objectIds) => {
    for (const id of objectIds) expect(index.rightsOn(account, objectType, id), id).toEqual([]);
  });

  it('reports every SMS 2003 security right as migrated, saying what it became', () => {
    const rows = upgraded.migrationReport.filter((row) => row.objectKind === 'Security right');
    expect(rows).toHaveLength(contoso.rights.length);
    const patchadminRow = rows.find((row) => row.name === 'CONTOSO\\patchadmin: all rights on every software update');
    expect(patchadminRow?.result).toContain('no rights on new object types such as deployment templates');
    expect(rows.find((row) => row.name.startsWith(smsadmin))?.result).toContain('ran the upgrade');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('"The upgrade details are logged in the %systemdrive%\\ConfigMgrSetup.log."', () => {
  const times = (state: SiteState) => state.setupLog.map((line) => Date.parse(line.time));

  it('is timestamped on the site clock, from the SMS 2003 clock to 150 minutes later', () => {
    const start = Date.parse(contoso.clock);
    const stamps = times(upgraded);
    expect(stamps[0]).toBe(start);
    expect(stamps.at(-1)).toBe(start + SETUP_DURATION_MINUTES * MINUTE_MS);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(upgraded.setupLog.map((line) => line.id)).toEqual(upgraded.setupLog.map((_line, i) => String(i + 1)));
    expect(upgraded.setupLog[0]?.message).toBe(
      'Configuration Manager 2007 Setup started by CONTOSO\\smsadmin: upgrade of site CEN (Contoso Central Site) from SMS 2003 SP3.',
    );
    expect(upgraded.setupLog.at(-1)?.message).toBe('Upgrade of site CEN to Configuration Manager 2007 completed.');
  });

  it('ends at 2008-12-18T09:00:00Z for Contoso: the Just upgraded site starts then', () => {
    expect(Date.parse(contoso.clock)).toBe(Date.parse(CONTOSO.beforeUpgradeClock));
    expect(Date.parse(upgraded.clock)).toBe(Date.parse('2008-12-18T09:00:00Z'));
    expect(Date.parse(upgraded.setupLog.at(-1)?.time ?? '')).toBe(Date.parse(upgraded.clock));
  });

  it('starts whenever Setup starts, and lasts 150 minutes', () => {
    const later = variant((copy) => {
      copy.clock = '2008-12-19T13:15:00Z';
    });
    const state = upgrade(later);
    expect(Date.parse(state.setupLog[0]?.time ?? '')).toBe(Date.parse('2008-12-19T13:15:00Z'));
    expect(Date.parse(state.clock)).toBe(Date.parse('2008-12-19T15:45:00Z'));
  });

  it('writes one line per distribution decision, in order, saying migrated or not and why', () => {
    const lines = upgraded.setupLog.filter((line) => line.component === 'Software update distributions');
    expect(lines.map((line) => line.message)).toEqual(
      contoso.distributions.map(
        (d) =>
          `${d.name}: ${isDistributionMigrated(d, SITE) ? 'migrated' : 'not migrated'}. ${distributionMigrationReason(d, SITE)}`,
      ),
    );
    expect(lines.find((line) => line.message.startsWith(names.lonCriticalUpdates200804))?.message).toContain(
      'not migrated. Its advertisement LON20001 was created at child site LON.',
    );
  });
});

describe('upgrading a site that is not an SMS 2003 site', () => {
  it('refuses a site that already runs Configuration Manager 2007 (rule site-already-upgraded)', () => {
    const already = variant((copy) => {
      for (const site of copy.sites) if (site.code === SITE) site.version = 'Configuration Manager 2007';
    });
    expect(() => upgrade(already)).toThrow(RuleViolation);
    expect(() => upgrade(already)).toThrow(expect.objectContaining({ rule: 'site-already-upgraded' }));
  });

  it('refuses a site that is not in the hierarchy (rule unknown-site)', () => {
    expect(() => upgrade(contoso, { siteCode: 'XYZ' })).toThrow(
      expect.objectContaining({ name: 'RuleViolation', rule: 'unknown-site' }),
    );
  });

  it('never changes the SMS 2003 site it reads', () => {
    const before = JSON.stringify(contoso);
    upgrade(contoso);
    expect(JSON.stringify(contoso)).toBe(before);
  });
});
