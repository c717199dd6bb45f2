import type { SiteSystem } from '@/domain/model/after-upgrade-objects';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';

const text = (key: string) => textOf<SiteSystem>('site-systems', key);

/** Site Settings > Site Systems: each server with its roles (the software update point among them once created). */
export const siteSystemView: ViewConfig<SiteSystem> = {
  columns: [
    { key: 'name', width: 200 },
    { key: 'siteCode', width: 90 },
    { key: 'roles', width: 600 },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Name', value: text('name') },
        { label: 'Site code', value: text('siteCode') },
        { label: 'Roles', value: text('roles'), multiline: true },
      ],
    },
  ],
};
