import { z } from 'zod';
import { searchFolderCriteriaSchema } from '../search-folders/search-folder-criteria';

export const siteSchema = z.object({
  /** The site code, as the id of the object. */
  id: z.string(),
  code: z.string(),
  name: z.string(),
  serverName: z.string(),
  version: z.enum(['SMS 2003 SP3', 'Configuration Manager 2007']),
  parentCode: z.string().nullable(),
  /** The Inventory Tool for Microsoft Updates is installed on this site server. */
  itmuInstalled: z.boolean(),
});
export type Site = z.infer<typeof siteSchema>;

export const administratorSchema = z.object({
  account: z.string(),
  story: z.string(),
});
export type Administrator = z.infer<typeof administratorSchema>;

export const CLIENT_TYPES = ['SMS 2003', 'Configuration Manager 2007'] as const;
export const clientTypeSchema = z.enum(CLIENT_TYPES);
export type ClientType = z.infer<typeof clientTypeSchema>;

export const clientSchema = z.object({
  id: z.string(),
  name: z.string(),
  siteCode: z.string(),
  clientType: clientTypeSchema,
  operatingSystem: z.string(),
  /** Revision of the Microsoft Update catalog the client last scanned with (client status, migrated by the upgrade). */
  catalogRevision: z.number().int().nonnegative(),
});
export type Client = z.infer<typeof clientSchema>;

export const collectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  comment: z.string(),
  /** Who the collection holds, as a rule a person would read (membership itself is kept in the site state). */
  membershipRule: z.string(),
  memberCount: z.number().int().nonnegative(),
  sms2003ClientCount: z.number().int().nonnegative(),
  configMgrClientCount: z.number().int().nonnegative(),
});
export type Collection = z.infer<typeof collectionSchema>;

/** A Software Distribution package: the package of an SMS 2003 software update distribution, or a scan tool's. */
export const packageSchema = z.object({
  id: z.string(),
  name: z.string(),
  manufacturer: z.string(),
  version: z.string(),
  programName: z.string(),
  sourcePath: z.string(),
  /** Package source validation passes (the source path exists and holds the content). */
  sourceValid: z.boolean(),
  /** The state of the package's content on its distribution points, in plain words. */
  contentStatus: z.string(),
  createdAtSite: z.string(),
  purpose: z.enum(['Software update distribution', 'Scan tool']),
  updateIds: z.array(z.string()),
  /** What the upgrade did with the distribution this package belongs to, in plain words. */
  migrationNote: z.string(),
});
export type Package = z.infer<typeof packageSchema>;

/**
 * A migrated SMS 2003 software update distribution (advertisement + program + package), listed under
 * Deployment Management > SMS 2003 Advertisements.
 */
export const sms2003AdvertisementSchema = z.object({
  id: z.string(),
  name: z.string(),
  packageId: z.string(),
  packageName: z.string(),
  programName: z.string(),
  collectionId: z.string(),
  collectionName: z.string(),
  createdAtSite: z.string(),
  availableAfter: z.string(),
  mandatory: z.boolean(),
  updateIds: z.array(z.string()),
});
export type Sms2003Advertisement = z.infer<typeof sms2003AdvertisementSchema>;

export const updateListSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  createdBy: z.string(),
  dateCreated: z.string(),
  updateIds: z.array(z.string()),
});
export type UpdateList = z.infer<typeof updateListSchema>;

