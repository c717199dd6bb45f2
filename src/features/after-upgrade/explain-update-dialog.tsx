import { useQuery } from '@tanstack/react-query';
import { softwareUpdateExplanationQuery } from '@/api/after-upgrade';
import { Dialog } from '@/ui/dialog';
import { Refusal, INITIAL_FOCUS } from './dialog-parts';

export const EXPLAIN_UPDATE_TITLE = 'Why?';
export const NOTHING_APPLIES = 'Nothing in the upgrade rules applies to this update.';

/** "Why?": why a software update stands where it does (LEGACY, hidden, expired, deployable to SMS 2003), rule by rule. */
export function ExplainUpdateDialog(props: { admin: string; updateId: string; onClose: () => void }) {
  const explanation = useQuery(softwareUpdateExplanationQuery(props.admin, props.updateId));
  const data = explanation.data;
  return (
    <Dialog
      title={EXPLAIN_UPDATE_TITLE}
      onClose={props.onClose}
      width={540}
      footer={
        <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={props.onClose}>
          OK
        </button>
      }
    >
      {explanation.isError ? <Refusal>{explanation.error.message}</Refusal> : null}
      {!data && explanation.isPending ? <p>Loading…</p> : null}
      {data ? (
        <>
          <p className="font-semibold">{data.title}</p>
          {data.reasons.length === 0 ? (
            <p className="mt-2">{NOTHING_APPLIES}</p>
          ) : (
            data.reasons.map((reason) => (
              <p key={reason} className="mt-2">
                {reason}
              </p>
            ))
          )}
        </>
      ) : null}
    </Dialog>
  );
}
