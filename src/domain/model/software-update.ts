import { z } from 'zod';

/** The vendor's rating, as the Microsoft Update catalog and Updates Publisher spell it. */
export const SEVERITIES = ['None', 'Low', 'Moderate', 'Important', 'Critical'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

/** Update classifications; each is a folder under Update Repository. */
export const CLASSIFICATIONS = [
  'Critical Updates',
  'Definition Updates',
  'Feature Packs',
  'Security Updates',
  'Service Packs',
  'Tools',
  'Update Rollups',
  'Updates',
] as const;
export const classificationSchema = z.enum(CLASSIFICATIONS);
export type Classification = z.infer<typeof classificationSchema>;

/**
 * Where the update's metadata came from. Only the Microsoft Update catalog (through the Inventory Tool for Microsoft
 * Updates or the software update point) and published custom updates can be synchronized after the upgrade; the other
 * scan tools' catalogs "have very limited support" (the planning topic).
 */
export const SOURCE_CATALOGS = [
  'Microsoft Update',
  'Custom Updates',
  'Security Update Inventory Tool',
  'Office Inventory Tool',
] as const;
export const sourceCatalogSchema = z.enum(SOURCE_CATALOGS);
export type SourceCatalog = z.infer<typeof sourceCatalogSchema>;

/**
 * Compliance as the product's summarization keeps it: counts per update, never a per-client matrix.
 * required + installed + notRequired + unknown = total (the clients of All Systems).
 */
export const complianceSchema = z.object({
  total: z.number().int().nonnegative(),
  required: z.number().int().nonnegative(),
  installed: z.number().int().nonnegative(),
  notRequired: z.number().int().nonnegative(),
  unknown: z.number().int().nonnegative(),
});
export type Compliance = z.infer<typeof complianceSchema>;

/**
 * A software update (a configuration item, SMS_SoftwareUpdate in the product). Every metadata field the planning
 * topic says the upgrade migrates is here: "the name, description, applicability rules, article ID, the URL to more
 * information about the update, the bulletin ID, the path to the software update source files, the associated product".
 */
export const softwareUpdateSchema = z.object({
  id: z.string(),
  uniqueId: z.string(),
  title: z.string(),
  description: z.string(),
  bulletinId: z.string(),
  articleId: z.string(),
  infoUrl: z.string(),
  applicability: z.string(),
  sourcePath: z.string(),
  vendor: z.string(),
  product: z.string(),
  classification: classificationSchema,
  severity: severitySchema,
  language: z.string(),
  dateReleased: z.string(),
  dateRevised: z.string(),
  sizeKb: z.number().int().nonnegative(),
  maxRunTimeMinutes: z.number().int().positive(),
  sourceCatalog: sourceCatalogSchema,
  /** The update was in the SMS 2003 database before the upgrade (a migrated object). */
  existedBeforeUpgrade: z.boolean(),
  /** Setup appended " (LEGACY)" to the title. */
  legacy: z.boolean(),
  expired: z.boolean(),
  superseded: z.boolean(),
  supersededBy: z.string().nullable(),
  /** Hidden in the console by the LEGACY clean-up script. */
  hidden: z.boolean(),
  deployableToSms2003: z.boolean(),
  /** The update is in at least one deployment or migrated SMS 2003 distribution. */
  deployed: z.boolean(),
  /** The update's files are in a package (downloaded). */
  downloaded: z.boolean(),
  compliance: complianceSchema,
});
export type SoftwareUpdate = z.infer<typeof softwareUpdateSchema>;

/** The product's first-column icon: normal (green), expired (grey) or superseded (yellow). */
export type UpdateState = 'normal' | 'expired' | 'superseded';

export function updateState(update: Pick<SoftwareUpdate, 'expired' | 'superseded'>): UpdateState {
  if (update.expired) return 'expired';
  if (update.superseded) return 'superseded';
  return 'normal';
}

/** Percent of the clients that report the update as installed or not required. */
export function percentCompliant(compliance: Compliance): number {
  if (compliance.total === 0) return 0;
  return Math.round(((compliance.installed + compliance.notRequired) / compliance.total) * 100);
}
