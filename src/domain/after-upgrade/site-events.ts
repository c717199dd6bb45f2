import type { Job } from '../model/after-upgrade-objects';
import type { SiteState } from '../site-state';
import { completeItmuCatalogSync } from './itmu-catalog';
import { nextMilestoneAt, reportMilestones } from './jobs';
import { removeOtherScanToolUpdates } from './other-scan-tool-removal';
import { completeContentDownload } from './package-source';
import { completeDeploymentRollout, reportRolloutMilestones } from '../deployments/deployment-rollout';
import { completeDeploymentPackageDownload } from '../deployment-packages/deployment-package-operations';
import { completeSoftwareUpdatePointSync } from './software-update-point';
import { nextHomepageSummarizationAt, summarizeHomepage } from '../homepage-summary/homepage-summary';

/**
 * Things that happen on their own as the site clock passes a time: running jobs end, and the other scan tools'
 * expired updates leave the site database after their retention period.
 */
interface SiteEvent {
  at: string;
  happen: (state: SiteState) => SiteState;
}

function completeJob(state: SiteState, job: Job): SiteState {
  switch (job.kind) {
    case 'software-update-point-sync':
      return completeSoftwareUpdatePointSync(state, job.id, job.endsAt);
    case 'itmu-catalog-sync':
      return completeItmuCatalogSync(state, job.id, job.endsAt);
    case 'package-content-download':
      return completeContentDownload(state, job.id, job.endsAt);
    case 'deployment-rollout':
      return completeDeploymentRollout(state, job.id, job.endsAt);
    case 'deployment-package-download':
      return completeDeploymentPackageDownload(state, job.id, job.endsAt);
  }
}

/** A job's milestone passed: its status message, and for a deployment's rollout, that step's installs. */
function passMilestone(state: SiteState, job: Job, at: string): SiteState {
  return job.kind === 'deployment-rollout'
    ? reportRolloutMilestones(state, job.id, at)
    : reportMilestones(state, job.id, at);
}

function nextEvent(state: SiteState): SiteEvent | null {
  let next: SiteEvent | null = null;
  for (const job of state.jobs) {
    if (job.state !== 'Running') continue;
    const milestoneAt = nextMilestoneAt(job);
    if (milestoneAt && milestoneAt < job.endsAt) {
      if (!next || milestoneAt < next.at) next = { at: milestoneAt, happen: (s) => passMilestone(s, job, milestoneAt) };
    } else if (!next || job.endsAt < next.at) next = { at: job.endsAt, happen: (s) => completeJob(s, job) };
  }
  const removalAt = state.facts.otherScanToolUpdatesRemovalAt;
  if (removalAt && !state.facts.otherScanToolUpdatesRemovedAt && (!next || removalAt < next.at)) {
    next = { at: removalAt, happen: (s) => removeOtherScanToolUpdates(s, removalAt) };
  }
  // The Software Updates home page is summarized on its schedule (after whatever else is due at the same time).
  const summarizationAt = nextHomepageSummarizationAt(state);
  if (summarizationAt && (!next || summarizationAt < next.at)) {
    next = { at: summarizationAt, happen: (s) => summarizeHomepage(s, summarizationAt, null) };
  }
  return next;
}

/** When the next thing happens on its own, or null when nothing is due. */
export function nextEventAt(state: SiteState): string | null {
  return nextEvent(state)?.at ?? null;
}

/**
 * The site once its clock has reached `to`: every event due by then has happened, in time order. The same site comes
 * back when nothing was due (the caller can keep what it derived from it).
 */
export function advanceSite(state: SiteState, to: string): SiteState {
  let current = state;
  for (let guard = 0; guard < 10_000; guard++) {
    const event = nextEvent(current);
    if (!event || Date.parse(event.at) > Date.parse(to)) return current;
    current = event.happen(current);
    if (Date.parse(event.at) > Date.parse(current.clock)) current = { ...current, clock: event.at };
  }
  return current;
}

/** The time the site's running jobs will all have ended, or null when none runs. */
export function endOfRunningJobs(state: SiteState): string | null {
  let end: string | null = null;
  for (const job of state.jobs) if (job.state === 'Running' && (!end || job.endsAt > end)) end = job.endsAt;
  return end;
}
