import type { SearchFolder } from '@/domain/model/site-objects';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';

const text = (key: string) => textOf<SearchFolder>('search-folders', key);

/** Update Repository > Search Folders: saved searches over the updates. */
export const searchFolderView: ViewConfig<SearchFolder> = {
  columns: [
    { key: 'name', width: 280 },
    { key: 'owner', width: 170 },
    { key: 'criteria', width: 420 },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Name', value: text('name') },
        { label: 'Owner', value: text('owner') },
        { label: 'Criteria', value: text('criteria'), multiline: true },
      ],
    },
  ],
};
