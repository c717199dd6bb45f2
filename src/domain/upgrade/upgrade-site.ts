import { factsAfterSetup, scanToolAdvertisements, siteSystemsAfterSetup } from '../after-upgrade/site-after-setup';
import { formatCount } from '../format';
import type { Collection, Package, Sms2003Advertisement } from '../model/site-objects';
import type { Compliance, SoftwareUpdate } from '../model/software-update';
import { OBJECT_TYPES, RIGHTS_BY_OBJECT_TYPE, type Grant, type ObjectType, type Right } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import type { Scale } from '../scenario/scale';
import type { MigrationReportRow, SiteState } from '../site-state';
import { advertisementRecord, distributionPackageRecord, scanToolPackageRecord } from '../sms2003/distribution-records';
import { toSoftwareUpdate, updateIdsByKey, type UpdateStanding } from '../sms2003/software-update-record';
import type { Sms2003Distribution, Sms2003Grant, Sms2003Site } from '../sms2003/sms2003-site';
import { withLegacySuffix } from './legacy-title';
import { SetupLog } from './setup-log';

export interface SetupChoices {
  /** The administrator who runs Setup: "the user who ran the upgrade has access to all of the software updates objects". */
  runBy: string;
  /** Where Setup takes the latest Microsoft Update catalog when it upgrades the Inventory Tool for Microsoft Updates. */
  catalogSource: 'internet' | 'local';
  /** The local location of the catalog (Wsusscn2.cab) when catalogSource is 'local'. */
  localCatalogPath?: string;
  /** When Setup starts, on the site clock. */
  startedAt: string;
  siteCode: string;
}

export const ITMU_NAME = 'Inventory Tool for Microsoft Updates';

/**
 * "Existing SMS 2003 software update distributions will be migrated and continue to work as expected only when the
 * advertisement and program for the distribution is created at the site that is being upgraded." (the planning topic)
 */

export function isDistributionMigrated(distribution: Sms2003Distribution, upgradedSiteCode: string): boolean {
  return distribution.programCreatedAt === upgradedSiteCode && distribution.advertisementCreatedAt === upgradedSiteCode;
}

/** Why a distribution was or was not migrated, in plain words. */
export function distributionMigrationReason(distribution: Sms2003Distribution, upgradedSiteCode: string): string {
  if (isDistributionMigrated(distribution, upgradedSiteCode)) {
    return `Its program and advertisement ${distribution.advertisementId} were created at ${upgradedSiteCode}, the site being upgraded.`;
  }
  if (distribution.advertisementCreatedAt !== upgradedSiteCode) {
    return (
      `Its advertisement ${distribution.advertisementId} was created at child site ` +
      `${distribution.advertisementCreatedAt}. The program keeps working on SMS 2003 clients, but Configuration ` +
      `Manager clients will not retrieve the updates it deploys.`
    );
  }
  return (
    `Its program was created at ${distribution.programCreatedAt}, not at ${upgradedSiteCode}. ` +
    `It keeps working on SMS 2003 clients only.`
  );
}

/**
 * "Setup detects whether a previous version of the Inventory Tool for Microsoft Updates is installed on the site and
 * verifies that another installation of the tool is not installed on a site higher in the hierarchy. If both are true,
 * Setup initiates an upgrade for the inventory tool on the site server." (the planning topic)
 */
export function shouldUpgradeItmu(sms2003: Sms2003Site, siteCode: string): boolean {
  const site = sms2003.sites.find((candidate) => candidate.code === siteCode);
  if (!site?.itmuInstalled) return false;
  return !sitesAbove(sms2003, siteCode).some((parent) => parent.itmuInstalled);
}

function sitesAbove(sms2003: Sms2003Site, siteCode: string) {
  const above: Sms2003Site['sites'] = [];
  let parentCode = sms2003.sites.find((candidate) => candidate.code === siteCode)?.parentCode ?? null;
  while (parentCode) {
    const parent = sms2003.sites.find((candidate) => candidate.code === parentCode);
    if (!parent || above.includes(parent)) break;
    above.push(parent);
    parentCode = parent.parentCode;
  }
  return above;
}

