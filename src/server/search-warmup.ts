import { prepareSearchText } from '@/domain/query/list-query';
import { RESOURCES } from '@/domain/query/resources';
import type { Backend } from './backend';
import { objectById } from './queries';

/** The largest lists, whose "Look for" text is worth preparing before anyone searches them. */
const PREPARED: ReadonlyArray<{ resource: 'software-updates' | 'clients'; searchIn: string }> = [
  { resource: 'software-updates', searchIn: 'all' },
  { resource: 'clients', searchIn: 'all' },
];

type IdleCallback = (deadline: { timeRemaining: () => number }) => void;

/**
 * Prepares the search text of the big lists while the page is idle, a few milliseconds at a time, so the first Find Now
 * at 50,000 updates costs a scan rather than formatting every column of every update; then the updates' index by id.
 * Work already done is kept (per object), so running it again after a change only prepares the objects that changed.
 */
export function prepareSearchWhenIdle(backend: Backend, requestIdle: (callback: IdleCallback) => void = idle) {
  let step = 0;
  let from = 0;
  const run: IdleCallback = (deadline) => {
    const job = PREPARED[step];
    if (!job) return;
    const items = RESOURCES[job.resource].items(backend.state, backend.listSources);
    from += prepareSearchText(RESOURCES[job.resource], items, job.searchIn, from, () => deadline.timeRemaining() > 1);
    if (from >= items.length) {
      step++;
      from = 0;
    }
    if (step < PREPARED.length) requestIdle(run);
    // Last, the index of updates by id, which the first Properties (and every object request) would otherwise build.
    else requestIdle(() => objectById(backend, 'software-updates', ''));
  };
  requestIdle(run);
}

function idle(callback: IdleCallback) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 2_000 });
  else setTimeout(() => callback({ timeRemaining: () => 8 }), 0);
}
