import { useQuery } from '@tanstack/react-query';
import { deploymentEligibilityQuery } from '@/api/deployments';
import { listIdsQuery } from '@/api/list-ids';
import { rememberDeploySelection } from './deploy-selection';

/** The wizard's name in the console's URL (?wizard=deploy-software-updates). */
export const DEPLOY_SOFTWARE_UPDATES_WIZARD = 'deploy-software-updates';
/** The action's exact label, in the Actions pane and the context menu. */
export const DEPLOY_SOFTWARE_UPDATES_LABEL = 'Deploy Software Updates...';

export function isDeploySoftwareUpdatesWizard(name: string | null | undefined): boolean {
  return name === DEPLOY_SOFTWARE_UPDATES_WIZARD;
}

/** The nodes that list software updates the wizard can deploy: Update Repository, its folders, search folders. */
const DEPLOY_NODE_KINDS = new Set([
  'software-updates',
  'update-repository',
  'search-folder',
  'classification-folder',
  'vendor-folder',
  'product-folder',
  // Before the upgrade: shown, greyed out, saying why.
  'sms2003-software-updates',
]);

export const CHECKING_DEPLOY_RIGHTS = 'Checking your rights on deployments…';
export const NOTHING_SELECTED = 'Select the software updates to deploy first.';
export const EMPTY_SEARCH_FOLDER = 'This search folder finds no software updates to deploy.';
export const BEFORE_UPGRADE =
  'The site still runs SMS 2003 SP3: software updates are deployed with the Deploy Software Updates Wizard once Setup has upgraded it to Configuration Manager 2007.';

/** An action of the Actions pane and the context menu; shown disabled, with the reason, when it cannot be taken. */
export interface DeployAction {
  label: string;
  run: () => void;
  disabledBecause?: string;
}

export interface DeployActionContext {
  admin: string;
  /** The selected console tree node. */
  node: { id: string; kind: string } | undefined;
  phase: 'sms2003' | 'configmgr' | undefined;
  /** The list the results pane shows: its search and sort (the node is the tree's). */
  list: { q: string; searchIn: string; sort: string | null };
  /** The selected rows as the API's `rows` parameter writes them ("0-4,10"); '' when none. */
  selectedRows: string;
  selectedCount: number;
  /** How many rows the list holds (0 while unknown). */
  total: number;
  /** Opens the wizard (the console keeps it in its URL). */
  open: () => void;
}

/**
 * "Deploy Software Updates...": on Update Repository, its folders, search folder nodes and the Software Updates node,
 * with one or more updates selected, or from a search folder node with nothing selected (all its updates). Greyed out
 * with the reason when nothing is selected, before the upgrade, or when the administrator may not create deployments
 * (`cannotCreate`, the server's own words; undefined while they are being read).
 */
export function deployActions(context: DeployActionContext & { cannotCreate: string | null | undefined }): {
  nodeActions: DeployAction[];
  objectActions: DeployAction[];
} {
  const { node, phase, selectedCount, total, cannotCreate } = context;
  if (!node || !DEPLOY_NODE_KINDS.has(node.kind)) return { nodeActions: [], objectActions: [] };
  const wholeSearchFolder = node.kind === 'search-folder' && selectedCount === 0;
  const disabledBecause =
    phase === 'sms2003'
      ? BEFORE_UPGRADE
      : wholeSearchFolder && total === 0
        ? EMPTY_SEARCH_FOLDER
        : !wholeSearchFolder && selectedCount === 0
          ? NOTHING_SELECTED
          : phase === undefined || cannotCreate === undefined
            ? CHECKING_DEPLOY_RIGHTS
            : (cannotCreate ?? undefined);
  const action: DeployAction = {
    label: DEPLOY_SOFTWARE_UPDATES_LABEL,
    disabledBecause,
    run: () => {
      rememberDeploySelection({
        admin: context.admin,
        node: node.id,
        q: context.list.q,
        searchIn: context.list.searchIn,
        sort: context.list.sort,
        rows: wholeSearchFolder ? null : context.selectedRows,
        count: wholeSearchFolder ? total : selectedCount,
      });
      context.open();
    },
  };
  // From a search folder with nothing selected the action is the node's (all its updates), else the selection's.
  return wholeSearchFolder
    ? { nodeActions: [action], objectActions: [] }
    : { nodeActions: [], objectActions: [action] };
}

/**
 * `deployActions`, with the right to create deployments read from the server: the eligibility answer for one update
 * of the node (the first of its list), whose `cannotCreate` does not depend on which updates are asked about.
 */
export function useDeployActions(context: DeployActionContext) {
  const { admin, node, phase, total } = context;
  // The SMS 2003 console's node is never asked about (a stage switch may still report the old phase for a moment).
  const applies =
    phase === 'configmgr' &&
    node !== undefined &&
    DEPLOY_NODE_KINDS.has(node.kind) &&
    node.kind !== 'sms2003-software-updates' &&
    total > 0;
  const first = useQuery({
    ...listIdsQuery(admin, 'software-updates', { node: node?.id ?? '', rows: '0' }),
    enabled: applies,
  });
  const probeId = first.data?.ids[0];
  const eligibility = useQuery({
    ...deploymentEligibilityQuery(admin, probeId ? [probeId] : []),
    enabled: applies && probeId !== undefined,
    staleTime: 60_000,
  });
  // If the rights cannot be read, the action stays available: the wizard's first page says what the server says.
  const unknown = first.isError || eligibility.isError || (first.data !== undefined && probeId === undefined);
  const cannotCreate = eligibility.data ? eligibility.data.cannotCreate : unknown ? null : undefined;
  return deployActions({ ...context, cannotCreate });
}