/**
 * The upgrade of an SMS 2003 site to Configuration Manager 2007, as a pure function of the SMS 2003 state and the
 * Setup choices: the Configuration Manager site, its ConfigMgrSetup.log and the migration report.
 */
export function upgradeSite(sms2003: Sms2003Site, choices: SetupChoices, scale: Scale): SiteState {
  const siteCode = choices.siteCode;
  const site = sms2003.sites.find((candidate) => candidate.code === siteCode);
  if (!site) throw new RuleViolation('unknown-site', `There is no site ${siteCode} in the hierarchy.`);
  if (site.version !== 'SMS 2003 SP3') {
    throw new RuleViolation(
      'site-already-upgraded',
      `Site ${siteCode} already runs ${site.version}: there is nothing to upgrade.`,
    );
  }
  const log = new SetupLog(choices.startedAt);
  const report: MigrationReportRow[] = [];
  const row = (fields: Omit<MigrationReportRow, 'id'>) => report.push({ id: String(report.length + 1), ...fields });
  log.write(
    'Setup',
    `Configuration Manager 2007 Setup started by ${choices.runBy}: upgrade of site ${siteCode} (${site.name}) from ${site.version}.`,
    0,
  );
  log.write(
    'Setup',
    'Upgrading the SMS 2003 files and the SQL Server database (SMS_CEN) to the Configuration Manager 2007 schema.',
    300,
  );

  // Software updates: "Until the software updates are synchronized, all updates will be put in an expired state and
  // their titles will be displayed in the Configuration Manager console with (LEGACY) appended to the end of the title."
  const idByKey = updateIdsByKey(sms2003);
  const migratedDistributions = sms2003.distributions.filter((d) => isDistributionMigrated(d, siteCode));
  const deployedKeys = new Set(migratedDistributions.flatMap((d) => d.updateKeys));
  const downloadedKeys = new Set(sms2003.distributions.filter((d) => d.sourceValid).flatMap((d) => d.updateKeys));
  // The report's rows are numbered in order: the software updates come first.
  const softwareUpdates = migrateSoftwareUpdates(sms2003, idByKey, { deployedKeys, downloadedKeys }, report);
  const byCatalog = new Map<string, number>();
  for (const update of sms2003.updates) byCatalog.set(update.scanTool, (byCatalog.get(update.scanTool) ?? 0) + 1);
  for (const [catalog, count] of byCatalog) {
    log.write(
      'Software updates',
      `Migrated ${formatCount(count)} software updates of the ${catalog} catalog with their metadata and compliance: Expired set to Yes, (LEGACY) appended to each title.`,
      Math.max(30, Math.round(count / 20)),
    );
  }

  // Scan tools: "Information about the installed version of the Inventory Tool for Microsoft Updates. Other inventory
  // scan tools are not compatible with Configuration Manager 2007, and information about these tools will not be migrated."
  const itmuUpgraded = shouldUpgradeItmu(sms2003, siteCode);
  const catalogFrom =
    choices.catalogSource === 'internet'
      ? 'the Internet'
      : `the local location ${choices.localCatalogPath ?? ''}`.trim();
  const scanTools = sms2003.scanTools
    .filter((tool) => tool.name === ITMU_NAME && itmuUpgraded)
    .map((tool) => ({ ...tool, version: 'Configuration Manager 2007 (upgraded by Setup)' }));
  for (const tool of sms2003.scanTools) {
    if (tool.name === ITMU_NAME) {
      const reason = itmuUpgraded
        ? `It is installed at ${siteCode} and on no site higher in the hierarchy, so Setup upgraded it, with the latest Microsoft Update catalog from ${catalogFrom}. The Microsoft Updates Tool Sync advertisement synchronizes the catalog, the scan package is updated, and clients upgrade the scan tool at their next machine policy cycle.`
        : `Setup upgrades it only when it is installed at ${siteCode} and on no site higher in the hierarchy.`;
      log.write(ITMU_NAME, itmuUpgraded ? `Upgraded. ${reason}` : `Not upgraded. ${reason}`, 600);
      row({
        objectKind: 'Scan tool',
        name: tool.name,
        sms2003Id: `${tool.name} ${tool.version}`,
        outcome: itmuUpgraded ? 'Upgraded' : 'Information not migrated',
        result: itmuUpgraded ? 'Inventory Tool for Microsoft Updates for Configuration Manager 2007' : 'None',
        reason,
        guard: { objectType: 'Site', id: siteCode },
      });
      continue;
    }
    const reason =
      tool.name === 'Inventory Tool for Custom Updates'
        ? `Only information about the installed version of the Inventory Tool for Microsoft Updates is migrated: information about the ${tool.name} is not migrated. The tool is supported, but with conditions: SMS 2003 clients keep scanning with its scan package; Configuration Manager clients scan custom updates once the catalog is republished with System Center Updates Publisher. Its updates are migrated and stay expired until the software update point synchronizes them.`
        : `Other inventory scan tools are not compatible with Configuration Manager 2007: information about the ${tool.name} is not migrated. Its updates are migrated like every other update and stay expired. Only SMS 2003 clients keep scanning with its catalog; Configuration Manager 2007 clients do not support it.`;
    log.write('Scan tools', reason);
    row({
      objectKind: 'Scan tool',
      name: tool.name,
      sms2003Id: `${tool.name} ${tool.version}`,
      outcome: 'Information not migrated',
      result: 'None',
      reason,
      guard: { objectType: 'Site', id: siteCode },
    });
  }

  // Collections and clients: unchanged, and still SMS 2003 clients; their catalog revision is migrated.
  const clientById = new Map<string, Sms2003Site['clients'][number]>();
  for (const client of sms2003.clients) clientById.set(client.id, client);
  const collections: Collection[] = sms2003.collections.map((collection) => {
    const { members, configMgr } = countMembers(collection.memberIds, clientById);
    row({
      objectKind: 'Collection',
      name: collection.name,
      sms2003Id: collection.id,
      outcome: 'Migrated',
      result: `Collection ${collection.id} with ${formatCount(members)} members`,
      reason: 'Collections are kept by the upgrade, with their membership rules and security rights.',
      guard: { objectType: 'Collection', id: collection.id },
    });
    return {
      id: collection.id,
      name: collection.name,
      comment: collection.comment,
      membershipRule: collection.membershipRule,
      memberCount: members,
      sms2003ClientCount: members - configMgr,
      configMgrClientCount: configMgr,
    };
  });
  const collectionMembers = Object.fromEntries(sms2003.collections.map((c) => [c.id, [...c.memberIds]]));
  const clientResult = new SharedTexts(
    (client: Sms2003Site['clients'][number]) =>
      `SMS 2003 client at ${client.siteCode}, catalog revision ${client.catalogRevision}`,
  );
  for (const client of sms2003.clients) {
    row({
      objectKind: 'Client',
      name: client.name,
      sms2003Id: client.id,
      outcome: 'Migrated',
      // A handful of distinct texts over 20,000 clients: one string each.
      result: clientResult.of(client, client.siteCode, client.catalogRevision),
      reason:
        'Client status information, such as the revision of the Microsoft Update catalog the client scans with, is migrated. The client stays an SMS 2003 client until it is upgraded.',
      guard: { objectType: 'Site', id: siteCode },
    });
  }
  log.write(
    'Client status',
    `Migrated the client status (Microsoft Update catalog revision) of ${formatCount(sms2003.clients.length)} clients.`,
    120,
  );

  // Distributions: packages stay; programs and advertisements migrate only when created at the upgraded site.
  const collectionName = (id: string) => collections.find((c) => c.id === id)?.name ?? id;
  const packages: Package[] = [];
  const sms2003Advertisements: Sms2003Advertisement[] = [];
  for (const distribution of sms2003.distributions) {
    const migrated = isDistributionMigrated(distribution, siteCode);
    const reason = distributionMigrationReason(distribution, siteCode);
    const updateIds = distribution.updateKeys.map((key) => idByKey.get(key)).filter((id) => id !== undefined);
    log.write(
      'Software update distributions',
      `${distribution.name}: ${migrated ? 'migrated' : 'not migrated'}. ${reason}`,
      2,
    );
    const invalidSource = `Package source ${distribution.sourcePath} is not valid: the package source validation check fails and the content is invalidated until all of it is downloaded again.`;
    if (!distribution.sourceValid) {
      log.write('Package source validation', `${distribution.packageId} (${distribution.name}): ${invalidSource}`, 2);
    }
    packages.push(
      distributionPackageRecord(
        distribution,
        updateIds,
        `${migrated ? 'Migrated.' : 'Program and advertisement not migrated.'} ${reason}${distribution.sourceValid ? '' : ` ${invalidSource}`}`,
      ),
    );
    row({
      objectKind: 'Package',
      name: distribution.name,
      sms2003Id: distribution.packageId,
      outcome: distribution.sourceValid ? 'Migrated' : 'Migrated, content invalidated',
      result: `Package ${distribution.packageId} under Software Distribution > Packages`,
      reason: distribution.sourceValid
        ? `Packages are kept by the upgrade; its package source ${distribution.sourcePath} is valid.`
        : invalidSource,
      guard: { objectType: 'Package', id: distribution.packageId },
    });
    row({
      objectKind: 'Program',
      name: `${distribution.programName} (${distribution.name})`,
      sms2003Id: `${distribution.packageId}:${distribution.programName}`,
      outcome: migrated ? 'Migrated' : 'Not migrated',
      result: migrated ? `Program of SMS 2003 advertisement ${distribution.advertisementId}` : 'None',
      reason,
      guard: { objectType: 'Package', id: distribution.packageId },
    });
    row({
      objectKind: 'Advertisement',
      name: distribution.name,
      sms2003Id: distribution.advertisementId,
      outcome: migrated ? 'Migrated' : 'Not migrated',
      result: migrated
        ? `Deployment Management > SMS 2003 Advertisements > ${distribution.name} (${distribution.advertisementId})`
        : 'None: it keeps working for SMS 2003 clients from its own site',
      reason,
      guard: migrated
        ? { objectType: 'Advertisement', id: distribution.advertisementId }
        : { objectType: 'Package', id: distribution.packageId },
    });
    if (migrated) {
      sms2003Advertisements.push(
        advertisementRecord(distribution, collectionName(distribution.collectionId), updateIds),
      );
    }
  }
  for (const scanToolPackage of sms2003.scanToolPackages) {
    packages.push(
      scanToolPackageRecord(
        scanToolPackage,
        `The ${scanToolPackage.scanTool} package; packages are kept by the upgrade.`,
      ),
    );
    row({
      objectKind: 'Package',
      name: scanToolPackage.name,
      sms2003Id: scanToolPackage.packageId,
      outcome: 'Migrated',
      result: `Package ${scanToolPackage.packageId} under Software Distribution > Packages`,
      reason: `The package of the ${scanToolPackage.scanTool}; packages are kept by the upgrade.`,
      guard: { objectType: 'Package', id: scanToolPackage.packageId },
    });
  }

  // Security rights.
  const grants = migrateRights(sms2003, choices.runBy, siteCode, {
    updateIds: (keys) => (keys === null ? [...idByKey.values()] : keys.map((key) => idByKey.get(key) ?? '')),
    // A set of the names, not names.includes: at 500 distributions an administrator's grant names every one of them.
    packageIds: (names) => {
      const named = names === null ? null : new Set(names);
      return sms2003.distributions.filter((d) => named === null || named.has(d.name)).map((d) => d.packageId);
    },
    advertisementIds: (names) => {
      const named = names === null ? null : new Set(names);
      return migratedDistributions.filter((d) => named === null || named.has(d.name)).map((d) => d.advertisementId);
    },
  });
  sms2003.rights.forEach((grant, index) => {
    const described = describeGrant(grant);
    row({
      objectKind: 'Security right',
      name: `${grant.account}: ${described}`,
      sms2003Id: `right-${index + 1}`,
      outcome: 'Migrated',
      result:
        grant.account === choices.runBy
          ? `${grant.account} ran the upgrade: every right on every object type, including new ones such as deployment templates`
          : `${grant.account} keeps ${described} on the objects that existed before the upgrade; no rights on new object types such as deployment templates`,
      reason:
        'After upgrading a site server, the user who ran the upgrade has access to all of the software updates objects, but other administrators have access only to objects that existed prior to upgrade.',
      guard: { objectType: 'Site', id: siteCode },
    });
  });
  log.write(
    'Security rights',
    `${choices.runBy} ran the upgrade and has access to all software updates objects. Other administrators keep their rights on objects that existed before the upgrade and have none on new object types such as deployment templates.`,
    60,
  );
  const finishedAt = log.finish('Setup', `Upgrade of site ${siteCode} to Configuration Manager 2007 completed.`);

  return {
    phase: 'configmgr',
    scenario: sms2003.scenario,
    seed: sms2003.seed,
    scale,
    stage: 'just-upgraded',
    clock: finishedAt,
    upgradedBy: choices.runBy,
    sites: sms2003.sites.map((candidate) =>
      candidate.code === siteCode ? { ...candidate, version: 'Configuration Manager 2007' as const } : { ...candidate },
    ),
    administrators: sms2003.administrators.map((administrator) => ({ ...administrator })),
    clients: sms2003.clients.map((client) => ({ ...client })),
    collections,
    collectionMembers,
    scanTools,
    softwareUpdates,
    updateLists: [],
    deploymentTemplates: [],
    deployments: [],
    sms2003Advertisements,
    deploymentPackages: [],
    searchFolders: [],
    packages,
    advertisements: scanToolAdvertisements(sms2003, collections),
    siteSystems: siteSystemsAfterSetup(sms2003, siteCode),
    softwareUpdatePoint: null,
    jobs: [],
    statusMessages: [],
    facts: factsAfterSetup(sms2003),
    grants,
    setupLog: log.lines,
    migrationReport: report,
  };
}

