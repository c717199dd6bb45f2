import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { setConnectedAdmin, useConnectedAdmin } from '@/api/connection';
import { sessionQuery, useResetDemo } from '@/api/session';
import { formatDateTime } from '@/domain/format';
import { SiteClockMenu, useSiteClock } from '@/features/site-jobs';
import { Dialog } from '@/ui/dialog';
import { useConsoleView } from './console-url';

/** The header: the site, "Connected as", the stage, the site clock (ticking, with its Clock menu) and "Reset demo". */
export function ConsoleHeader() {
  const admin = useConnectedAdmin();
  const session = useQuery(sessionQuery());
  const reset = useResetDemo(admin);
  const [, setView] = useConsoleView();
  const [confirmStage, setConfirmStage] = useState<string | null>(null);
  // Ticks in the page between the server's readings of the clock.
  const clock = useSiteClock(admin);
  const data = session.data;
  const stages = data?.stages.filter((stage) => stage.available) ?? [];
  const stageName = (id: string) => data?.stages.find((stage) => stage.id === id)?.name ?? id;

  return (
    <div className="console-header flex flex-wrap items-center gap-x-5 gap-y-1 px-3 py-1.5">
      <div className="flex items-center gap-2">
        <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
          <rect x="1" y="3" width="20" height="14" rx="2" fill="#e9f1fb" stroke="#2a5d9f" />
          <path d="M4 7h14M4 10h9M4 13h11" stroke="#2a5d9f" />
          <rect x="7" y="18" width="8" height="2" fill="#2a5d9f" />
        </svg>
        <div className="leading-tight">
          <div className="font-semibold">Configuration Manager Console</div>
          <div className="text-[11px] opacity-90">
            {data ? `${data.site.code} - ${data.site.name}` : 'Connecting to the site…'}
          </div>
        </div>
      </div>
      <label className="flex items-center gap-1.5">
        <span>Connected as</span>
        <select
          aria-label="Connected as"
          className="win-input"
          value={admin}
          onChange={(event) => setConnectedAdmin(event.target.value)}
        >
          {(data?.administrators ?? [{ account: admin, story: '' }]).map((administrator) => (
            <option key={administrator.account} value={administrator.account} title={administrator.story}>
              {administrator.account}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5">
        <span>Stage</span>
        <select
          aria-label="Stage"
          className="win-input"
          value={data?.stage ?? ''}
          onChange={(event) => setConfirmStage(event.target.value)}
        >
          {stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
            </option>
          ))}
        </select>
      </label>
      <span className="flex items-center gap-1.5">
        <span className="whitespace-nowrap tabular-nums" role="timer" aria-label="Site clock">
          Site clock: {clock.time ? formatDateTime(clock.time) : '…'}
        </span>
        <SiteClockMenu admin={admin} />
      </span>
      <button
        type="button"
        className="win-button ml-auto"
        onClick={() => data && setConfirmStage(data.stage)}
        disabled={!data}
      >
        Reset demo
      </button>
      {confirmStage ? (
        <Dialog
          title="Reset demo"
          onClose={() => setConfirmStage(null)}
          footer={
            <>
              <button
                type="button"
                className="win-button"
                disabled={reset.isPending}
                onClick={() =>
                  reset.mutate(
                    { stage: confirmStage },
                    {
                      onSuccess: (session) => {
                        setConfirmStage(null);
                        // The stage's own starting node: the SMS 2003 console before the upgrade, Update Repository after.
                        setView({ nodeId: session.defaultNodeId, wizard: null });
                      },
                    },
                  )
                }
              >
                OK
              </button>
              <button type="button" className="win-button" onClick={() => setConfirmStage(null)}>
                Cancel
              </button>
            </>
          }
        >
          <p>
            Return the site to the start of the <strong>{stageName(confirmStage)}</strong> stage? Everything done in the
            console since then is discarded.
          </p>
          {reset.isError ? (
            <p role="alert" className="mt-2 text-[#a00]">
              {reset.error.message}
            </p>
          ) : null}
        </Dialog>
      ) : null}
    </div>
  );
}
