import type { UpdateList } from '@/domain/model/site-objects';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';

const text = (key: string) => textOf<UpdateList>('update-lists', key);

/** Update Lists: fixed sets of updates, used for delegation and list-based reporting. */
export const updateListView: ViewConfig<UpdateList> = {
  columns: [
    { key: 'name', width: 280 },
    { key: 'description', width: 300 },
    { key: 'createdBy', width: 170 },
    { key: 'dateCreated', width: 150 },
    { key: 'updateCount', width: 120, align: 'right' },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Name', value: text('name') },
        { label: 'Description', value: (l) => l.description, multiline: true },
        { label: 'Created by', value: text('createdBy') },
        { label: 'Date created', value: text('dateCreated') },
        { label: 'Number of software updates', value: text('updateCount') },
      ],
    },
  ],
};
