import type { Job, JobKind, JobMilestone, StatusMessage, StatusSeverity } from '../model/after-upgrade-objects';
import { RuleViolation } from '../rule-violation';
import { addMinutes, minutesBetween, toSiteTime } from '../site-clock/site-clock';
import type { SiteState } from '../site-state';

/** The site that reports status messages and runs jobs. */
const SITE_CODE = 'CEN';

export interface JobDraft {
  kind: JobKind;
  name: string;
  requestedBy: string;
  durationMinutes: number;
  willSucceed: boolean;
  targetId?: string | null;
  milestones: JobMilestone[];
}

/** A job that has not ended by this site time, or null. */
export function runningJobOfKind(state: SiteState, kind: JobKind, targetId: string | null = null): Job | null {
  return (
    state.jobs.find(
      (job) => job.state === 'Running' && job.kind === kind && (targetId === null || job.targetId === targetId),
    ) ?? null
  );
}

/** Starts a job at site time `at`; its milestones are reported as the clock passes them. */
export function startJob(state: SiteState, draft: JobDraft, startAt: string): SiteState {
  const at = toSiteTime(Date.parse(startAt));
  const number = state.facts.lastJobNumber + 1;
  const job: Job = {
    id: `JOB${String(number).padStart(5, '0')}`,
    kind: draft.kind,
    name: draft.name,
    requestedBy: draft.requestedBy,
    startedAt: at,
    endsAt: addMinutes(at, draft.durationMinutes),
    state: 'Running',
    finishedAt: null,
    willSucceed: draft.willSucceed,
    targetId: draft.targetId ?? null,
    milestones: [...draft.milestones].sort((a, b) => a.afterMinutes - b.afterMinutes),
    reported: 0,
  };
  // What the job reports as it starts is reported now, whoever looks and when.
  return reportMilestones(
    { ...state, jobs: [...state.jobs, job], facts: { ...state.facts, lastJobNumber: number } },
    job.id,
    at,
  );
}

export function jobDurationMinutes(job: Job): number {
  return minutesBetween(job.startedAt, job.endsAt);
}

/** How far the job is, 0 to 100, at site time `now`. */
export function jobPercent(job: Job, now: string): number {
  if (job.state !== 'Running') return job.state === 'Succeeded' ? 100 : jobPercentAt(job, job.finishedAt ?? now);
  return jobPercentAt(job, now);
}

function jobPercentAt(job: Job, time: string): number {
  const total = jobDurationMinutes(job);
  if (total <= 0) return 100;
  const done = Math.min(total, Math.max(0, minutesBetween(job.startedAt, time)));
  return Math.floor((done / total) * 100);
}

/** The job's latest status message, as its progress line. */
export function jobStatusText(job: Job): string {
  return job.milestones[job.reported - 1]?.description ?? `${job.name}: starting.`;
}

/** When the job's next milestone is due, or null when all are reported. */
export function nextMilestoneAt(job: Job): string | null {
  const milestone = job.milestones[job.reported];
  return job.state === 'Running' && milestone ? addMinutes(job.startedAt, milestone.afterMinutes) : null;
}

/** Reports the job's milestones due by `time` as status messages. */
export function reportMilestones(state: SiteState, jobId: string, time: string): SiteState {
  const job = state.jobs.find((candidate) => candidate.id === jobId);
  if (!job) return state;
  const elapsed = minutesBetween(job.startedAt, time);
  let next = state;
  let reported = job.reported;
  while (reported < job.milestones.length) {
    const milestone = job.milestones[reported] as JobMilestone;
    if (milestone.afterMinutes > elapsed + 1e-9) break;
    next = reportStatus(next, addMinutes(job.startedAt, milestone.afterMinutes), [{ ...milestone, jobId }]);
    reported += 1;
  }
  if (reported === job.reported) return state;
  return {
    ...next,
    jobs: next.jobs.map((candidate) => (candidate.id === jobId ? { ...candidate, reported } : candidate)),
  };
}

export interface StatusMessageDraft {
  component: string;
  severity: StatusSeverity;
  messageId: number;
  description: string;
  jobId?: string | null;
}

