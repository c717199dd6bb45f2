import type { SoftwareUpdate } from '../model/software-update';
import type { Collection, Package, Sms2003Advertisement } from '../model/site-objects';
import { OBJECT_TYPES, RIGHTS_BY_OBJECT_TYPE, type Grant, type ObjectType, type Right } from '../rights/rights';
import type { Scale } from '../scenario/scale';
import type { NotMigratedObject, SetupLogLine, SiteState } from '../site-state';
import type { Sms2003Distribution, Sms2003Grant, Sms2003Site } from '../sms2003/sms2003-site';
import { withLegacySuffix } from './legacy-title';

export interface SetupChoices {
  /** The administrator who runs Setup: "the user who ran the upgrade has access to all of the software updates objects". */
  runBy: string;
  /** Where Setup takes the latest Microsoft Update catalog when it upgrades the Inventory Tool for Microsoft Updates. */
  catalogSource: 'internet' | 'local';
  /** When Setup starts, on the site clock. */
  startedAt: string;
  siteCode: string;
}

/** First CI_ID the site database gives a migrated software update (configuration item ids in the product look so). */
const FIRST_CI_ID = 16_777_217;

/**
 * "A distribution is migrated and continues to work as expected only when the advertisement and program for the
 * distribution is created at the site that is being upgraded." (the planning topic)
 */
export function isDistributionMigrated(distribution: Sms2003Distribution, upgradedSiteCode: string): boolean {
  return distribution.programCreatedAt === upgradedSiteCode && distribution.advertisementCreatedAt === upgradedSiteCode;
}

/** Why a distribution was or was not migrated, in plain words. */
export function distributionMigrationReason(distribution: Sms2003Distribution, upgradedSiteCode: string): string {
  if (isDistributionMigrated(distribution, upgradedSiteCode)) {
    return `Migrated: its program and advertisement ${distribution.advertisementId} were created at ${upgradedSiteCode}, the site being upgraded.`;
  }
  if (distribution.advertisementCreatedAt !== upgradedSiteCode) {
    return (
      `Not migrated: its advertisement ${distribution.advertisementId} was created at child site ` +
      `${distribution.advertisementCreatedAt}. The program keeps working on SMS 2003 clients, but Configuration ` +
      `Manager clients will not retrieve the updates it deploys.`
    );
  }
  return (
    `Not migrated: its program was created at ${distribution.programCreatedAt}, not at ${upgradedSiteCode}. ` +
    `It keeps working on SMS 2003 clients only.`
  );
}

/**
 * Setup upgrades the Inventory Tool for Microsoft Updates when "a previous version ... is installed on the site and
 * ... another installation of the tool is not installed on a site higher in the hierarchy".
 */
export function shouldUpgradeItmu(sms2003: Sms2003Site, siteCode: string): boolean {
  const site = sms2003.sites.find((candidate) => candidate.code === siteCode);
  if (!site?.itmuInstalled) return false;
  let parentCode = site.parentCode;
  while (parentCode) {
    const parent = sms2003.sites.find((candidate) => candidate.code === parentCode);
    if (!parent) break;
    if (parent.itmuInstalled) return false;
    parentCode = parent.parentCode;
  }
  return true;
}

/**
 * The upgrade of an SMS 2003 site to Configuration Manager 2007, as a pure function of the SMS 2003 state and the
 * Setup choices. Each migration decision is written to the Setup log.
 */
