import { textOf } from '@/domain/query/resources';
import type { SecurityRightRow } from '@/domain/rights/security-rights';
import type { ViewConfig } from '@/ui/view-config';

const text = (key: string) => textOf<SecurityRightRow>('security-rights', key);

/**
 * Site Management > CEN > Security Rights: one row per administrator, class and scope (the class, or one object), with
 * the rights held there. The product lists class rights and instance rights in two nodes; here the Scope column tells
 * them apart.
 */
export const securityRightsView: ViewConfig<SecurityRightRow> = {
  columns: [
    { key: 'account', width: 150 },
    { key: 'className', width: 140 },
    { key: 'scope', width: 70 },
    { key: 'rights', width: 250 },
    { key: 'instanceName', width: 320 },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'User name', value: text('account') },
        { label: 'Class', value: text('className') },
        { label: 'Scope', value: text('scope') },
        { label: 'Instance', value: text('instanceName') },
        { label: 'Instance ID', value: text('instanceId') },
        { label: 'Permissions', value: text('rights'), multiline: true },
      ],
    },
  ],
};
