import type { SoftwareUpdate } from '../model/software-update';
import type { Sms2003Site, Sms2003Update } from './sms2003-site';

/** First id the site database gives a software update (configuration item ids in the product look so). */
const FIRST_CI_ID = 16_777_217;

/**
 * The id of the update at this position of the SMS 2003 catalog. The same before and after the upgrade, so a link to
 * an update keeps working across it.
 */
export function updateIdAt(index: number): string {
  return String(FIRST_CI_ID + index);
}

export function updateIdsByKey(sms2003: Sms2003Site): Map<string, string> {
  return new Map(sms2003.updates.map((update, index) => [update.key, updateIdAt(index)]));
}

/** Where an update stands as a console object: migrated (expired, LEGACY) or still in SMS 2003. */
export interface UpdateStanding {
  title: string;
  legacy: boolean;
  expired: boolean;
  deployed: boolean;
  downloaded: boolean;
}

/** An SMS 2003 update as a console object, with the standing the caller decided. */
export function toSoftwareUpdate(
  update: Sms2003Update,
  idByKey: Map<string, string>,
  seed: number,
  standing: UpdateStanding,
): SoftwareUpdate {
  return {
    id: idByKey.get(update.key) as string,
    uniqueId: uniqueIdFor(update.key, seed),
    title: standing.title,
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
    legacy: standing.legacy,
    expired: standing.expired,
    superseded: update.supersededByKey !== null,
    supersededBy: update.supersededByKey ? (idByKey.get(update.supersededByKey) ?? null) : null,
    hidden: false,
    deployableToSms2003: update.deployableToSms2003,
    deployed: standing.deployed,
    downloaded: standing.downloaded,
    compliance: { ...update.compliance },
  };
}

export function uniqueIdFor(key: string, seed: number): string {
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