/** Records status messages at site time `time`. */
export function reportStatus(state: SiteState, at: string, drafts: StatusMessageDraft[]): SiteState {
  const time = toSiteTime(Date.parse(at));
  let number = state.facts.lastMessageNumber;
  const messages = drafts.map((draft): StatusMessage => {
    number += 1;
    return {
      id: String(number),
      time,
      siteCode: SITE_CODE,
      component: draft.component,
      severity: draft.severity,
      messageId: draft.messageId,
      description: draft.description,
      jobId: draft.jobId ?? null,
    };
  });
  return {
    ...state,
    statusMessages: [...state.statusMessages, ...messages],
    facts: { ...state.facts, lastMessageNumber: number },
  };
}

/** Ends a job at `time`: what it reported until then becomes status messages, and its state is final. */
export function finishJob(
  state: SiteState,
  jobId: string,
  time: string,
  outcome: 'Succeeded' | 'Failed' | 'Cancelled',
  closing: StatusMessageDraft[] = [],
): SiteState {
  if (!state.jobs.some((candidate) => candidate.id === jobId)) return state;
  // What it had still to report by then, then its closing words.
  let next = reportMilestones(state, jobId, time);
  next = reportStatus(
    next,
    time,
    closing.map((draft) => ({ ...draft, jobId })),
  );
  return {
    ...next,
    jobs: next.jobs.map((candidate) =>
      candidate.id === jobId ? { ...candidate, state: outcome, finishedAt: time } : candidate,
    ),
  };
}

/** Cancels a running job: it stops where it is and has none of its effects. */
export function cancelJob(state: SiteState, jobId: string, by: string, at: string): SiteState {
  const job = state.jobs.find((candidate) => candidate.id === jobId);
  if (!job) throw new RuleViolation('unknown-job', `There is no job ${jobId}.`);
  if (job.state !== 'Running') {
    throw new RuleViolation(
      'job-not-running',
      `${job.name} (${job.id}) has already ended (${job.state.toLowerCase()}): there is nothing to cancel.`,
    );
  }
  const cancelled = finishJob(state, jobId, at, 'Cancelled', [
    {
      component: job.milestones[0]?.component ?? 'SMS_SITE_COMPONENT_MANAGER',
      severity: 'Warning',
      messageId: 4990,
      description: `${job.name} was cancelled by ${by} at ${percentText(job, at)}; nothing it would have changed was changed.`,
    },
  ]);
  return withRunningStatusCleared(cancelled, job, `Cancelled by ${by} at ${percentText(job, at)}.`);
}

/**
 * Starting a job wrote a "running" status on the object it works on (the catalog synchronization advertisement, the
 * package whose content downloads); a cancelled job must not leave that status claiming it still runs.
 */
function withRunningStatusCleared(state: SiteState, job: Job, cancelledText: string): SiteState {
  switch (job.kind) {
    case 'itmu-catalog-sync':
      return {
        ...state,
        advertisements: state.advertisements.map((advertisement) =>
          advertisement.synchronizesCatalog && advertisement.lastRunStatus.startsWith('Running')
            ? { ...advertisement, lastRunStatus: `Catalog synchronization ${lowerFirst(cancelledText)}` }
            : advertisement,
        ),
      };
    case 'package-content-download':
      return {
        ...state,
        packages: state.packages.map((pkg) =>
          pkg.id === job.targetId
            ? {
                ...pkg,
                contentStatus: `Content download ${lowerFirst(cancelledText)} The distribution points keep the content they had.`,
              }
            : pkg,
        ),
      };
    case 'deployment-package-download':
      // The Download Updates Wizard's job: the package keeps what it held, nothing is pending any more.
      return {
        ...state,
        deploymentPackages: state.deploymentPackages.map((pkg) =>
          pkg.id === job.targetId ? { ...pkg, pendingUpdateIds: [] } : pkg,
        ),
      };
    case 'software-update-point-sync':
    case 'deployment-rollout':
      return state;
  }
}

function lowerFirst(text: string) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function percentText(job: Job, at: string) {
  return `${jobPercent(job, at)}%`;
}
