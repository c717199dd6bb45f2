import { z } from 'zod';
import { objectTypeSchema } from '../rights/rights';

/** One line of %systemdrive%\ConfigMgrSetup.log: one migration decision, timestamped on the site clock. */
export const setupLogLineSchema = z.object({
  id: z.string(),
  time: z.string(),
  component: z.string(),
  message: z.string(),
});
export type SetupLogLine = z.infer<typeof setupLogLineSchema>;

export const MIGRATION_OBJECT_KINDS = [
  'Software update',
  'Package',
  'Program',
  'Advertisement',
  'Scan tool',
  'Collection',
  'Client',
  'Security right',
] as const;
export type MigrationObjectKind = (typeof MIGRATION_OBJECT_KINDS)[number];

export const MIGRATION_OUTCOMES = [
  'Migrated',
  'Migrated, content invalidated',
  'Upgraded',
  'Not migrated',
  'Information not migrated',
] as const;
export type MigrationOutcome = (typeof MIGRATION_OUTCOMES)[number];

/** One SMS 2003 object and what the upgrade made of it, with the reason in plain words (the migration report). */
export const migrationReportRowSchema = z.object({
  id: z.string(),
  objectKind: z.enum(MIGRATION_OBJECT_KINDS),
  name: z.string(),
  sms2003Id: z.string(),
  outcome: z.enum(MIGRATION_OUTCOMES),
  /** What the object became in Configuration Manager 2007. */
  result: z.string(),
  reason: z.string(),
  /** The object whose Read right shows this row: a report never reveals what the caller may not read. */
  guard: z.object({ objectType: objectTypeSchema, id: z.string() }),
});
export type MigrationReportRow = z.infer<typeof migrationReportRowSchema>;
