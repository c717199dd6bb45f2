import { noAfterUpgradeFields } from '../after-upgrade/site-after-setup';
import type { Collection, Package, Sms2003Advertisement } from '../model/site-objects';
import { RIGHTS_BY_OBJECT_TYPE, type Grant, type ObjectType, type Right } from '../rights/rights';
import type { Scale } from '../scenario/scale';
import type { SiteState } from '../site-state';
import { advertisementRecord, distributionPackageRecord, scanToolPackageRecord } from './distribution-records';
import { toSoftwareUpdate, updateIdsByKey } from './software-update-record';
import type { Sms2003Grant, Sms2003Site } from './sms2003-site';

/**
 * The SMS 2003 site before the upgrade, in the console's shapes, for the read-only SMS 2003 view of the Before upgrade
 * stage: updates active and untouched (no LEGACY yet), every distribution's advertisement wherever it was created,
 * and the SMS 2003 security rights as they were.
 */
export function presentSms2003Site(sms2003: Sms2003Site, scale: Scale): SiteState {
  const idByKey = updateIdsByKey(sms2003);
  const deployed = new Set(sms2003.distributions.flatMap((d) => d.updateKeys));
  const downloaded = new Set(sms2003.distributions.filter((d) => d.sourceValid).flatMap((d) => d.updateKeys));
  const clientById = new Map(sms2003.clients.map((client) => [client.id, client]));
  const collections: Collection[] = sms2003.collections.map((collection) => ({
    id: collection.id,
    name: collection.name,
    comment: collection.comment,
    membershipRule: collection.membershipRule,
    memberCount: collection.memberIds.length,
    sms2003ClientCount: collection.memberIds.filter((id) => clientById.get(id)?.clientType === 'SMS 2003').length,
    configMgrClientCount: 0,
  }));
  const collectionName = (id: string) => collections.find((c) => c.id === id)?.name ?? id;
  const updateIdsOf = (keys: string[]) => keys.map((key) => idByKey.get(key) ?? '');
  const packages: Package[] = [
    // SMS 2003 does not validate package sources; Configuration Manager 2007 Setup does.
    ...sms2003.distributions.map((d) => distributionPackageRecord(d, updateIdsOf(d.updateKeys), 'Not upgraded yet.')),
    ...sms2003.scanToolPackages.map((p) => scanToolPackageRecord(p, 'Not upgraded yet.')),
  ];
  const advertisements: Sms2003Advertisement[] = sms2003.distributions.map((d) =>
    advertisementRecord(d, collectionName(d.collectionId), updateIdsOf(d.updateKeys)),
  );
  return {
    phase: 'sms2003',
    scenario: sms2003.scenario,
    seed: sms2003.seed,
    scale,
    stage: 'before-upgrade',
    clock: sms2003.clock,
    upgradedBy: '',
    sites: sms2003.sites.map((site) => ({ ...site })),
    administrators: sms2003.administrators.map((administrator) => ({ ...administrator })),
    clients: sms2003.clients,
    collections,
    collectionMembers: Object.fromEntries(sms2003.collections.map((c) => [c.id, c.memberIds])),
    scanTools: sms2003.scanTools,
    softwareUpdates: sms2003.updates.map((update) =>
      toSoftwareUpdate(update, idByKey, sms2003.seed, {
        title: update.title,
        legacy: false,
        expired: false,
        deployed: deployed.has(update.key),
        downloaded: downloaded.has(update.key),
      }),
    ),
    updateLists: [],
    deploymentTemplates: [],
    deployments: [],
    sms2003Advertisements: advertisements,
    deploymentPackages: [],
    searchFolders: [],
    packages,
    ...noAfterUpgradeFields(sms2003),
    grants: grantsBeforeUpgrade(sms2003, idByKey),
    setupLog: [],
    migrationReport: [],
  };
}

/** The SMS 2003 security rights as they were, in the console's grant shape (class where SMS 2003 had class rights). */
function grantsBeforeUpgrade(sms2003: Sms2003Site, idByKey: Map<string, string>): Grant[] {
  const rightsFor = (grant: Sms2003Grant, type: ObjectType): Right[] =>
    grant.rights === 'all'
      ? [...RIGHTS_BY_OBJECT_TYPE[type]]
      : grant.rights.filter((right) => RIGHTS_BY_OBJECT_TYPE[type].includes(right));
  const distributionsNamed = (names: string[] | null) =>
    sms2003.distributions.filter((d) => names === null || names.includes(d.name));
  return sms2003.rights.flatMap((grant): Grant[] => {
    const on = grant.on;
    const account = grant.account;
    switch (on.kind) {
      case 'software-update':
        return [
          {
            account,
            objectType: 'SoftwareUpdate',
            instanceIds: on.keys === null ? null : on.keys.map((key) => idByKey.get(key) ?? ''),
            rights: rightsFor(grant, 'SoftwareUpdate'),
          },
        ];
      case 'distribution': {
        const named = on.names === null ? null : distributionsNamed(on.names);
        const out: Grant[] = [];
        if (on.parts.includes('package')) {
          out.push({
            account,
            objectType: 'Package',
            instanceIds: named === null ? null : named.map((d) => d.packageId),
            rights: rightsFor(grant, 'Package'),
          });
        }
        if (on.parts.includes('advertisement')) {
          out.push({
            account,
            objectType: 'Advertisement',
            instanceIds: named === null ? null : named.map((d) => d.advertisementId),
            rights: rightsFor(grant, 'Advertisement'),
          });
        }
        return out;
      }
      case 'collection':
        return [{ account, objectType: 'Collection', instanceIds: on.ids, rights: rightsFor(grant, 'Collection') }];
      case 'site':
        return [{ account, objectType: 'Site', instanceIds: [on.code], rights: rightsFor(grant, 'Site') }];
    }
  });
}
