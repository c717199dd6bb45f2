import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { DEFAULT_NODE_ID } from '@/domain/console-tree/console-tree';

/**
 * Every view is a URL: /console/<node id>?q=&in=&sort=&sel=&props=&wizard= . The node, the search, the sort, the selected
 * object and an open Properties dialog survive a reload and the back button.
 */
export interface ConsoleView {
  nodeId: string;
  q: string;
  searchIn: string;
  sort: string | null;
  selectedId: string | null;
  propertiesId: string | null;
  /** An open wizard, e.g. "upgrade-site". */
  wizard: string | null;
  /**
   * What a wizard starts with, kept only while a wizard is open: `template=<deployment template id>` preselects the
   * template of the Deploy Software Updates Wizard, `updates=<id>,<id>,...` names the software updates it deploys
   * (a dragged update list or Update Repository selection, "Deploy with Template...").
   */
  templateId: string | null;
  updateIds: string[] | null;
  /**
   * A compliance drill-down in place of the node's list: `clients=<software update CI ID>&state=<required, installed,
   * not-required, unknown or all>` lists the clients behind that count; q, in, sort and sel then apply to it.
   */
  clientsOf: string | null;
  complianceState: string | null;
  /**
   * The Software Updates home page's filter: `vendor=&class=&month=&year=` ("all" for every one; left out, its
   * defaults), so a demo link opens the home page on a vendor, classification, month and year.
   */
  homeVendor?: string | null;
  homeClassification?: string | null;
  homeMonth?: string | null;
  homeYear?: string | null;
  /**
   * The open walkthrough panel: `walkthrough=<walkthrough id>`, or `all` for the list of walkthroughs. It stays open
   * while the trainee moves from node to node (kept when another node opens).
   */
  walkthrough?: string | null;
  /**
   * A report of Reporting > Reports in its Report Viewer: `report=<report id>`, its parameters as `p.<name>=<value>`,
   * `display=1` once its result is shown, `ack=1` once the warning of a deprecated SMS 2003 report was accepted.
   */
  reportId?: string | null;
  reportParams?: Readonly<Record<string, string>> | null;
  reportDisplayed?: boolean;
  reportAcknowledged?: boolean;
}

export const CONSOLE_PREFIX = '/console/';

export function consolePath(view: Partial<ConsoleView> & { nodeId: string }): string {
  const search = new URLSearchParams();
  if (view.q) search.set('q', view.q);
  if (view.searchIn && view.searchIn !== 'all') search.set('in', view.searchIn);
  if (view.sort) search.set('sort', view.sort);
  if (view.selectedId) search.set('sel', view.selectedId);
  if (view.propertiesId) search.set('props', view.propertiesId);
  if (view.wizard) search.set('wizard', view.wizard);
  if (view.wizard && view.templateId) search.set('template', view.templateId);
  if (view.wizard && view.updateIds && view.updateIds.length > 0) search.set('updates', view.updateIds.join(','));
  if (view.clientsOf) search.set('clients', view.clientsOf);
  if (view.clientsOf && view.complianceState) search.set('state', view.complianceState);
  if (view.homeVendor) search.set('vendor', view.homeVendor);
  if (view.homeClassification) search.set('class', view.homeClassification);
  if (view.homeMonth) search.set('month', view.homeMonth);
  if (view.homeYear) search.set('year', view.homeYear);
  if (view.reportId) {
    search.set('report', view.reportId);
    for (const [name, value] of Object.entries(view.reportParams ?? {})) if (value) search.set(`p.${name}`, value);
    if (view.reportDisplayed) search.set('display', '1');
    if (view.reportAcknowledged) search.set('ack', '1');
  }
  if (view.walkthrough) search.set('walkthrough', view.walkthrough);
  const query = search.toString();
  return `${CONSOLE_PREFIX}${view.nodeId}${query ? `?${query}` : ''}`;
}

export function parseConsoleView(pathname: string, searchText: string): ConsoleView {
  const search = new URLSearchParams(searchText);
  const nodeId = pathname.startsWith(CONSOLE_PREFIX)
    ? decodeURIComponent(pathname.slice(CONSOLE_PREFIX.length)).replace(/\/+$/, '')
    : '';
  return {
    nodeId: nodeId || DEFAULT_NODE_ID,
    q: search.get('q') ?? '',
    searchIn: search.get('in') ?? 'all',
    sort: search.get('sort'),
    selectedId: search.get('sel'),
    propertiesId: search.get('props'),
    wizard: search.get('wizard'),
    templateId: search.get('template'),
    updateIds:
      search
        .get('updates')
        ?.split(',')
        .filter((id) => id !== '') ?? null,
    clientsOf: search.get('clients'),
    complianceState: search.get('clients') ? search.get('state') : null,
    homeVendor: search.get('vendor'),
    homeClassification: search.get('class'),
    homeMonth: search.get('month'),
    homeYear: search.get('year'),
    walkthrough: search.get('walkthrough'),
    reportId: search.get('report'),
    reportParams: search.get('report')
      ? Object.fromEntries(
          [...search.entries()]
            .filter(([name]) => name.startsWith('p.') && name.length > 2)
            .map(([name, value]) => [name.slice(2), value]),
        )
      : null,
    reportDisplayed: search.get('report') !== null && search.get('display') === '1',
    reportAcknowledged: search.get('report') !== null && search.get('ack') === '1',
  };
}

/**
 * The results pane's selection while it waits to be written to the URL (?sel=, see use-selection-in-url.ts). A view
 * change made meanwhile (an action, a menu command, a wizard) starts from it as if it were written, so it acts on the
 * row just clicked.
 */
let unwrittenSelection: { nodeId: string; id: string } | null = null;

export function setUnwrittenSelection(selection: { nodeId: string; id: string } | null) {
  unwrittenSelection = selection;
}

export function getUnwrittenSelection() {
  return unwrittenSelection;
}

export function useConsoleView(): [ConsoleView, (next: Partial<ConsoleView>, options?: { replace?: boolean }) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const view = parseConsoleView(location.pathname, location.search);
  const update = useCallback(
    (next: Partial<ConsoleView>, options: { replace?: boolean } = {}) => {
      const written = parseConsoleView(window.location.pathname, window.location.search);
      const current =
        unwrittenSelection && unwrittenSelection.nodeId === written.nodeId
          ? { ...written, selectedId: unwrittenSelection.id }
          : written;
      unwrittenSelection = null;
      // Opening another node starts a fresh view of it: no search, sort or selection carried over.
      const base: ConsoleView =
        next.nodeId !== undefined && next.nodeId !== current.nodeId
          ? {
              nodeId: next.nodeId,
              q: '',
              searchIn: 'all',
              sort: null,
              selectedId: null,
              propertiesId: null,
              wizard: null,
              templateId: null,
              updateIds: null,
              clientsOf: null,
              complianceState: null,
              homeVendor: null,
              homeClassification: null,
              homeMonth: null,
              homeYear: null,
              walkthrough: current.walkthrough,
            }
          : current;
      navigate(consolePath({ ...base, ...next }), { replace: options.replace ?? false });
    },
    [navigate],
  );
  return [view, update];
}
