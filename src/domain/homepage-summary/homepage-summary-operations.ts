import { z } from 'zod';
import { operationTimeSchema } from '../operations/operation-time';
import { missingRightOnObjectMessage, type RightsIndex } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import type { SiteState } from '../site-state';
import {
  MAX_SUMMARIZATION_INTERVAL_MINUTES,
  MIN_SUMMARIZATION_INTERVAL_MINUTES,
  scheduleHomepageSummarization,
  summarizeHomepage,
} from './homepage-summary';

/** Run Homepage Summarization: the home page's counts are summarized now. */
export const runHomepageSummarizationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('run-homepage-summarization'),
  by: z.string(),
});

/** Schedule Home Page Summarization: how often the home page is summarized on its own. */
export const scheduleHomepageSummarizationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('schedule-homepage-summarization'),
  intervalMinutes: z.number().int().min(MIN_SUMMARIZATION_INTERVAL_MINUTES).max(MAX_SUMMARIZATION_INTERVAL_MINUTES),
  by: z.string(),
});

export const HOMEPAGE_OPERATION_SCHEMAS = [
  runHomepageSummarizationSchema,
  scheduleHomepageSummarizationSchema,
] as const;
export const HOMEPAGE_OPERATION_TYPES: ReadonlySet<string> = new Set(
  HOMEPAGE_OPERATION_SCHEMAS.map((schema) => schema.shape.type.value),
);
export type HomepageOperation =
  z.infer<typeof runHomepageSummarizationSchema> | z.infer<typeof scheduleHomepageSummarizationSchema>;

const SITE = CONTOSO.sites.central.code;

/**
 * Who may run or schedule home page summarization: it is a task of the site (it "increases the load on the site
 * database server"), so both need Modify on the site, as a synchronization does.
 */
export function whyCannotSummarizeHomepage(rights: RightsIndex, account: string): string | null {
  return rights.hasRight(account, 'Site', SITE, 'Modify')
    ? null
    : missingRightOnObjectMessage(account, 'Modify', 'Site', SITE);
}

export function requireHomepageSite(state: SiteState | null): SiteState {
  if (!state || state.phase !== 'configmgr') {
    throw new RuleViolation(
      'site-not-upgraded',
      `Site ${SITE} still runs SMS 2003 SP3: the Software Updates home page comes with Configuration Manager 2007.`,
    );
  }
  return state;
}

export function applyHomepageOperation(state: SiteState | null, operation: HomepageOperation, at: string): SiteState {
  const site = requireHomepageSite(state);
  switch (operation.type) {
    case 'run-homepage-summarization':
      return summarizeHomepage(site, at, operation.by);
    case 'schedule-homepage-summarization':
      return scheduleHomepageSummarization(site, operation.intervalMinutes, at);
  }
}