export function upgradeSite(sms2003: Sms2003Site, choices: SetupChoices, scale: Scale): SiteState {
  const log = new SetupLog(choices.startedAt);
  const siteCode = choices.siteCode;
  log.write('Setup', `Configuration Manager 2007 Setup started by ${choices.runBy}: upgrade of site ${siteCode}.`);

  // Software updates: every one is migrated, expired and titled (LEGACY).
  const idByKey = new Map<string, string>();
  sms2003.updates.forEach((update, index) => idByKey.set(update.key, String(FIRST_CI_ID + index)));
  const migratedDistributions = sms2003.distributions.filter((d) => isDistributionMigrated(d, siteCode));
  const deployedKeys = new Set(migratedDistributions.flatMap((d) => d.updateKeys));
  const downloadedKeys = new Set(
    sms2003.distributions.filter((d) => d.sourceValid).flatMap((distribution) => distribution.updateKeys),
  );
  const softwareUpdates: SoftwareUpdate[] = sms2003.updates.map((update) => {
    const id = idByKey.get(update.key) as string;
    return {
      id,
      uniqueId: uniqueIdFor(update.key, sms2003.seed),
      title: withLegacySuffix(update.title),
      description: update.description,
      bulletinId: update.bulletinId,
      articleId: update.articleId,
      infoUrl: update.infoUrl,
      applicability: update.applicability,
      sourcePath: update.sourcePath,
      vendor: update.vendor,
      product: update.product,
      classification: update.classification,
      severity: update.severity,
      language: update.language,
      dateReleased: update.dateReleased,
      dateRevised: update.dateRevised,
      sizeKb: update.sizeKb,
      maxRunTimeMinutes: update.maxRunTimeMinutes,
      sourceCatalog: update.scanTool,
      existedBeforeUpgrade: true,
      legacy: true,
      expired: true,
      superseded: update.supersededByKey !== null,
      supersededBy: update.supersededByKey ? (idByKey.get(update.supersededByKey) ?? null) : null,
      hidden: false,
      deployableToSms2003: update.deployableToSms2003,
      deployed: deployedKeys.has(update.key),
      downloaded: downloadedKeys.has(update.key),
      compliance: { ...update.compliance },
    };
  });
  const byCatalog = new Map<string, number>();
  for (const update of sms2003.updates) byCatalog.set(update.scanTool, (byCatalog.get(update.scanTool) ?? 0) + 1);
  for (const [catalog, count] of byCatalog) {
    log.write(
      'Software updates',
      `Migrated ${count} software updates of the ${catalog} catalog with their metadata and compliance: Expired set to Yes, (LEGACY) appended to each title.`,
    );
  }

  // Scan tools: only the Inventory Tool for Microsoft Updates carries over.
  const notMigrated: NotMigratedObject[] = [];
  const itmuUpgraded = shouldUpgradeItmu(sms2003, siteCode);
  const scanTools = sms2003.scanTools
    .filter((tool) => tool.name === 'Inventory Tool for Microsoft Updates' && itmuUpgraded)
    .map((tool) => ({ ...tool, version: '2007 (upgraded by Setup)' }));
  for (const tool of sms2003.scanTools) {
    if (tool.name === 'Inventory Tool for Microsoft Updates') {
      log.write(
        'Inventory Tool for Microsoft Updates',
        itmuUpgraded
          ? `Installed at ${siteCode} and on no site higher in the hierarchy: upgraded. Latest catalog taken from ${choices.catalogSource === 'internet' ? 'the Internet' : 'a local location'}.`
          : `Not upgraded: it is not installed at ${siteCode}, or it is installed on a site higher in the hierarchy.`,
      );
      continue;
    }
    const reason =
      `Information about the ${tool.name} is not migrated: other inventory scan tools are not compatible with ` +
      `Configuration Manager 2007. Its updates are migrated like every other update and stay expired.`;
    notMigrated.push({ kind: 'Scan tool', name: tool.name, reason });
    log.write('Scan tools', reason);
  }

  // Collections and clients: unchanged, and still SMS 2003 clients.
  const clientById = new Map(sms2003.clients.map((client) => [client.id, client]));
  const collections: Collection[] = sms2003.collections.map((collection) => {
    const members = collection.memberIds.map((id) => clientById.get(id)).filter((c) => c !== undefined);
    const configMgr = members.filter((c) => c.clientType === 'Configuration Manager 2007').length;
    return {
      id: collection.id,
      name: collection.name,
      comment: collection.comment,
      membershipRule: collection.membershipRule,
      memberCount: members.length,
      sms2003ClientCount: members.length - configMgr,
      configMgrClientCount: configMgr,
    };
  });
  const collectionMembers = Object.fromEntries(sms2003.collections.map((c) => [c.id, [...c.memberIds]]));
  log.write('Client status', `Migrated the catalog revision of ${sms2003.clients.length} clients.`);

  // Distributions: packages stay; programs and advertisements migrate only when created here.
  const collectionName = (id: string) => collections.find((c) => c.id === id)?.name ?? id;
  const packages: Package[] = [];
  const sms2003Advertisements: Sms2003Advertisement[] = [];
  for (const distribution of sms2003.distributions) {
    const migrated = isDistributionMigrated(distribution, siteCode);
    const reason = distributionMigrationReason(distribution, siteCode);
    log.write('Software update distributions', `${distribution.name}: ${reason}`);
    let note = reason;
    if (!distribution.sourceValid) {
      const invalid = `Package source ${distribution.sourcePath} is not valid: source validation fails and the content is invalidated until it is downloaded again.`;
      note = `${reason} ${invalid}`;
      log.write('Package source validation', `${distribution.packageId} (${distribution.name}): ${invalid}`);
    }
    packages.push({
      id: distribution.packageId,
      name: distribution.name,
      manufacturer: 'Microsoft',
      version: '',
      programName: distribution.programName,
      sourcePath: distribution.sourcePath,
      sourceValid: distribution.sourceValid,
      createdAtSite: distribution.packageCreatedAt,
      purpose: 'Software update distribution',
      updateIds: distribution.updateKeys.map((key) => idByKey.get(key)).filter((id) => id !== undefined),
      migrationNote: note,
    });
    if (migrated) {
      sms2003Advertisements.push({
        id: distribution.advertisementId,
        name: distribution.name,
        packageId: distribution.packageId,
        packageName: distribution.name,
        programName: distribution.programName,
        collectionId: distribution.collectionId,
        collectionName: collectionName(distribution.collectionId),
        createdAtSite: distribution.advertisementCreatedAt,
        availableAfter: distribution.availableAfter,
        mandatory: distribution.mandatory,
        updateIds: distribution.updateKeys.map((key) => idByKey.get(key)).filter((id) => id !== undefined),
      });
    } else {
      notMigrated.push({ kind: 'Program', name: `${distribution.name} (${distribution.programName})`, reason });
      notMigrated.push({
        kind: 'Advertisement',
        name: `${distribution.advertisementId} (${distribution.name})`,
        reason,
      });
    }
  }
  for (const scanToolPackage of sms2003.scanToolPackages) {
    packages.push({
      id: scanToolPackage.packageId,
      name: scanToolPackage.name,
      manufacturer: 'Microsoft',
      version: '',
      programName: scanToolPackage.programName,
      sourcePath: scanToolPackage.sourcePath,
      sourceValid: true,
      createdAtSite: scanToolPackage.createdAt,
      purpose: 'Scan tool',
      updateIds: [],
      migrationNote: `The ${scanToolPackage.scanTool} package; packages are kept by the upgrade.`,
    });
  }

  const grants = migrateRights(sms2003, choices.runBy, siteCode, {
    updateIds: (keys) => (keys === null ? [...idByKey.values()] : keys.map((key) => idByKey.get(key) ?? '')),
    packageIds: (names) =>
      sms2003.distributions.filter((d) => names === null || names.includes(d.name)).map((d) => d.packageId),
    advertisementIds: (names) =>
      migratedDistributions.filter((d) => names === null || names.includes(d.name)).map((d) => d.advertisementId),
  });
  log.write(
    'Security rights',
    `${choices.runBy} ran the upgrade and has access to all software updates objects. Other administrators keep their rights on objects that existed before the upgrade and have none on new object types such as deployment templates.`,
  );
  log.write('Setup', `Upgrade of site ${siteCode} to Configuration Manager 2007 completed.`);

  return {
    scenario: sms2003.scenario,
    seed: sms2003.seed,
    scale,
    stage: 'just-upgraded',
    clock: sms2003.clock,
    upgradedBy: choices.runBy,
    sites: sms2003.sites.map((site) =>
      site.code === siteCode ? { ...site, version: 'Configuration Manager 2007' as const } : { ...site },
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
    grants,
    setupLog: log.lines,
    notMigrated,
  };
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

class SetupLog {
  readonly lines: SetupLogLine[] = [];
  private time: number;

  constructor(startedAt: string) {
    this.time = Date.parse(startedAt);
  }

  write(component: string, message: string) {
    this.time += 7_000;
    this.lines.push({ time: new Date(this.time).toISOString(), component, message });
  }
}

function uniqueIdFor(key: string, seed: number): string {
  // FNV-1a over the key, spread into a GUID shape: stable for the same key and seed.
  const hash = (salt: number) => {
    let h = (0x811c9dc5 ^ seed ^ salt) >>> 0;
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  const a = hash(1);
  const b = hash(2);
  const c = hash(3);
  const d = hash(4);
  return `${a}-${b.slice(0, 4)}-${b.slice(4, 8)}-${c.slice(0, 4)}-${c.slice(4, 8)}${d}`;
}
