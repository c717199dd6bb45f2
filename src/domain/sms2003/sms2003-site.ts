import type { Classification, Compliance, Severity, SourceCatalog } from '../model/software-update';
import type { Administrator, Client, Site } from '../model/site-objects';
import type { Right } from '../rights/rights';

/**
 * The SMS 2003 SP3 site as it was before the upgrade: what the upgrade reads. The ConfigMgr 2007 site of every later
 * stage is derived from it (src/domain/upgrade), never built by hand.
 */
export interface Sms2003Site {
  scenario: 'contoso';
  seed: number;
  clock: string;
  sites: Site[];
  administrators: Administrator[];
  clients: Client[];
  collections: Sms2003Collection[];
  scanTools: ScanTool[];
  updates: Sms2003Update[];
  distributions: Sms2003Distribution[];
  scanToolPackages: Sms2003ScanToolPackage[];
  rights: Sms2003Grant[];
}

export interface Sms2003Collection {
  id: string;
  name: string;
  comment: string;
  membershipRule: string;
  memberIds: string[];
}

export interface ScanTool {
  name: string;
  version: string;
  installedAtSite: string;
  catalog: string;
  /** Date of the catalog release the tool last synchronized successfully. */
  catalogDate: string;
  /** The last catalog synchronization's outcome, in the words of its status message. */
  lastSyncStatus: string;
  compatibleWithConfigMgr: boolean;
}

/** A software update as an SMS 2003 scan tool catalog knew it. */
export interface Sms2003Update {
  key: string;
  title: string;
  description: string;
  bulletinId: string;
  articleId: string;
  infoUrl: string;
  applicability: string;
  sourcePath: string;
  vendor: string;
  product: string;
  classification: Classification;
  severity: Severity;
  language: string;
  dateReleased: string;
  dateRevised: string;
  sizeKb: number;
  maxRunTimeMinutes: number;
  scanTool: SourceCatalog;
  supersededByKey: string | null;
  /** For a Microsoft update: the ITMU catalog carries it. For a custom update: it was published. */
  deployableToSms2003: boolean;
  compliance: Compliance;
}

/** An SMS 2003 software update distribution: package + program + advertisement, each created at some site. */
export interface Sms2003Distribution {
  name: string;
  packageId: string;
  packageCreatedAt: string;
  programName: string;
  programCreatedAt: string;
  advertisementId: string;
  advertisementCreatedAt: string;
  collectionId: string;
  sourcePath: string;
  sourceValid: boolean;
  availableAfter: string;
  mandatory: boolean;
  updateKeys: string[];
}

export interface Sms2003ScanToolPackage {
  packageId: string;
  name: string;
  programName: string;
  sourcePath: string;
  createdAt: string;
  scanTool: string;
}

/** What an SMS 2003 security right was granted on. */
export type Sms2003SecuredObject =
  | { kind: 'software-update'; keys: string[] | null }
  | { kind: 'distribution'; names: string[] | null; parts: Array<'package' | 'advertisement'> }
  | { kind: 'collection'; ids: string[] | null }
  | { kind: 'site'; code: string };

export interface Sms2003Grant {
  account: string;
  on: Sms2003SecuredObject;
  rights: Right[] | 'all';
}
