import type { Site } from '@/domain/model/site-objects';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';

const text = (key: string) => textOf<Site>('sites', key);

/** Site Management: the hierarchy, CEN upgraded first, LON still on SMS 2003. */
export const siteView: ViewConfig<Site> = {
  columns: [
    { key: 'code', width: 80 },
    { key: 'name', width: 220 },
    { key: 'serverName', width: 130 },
    { key: 'version', width: 200 },
    { key: 'parentCode', width: 100 },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Site code', value: text('code') },
        { label: 'Site name', value: text('name') },
        { label: 'Site server', value: text('serverName') },
        { label: 'Version', value: text('version') },
        { label: 'Parent site', value: (s) => s.parentCode ?? 'None (central site)' },
      ],
    },
  ],
};
