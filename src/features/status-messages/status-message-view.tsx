import type { StatusMessage } from '@/domain/model/after-upgrade-objects';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';
import { SeverityIcon } from './severity-icon';

/** The Severity cell carries the severity's icon, as in the product's status message viewer; the text names it. */
function renderCell(key: string, message: StatusMessage) {
  if (key !== 'severity') return undefined;
  return (
    <span className="flex min-w-0 items-center gap-1">
      <SeverityIcon severity={message.severity} />
      <span className="truncate">{text('severity')(message)}</span>
    </span>
  );
}

const text = (key: string) => textOf<StatusMessage>('status-messages', key);

/** System Status > Status Messages: what the site's components reported, newest first. */
export const statusMessageView: ViewConfig<StatusMessage> = {
  renderCell,
  columns: [
    { key: 'severity', width: 130 },
    { key: 'time', width: 150 },
    { key: 'siteCode', width: 70 },
    { key: 'component', width: 220 },
    { key: 'messageId', width: 90, align: 'right' },
    { key: 'description', width: 700 },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Severity', value: text('severity') },
        { label: 'Date / time', value: text('time') },
        { label: 'Site code', value: text('siteCode') },
        { label: 'Component', value: text('component') },
        { label: 'Message ID', value: text('messageId') },
        { label: 'Description', value: text('description'), multiline: true },
      ],
    },
  ],
};
