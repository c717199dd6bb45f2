import type { PackageAccessAccount, PackageDistributionPoint } from '@/domain/deployment-packages/package-content';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';

const accountText = (key: string) => textOf<PackageAccessAccount>('deployment-package-access-accounts', key);
const pointText = (key: string) => textOf<PackageDistributionPoint>('deployment-package-distribution-points', key);

/** A deployment package's Access Accounts: who may read its share on the distribution points. */
export const packageAccessAccountView: ViewConfig<PackageAccessAccount> = {
  columns: [
    { key: 'name', width: 220 },
    { key: 'type', width: 180 },
    { key: 'access', width: 140 },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Name', value: accountText('name') },
        { label: 'Type', value: accountText('type') },
        { label: 'Access', value: accountText('access') },
        { label: 'Package ID', value: accountText('packageId') },
        {
          label: 'Note',
          value: () =>
            'The product grants these accounts to every package by default: Users read the package share, Administrators have Full Control.',
          multiline: true,
        },
      ],
    },
  ],
};

/** A deployment package's Distribution Points: where its content is, and its status there. */
export const packageDistributionPointView: ViewConfig<PackageDistributionPoint> = {
  columns: [
    { key: 'name', width: 220 },
    { key: 'siteCode', width: 90 },
    { key: 'status', width: 140 },
    { key: 'version', width: 80, align: 'right' },
    { key: 'statusDetail', width: 420 },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Name', value: pointText('name') },
        { label: 'Site code', value: pointText('siteCode') },
        { label: 'Status', value: pointText('status') },
        { label: 'Version', value: pointText('version') },
        { label: 'Status detail', value: pointText('statusDetail'), multiline: true },
      ],
    },
  ],
};
