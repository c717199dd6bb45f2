import { useId, useState } from 'react';
import { useRunSiteAction } from '@/api/after-upgrade';
import { formatCount, formatDateTime } from '@/domain/format';
import { Dialog } from '@/ui/dialog';
import { DoneNote, PlanningNote, Refusal, useSiteStatus, INITIAL_FOCUS } from './dialog-parts';

export const LEGACY_CLEANUP_TITLE = 'LEGACY Clean-up Script';

const plural = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`;

/**
 * "Run LEGACY Clean-up Script...": the script as it will run, what it will do now (how many LEGACY updates it hides,
 * and which migrated deployments keep some visible), and Run Script.
 */
export function LegacyCleanupDialog(props: { admin: string; onClose: () => void }) {
  const status = useSiteStatus(props.admin);
  const run = useRunSiteAction(props.admin);
  const [ran, setRan] = useState<{ hidden: number; visible: number } | null>(null);
  const scriptId = useId();
  const data = status.data;
  const preview = data?.legacyCleanup;
  const action = data?.actions['run-legacy-cleanup-script'];
  const notAllowed = action && !action.enabled ? action.why : null;

  const runScript = () => {
    if (!preview) return;
    const counts = { hidden: preview.willHide, visible: preview.staysVisible };
    run.mutate('run-legacy-cleanup-script', { onSuccess: () => setRan(counts) });
  };

  return (
    <Dialog
      title={LEGACY_CLEANUP_TITLE}
      onClose={props.onClose}
      width={640}
      footer={
        ran ? (
          <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={props.onClose}>
            Close
          </button>
        ) : (
          <>
            <button
              type="button"
              className="win-button"
              disabled={!preview || notAllowed !== null || run.isPending}
              onClick={runScript}
            >
              Run Script
            </button>
            <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={props.onClose}>
              Cancel
            </button>
          </>
        )
      }
    >
      <PlanningNote>
        Software updates with (LEGACY) in the title should not be deployed to clients and are only migrated for migrated
        software update distributions and for reporting purposes. You can run a script to hide these software updates in
        the Configuration Manager console so only deployable software updates are displayed.
      </PlanningNote>
      {status.isError ? <Refusal>{status.error.message}</Refusal> : null}
      {!data && status.isPending ? <p>Loading the script and what it will do…</p> : null}
      {data && preview ? (
        <>
          <figure className="my-2" aria-labelledby={scriptId}>
            <figcaption id={scriptId} className="mb-0.5">
              Script
            </figcaption>
            <pre
              // Scrollable, so it can be reached and scrolled from the keyboard.
              tabIndex={0}
              className="max-h-56 overflow-auto border border-[#a0a0a0] bg-white p-1.5 font-mono text-[11px] leading-snug"
            >
              {preview.scriptText}
            </pre>
          </figure>
          <p>
            Sample script:{' '}
            <a className="win-link" href={preview.source} target="_blank" rel="noreferrer">
              Microsoft Script Center Script Repository
            </a>{' '}
            <span className="whitespace-nowrap">({preview.source})</span>
          </p>
          <h3 className="mt-2 font-semibold">What it will do now</h3>
          <p>
            {plural(preview.willHide, 'LEGACY software update', 'LEGACY software updates')} will be hidden;{' '}
            {formatCount(preview.staysVisible)} stay visible because a migrated SMS 2003 deployment holds them.
          </p>
          {preview.keptBy.length > 0 ? (
            <>
              <p className="mt-1">Kept visible by:</p>
              <ul aria-label="Kept visible by" className="ml-4 list-disc">
                {preview.keptBy.map((entry) => (
                  <li key={entry.advertisementId}>
                    {entry.name} ({entry.advertisementId}):{' '}
                    {plural(entry.updateCount, 'LEGACY software update', 'LEGACY software updates')}
                  </li>
                ))}
              </ul>
              <p className="mt-1 text-[#444]">
                Migrated software updates that are in a migrated deployment are not hidden until the deployment is
                deleted or the updates are removed from it (Deployment Management &gt; SMS 2003 Advertisements).
              </p>
            </>
          ) : null}
          {data.facts.legacyScriptRunAt && !ran ? (
            <p className="mt-1">The script last ran on {formatDateTime(data.facts.legacyScriptRunAt)}.</p>
          ) : null}
          {notAllowed && !ran ? <p className="mt-1 text-[#a11]">{notAllowed}</p> : null}
        </>
      ) : null}
      {run.isError ? <Refusal>The script did not run: {run.error.message}</Refusal> : null}
      {ran ? (
        <DoneNote>
          The script ran: {plural(ran.hidden, 'LEGACY software update', 'LEGACY software updates')} hidden;{' '}
          {formatCount(ran.visible)} stay visible because a migrated SMS 2003 deployment holds them. Hidden updates are
          listed under Update Repository &gt; Hidden Software Updates.
        </DoneNote>
      ) : null}
    </Dialog>
  );
}
