import { auditTextInFull, type AuditEntry } from '@/domain/audit/audit-entry';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';
import { OutcomeIcon } from './outcome-icon';

const text = (key: string) => textOf<AuditEntry>('audit-log', key);

/** The Outcome cell carries an icon (a green tick, a red "no entry"); the text names it. */
function renderCell(key: string, entry: AuditEntry) {
  if (key !== 'outcome') return undefined;
  return (
    <span className="flex min-w-0 items-center gap-1">
      <OutcomeIcon outcome={entry.outcome} />
      <span className="truncate">{text('outcome')(entry)}</span>
    </span>
  );
}

/**
 * System Status > Audit Log: every change to the site and every refused attempt, newest first, with the administrator,
 * the right used (or missing), the object, and its fields before and after. Properties show Before and After in full.
 */
export const auditLogView: ViewConfig<AuditEntry> = {
  renderCell,
  columns: [
    { key: 'time', width: 170 },
    { key: 'administrator', width: 160 },
    { key: 'action', width: 260 },
    { key: 'right', width: 240 },
    { key: 'objectType', width: 150 },
    { key: 'objectName', width: 240 },
    { key: 'outcome', width: 100 },
    { key: 'reason', width: 420 },
    { key: 'before', width: 320 },
    { key: 'after', width: 320 },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Time', value: text('time') },
        { label: 'Administrator', value: text('administrator') },
        { label: 'Action', value: text('action') },
        { label: 'Right', value: text('right') },
        { label: 'Object type', value: text('objectType') },
        { label: 'Object ID', value: text('objectId') },
        { label: 'Object', value: text('objectName') },
        { label: 'Outcome', value: text('outcome') },
        { label: 'Reason', value: text('reason'), multiline: true },
      ],
    },
    {
      id: 'changes',
      title: 'Before and After',
      rows: [
        { label: 'Before', value: (entry) => auditTextInFull(entry.before), multiline: true, lines: 9 },
        {
          label: 'After',
          value: (entry) =>
            entry.outcome === 'Refused' && entry.after !== null
              ? `Asked for (nothing was changed):\n${auditTextInFull(entry.after)}`
              : auditTextInFull(entry.after),
          multiline: true,
          lines: 9,
        },
      ],
    },
  ],
};
