import { http } from 'msw';
import { buildConsoleTree, findNode } from '@/domain/console-tree/console-tree';
import {
  startWalkthroughRequestSchema,
  stepViewedRequestSchema,
  type StartWalkthroughResponse,
  type WalkthroughDetail,
  type WalkthroughList,
} from '@/domain/contract/walkthrough-contract';
import { STAGES } from '@/domain/scenario/contoso-names';
import {
  NOT_STARTED,
  walkthroughProgressSchema,
  type Walkthrough,
  type WalkthroughProgress,
} from '@/domain/walkthroughs/walkthrough-model';
import {
  completesByViewing,
  recordStepViewed,
  walkthroughStatus,
  type ProgressByAccount,
} from '@/domain/walkthroughs/walkthrough-progress';
import { walkthroughById, WALKTHROUGHS } from '@/domain/walkthroughs/walkthroughs';
import { RuleViolation } from '@/domain/rule-violation';
import type { Backend } from '../backend';
import { notFound } from '../errors';
import { requireNodeRead } from '../queries';
import { sessionOf } from './site-handlers';
import { json, jsonBodyOf, parseBodyOr400, requireAdmin } from './http';

type SavedProgress = Record<string, Record<string, unknown>>;

/** The console tree's fixed nodes are all a step points at: no object's node is needed to find them. */
const NO_OBJECTS = {
  updates: [],
  searchFolders: [],
  updateLists: [],
  deployments: [],
  collections: [],
  deploymentPackages: [],
  sms2003Advertisements: [],
};

/** What was saved, whatever it is: anything that is not an object of objects reads as nothing saved. */
function savedOf(value: unknown): SavedProgress {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const saved: SavedProgress = {};
  for (const [account, byWalkthrough] of Object.entries(value as Record<string, unknown>)) {
    if (byWalkthrough !== null && typeof byWalkthrough === 'object' && !Array.isArray(byWalkthrough)) {
      saved[account] = { ...(byWalkthrough as Record<string, unknown>) };
    }
  }
  return saved;
}

/**
 * The walkthroughs (issue 11): their steps, which are complete for the connected administrator, starting one (the site
 * is reset to its stage) and the console's report that a step's node was opened. Completion is read from the site
 * where the site says it; what the site cannot say (a node opened) and when a walkthrough was started are kept per
 * administrator, apart from the site: starting one walkthrough does not lose another administrator's progress.
 * Walkthroughs are a demo and training tool: every connected administrator may use them.
 */
