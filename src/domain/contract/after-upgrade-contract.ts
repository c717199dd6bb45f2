import { z } from 'zod';
import { SITE_ACTIONS } from '../after-upgrade/site-actions';
import { jobSchema, softwareUpdatePointSchema, afterUpgradeFactsSchema } from '../model/after-upgrade-objects';
import { CLOCK_SPEEDS } from '../site-clock/site-clock';

/** POST /api/advertisements/:id/run */
export const runAdvertisementRequestSchema = z.strictObject({
  collectionId: z.string().min(1).max(16).optional(),
  acknowledgeConfigMgrClients: z.boolean().optional(),
});

/** POST /api/sms2003-advertisements/:id/remove-updates */
export const removeUpdatesRequestSchema = z.strictObject({
  updateIds: z.array(z.string().min(1).max(16)).min(1, 'choose at least one software update').max(10_000),
});

/** PATCH /api/packages/:id */
export const packageSourceRequestSchema = z.strictObject({ sourcePath: z.string().max(300) });

/** POST /api/site/clock */
export const clockRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('speed'),
    speed: z.number().refine((speed) => (CLOCK_SPEEDS as readonly number[]).includes(speed), {
      message: `speed must be one of ${CLOCK_SPEEDS.join(', ')}`,
    }),
  }),
  z.strictObject({ type: z.literal('pause'), paused: z.boolean() }),
  z.strictObject({
    type: z.literal('fast-forward'),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 30),
  }),
  z.strictObject({ type: z.literal('fast-forward-to-end-of-jobs') }),
]);
export type ClockRequest = z.infer<typeof clockRequestSchema>;

export const siteActionSchema = z.enum(SITE_ACTIONS);

const actionStateSchema = z.object({ enabled: z.boolean(), why: z.string().nullable() });

/** GET /api/site/after-upgrade: where the site stands after the upgrade, and what the caller may do now. */
export const afterUpgradeStatusSchema = z.object({
  now: z.string(),
  softwareUpdatePoint: softwareUpdatePointSchema.nullable(),
  proposedSoftwareUpdatePoint: z.object({
    serverName: z.string(),
    products: z.array(z.string()),
    classifications: z.array(z.string()),
    languages: z.array(z.string()),
  }),
  offered: z.object({
    products: z.array(z.string()),
    classifications: z.array(z.string()),
    languages: z.array(z.string()),
  }),
  facts: afterUpgradeFactsSchema,
  itmu: z.object({
    installed: z.boolean(),
    sms2003ClientsRemaining: z.number(),
    canRemove: z.boolean(),
    message: z.string(),
  }),
  legacyCleanup: z.object({
    scriptText: z.string(),
    source: z.string(),
    legacyCount: z.number(),
    willHide: z.number(),
    staysVisible: z.number(),
    keptBy: z.array(z.object({ advertisementId: z.string(), name: z.string(), updateCount: z.number() })),
  }),
  configureSoftwareUpdatePoint: actionStateSchema,
  /** "Publish Custom Update..." (POST /api/site/custom-updates): Modify on the site and a software update point. */
  publishCustomUpdate: actionStateSchema,
  actions: z.record(siteActionSchema, actionStateSchema),
});
export type AfterUpgradeStatus = z.infer<typeof afterUpgradeStatusSchema>;

/** GET /api/site/jobs: every job of the site, with how far it is at the site clock's now. */
export const jobsResponseSchema = z.object({
  now: z.string(),
  clockSpeed: z.number(),
  clockPaused: z.boolean(),
  jobs: z.array(jobSchema.extend({ percent: z.number(), statusText: z.string(), canCancel: z.boolean() })),
});
export type JobsResponse = z.infer<typeof jobsResponseSchema>;

/** GET /api/software-updates/:id/explanation */
export const explanationResponseSchema = z.object({ id: z.string(), title: z.string(), reasons: z.array(z.string()) });
export type ExplanationResponse = z.infer<typeof explanationResponseSchema>;