/**
 * The migrated software updates, expired and (LEGACY), each with its row of the migration report (added to `report`).
 * One loop for both and no object per update beyond what is kept: this runs for every update of the site.
 */
function migrateSoftwareUpdates(
  sms2003: Sms2003Site,
  idByKey: Map<string, string>,
  distributed: { deployedKeys: ReadonlySet<string>; downloadedKeys: ReadonlySet<string> },
  report: MigrationReportRow[],
): SoftwareUpdate[] {
  const softwareUpdates: SoftwareUpdate[] = [];
  const reasons = new SharedTexts(
    (compliance: Compliance) =>
      `Metadata and compliance migrated (${formatCount(compliance.required)} required, ` +
      `${formatCount(compliance.installed)} installed); expired until the next synchronization.`,
  );
  // One standing object, refilled per update: toSoftwareUpdate copies its fields and keeps nothing of it.
  const standing: UpdateStanding = { title: '', legacy: true, expired: true, deployed: false, downloaded: false };
  for (const original of sms2003.updates) {
    standing.title = withLegacySuffix(original.title);
    standing.deployed = distributed.deployedKeys.has(original.key);
    standing.downloaded = distributed.downloadedKeys.has(original.key);
    const update = toSoftwareUpdate(original, idByKey, sms2003.seed, standing);
    softwareUpdates.push(update);
    report.push({
      id: String(report.length + 1),
      objectKind: 'Software update',
      name: original.title,
      sms2003Id: original.key,
      outcome: 'Migrated',
      // Short: at 50,000 updates every character here is 50 kB of memory.
      result: `Software update ${update.id}, expired, (LEGACY) in its title`,
      // Far fewer distinct texts than updates (no language version but English has clients to report): one string each.
      reason: reasons.of(update.compliance, update.compliance.required, update.compliance.installed),
      guard: { objectType: 'SoftwareUpdate', id: update.id },
    });
  }
  return softwareUpdates;
}

