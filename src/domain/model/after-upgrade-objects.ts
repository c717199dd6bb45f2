import { z } from 'zod';
import { classificationSchema, severitySchema } from './software-update';

/** Severity of a status message, as the product's status message viewer shows it. */
export const STATUS_SEVERITIES = ['Informational', 'Warning', 'Error'] as const;
export const statusSeveritySchema = z.enum(STATUS_SEVERITIES);
export type StatusSeverity = z.infer<typeof statusSeveritySchema>;

/** What a site component reported, on the site clock (System Status > Status Messages). */
export const statusMessageSchema = z.object({
  id: z.string(),
  time: z.string(),
  siteCode: z.string(),
  component: z.string(),
  severity: statusSeveritySchema,
  messageId: z.number().int().nonnegative(),
  description: z.string(),
  /** The job that reported it, if any. */
  jobId: z.string().nullable(),
});
export type StatusMessage = z.infer<typeof statusMessageSchema>;

export const JOB_KINDS = [
  'software-update-point-sync',
  'itmu-catalog-sync',
  'package-content-download',
  'deployment-rollout',
  'deployment-package-download',
] as const;
export const jobKindSchema = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof jobKindSchema>;

export const JOB_STATES = ['Running', 'Succeeded', 'Failed', 'Cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A status message a running job will report once it is this far in (minutes after its start). */
export const jobMilestoneSchema = z.object({
  afterMinutes: z.number().nonnegative(),
  component: z.string(),
  severity: statusSeveritySchema,
  messageId: z.number().int().nonnegative(),
  description: z.string(),
});
export type JobMilestone = z.infer<typeof jobMilestoneSchema>;

/**
 * A long-running piece of site work on the site clock: a synchronization, a content download. Its outcome is decided
 * when it starts (from the site as it was then), its effects happen when the site clock reaches its end.
 */
export const jobSchema = z.object({
  id: z.string(),
  kind: jobKindSchema,
  name: z.string(),
  requestedBy: z.string(),
  startedAt: z.string(),
  endsAt: z.string(),
  state: z.enum(JOB_STATES),
  finishedAt: z.string().nullable(),
  /** Decided at the start: a job that will fail still runs to its end, then fails. */
  willSucceed: z.boolean(),
  /** The object the job works on (a package id, an advertisement id), if any. */
  targetId: z.string().nullable(),
  milestones: z.array(jobMilestoneSchema),
  /** How many of the milestones have been reported as status messages so far. */
  reported: z.number().int().nonnegative(),
});
export type Job = z.infer<typeof jobSchema>;

/** The software update point site role: what it synchronizes from WSUS. */
export const softwareUpdatePointSchema = z.object({
  serverName: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  products: z.array(z.string()),
  classifications: z.array(z.string()),
  languages: z.array(z.string()),
  lastSynchronizedAt: z.string().nullable(),
});
export type SoftwareUpdatePoint = z.infer<typeof softwareUpdatePointSchema>;

/** A site system server under Site Settings > Site Systems, with its roles. */
export const siteSystemSchema = z.object({
  id: z.string(),
  name: z.string(),
  siteCode: z.string(),
  roles: z.array(z.string()),
});
export type SiteSystem = z.infer<typeof siteSystemSchema>;

/**
 * A Software Distribution advertisement that is not a software update distribution: the scan tools' advertisements,
 * among them the Microsoft Updates Tool Sync advertisement that synchronizes the ITMU catalog.
 */
export const advertisementSchema = z.object({
  id: z.string(),
  name: z.string(),
  packageId: z.string(),
  packageName: z.string(),
  programName: z.string(),
  collectionId: z.string(),
  collectionName: z.string(),
  scanTool: z.string(),
  /** The advertisement runs the catalog synchronization (on the synchronization host), not the scan. */
  synchronizesCatalog: z.boolean(),
  lastRunAt: z.string().nullable(),
  lastRunStatus: z.string(),
});
export type Advertisement = z.infer<typeof advertisementSchema>;

/**
 * A custom update authored and published to WSUS with System Center Updates Publisher (its Create Update Wizard's
 * Information page): it reaches the site database at the next synchronization of the software update point.
 * The text fields are data as a person typed them (HTML included), never markup.
 */
export const publishedCustomUpdateSchema = z.object({
  /** SCUP000001, SCUP000002, ... in the order they were published. */
  id: z.string(),
  /** The update's GUID in WSUS (the software update's Unique Update ID once synchronized). */
  uniqueId: z.string(),
  title: z.string(),
  description: z.string(),
  classification: classificationSchema,
  vendor: z.string(),
  product: z.string(),
  bulletinId: z.string(),
  articleId: z.string(),
  severity: severitySchema,
  infoUrl: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
});
export type PublishedCustomUpdate = z.infer<typeof publishedCustomUpdateSchema>;

/** What became of the site after the upgrade: the facts the after-upgrade rules read. */
export const afterUpgradeFactsSchema = z.object({
  /** Updates installed on the site server, by Knowledge Base article (e.g. "954474"). */
  siteServerUpdates: z.array(z.string()),
  /** The release date of the Microsoft Update catalog the ITMU catalog last synchronized successfully. */
  itmuCatalogDate: z.string(),
  itmuRemovedAt: z.string().nullable(),
  customCatalogRepublishedAt: z.string().nullable(),
  legacyScriptRunAt: z.string().nullable(),
  /** When the other scan tools' expired updates leave the site database (set by the first synchronization). */
  otherScanToolUpdatesRemovalAt: z.string().nullable(),
  otherScanToolUpdatesRemovedAt: z.string().nullable(),
  lastJobNumber: z.number().int().nonnegative(),
  lastMessageNumber: z.number().int().nonnegative(),
  /** Custom updates published to WSUS with System Center Updates Publisher, oldest first. */
  publishedCustomUpdates: z.array(publishedCustomUpdateSchema).default([]),
});
export type AfterUpgradeFacts = z.infer<typeof afterUpgradeFactsSchema>;
