import type { StatusMessage } from '@/domain/model/after-upgrade-objects';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';

const text = (key: string) => textOf<StatusMessage>('status-messages', key);

/** System Status > Status Messages: what the site's components reported, newest first. */
export const statusMessageView: ViewConfig<StatusMessage> = {
  columns: [
    { key: 'severity', width: 110 },
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
