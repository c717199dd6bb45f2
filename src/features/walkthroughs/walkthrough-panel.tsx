import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { setConnectedAdmin, useConnectedAdmin } from '@/api/connection';
import { useStartWalkthrough, useStepViewed, walkthroughListQuery, walkthroughQuery } from '@/api/walkthroughs';
import type { WalkthroughDetail, WalkthroughStepView } from '@/domain/contract/walkthrough-contract';
import { formatDateTime } from '@/domain/format';
import { Dialog } from '@/ui/dialog';
import { highlightAction, HIGHLIGHT_STYLE } from './highlight-action';

/** The value of `?walkthrough=` that lists every walkthrough. */
export const ALL_WALKTHROUGHS = 'all';

export interface WalkthroughPanelProps {
  /** A walkthrough's ID, or ALL_WALKTHROUGHS for the list. */
  walkthroughId: string;
  /** The node the console shows now (opening a step's node completes it). */
  nodeId: string;
  /** Opens a node, with an object selected ("Show me"). */
  onOpenNode: (nodeId: string, selectedId: string | null) => void;
  /** Opens another walkthrough, or the list (ALL_WALKTHROUGHS). */
  onChoose: (id: string) => void;
  onClose: () => void;
  /** The site was reset for the walkthrough (now in this phase): the console opens the top of its tree. */
  onStarted: (phase: 'sms2003' | 'configmgr') => void;
}

/**
 * The walkthrough side panel: the steps of one walkthrough with the current one open (what to do, where, as whom, the
 * planning topic section, "Show me"), the progress, Start or Restart. The console stays usable beside it: the steps
 * complete as the site changes, whichever way the trainee makes the change.
 */
export function WalkthroughPanel(props: WalkthroughPanelProps) {
  return (
    <section aria-label="Walkthrough" className="walkthrough-panel flex h-full flex-col bg-white">
      <style>{HIGHLIGHT_STYLE}</style>
      <div className="actions-title flex items-center justify-between">
        <h2>Walkthrough</h2>
        <button
          type="button"
          className="win-close"
          aria-label="Close walkthrough"
          title="Close"
          onClick={props.onClose}
        >
          ✕
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        {props.walkthroughId === ALL_WALKTHROUGHS ? (
          <WalkthroughList onChoose={props.onChoose} />
        ) : (
          <WalkthroughSteps {...props} />
        )}
      </div>
    </section>
  );
}