/** Display/Time Settings: the default duration that pre-sets a deadline, in one of these units (the template XML). */
export const DURATION_UNITS = ['Hours', 'Days', 'Weeks', 'Months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
/** The largest duration each unit allows: 1-24 hours, 1-365 days, 1-4 weeks, 1-12 months. */
export const DURATION_LIMITS: Record<DurationUnit, number> = { Hours: 24, Days: 365, Weeks: 4, Months: 12 };

/** What a Download Settings option does for a client: install from that distribution point, or not install. */
export const DOWNLOAD_OPTIONS = ['do-not-install', 'download-and-install'] as const;
/** SMS 2003 Settings: when a distribution point is available locally. */
export const SMS2003_LOCAL_DP_OPTIONS = ['run-from-distribution-point', 'download-and-run'] as const;

/**
 * The settings a deployment template stores and a deployment carries (the pages marked * in the Deploy Software
 * Updates Wizard): Collection, Display/Time, Restart, Event Generation, Download and SMS 2003 Settings.
 */
export const deploymentSettingsSchema = z.object({
  /** Collection: optional in a template (a template without one allows phased deployments). */
  collectionId: z.string().nullable(),
  includeSubCollections: z.boolean(),
  /** Display/Time Settings. */
  showNotifications: z.boolean(),
  useUtc: z.boolean(),
  duration: z.number().int().min(1),
  durationUnits: z.enum(DURATION_UNITS),
  /** Restart Settings. */
  suppressRestartServers: z.boolean(),
  suppressRestartWorkstations: z.boolean(),
  allowRestartOutsideMaintenanceWindows: z.boolean(),
  /** Event Generation (Operations Manager). */
  disableOperationsManagerAlerts: z.boolean(),
  generateOperationsManagerAlertOnFailure: z.boolean(),
  /** Download Settings: clients in a slow or unreliable boundary, and those whose protected DP lacks the update. */
  slowBoundary: z.enum(DOWNLOAD_OPTIONS),
  unprotectedDistributionPoint: z.enum(DOWNLOAD_OPTIONS),
  /** SMS 2003 Settings: "Deploy software updates to SMS 2003 clients" and its options. */
  deployToSms2003Clients: z.boolean(),
  collectInventoryImmediately: z.boolean(),
  sms2003LocalDistributionPoint: z.enum(SMS2003_LOCAL_DP_OPTIONS),
});
export type DeploymentSettings = z.infer<typeof deploymentSettingsSchema>;

export const deploymentTemplateSchema = deploymentSettingsSchema.extend({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type DeploymentTemplate = z.infer<typeof deploymentTemplateSchema>;

/** The SMS 2003 program and advertisement a deployment to SMS 2003 clients creates. */
export const deploymentSms2003Schema = z.object({
  advertisementId: z.string(),
  programName: z.string(),
  /** Turned off once "Deploy software updates to SMS 2003 clients" is switched off: it cannot be turned on again. */
  enabled: z.boolean(),
});

export const deploymentSchema = deploymentSettingsSchema.extend({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  collectionId: z.string(),
  collectionName: z.string(),
  templateId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  availableTime: z.string(),
  deadline: z.string().nullable(),
  updateIds: z.array(z.string()),
  deploymentPackageId: z.string().nullable(),
  languages: z.array(z.string()),
  /** The administrator confirmed deploying LEGACY updates, which should not be deployed. */
  legacyAcknowledged: z.boolean(),
  sms2003: deploymentSms2003Schema.nullable(),
  /** How many clients of the collection are expected to install each update (counted when it was created). */
  expectedInstalls: z.record(z.string(), z.number().int().nonnegative()),
});
export type Deployment = z.infer<typeof deploymentSchema>;

export const deploymentPackageSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  sourcePath: z.string(),
  createdBy: z.string(),
  updateIds: z.array(z.string()),
  /** Content state (src/domain/deployment-packages): left out on a package made by a deployment, which means the defaults. */
  /** The version of the package's content: 1 when first downloaded, one more at each download into it. */
  contentVersion: z.number().int().positive().optional(),
  /** The site systems (distribution points) that hold it; left out: every distribution point of the site. */
  distributionPointIds: z.array(z.string()).optional(),
  /** The updates a running download brings into it (the Download Updates Wizard's job). */
  pendingUpdateIds: z.array(z.string()).optional(),
  /** The last download into it on the site clock, and whether it reached the distribution points. */
  lastDownload: z.object({ at: z.string(), succeeded: z.boolean(), jobId: z.string() }).nullable().optional(),
});
/** The product's limits on a new deployment package (Deployment Package page). */
export const MAX_DEPLOYMENT_PACKAGE_NAME = 50;
export const MAX_DEPLOYMENT_PACKAGE_DESCRIPTION = 127;
export type DeploymentPackage = z.infer<typeof deploymentPackageSchema>;

/**
 * A search folder under Update Repository > Search Folders: a saved search over the software updates, run again
 * whenever it is opened. Its owner is the administrator who created it.
 */
export const searchFolderSchema = z.object({
  id: z.string(),
  name: z.string(),
  owner: z.string(),
  criteria: searchFolderCriteriaSchema,
  /** The criteria in plain words (the Criteria column): `describeCriteria(criteria)`. */
  criteriaText: z.string(),
});
export type SearchFolder = z.infer<typeof searchFolderSchema>;
