import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useConnectedAdmin } from '@/api/connection';
import { sessionQuery, useResetDemo } from '@/api/session';
import { Dialog, INITIAL_FOCUS } from '@/ui/dialog';
import { isStageId, STAGE_PARAM, withoutStage } from './stage-link';

export const OPEN_DEMO_LINK = 'Open Demo Link';

type Pending = { stage: string; name: string | null; current: string; target: string };

/**
 * A demo link's stage (?stage=configured): when it differs from the site's, the console asks before it returns the site
 * to the start of that stage (discarding what was done since), then opens the view the link names. Cancel keeps the
 * site as it is and opens the view on it. A link at the site's own stage opens the view at once.
 */
export function StageLinkPrompt() {
  const location = useLocation();
  const navigate = useNavigate();
  const admin = useConnectedAdmin();
  const session = useQuery(sessionQuery());
  const reset = useResetDemo(admin);
  const requested = new URLSearchParams(location.search).get(STAGE_PARAM);
  const target = withoutStage(location.pathname, location.search);
  const data = session.data;
  const available = (id: string | null) => data?.stages.find((stage) => stage.id === id && stage.available);
  const sameStage = requested !== null && data !== undefined && requested === data.stage && available(requested);
  // Kept once seen: the link's view may change under the dialog (a default selection), the question stays. A link
  // answered once (its history entry) is not asked about again while the console navigates away from it.
  const [captured, setCaptured] = useState<{ stage: string; target: string; key: string } | null>(null);
  const [answered, setAnswered] = useState<string | null>(null);
  if (
    requested !== null &&
    data &&
    !sameStage &&
    location.key !== answered &&
    (captured?.key !== location.key || captured.stage !== requested || captured.target !== target)
  ) {
    setCaptured({ stage: requested, target, key: location.key });
  }
  // A link at the site's own stage opens its view at once.
  if (sameStage) return <Navigate to={target} replace />;
  if (!captured || !data) return null;
  const stage = isStageId(captured.stage) ? available(captured.stage) : undefined;
  const pending: Pending = {
    stage: captured.stage,
    name: stage?.name ?? null,
    current: available(data.stage)?.name ?? data.stage,
    target: captured.target,
  };
  const open = () => {
    setAnswered(captured.key);
    setCaptured(null);
    reset.reset();
    void navigate(pending.target, { replace: true });
  };
  if (pending.name === null) {
    return (
      <Dialog
        title={OPEN_DEMO_LINK}
        onClose={open}
        footer={
          <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={open}>
            OK
          </button>
        }
      >
        <p role="alert">
          The link names the stage &quot;{pending.stage}&quot;, which this console does not have. The view opens on the
          site as it is ({pending.current}).
        </p>
      </Dialog>
    );
  }
  return (
    <Dialog
      title={OPEN_DEMO_LINK}
      onClose={open}
      footer={
        <>
          <button
            type="button"
            className="win-button"
            disabled={reset.isPending}
            onClick={() => reset.mutate({ stage: pending.stage }, { onSuccess: open })}
          >
            OK
          </button>
          <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={open}>
            Cancel
          </button>
        </>
      }
    >
      <p>
        This link opens the console at the start of the <strong>{pending.name}</strong> stage; the site is now at the{' '}
        <strong>{pending.current}</strong> stage.
      </p>
      <p className="mt-2">
        Return the site to the start of the <strong>{pending.name}</strong> stage and open the view? Everything done in
        the console since then is discarded. Cancel opens the view on the site as it is.
      </p>
      {reset.isPending ? (
        <p role="status" className="mt-2">
          Resetting the site…
        </p>
      ) : null}
      {reset.isError ? (
        <p role="alert" className="mt-2 text-[#a00]">
          {reset.error.message}
        </p>
      ) : null}
    </Dialog>
  );
}
