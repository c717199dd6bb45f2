import { useQuery } from '@tanstack/react-query';
import { deploymentTemplateClassRightsQuery } from '@/api/deployments';
import { retryUnlessRefused } from '@/api/http';
import { objectQuery } from '@/api/resources';
import { whyCannotOnDeploymentTemplate } from '@/domain/deployments/deployment-rights';
import { RightsIndex, type Right } from '@/domain/rights/rights';

/** The dialogs of this feature, by the name the console keeps in its URL (?wizard=...). */
export const DEPLOYMENT_TEMPLATE_DIALOGS = [
  'new-deployment-template',
  'delete-deployment-template',
  'deploy-with-template',
] as const;
export type DeploymentTemplateDialogName = (typeof DEPLOYMENT_TEMPLATE_DIALOGS)[number];

export function isDeploymentTemplateDialog(name: string | null | undefined): name is DeploymentTemplateDialogName {
  return (DEPLOYMENT_TEMPLATE_DIALOGS as readonly string[]).includes(name ?? '');
}

/** The exact labels, as the Actions pane and the context menu show them. */
export const DEPLOYMENT_TEMPLATE_LABELS = {
  newTemplate: 'New Deployment Template...',
  deployWithTemplate: 'Deploy with Template...',
  delete: 'Delete',
} as const;

/** An action of the Actions pane and the context menu; shown disabled, with the reason, when it cannot be taken. */
export interface DeploymentTemplateAction {
  label: string;
  run: () => void;
  disabledBecause?: string;
}

export interface DeploymentTemplateActionContext {
  admin: string;
  /** The selected console tree node. */
  node: { id: string; kind: string } | undefined;
  /** GET /api/deployment-templates/rights; undefined while loading. */
  classRights: { canCreate: boolean; whyNot: string | null } | undefined;
  /** The focused template of the results pane, and how many are selected. */
  focused: { id: string } | null;
  selectedCount: number;
  /** The rights the administrator holds on the focused template; undefined while loading. */
  targetRights: readonly Right[] | undefined;
  /** Opens a dialog; `templateId` is the template it acts on. */
  open: (dialog: DeploymentTemplateDialogName, templateId?: string) => void;
}

const CHECKING = 'Checking your rights on deployment templates…';

export { retryUnlessRefused };

/**
 * What can be done on the Deployment Templates node ("New Deployment Template...") and with a template selected in it
 * ("Deploy with Template...", "Delete"; Properties is the console's). The reasons are the rules the server applies.
 */
export function deploymentTemplateActions(context: DeploymentTemplateActionContext): {
  nodeActions: DeploymentTemplateAction[];
  objectActions: DeploymentTemplateAction[];
} {
  const { admin, node, classRights, focused, selectedCount, targetRights, open } = context;
  if (node?.kind !== 'deployment-templates') return { nodeActions: [], objectActions: [] };
  const nodeActions: DeploymentTemplateAction[] = [
    {
      label: DEPLOYMENT_TEMPLATE_LABELS.newTemplate,
      run: () => open('new-deployment-template'),
      disabledBecause: !classRights ? CHECKING : (classRights.whyNot ?? undefined),
    },
  ];
  const one = focused !== null && selectedCount === 1 ? focused : null;
  const onTemplate = (right: Right): string | undefined => {
    if (!one) return 'Select one deployment template first.';
    if (!targetRights) return CHECKING;
    const held = new RightsIndex([
      { account: admin, objectType: 'DeploymentTemplate', instanceIds: [one.id], rights: [...targetRights] },
    ]);
    return whyCannotOnDeploymentTemplate(held, admin, one.id, right) ?? undefined;
  };
  const objectActions: DeploymentTemplateAction[] = [
    {
      label: DEPLOYMENT_TEMPLATE_LABELS.deployWithTemplate,
      run: () => one && open('deploy-with-template', one.id),
      disabledBecause: onTemplate('Read'),
    },
    {
      label: DEPLOYMENT_TEMPLATE_LABELS.delete,
      run: () => one && open('delete-deployment-template', one.id),
      disabledBecause: onTemplate('Delete'),
    },
  ];
  return { nodeActions, objectActions };
}

/** `deploymentTemplateActions` with the rights fetched for the node and the focused template. */
export function useDeploymentTemplateActions(
  context: Omit<DeploymentTemplateActionContext, 'classRights' | 'targetRights'>,
) {
  const onNode = context.node?.kind === 'deployment-templates';
  const targetId = onNode && context.focused && context.selectedCount === 1 ? context.focused.id : null;
  const classRights = useQuery({ ...deploymentTemplateClassRightsQuery(context.admin), enabled: onNode });
  const target = useQuery({
    ...objectQuery(context.admin, 'deployment-templates', targetId ?? ''),
    enabled: targetId !== null,
    // A template deleted or refused will not come back by asking again (and a deletion waits for this refetch).
    retry: retryUnlessRefused,
  });
  return deploymentTemplateActions({
    ...context,
    classRights: classRights.data,
    targetRights: target.isError ? [] : target.data?.rights,
  });
}
