import type { Advertisement } from '@/domain/model/after-upgrade-objects';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';

const text = (key: string) => textOf<Advertisement>('advertisements', key);

/** Software Distribution > Advertisements: the scan tools' advertisements, among them Microsoft Updates Tool Sync. */
export const advertisementView: ViewConfig<Advertisement> = {
  columns: [
    { key: 'name', width: 240 },
    { key: 'id', width: 120 },
    { key: 'packageName', width: 200 },
    { key: 'programName', width: 200 },
    { key: 'collectionName', width: 220 },
    { key: 'lastRunAt', width: 150 },
    { key: 'lastRunStatus', width: 320 },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Name', value: text('name') },
        { label: 'Advertisement ID', value: text('id') },
        { label: 'Package', value: text('packageName') },
        { label: 'Program', value: text('programName') },
        { label: 'Collection', value: text('collectionName') },
        { label: 'Scan tool', value: text('scanTool') },
      ],
    },
    {
      id: 'status',
      title: 'Status',
      rows: [
        { label: 'Last run', value: text('lastRunAt') },
        { label: 'Last run status', value: text('lastRunStatus'), multiline: true },
      ],
    },
  ],
};
