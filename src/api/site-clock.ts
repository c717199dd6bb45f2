import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { jobsResponseSchema, type ClockRequest, type JobsResponse } from '@/domain/contract/after-upgrade-contract';
import { apiRequest, isForbidden, retryUnlessRefused } from './http';

/** How often the jobs are asked for: every second while one runs (its progress moves), else every five. */
export const JOBS_POLL_WHILE_RUNNING_MS = 1000;
export const JOBS_POLL_IDLE_MS = 5000;

export const hasRunningJob = (response: JobsResponse | undefined) =>
  response?.jobs.some((job) => job.state === 'Running') ?? false;

/** GET /api/site/jobs: the site's jobs, newest first, and the site clock as they were read. */
export const siteJobsQuery = (admin: string) =>
  queryOptions({
    queryKey: ['site-jobs', admin],
    queryFn: ({ signal }) => apiRequest('/api/site/jobs', jobsResponseSchema, { admin, signal }),
    retry: retryUnlessRefused,
    // An administrator without Read on the site is refused until someone else connects: no need to ask again.
    refetchInterval: (query) =>
      isForbidden(query.state.error)
        ? false
        : hasRunningJob(query.state.data)
          ? JOBS_POLL_WHILE_RUNNING_MS
          : JOBS_POLL_IDLE_MS,
  });

/**
 * The jobs each administrator's console has seen end, per query client: a job found ended that was not before means
 * the site changed (new software updates, a package's content, status messages), so every cached answer is stale.
 */
const seenEndedByClient = new WeakMap<QueryClient, Map<string, Set<string>>>();

function seenEnded(queryClient: QueryClient): Map<string, Set<string>> {
  let seen = seenEndedByClient.get(queryClient);
  if (!seen) {
    seen = new Map();
    seenEndedByClient.set(queryClient, seen);
  }
  return seen;
}

const endedJobIds = (response: JobsResponse) =>
  new Set(response.jobs.filter((job) => job.state !== 'Running').map((job) => job.id));

/** Records the jobs that have ended; true when one of them was not known to have ended before. */
function noteEndedJobs(queryClient: QueryClient, admin: string, response: JobsResponse): boolean {
  const seen = seenEnded(queryClient);
  const before = seen.get(admin);
  const now = endedJobIds(response);
  seen.set(admin, now);
  if (!before) return false;
  for (const id of now) if (!before.has(id)) return true;
  return false;
}

/** Everything cached but the jobs answer just received. */
function invalidateAllBut(queryClient: QueryClient, admin: string) {
  return queryClient.invalidateQueries({
    predicate: (query) => !(query.queryKey[0] === 'site-jobs' && query.queryKey[1] === admin),
  });
}

/**
 * Refreshes the whole console when a job ends between two readings of the jobs (its results arrive on the site as
 * the clock passes its end). Mount it once: the status bar does.
 */
export function useRefreshWhenJobsEnd(admin: string) {
  const queryClient = useQueryClient();
  const { data } = useQuery(siteJobsQuery(admin));
  useEffect(() => {
    if (data && noteEndedJobs(queryClient, admin, data)) void invalidateAllBut(queryClient, admin);
  }, [admin, data, queryClient]);
}

/** A change of the site clock or of a job: the answer is the jobs now, and anything else may have changed. */
async function afterJobsChange(queryClient: QueryClient, admin: string, response: JobsResponse) {
  // Noted first, so the jobs that this answer shows ended do not refresh the console a second time.
  noteEndedJobs(queryClient, admin, response);
  queryClient.setQueryData(siteJobsQuery(admin).queryKey, response);
  await invalidateAllBut(queryClient, admin);
}

/** POST /api/site/clock: speed, pause or resume, fast-forward. Any connected administrator may run the demo's clock. */
export function useChangeSiteClock(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: ClockRequest) =>
      apiRequest('/api/site/clock', jobsResponseSchema, { admin, method: 'POST', body: change }),
    onSuccess: (response) => afterJobsChange(queryClient, admin, response),
  });
}

/** POST /api/site/jobs/:id/cancel: needs Modify on the site; a job that has ended is refused (409). */
export function useCancelSiteJob(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) =>
      apiRequest(`/api/site/jobs/${encodeURIComponent(jobId)}/cancel`, jobsResponseSchema, {
        admin,
        method: 'POST',
      }),
    onSuccess: (response) => afterJobsChange(queryClient, admin, response),
    // Refused because the job has just ended, or for lack of a right: show the jobs as they are now.
    onError: () => queryClient.invalidateQueries({ queryKey: siteJobsQuery(admin).queryKey }),
  });
}
