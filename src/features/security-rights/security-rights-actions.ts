import { useQuery } from '@tanstack/react-query';
import { delegationQuery } from '@/api/security-rights';
import type { DelegationResponse } from '@/domain/contract/security-rights-contract';

/** The dialogs of this feature, by the name the console keeps in its URL (?wizard=...). */
export const SECURITY_RIGHTS_DIALOGS = ['grant-rights', 'revoke-rights'] as const;
export type SecurityRightsDialogName = (typeof SECURITY_RIGHTS_DIALOGS)[number];

export function isSecurityRightsDialog(name: string | null | undefined): name is SecurityRightsDialogName {
  return (SECURITY_RIGHTS_DIALOGS as readonly string[]).includes(name ?? '');
}

/** The exact labels, as the Actions pane and the context menu show them. */
export const SECURITY_RIGHTS_LABELS = {
  grant: 'Grant Rights...',
  revoke: 'Revoke Rights...',
} as const;

/** The dialogs' titles. */
export const SECURITY_RIGHTS_TITLES: Record<SecurityRightsDialogName, string> = {
  'grant-rights': 'Grant Rights',
  'revoke-rights': 'Revoke Rights',
};

/** An action of the Actions pane and the context menu; shown disabled, with the reason, when it cannot be taken. */
export interface SecurityRightsAction {
  label: string;
  run: () => void;
  disabledBecause?: string;
}

export interface SecurityRightsActionContext {
  /** The selected console tree node. */
  node: { id: string; kind: string } | undefined;
  /** GET /api/security-rights/delegation; undefined while loading. */
  delegation: DelegationResponse | undefined;
  /** The focused row of the results pane (its account, class and scope fill the dialog in), when one is selected. */
  focused: { id: string } | null;
  selectedCount: number;
  /** Opens a dialog; `rowId` is the row it starts from. */
  open: (dialog: SecurityRightsDialogName, rowId?: string) => void;
}

const CHECKING = 'Checking your rights to grant and revoke…';

/**
 * What the Security Rights node offers: "Grant Rights..." and "Revoke Rights...", greyed out with the server's reason
 * for an administrator who holds Administer or Delegate nowhere (the server refuses their requests with 403 anyway).
 */
export function securityRightsActions(context: SecurityRightsActionContext): SecurityRightsAction[] {
  const { node, delegation, focused, selectedCount, open } = context;
  if (node?.kind !== 'security-rights') return [];
  const disabledBecause = !delegation ? CHECKING : (delegation.whyNot ?? undefined);
  const row = focused !== null && selectedCount === 1 ? focused.id : undefined;
  return [
    { label: SECURITY_RIGHTS_LABELS.grant, run: () => open('grant-rights', row), disabledBecause },
    { label: SECURITY_RIGHTS_LABELS.revoke, run: () => open('revoke-rights', row), disabledBecause },
  ];
}

/** `securityRightsActions` with the delegation fetched for the node. */
export function useSecurityRightsActions(
  context: Omit<SecurityRightsActionContext, 'delegation'> & { admin: string },
): SecurityRightsAction[] {
  const delegation = useQuery({
    ...delegationQuery(context.admin),
    enabled: context.node?.kind === 'security-rights',
  });
  return securityRightsActions({ ...context, delegation: delegation.data });
}