export function walkthroughHandlers(backend: Backend) {
  /** Every administrator's progress in one walkthrough; a damaged entry reads as not started. */
  const progressIn = async (id: string): Promise<ProgressByAccount> => {
    const progress: Record<string, WalkthroughProgress> = {};
    for (const [account, byWalkthrough] of Object.entries(savedOf(await backend.loadWalkthroughProgress()))) {
      const parsed = walkthroughProgressSchema.safeParse(byWalkthrough[id]);
      if (parsed.success) progress[account] = parsed.data;
    }
    return progress;
  };
  const saveProgress = async (id: string, change: (progress: ProgressByAccount) => ProgressByAccount) => {
    const saved = savedOf(await backend.loadWalkthroughProgress());
    const next = change(await progressIn(id));
    for (const account of new Set([...Object.keys(saved), ...Object.keys(next)])) {
      const { [id]: _old, ...others } = saved[account] ?? {};
      const mine = next[account];
      saved[account] = mine ? { ...others, [id]: mine } : others;
    }
    await backend.saveWalkthroughProgress(saved);
  };
  const walkthroughFor = (id: string): Walkthrough => {
    const walkthrough = walkthroughById(id);
    if (!walkthrough) throw notFound(`There is no walkthrough ${id}. GET /api/walkthroughs lists them.`);
    return walkthrough;
  };
  /** The last start, by whichever administrator: the run the site is in. */
  const lastStart = (progress: ProgressByAccount) =>
    Object.entries(progress)
      .filter(([, mine]) => mine.startedAt !== null)
      .sort(([, a], [, b]) => Date.parse(b.startedAt ?? '') - Date.parse(a.startedAt ?? ''))[0];
  const header = (walkthrough: Walkthrough, progress: ProgressByAccount) => {
    const status = walkthroughStatus(walkthrough, backend.state, progress);
    const started = lastStart(progress);
    return {
      id: walkthrough.id,
      title: walkthrough.title,
      summary: walkthrough.summary,
      stage: walkthrough.stage,
      stageName: STAGES.find((stage) => stage.id === walkthrough.stage)?.name ?? walkthrough.stage,
      playedAs: walkthrough.playedAs,
      startedAt: started?.[1].startedAt ?? null,
      startedBy: started?.[0] ?? null,
      stepCount: walkthrough.steps.length,
      completedCount: status.completedCount,
    };
  };
  const detail = (walkthrough: Walkthrough, progress: ProgressByAccount): WalkthroughDetail => {
    const status = walkthroughStatus(walkthrough, backend.state, progress);
    return {
      ...header(walkthrough, progress),
      siteAtStage: backend.stage === walkthrough.stage,
      steps: walkthrough.steps.map((step, index) => ({
        id: step.id,
        title: step.title,
        instruction: step.instruction,
        planningSection: step.planningSection,
        as: step.as,
        target: step.target,
        doneWhen: status.steps[index]?.doneWhen ?? '',
        completesByViewing: completesByViewing(step.done),
        complete: status.steps[index]?.complete ?? false,
      })),
      currentStepId: status.currentStepId,
      complete: status.complete,
    };
  };

  return [
    http.get(
      '*/api/walkthroughs',
      json(async ({ request }): Promise<WalkthroughList> => {
        requireAdmin(request, backend);
        const items = [];
        for (const walkthrough of WALKTHROUGHS) items.push(header(walkthrough, await progressIn(walkthrough.id)));
        return { items };
      }),
    ),
    http.get(
      '*/api/walkthroughs/:id',
      json(async ({ request, params }): Promise<WalkthroughDetail> => {
        requireAdmin(request, backend);
        const walkthrough = walkthroughFor(String(params.id));
        return detail(walkthrough, await progressIn(walkthrough.id));
      }),
    ),
    http.post(
      '*/api/walkthroughs/:id/start',
      json(async ({ request, params }): Promise<StartWalkthroughResponse> => {
        const account = requireAdmin(request, backend);
        parseBodyOr400(startWalkthroughRequestSchema, await jsonBodyOf(request), 'POST /api/walkthroughs/:id/start');
        const walkthrough = walkthroughFor(String(params.id));
        // Reset demo to the walkthrough's stage first: if it is refused, the progress stays as it was too.
        await backend.reset(walkthrough.stage);
        // A new run: the nodes opened in the last one (by anyone) are forgotten; the start is the administrator's.
        await saveProgress(walkthrough.id, () => ({ [account]: { startedAt: backend.now(), viewedStepIds: [] } }));
        return { walkthrough: detail(walkthrough, await progressIn(walkthrough.id)), session: sessionOf(backend) };
      }),
    ),
    http.post(
      '*/api/walkthroughs/:id/viewed',
      json(async ({ request, params }): Promise<WalkthroughDetail> => {
        const account = requireAdmin(request, backend);
        const body = parseBodyOr400(
          stepViewedRequestSchema,
          await jsonBodyOf(request),
          'POST /api/walkthroughs/:id/viewed',
        );
        const walkthrough = walkthroughFor(String(params.id));
        if (!walkthrough.steps.some((step) => step.id === body.stepId)) {
          throw notFound(`${walkthrough.title} has no step ${body.stepId}.`);
        }
        // The node opened must be one the console shows now, and one the administrator may open.
        const node = findNode(buildConsoleTree(backend.state, NO_OBJECTS), body.nodeId);
        if (!node) {
          throw new RuleViolation(
            'node-not-in-console',
            `The console shows no node ${body.nodeId} at this stage of the site${backend.state.phase === 'sms2003' ? ': run Setup first' : ''}.`,
          );
        }
        if (node.resource) requireNodeRead(backend, account, node.resource);
        const before = await progressIn(walkthrough.id);
        const mine = recordStepViewed(walkthrough, account, before[account] ?? NOT_STARTED, body.stepId, body.nodeId);
        await saveProgress(walkthrough.id, (progress) => ({ ...progress, [account]: mine }));
        return detail(walkthrough, await progressIn(walkthrough.id));
      }),
    ),
  ];
}
