import type { Client } from '@/domain/model/site-objects';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';

const text = (key: string) => textOf<Client>('clients', key);

/** A collection's members: which are still SMS 2003 clients and which are Configuration Manager 2007 clients. */
export const clientView: ViewConfig<Client> = {
  columns: [
    { key: 'name', width: 180 },
    { key: 'clientType', width: 200 },
    { key: 'siteCode', width: 80 },
    { key: 'operatingSystem', width: 360 },
    { key: 'catalogRevision', width: 120, align: 'right' },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Name', value: text('name') },
        { label: 'Client type', value: text('clientType') },
        { label: 'Site code', value: text('siteCode') },
        { label: 'Operating system', value: text('operatingSystem') },
        { label: 'Microsoft Update catalog revision', value: text('catalogRevision') },
      ],
    },
  ],
};