/** How many of a collection's members are clients of the site, and how many of those are already ConfigMgr clients. */
function countMembers(memberIds: readonly string[], clientById: ReadonlyMap<string, { clientType: string }>) {
  let members = 0;
  let configMgr = 0;
  for (const id of memberIds) {
    const client = clientById.get(id);
    if (client === undefined) continue;
    members++;
    if (client.clientType === 'Configuration Manager 2007') configMgr++;
  }
  return { members, configMgr };
}

/** Texts that follow from two values of an object, written once per distinct pair and shared. */
class SharedTexts<T> {
  private readonly texts = new Map<string | number, Map<number, string>>();
  constructor(private readonly write: (item: T) => string) {}

  of(item: T, first: string | number, second: number): string {
    let bySecond = this.texts.get(first);
    if (!bySecond) this.texts.set(first, (bySecond = new Map()));
    let text = bySecond.get(second);
    if (text === undefined) bySecond.set(second, (text = this.write(item)));
    return text;
  }
}

function describeGrant(grant: Sms2003Grant): string {
  const rights = grant.rights === 'all' ? 'all rights' : grant.rights.join(', ');
  const on = grant.on;
  switch (on.kind) {
    case 'software-update':
      return `${rights} on ${on.keys === null ? 'every software update' : `${on.keys.length} software updates`}`;
    case 'distribution':
      // Counted, not named: every administrator may read this row, not every distribution.
      return `${rights} on ${on.names === null ? 'every software update distribution' : `${on.names.length} software update distribution${on.names.length === 1 ? '' : 's'}`} (${on.parts.join(' and ')})`;
    case 'collection':
      return `${rights} on ${on.ids === null ? 'every collection' : `${on.ids.length} collection${on.ids.length === 1 ? '' : 's'}`}`;
    case 'site':
      return `${rights} on site ${on.code}`;
  }
}

