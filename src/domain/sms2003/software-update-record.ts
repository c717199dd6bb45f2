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
  // A loop rather than a map of [key, id] pairs: 50,000 arrays made only to be thrown away.
  const idByKey = new Map<string, string>();
  const { updates } = sms2003;
  for (let index = 0; index < updates.length; index++)
    idByKey.set((updates[index] as Sms2003Update).key, updateIdAt(index));
  return idByKey;
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

/**
 * A GUID-shaped id for an update key, stable for the same key and seed: four FNV-1a hashes of the key (salted 1 to 4)
 * written as aaaaaaaa-bbbb-bbbb-cccc-ccccdddddddd. The four hashes are computed in one pass and written straight into
 * one string: this runs for every update of a 50,000-update site, where per-call closures, hex strings and slices
 * were most of its cost.
 */
export function uniqueIdFor(key: string, seed: number): string {
  let a = 0x811c9dc5 ^ seed ^ 1;
  let b = 0x811c9dc5 ^ seed ^ 2;
  let c = 0x811c9dc5 ^ seed ^ 3;
  let d = 0x811c9dc5 ^ seed ^ 4;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    // Math.imul works modulo 2^32, so the unsigned conversion can wait until the end.
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193);
    c = Math.imul(c ^ code, 0x01000193);
    d = Math.imul(d ^ code, 0x01000193);
  }
  writeHex(a, 8, 0);
  writeHex(b >>> 16, 4, 9);
  writeHex(b, 4, 14);
  writeHex(c >>> 16, 4, 19);
  writeHex(c, 4, 24);
  writeHex(d, 8, 28);
  return String.fromCharCode.apply(null, GUID_CODES);
}

const HEX_CODES = [...'0123456789abcdef'].map((digit) => digit.charCodeAt(0));
/**
 * The character codes of the GUID being written, its dashes (at 8, 13, 18 and 23) in place; reused, since uniqueIdFor
 * never runs twice at once.
 */
const GUID_CODES: number[] = new Array<number>(36).fill('-'.charCodeAt(0));

/** Writes the last `digits` hex digits of a 32-bit value into GUID_CODES at `at`. */
function writeHex(value: number, digits: number, at: number) {
  for (let i = at + digits - 1; i >= at; i--) {
    GUID_CODES[i] = HEX_CODES[value & 15] as number;
    value >>>= 4;
  }
}
