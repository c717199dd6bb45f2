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

export const deploymentTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  createdBy: z.string(),
  collectionId: z.string().nullable(),
  /** "Deploy software updates to SMS 2003 clients" (the template's SMS 2003 Settings page). */
  deployToSms2003Clients: z.boolean(),
  suppressRestartServers: z.boolean(),
  suppressRestartWorkstations: z.boolean(),
  showNotifications: z.boolean(),
});
export type DeploymentTemplate = z.infer<typeof deploymentTemplateSchema>;

export const deploymentSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  collectionId: z.string(),
  collectionName: z.string(),
  templateId: z.string().nullable(),
  createdBy: z.string(),
  availableTime: z.string(),
  deadline: z.string().nullable(),
  deployToSms2003Clients: z.boolean(),
  updateIds: z.array(z.string()),
});
export type Deployment = z.infer<typeof deploymentSchema>;

export const deploymentPackageSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  sourcePath: z.string(),
  createdBy: z.string(),
  updateIds: z.array(z.string()),
});
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
