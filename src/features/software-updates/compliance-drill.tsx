import { createContext, useContext, type KeyboardEvent, type MouseEvent } from 'react';
import { formatCount } from '@/domain/format';
import { COMPLIANCE_STATE_CAPTIONS, type ComplianceDrill } from '@/domain/software-updates/client-compliance';

/**
 * Where a compliance count leads: the console (which owns the URL) says how to open the clients behind a count of an
 * update, as a link address and as an in-page navigation.
 */
export interface ComplianceDrillTarget {
  hrefOf: (updateId: string, state: ComplianceDrill) => string;
  open: (updateId: string, state: ComplianceDrill) => void;
}

export const ComplianceDrillContext = createContext<ComplianceDrillTarget | null>(null);

/** The accessible name of a count's link: "85 Required clients of Security Update for Windows XP (KB958644)". */
export function drillLinkName(count: number, state: ComplianceDrill, title: string): string {
  const what = state === 'all' ? 'clients in Total' : `${COMPLIANCE_STATE_CAPTIONS[state]} clients`;
  return `${formatCount(count)} ${what} of ${title}`;
}

/**
 * A compliance count that opens the list of those clients: a real link (Ctrl-click opens it in a new tab), activated by
 * a click or Enter. In a grid it takes Tab only in the focused row (`tabbable`), so the grid stays one stop; Enter on it
 * follows the link instead of opening the row's Properties, and pressing it still selects its row.
 */
export function ComplianceCountLink({
  updateId,
  title,
  state,
  count,
  tabbable = true,
  onFollow,
}: {
  updateId: string;
  title: string;
  state: ComplianceDrill;
  count: number;
  tabbable?: boolean;
  /** Called before the console opens the list (the Properties dialog closes itself). */
  onFollow?: () => void;
}) {
  const drill = useContext(ComplianceDrillContext);
  const text = formatCount(count);
  if (!drill) return <>{text}</>;
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    // A modified click (new tab or window) is the browser's to follow.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onFollow?.();
    drill.open(updateId, state);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLAnchorElement>) => {
    // The grid would take Enter as "open Properties": the link's Enter is the link's.
    if (event.key === 'Enter') event.stopPropagation();
  };
  return (
    <a
      href={drill.hrefOf(updateId, state)}
      className="win-link compliance-count-link"
      tabIndex={tabbable ? 0 : -1}
      aria-label={drillLinkName(count, state, title)}
      title={`Show the ${state === 'all' ? '' : `${COMPLIANCE_STATE_CAPTIONS[state]} `}clients`}
      onClick={follow}
      onKeyDown={onKeyDown}
      onDoubleClick={(event) => event.stopPropagation()}
    >
      {text}
    </a>
  );
}
