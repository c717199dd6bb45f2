import type { Package } from '@/domain/model/site-objects';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';

const text = (key: string) => textOf<Package>('packages', key);

/** Software Distribution > Packages: every package, migrated or not, with what the upgrade did with it. */
export const packageView: ViewConfig<Package> = {
  columns: [
    { key: 'name', width: 250 },
    { key: 'id', width: 90 },
    { key: 'programName', width: 220 },
    { key: 'sourcePath', width: 280 },
    { key: 'sourceValidation', width: 120 },
    { key: 'createdAtSite', width: 110 },
    { key: 'purpose', width: 200 },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Name', value: text('name') },
        { label: 'Package ID', value: text('id') },
        { label: 'Manufacturer', value: text('manufacturer') },
        { label: 'Program', value: text('programName') },
        { label: 'Created at site', value: text('createdAtSite') },
      ],
    },
    {
      id: 'data-source',
      title: 'Data Source',
      rows: [
        { label: 'Package source path', value: text('sourcePath') },
        { label: 'Source validation', value: text('sourceValidation') },
      ],
    },
    {
      id: 'upgrade',
      title: 'Upgrade',
      rows: [{ label: 'What the upgrade did', value: text('migrationNote'), multiline: true }],
    },
  ],
};
