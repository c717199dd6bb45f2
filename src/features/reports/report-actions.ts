/** An action of the Actions pane and the context menu; shown disabled, with the reason, when it cannot be taken. */
export interface ReportAction {
  label: string;
  run: () => void;
  disabledBecause?: string;
}

/**
 * "Run" on the Reports node: opens the selected report's Report Viewer (its parameters, then its result). The list
 * itself is the server's, so anyone who sees a report may run it; what it counts is narrowed to what they may read.
 */
export function reportActions(context: {
  node: { kind: string } | undefined;
  focused: { id: string } | null;
  selectedCount: number;
  open: (reportId: string) => void;
}): ReportAction[] {
  if (context.node?.kind !== 'reports') return [];
  const { focused, selectedCount, open } = context;
  return [
    {
      label: 'Run',
      run: () => focused && open(focused.id),
      disabledBecause: selectedCount !== 1 || !focused ? 'Select one report to run.' : undefined,
    },
  ];
}
