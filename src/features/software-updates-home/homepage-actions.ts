import { useQuery } from '@tanstack/react-query';
import { homepageSummaryQuery, useRunHomepageSummarization, type HomepageParams } from '@/api/homepage-summary';
import { formatDateTime } from '@/domain/format';

/** The dialogs of this feature, by the name the console keeps in its URL (?wizard=...). */
export const SCHEDULE_HOME_PAGE_SUMMARIZATION = 'schedule-home-page-summarization';

export function isHomepageDialog(name: string | null | undefined): name is typeof SCHEDULE_HOME_PAGE_SUMMARIZATION {
  return name === SCHEDULE_HOME_PAGE_SUMMARIZATION;
}

export interface HomepageAction {
  label: string;
  run: () => void;
  disabledBecause?: string;
}

const CHECKING = 'Checking your rights on site CEN…';
/** The rights come with the summary: any filter answers them, so the actions ask for the smallest one. */
const RIGHTS_PARAMS: HomepageParams = { vendor: null, classification: null, month: null, year: null, sort: null };

/**
 * The home page's actions ("In the Actions menu, click Run Homepage Summarization" / "Schedule Home Page
 * Summarization"): greyed out with the server's own reason when the administrator may not take them.
 */
export function useHomepageActions(context: {
  admin: string;
  node: { kind: string } | undefined;
  open: (dialog: typeof SCHEDULE_HOME_PAGE_SUMMARIZATION) => void;
  report: (promise: Promise<string>) => void;
}): HomepageAction[] {
  const onHomepage = context.node?.kind === 'software-updates';
  const summary = useQuery({ ...homepageSummaryQuery(context.admin, RIGHTS_PARAMS, 0), enabled: onHomepage });
  const run = useRunHomepageSummarization(context.admin);
  if (!onHomepage) return [];
  const why = (reason: string | null | undefined) =>
    summary.data ? (reason ?? undefined) : summary.isError ? summary.error.message : CHECKING;
  return [
    {
      label: 'Run Homepage Summarization',
      run: () =>
        context.report(
          run
            .mutateAsync()
            .then((answer) =>
              answer.lastUpdated
                ? `Home page summarization completed: Last Updated ${formatDateTime(answer.lastUpdated)}.`
                : 'Home page summarization started.',
            ),
        ),
      disabledBecause: run.isPending ? 'A summarization is running.' : why(summary.data?.runWhyNot),
    },
    {
      label: 'Schedule Home Page Summarization...',
      run: () => context.open(SCHEDULE_HOME_PAGE_SUMMARIZATION),
      disabledBecause: why(summary.data?.scheduleWhyNot),
    },
  ];
}
