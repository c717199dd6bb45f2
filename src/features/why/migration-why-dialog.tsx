import { useQuery } from '@tanstack/react-query';
import { objectQuery } from '@/api/resources';
import { explainMigrationRow } from '@/domain/explanations/explanations';
import type { MigrationReportRow } from '@/domain/model/upgrade-records';
import { Dialog, INITIAL_FOCUS } from '@/ui/dialog';
import { WHY_LABEL } from './why-disclosure';

/**
 * "Why?" on a row of the Migration Report: what became of the SMS 2003 object, the rule that decided it and the
 * section of the planning topic, then the report's own reason.
 */
export function MigrationWhyDialog(props: { admin: string; rowId: string; onClose: () => void }) {
  const row = useQuery(objectQuery(props.admin, 'migration-report', props.rowId));
  const item = row.data?.item as MigrationReportRow | undefined;
  const explanation = item ? explainMigrationRow(item) : null;
  return (
    <Dialog
      title={WHY_LABEL}
      onClose={props.onClose}
      width={540}
      footer={
        <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={props.onClose}>
          OK
        </button>
      }
    >
      {row.isError ? (
        <p role="alert" className="border border-[#c9a13b] bg-[#fff8dc] p-2">
          {row.error.message}
        </p>
      ) : null}
      {!item && row.isPending ? <p>Loading…</p> : null}
      {item && explanation ? (
        <>
          <p className="font-semibold">
            {item.objectKind} {item.name}
          </p>
          <p className="mt-2">{explanation.text}</p>
          <p className="mt-2 text-[#444]">{item.reason}</p>
        </>
      ) : null}
    </Dialog>
  );
}
