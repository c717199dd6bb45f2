import type { Collection } from '@/domain/model/site-objects';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';

const text = (key: string) => textOf<Collection>('collections', key);

/** Computer Management > Collections, with how many of their members are still SMS 2003 clients. */
export const collectionView: ViewConfig<Collection> = {
  columns: [
    { key: 'name', width: 260 },
    { key: 'id', width: 100 },
    { key: 'memberCount', width: 80, align: 'right' },
    { key: 'sms2003ClientCount', width: 120, align: 'right' },
    { key: 'configMgrClientCount', width: 200, align: 'right' },
    { key: 'comment', width: 320 },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Name', value: text('name') },
        { label: 'Collection ID', value: text('id') },
        { label: 'Comment', value: text('comment'), multiline: true },
      ],
    },
    {
      id: 'membership',
      title: 'Membership Rules',
      rows: [
        { label: 'Membership rule', value: text('membershipRule'), multiline: true },
        { label: 'Members', value: text('memberCount') },
        { label: 'SMS 2003 clients', value: text('sms2003ClientCount') },
        { label: 'Configuration Manager clients', value: text('configMgrClientCount') },
      ],
    },
  ],
};
