import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';

interface PaneBoundaryProps {
  /** What failed, in the words of the console ("the results pane", "this dialog"). */
  what: string;
  /** Changing any of these (the node, the administrator) tries the pane again. */
  resetKeys?: unknown[];
  children: ReactNode;
}

/**
 * Failures stay local: a pane or a dialog that fails shows what went wrong and a Try Again in place, and the rest of
 * the console keeps working (react-error-boundary).
 */
export function PaneBoundary({ what, resetKeys, children }: PaneBoundaryProps) {
  return (
    <ErrorBoundary
      resetKeys={resetKeys}
      fallbackRender={(props: FallbackProps) => <PaneFailure what={what} {...props} />}
    >
      {children}
    </ErrorBoundary>
  );
}

function PaneFailure({ what, error, resetErrorBoundary }: FallbackProps & { what: string }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="m-3 max-w-xl">
      <p className="font-semibold">Something went wrong in {what}.</p>
      <p className="mt-1 break-words">{message}</p>
      <button type="button" className="win-button mt-2" onClick={resetErrorBoundary}>
        Try Again
      </button>
    </div>
  );
}
