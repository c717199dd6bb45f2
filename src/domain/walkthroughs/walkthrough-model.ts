import { z } from 'zod';
import type { ObjectType, Right } from '../rights/rights';
import type { StageId } from '../scenario/contoso-names';

/** The planning topic every walkthrough step cites ("Planning for Software Updates Site Upgrade", August 2008). */
export const PLANNING_TOPIC = 'Planning for Software Updates Site Upgrade';

/** The sections of the planning topic, as its headings spell them. */
export const PLANNING_SECTIONS = [
  'Upgraded Software Updates Metadata',
  'Scanning for Software Update Compliance After a Site Upgrade',
  'Inventory Tool for Microsoft Updates',
  'Inventory Tool for Custom Updates',
  'Other Inventory Scan Tools',
  'Synchronizing Software Updates After a Site Upgrade',
  'Synchronizing the Microsoft Updates Catalog',
  'Synchronizing the Software Update Point',
  'LEGACY Appended to Migrated Software Updates Metadata',
  'Republishing the Custom Updates Catalog',
  'Deploying Software Updates to Client Computers',
  'Using Deployment Templates That Specify SMS 2003 Settings',
  'Using the Software Updates Reports',
] as const;
export type PlanningSection = (typeof PLANNING_SECTIONS)[number];

/**
 * What completes a step: a fact of the site, read from its state (so it survives a reload by itself), or that the
 * administrator opened the step's node while the step was the current one (kept with their progress).
 */
export type WalkthroughCondition =
  | { kind: 'site-upgraded' }
  | { kind: 'software-update-point-exists' }
  | { kind: 'software-update-point-synchronized' }
  | { kind: 'itmu-sync-failed' }
  | { kind: 'site-server-update-installed'; articleId: string }
  | { kind: 'itmu-sync-succeeded' }
  | { kind: 'custom-catalog-republished' }
  | { kind: 'custom-updates-active' }
  | { kind: 'legacy-script-run' }
  /** Some LEGACY update of this migrated distribution is hidden: it was deleted or had updates removed. */
  | { kind: 'migrated-deployment-released'; distribution: string }
  | { kind: 'sms2003-template-exists' }
  | { kind: 'deployment-with-sms2003-template' }
  | { kind: 'deployment-with-update-not-deployable-to-sms2003' }
  | { kind: 'class-rights-granted'; account: string; objectType: ObjectType; rights: Right[] }
  | { kind: 'template-created-by'; account: string }
  | { kind: 'node-viewed' }
  | { kind: 'all'; of: WalkthroughCondition[] };

/** The part of the console a step points at: its node, and the action or dialog there ("Show me" goes to it). */
export interface WalkthroughTarget {
  nodeId: string;
  /** The node's place in the console tree, in words (">" between nodes). */
  place: string;
  /** The name of an action of the Actions pane (also in the Action menu and the context menu), exactly. */
  action?: string;
  /** The title of the dialog or wizard the step happens in. */
  dialog?: string;
  /** The ID of the object to select first (the action applies to it). */
  selectedId?: string;
}

export interface WalkthroughStep {
  id: string;
  title: string;
  /** What to do, as a trainer says it. */
  instruction: string;
  /** The section of the planning topic the step is about, or null. */
  planningSection: PlanningSection | null;
  /** The administrator to be connected as for this step. */
  as: string;
  target: WalkthroughTarget;
  done: WalkthroughCondition;
}

export interface Walkthrough {
  id: string;
  title: string;
  summary: string;
  /** The stage the site is reset to when the walkthrough starts. */
  stage: StageId;
  /** The administrator the trainee plays (most steps are done as them). */
  playedAs: string;
  steps: WalkthroughStep[];
}

/** What is saved of one administrator's progress in one walkthrough (the rest follows from the site). */
export const walkthroughProgressSchema = z.object({
  /** When it was started (or restarted), on the site clock; null when it never was. */
  startedAt: z.string().nullable(),
  /** The steps completed by opening their node. */
  viewedStepIds: z.array(z.string().max(80)).max(100),
});
export type WalkthroughProgress = z.infer<typeof walkthroughProgressSchema>;

export const NOT_STARTED: WalkthroughProgress = { startedAt: null, viewedStepIds: [] };

/**
 * Every administrator's progress, kept apart from the site (a Reset demo does not lose it): account, then walkthrough
 * ID. Read whatever was stored: a damaged entry reads as not started.
 */
export const savedWalkthroughProgressSchema = z.record(
  z.string().max(200),
  z.record(z.string().max(80), walkthroughProgressSchema),
);
export type SavedWalkthroughProgress = z.infer<typeof savedWalkthroughProgressSchema>;
