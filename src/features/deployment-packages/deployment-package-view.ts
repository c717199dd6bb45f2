import type { DeploymentPackage } from '@/domain/model/site-objects';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';

const text = (key: string) => textOf<DeploymentPackage>('deployment-packages', key);

/** Deployment Packages: nothing shows until updates are downloaded by a wizard. */
export const deploymentPackageView: ViewConfig<DeploymentPackage> = {
  columns: [
    { key: 'name', width: 260 },
    { key: 'id', width: 100 },
    { key: 'description', width: 260 },
    { key: 'sourcePath', width: 260 },
    { key: 'updateCount', width: 120, align: 'right' },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Name', value: text('name') },
        { label: 'Package ID', value: text('id') },
        { label: 'Description', value: (p) => p.description, multiline: true },
      ],
    },
    {
      id: 'data-source',
      title: 'Data Source',
      rows: [{ label: 'Package source path', value: text('sourcePath') }],
    },
  ],
};
