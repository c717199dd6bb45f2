import type { Deployment } from '@/domain/model/site-objects';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';

const text = (key: string) => textOf<Deployment>('deployments', key);

/** Deployment Management: software update deployments (none until one is made after the upgrade). */
export const deploymentView: ViewConfig<Deployment> = {
  columns: [
    { key: 'name', width: 260 },
    { key: 'id', width: 100 },
    { key: 'collectionName', width: 200 },
    { key: 'availableTime', width: 150 },
    { key: 'deadline', width: 150 },
    { key: 'deployToSms2003Clients', width: 170 },
    { key: 'updateCount', width: 110, align: 'right' },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Name', value: text('name') },
        { label: 'Description', value: (d) => d.description, multiline: true },
        { label: 'Deployment ID', value: text('id') },
        { label: 'Collection', value: text('collectionName') },
        { label: 'Created by', value: text('createdBy') },
      ],
    },
    {
      id: 'schedule',
      title: 'Schedule',
      rows: [
        { label: 'Available time', value: text('availableTime') },
        { label: 'Deadline', value: (d) => (d.deadline ? text('deadline')(d) : 'No deadline') },
      ],
    },
  ],
};