interface IdMapping {
  updateIds(keys: string[] | null): string[];
  packageIds(names: string[] | null): string[];
  advertisementIds(names: string[] | null): string[];
}

/**
 * "After upgrading a site server, the user who ran the upgrade has access to all of the software updates objects ...
 * but other administrators have access only to objects that existed prior to upgrade. For example, users who had full
 * rights to all SMS 2003 software updates objects will have full rights to the same objects in Configuration Manager
 * 2007 but will not have any rights to new object types such as deployment templates." (the planning topic)
 */
export function migrateRights(sms2003: Sms2003Site, runBy: string, siteCode: string, ids: IdMapping): Grant[] {
  const all = (type: ObjectType): Right[] => [...RIGHTS_BY_OBJECT_TYPE[type]];
  const rightsFor = (grant: Sms2003Grant, type: ObjectType): Right[] =>
    grant.rights === 'all' ? all(type) : grant.rights.filter((right) => RIGHTS_BY_OBJECT_TYPE[type].includes(right));
  const grants: Grant[] = OBJECT_TYPES.map((objectType) => ({
    account: runBy,
    objectType,
    instanceIds: null,
    rights: all(objectType),
  }));
  for (const grant of sms2003.rights) {
    if (grant.account === runBy) continue;
    const on = grant.on;
    switch (on.kind) {
      case 'software-update':
        // Instance rights on each update that existed: updates synchronized later are new objects.
        grants.push({
          account: grant.account,
          objectType: 'SoftwareUpdate',
          instanceIds: ids.updateIds(on.keys),
          rights: rightsFor(grant, 'SoftwareUpdate'),
        });
        break;
      case 'distribution':
        if (on.parts.includes('package')) {
          grants.push({
            account: grant.account,
            objectType: 'Package',
            instanceIds: ids.packageIds(on.names),
            rights: rightsFor(grant, 'Package'),
          });
        }
        if (on.parts.includes('advertisement')) {
          grants.push({
            account: grant.account,
            objectType: 'Advertisement',
            instanceIds: ids.advertisementIds(on.names),
            rights: rightsFor(grant, 'Advertisement'),
          });
        }
        break;
      case 'collection':
        grants.push({
          account: grant.account,
          objectType: 'Collection',
          instanceIds: on.ids,
          rights: rightsFor(grant, 'Collection'),
        });
        break;
      case 'site':
        if (on.code === siteCode) {
          grants.push({
            account: grant.account,
            objectType: 'Site',
            instanceIds: [on.code],
            rights: rightsFor(grant, 'Site'),
          });
        }
        break;
    }
  }
  return grants;
}
