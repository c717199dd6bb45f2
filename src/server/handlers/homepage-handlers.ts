import { http } from 'msw';
import { z } from 'zod';
import {
  homepageQuerySchema,
  scheduleHomepageRequestSchema,
  type HomepageQuery,
  type HomepageResponse,
  type HomepageSummarizationResponse,
} from '@/domain/contract/homepage-contract';
import {
  chartGroupingFor,
  DEFAULT_SUMMARIZATION_INTERVAL_MINUTES,
  groupLabel,
  homepageFacets,
  homepageRowAt,
  nextHomepageSummarizationAt,
  scheduleMinutes,
  scheduleOf,
  selectHomepageUpdates,
  selectionTotals,
  sortedPositions,
  type HomepageFilter,
  type HomepageSelection,
} from '@/domain/homepage-summary/homepage-summary';
import { whyCannotSummarizeHomepage } from '@/domain/homepage-summary/homepage-summary-operations';
import type { SoftwareUpdate } from '@/domain/model/software-update';
import { canRead } from '@/domain/rights/rights';
import type { Backend } from '../backend';
import { conflict, forbidden } from '../errors';
import { requireNodeRead } from '../queries';
import { json, jsonBodyOf, parseBodyOr400, requireAdmin, searchParamsOf } from './http';

/** What one filter and sort of the home page costs once per site version and administrator (the grid scrolls free). */
interface CachedSummary {
  key: string;
  selection: HomepageSelection;
  order: number[];
  totals: ReturnType<typeof selectionTotals>;
}
const MAX_CACHED = 8;
/** POST /api/homepage-summary/run takes no fields (an empty body or {}). */
const emptyBody = z.object({}).strict();
const summaryCache = new WeakMap<Backend, CachedSummary[]>();
const facetsCache = new WeakMap<Backend, Map<string, HomepageResponse['facets']>>();

/**
 * The Software Updates home page: GET its summary for a filter, POST run summarization, PUT its schedule. Reading needs
 * Read on software updates (and counts only the updates the caller may read); running and scheduling need Modify on
 * site CEN. Each change is a domain operation (logged, audited, replayed on start), refused all or nothing.
 */
export function homepageHandlers(backend: Backend) {
  const summarization = (): HomepageSummarizationResponse => {
    const summary = backend.state.homepageSummary;
    const intervalMinutes = summary?.intervalMinutes ?? DEFAULT_SUMMARIZATION_INTERVAL_MINUTES;
    return {
      lastUpdated: summary?.lastSummarizedAt ?? null,
      lastUpdatedBy: summary?.lastSummarizedBy ?? null,
      schedule: scheduleOf(intervalMinutes),
      intervalMinutes,
      nextSummarizationAt: nextHomepageSummarizationAt(backend.state),
    };
  };
  /** The caller must hold Modify on site CEN (403), and the site run Configuration Manager 2007 (409). */
  const requireMaySummarize = (account: string) => {
    const refused = whyCannotSummarizeHomepage(backend.rights, account);
    if (refused) throw forbidden(refused);
    requireHomepageSiteOr409(backend);
  };

  return [
    http.get(
      '*/api/homepage-summary',
      json(({ request }): HomepageResponse => {
        const account = requireAdmin(request, backend);
        const query = parseBodyOr400(homepageQuerySchema, searchParamsOf(request), 'GET /api/homepage-summary');
        requireNodeRead(backend, account, 'software-updates');
        requireHomepageSiteOr409(backend);
        const filter: HomepageFilter = {
          vendor: query.vendor,
          classification: query.classification,
          month: query.month,
          year: query.year,
        };
        const summary = summaryFor(backend, account, filter, query.sort);
        const grouping = chartGroupingFor(filter);
        const window = summary.order.slice(query.offset, query.offset + query.limit);
        return {
          ...summarization(),
          filter,
          facets: facetsFor(backend, account),
          totals: summary.totals.totals,
          chart: {
            grouping,
            groups: summary.totals.groups.map((group) => ({ ...group, label: groupLabel(group.key) })),
          },
          items: window.map((position) => homepageRowAt(summary.selection, position)),
          total: summary.order.length,
          offset: query.offset,
          limit: query.limit,
          runWhyNot: whyCannotSummarizeHomepage(backend.rights, account),
          scheduleWhyNot: whyCannotSummarizeHomepage(backend.rights, account),
        };
      }),
    ),
    http.post(
      '*/api/homepage-summary/run',
      json(async ({ request }) => {
        const account = requireAdmin(request, backend);
        parseBodyOr400(emptyBody, await jsonBodyOf(request), 'POST /api/homepage-summary/run');
        requireMaySummarize(account);
        await backend.apply({ type: 'run-homepage-summarization', by: account });
        return summarization();
      }),
    ),
    http.put(
      '*/api/homepage-summary/schedule',
      json(async ({ request }) => {
        const account = requireAdmin(request, backend);
        const body = parseBodyOr400(
          scheduleHomepageRequestSchema,
          await jsonBodyOf(request),
          'PUT /api/homepage-summary/schedule',
        );
        requireMaySummarize(account);
        await backend.apply({
          type: 'schedule-homepage-summarization',
          intervalMinutes: scheduleMinutes(body),
          by: account,
        });
        return summarization();
      }),
    ),
  ];
}

function requireHomepageSiteOr409(backend: Backend) {
  if (backend.state.phase !== 'configmgr') {
    throw conflict(
      'Site CEN still runs SMS 2003 SP3: the Software Updates home page comes with Configuration Manager 2007.',
      'site-not-upgraded',
    );
  }
}

function summaryFor(backend: Backend, account: string, filter: HomepageFilter, sort: HomepageQuery['sort']) {
  const key = [
    backend.version,
    account,
    filter.vendor ?? '',
    filter.classification ?? '',
    filter.month ?? '',
    filter.year ?? '',
    sort.field,
    sort.direction,
  ].join('\u0000');
  let cached = summaryCache.get(backend);
  if (!cached) summaryCache.set(backend, (cached = []));
  const hit = cached.find((entry) => entry.key === key);
  if (hit) return hit;
  const selection = selectHomepageUpdates(backend.state, filter, mayReadUpdate(backend, account));
  const entry: CachedSummary = {
    key,
    selection,
    order: sortedPositions(selection, sort.field, sort.direction),
    totals: selectionTotals(selection, chartGroupingFor(filter)),
  };
  cached.unshift(entry);
  cached.length = Math.min(cached.length, MAX_CACHED);
  return entry;
}

function facetsFor(backend: Backend, account: string): HomepageResponse['facets'] {
  let byKey = facetsCache.get(backend);
  if (!byKey) facetsCache.set(backend, (byKey = new Map()));
  const key = `${backend.version}\u0000${account}`;
  let facets = byKey.get(key);
  if (!facets) {
    const all = selectHomepageUpdates(
      backend.state,
      { vendor: null, classification: null, month: null, year: null },
      mayReadUpdate(backend, account),
    );
    facets = homepageFacets(all.updates);
    if (byKey.size > MAX_CACHED) byKey.clear();
    byKey.set(key, facets);
  }
  return facets;
}

const mayReadUpdate = (backend: Backend, account: string) => (update: SoftwareUpdate) =>
  canRead(backend.rights, account, 'SoftwareUpdate', update.id);
