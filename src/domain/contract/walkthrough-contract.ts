import { z } from 'zod';
import { sessionSchema } from './api-contract';

/**
 * The walkthrough endpoints' bodies (docs/api.md, "Walkthroughs"): the server writes its answers with these and the
 * client parses them with the same schemas.
 */

export const walkthroughTargetSchema = z.object({
  nodeId: z.string(),
  place: z.string(),
  action: z.string().optional(),
  dialog: z.string().optional(),
  selectedId: z.string().optional(),
});

export const walkthroughStepSchema = z.object({
  id: z.string(),
  title: z.string(),
  instruction: z.string(),
  /** "Planning for Software Updates Site Upgrade", "<section>"; null when the step is not about the planning topic. */
  planningSection: z.string().nullable(),
  as: z.string(),
  target: walkthroughTargetSchema,
  /** What completes it, in words ("the software update point exists"). */
  doneWhen: z.string(),
  /** Completed by opening its node (the console reports it), rather than by a change of the site. */
  completesByViewing: z.boolean(),
  complete: z.boolean(),
});
export type WalkthroughStepView = z.infer<typeof walkthroughStepSchema>;

const walkthroughHeaderFields = {
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  stage: z.string(),
  stageName: z.string(),
  playedAs: z.string(),
  /** When it was last started (or restarted), on the site clock, and by whom; null if it never was. */
  startedAt: z.string().nullable(),
  startedBy: z.string().nullable(),
  stepCount: z.number().int().nonnegative(),
  completedCount: z.number().int().nonnegative(),
};

/** GET /api/walkthroughs: every walkthrough, with the connected administrator's progress. */
export const walkthroughListSchema = z.object({
  items: z.array(z.object(walkthroughHeaderFields)),
});
export type WalkthroughList = z.infer<typeof walkthroughListSchema>;

/** GET /api/walkthroughs/:id, and the answer of its start and viewed endpoints. */
export const walkthroughDetailSchema = z.object({
  ...walkthroughHeaderFields,
  /** The site is at the walkthrough's stage (its first step needs it); false before it is started, or after a reset. */
  siteAtStage: z.boolean(),
  steps: z.array(walkthroughStepSchema),
  currentStepId: z.string().nullable(),
  complete: z.boolean(),
});
export type WalkthroughDetail = z.infer<typeof walkthroughDetailSchema>;

/** POST /api/walkthroughs/:id/start: the site was reset to the walkthrough's stage. */
export const startWalkthroughResponseSchema = z.object({
  walkthrough: walkthroughDetailSchema,
  session: sessionSchema,
});
export type StartWalkthroughResponse = z.infer<typeof startWalkthroughResponseSchema>;

/** POST /api/walkthroughs/:id/start takes no field (an empty body or {}). */
export const startWalkthroughRequestSchema = z.strictObject({});

/** POST /api/walkthroughs/:id/viewed: the console opened the node of a step. */
export const stepViewedRequestSchema = z.strictObject({
  stepId: z.string({ message: 'stepId is required' }).min(1, 'stepId is required').max(80),
  nodeId: z.string({ message: 'nodeId is required' }).min(1, 'nodeId is required').max(300),
});
export type StepViewedRequest = z.infer<typeof stepViewedRequestSchema>;