function WalkthroughList({ onChoose }: { onChoose: (id: string) => void }) {
  const admin = useConnectedAdmin();
  const list = useQuery(walkthroughListQuery(admin));
  if (list.isError)
    return (
      <p role="alert" className="p-2">
        {list.error.message}
      </p>
    );
  if (!list.data) return <p className="p-2">Loading the walkthroughs…</p>;
  return (
    <div className="p-2">
      <p className="mb-2">Pick a walkthrough: each starts the site at the stage it needs.</p>
      <ul aria-label="Walkthroughs" className="flex flex-col gap-1.5">
        {list.data.items.map((item) => (
          <li key={item.id} className="walkthrough-card">
            <button type="button" className="walkthrough-link" onClick={() => onChoose(item.id)}>
              {item.title}
            </button>
            <p className="text-[11px] text-[#444]">{item.summary}</p>
            <p className="text-[11px] text-[#444]">
              {item.stageName} stage ·{' '}
              {item.startedAt
                ? `${item.completedCount} of ${item.stepCount} steps done`
                : `${item.stepCount} steps, not started`}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function WalkthroughSteps(props: WalkthroughPanelProps) {
  const admin = useConnectedAdmin();
  const query = useQuery(walkthroughQuery(admin, props.walkthroughId));
  const start = useStartWalkthrough(admin);
  const viewed = useStepViewed(admin, props.walkthroughId);
  const [confirming, setConfirming] = useState(false);
  const detail = query.data;
  const current = detail?.steps.find((step) => step.id === detail.currentStepId) ?? null;

  // Opening the current step's node completes it (once per run; the server keeps it with this administrator).
  const reported = useRef(new Set<string>());
  const viewKey = detail && current ? `${detail.startedAt ?? ''}|${admin}|${current.id}` : null;
  // Not the node the console showed when Start was chosen: the new run begins once the console has moved on.
  const startedFrom = useRef<string | null>(null);
  useEffect(() => {
    if (start.isPending) return;
    if (startedFrom.current !== null) {
      if (startedFrom.current === props.nodeId) return;
      startedFrom.current = null;
    }
    if (!current || !viewKey || !current.completesByViewing || current.complete) return;
    if (current.as !== admin || current.target.nodeId !== props.nodeId || reported.current.has(viewKey)) return;
    reported.current.add(viewKey);
    viewed.mutate({ stepId: current.id, nodeId: props.nodeId });
  }, [current, viewKey, admin, props.nodeId, viewed, start.isPending]);

  if (query.isError) {
    return (
      <div className="p-2">
        <p role="alert">{query.error.message}</p>
        <button type="button" className="walkthrough-link" onClick={() => props.onChoose(ALL_WALKTHROUGHS)}>
          All walkthroughs
        </button>
      </div>
    );
  }
  if (!detail) return <p className="p-2">Loading the walkthrough…</p>;

  const showMe = (step: WalkthroughStepView) => {
    props.onOpenNode(step.target.nodeId, step.target.selectedId ?? null);
    if (step.target.action) highlightAction(step.target.action);
  };

  return (
    <div className="flex flex-col gap-2 p-2">
      <div>
        <h3 className="text-[14px] font-semibold">{detail.title}</h3>
        <p className="text-[11px] text-[#444]">{detail.summary}</p>
        <p className="mt-1 text-[11px] text-[#444]">
          Starts at the {detail.stageName} stage, played as {detail.playedAs}.{' '}
          {detail.startedAt
            ? `Started ${formatDateTime(detail.startedAt)} by ${detail.startedBy ?? ''}.`
            : 'Not started yet: Start resets the site to that stage.'}
        </p>
      </div>
      <Progress detail={detail} />
      <div className="flex flex-wrap gap-1.5">
        <button type="button" className="win-button" onClick={() => setConfirming(true)}>
          {detail.startedAt ? 'Restart' : 'Start'}
        </button>
        <button type="button" className="win-button" onClick={() => props.onChoose(ALL_WALKTHROUGHS)}>
          All Walkthroughs
        </button>
      </div>
      {detail.complete ? (
        <p role="status" className="walkthrough-done">
          Walkthrough complete: every step is done.
        </p>
      ) : null}
      <ol aria-label="Steps" className="flex flex-col gap-1">
        {detail.steps.map((step, index) => (
          <StepItem
            key={step.id}
            step={step}
            number={index + 1}
            current={step.id === detail.currentStepId}
            admin={admin}
            onShowMe={() => showMe(step)}
          />
        ))}
      </ol>
      {viewed.isError ? (
        <p role="alert" className="text-[11px] text-[#a00]">
          {viewed.error.message}
        </p>
      ) : null}
      {confirming ? (
        <Dialog
          title={detail.startedAt ? 'Restart Walkthrough' : 'Start Walkthrough'}
          onClose={() => setConfirming(false)}
          footer={
            <>
              <button
                type="button"
                className="win-button"
                disabled={start.isPending}
                onClick={() => {
                  startedFrom.current = props.nodeId;
                  start.mutate(detail.id, {
                    onSuccess: ({ session, walkthrough }) => {
                      setConfirming(false);
                      if (walkthrough.playedAs !== admin) setConnectedAdmin(walkthrough.playedAs);
                      props.onStarted(session.phase);
                    },
                    onError: () => {
                      startedFrom.current = null;
                    },
                  });
                }}
              >
                OK
              </button>
              <button type="button" className="win-button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </>
          }
        >
          <p>
            {detail.startedAt ? 'Restart' : 'Start'} <strong>{detail.title}</strong>? The site returns to the start of
            the <strong>{detail.stageName}</strong> stage (Reset demo): everything done in the console since then is
            discarded.
            {detail.playedAs !== admin ? ` The console connects as ${detail.playedAs}.` : ''}
          </p>
          {start.isError ? (
            <p role="alert" className="mt-2 text-[#a00]">
              {start.error.message}
            </p>
          ) : null}
        </Dialog>
      ) : null}
    </div>
  );
}

function Progress({ detail }: { detail: WalkthroughDetail }) {
  const text = `${detail.completedCount} of ${detail.stepCount} steps done`;
  const percent = detail.stepCount === 0 ? 0 : Math.round((detail.completedCount / detail.stepCount) * 100);
  return (
    <div>
      <div
        role="progressbar"
        aria-label="Walkthrough progress"
        aria-valuemin={0}
        aria-valuemax={detail.stepCount}
        aria-valuenow={detail.completedCount}
        aria-valuetext={text}
        className="walkthrough-progress"
      >
        <div style={{ width: `${percent}%` }} />
      </div>
      <p className="text-[11px]">{text}</p>
    </div>
  );
}

function StepItem(props: {
  step: WalkthroughStepView;
  number: number;
  current: boolean;
  admin: string;
  onShowMe: () => void;
}) {
  const { step, current } = props;
  const state = step.complete ? 'Done' : current ? 'Current step' : 'Not done';
  return (
    <li aria-current={current ? 'step' : undefined} className={`walkthrough-step ${current ? 'is-current' : ''}`}>
      <div className="flex items-start gap-1.5">
        <span
          role="img"
          aria-label={state}
          title={state}
          className={`walkthrough-mark ${step.complete ? 'is-done' : ''}`}
        >
          {step.complete ? '✓' : current ? '►' : props.number}
        </span>
        <span className={current ? 'font-semibold' : undefined}>{step.title}</span>
      </div>
      {current ? (
        <div className="mt-1 flex flex-col gap-1 pl-6">
          <p>{step.instruction}</p>
          <dl className="walkthrough-facts">
            <dt>Where:</dt>
            <dd>{step.target.place}</dd>
            {step.target.action ? (
              <>
                <dt>Action:</dt>
                <dd>{step.target.action}</dd>
              </>
            ) : null}
            <dt>As:</dt>
            <dd>{step.as}</dd>
            <dt>Done when:</dt>
            <dd>{step.doneWhen}</dd>
            {step.planningSection ? (
              <>
                <dt>Planning:</dt>
                <dd>Planning for Software Updates Site Upgrade, &ldquo;{step.planningSection}&rdquo;</dd>
              </>
            ) : null}
          </dl>
          <div className="flex flex-wrap gap-1.5">
            {step.as !== props.admin ? (
              <button type="button" className="win-button" onClick={() => setConnectedAdmin(step.as)}>
                Connect as {step.as}
              </button>
            ) : null}
            <button type="button" className="win-button" onClick={props.onShowMe}>
              Show me
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
