import type { Deployment } from '@/domain/model/site-objects';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';

const text = (key: string) => textOf<Deployment>('deployments', key);

/**
 * Deployment Management: software update deployments (none until one is made after the upgrade). Their Properties
 * dialog is the feature's own (DeploymentPropertiesDialog); these tabs are the read-only summary.
 */
export const deploymentView: ViewConfig<Deployment> = {
  columns: [
    { key: 'name', width: 240 },
    { key: 'id', width: 100 },
    { key: 'collectionName', width: 170 },
    { key: 'availableTime', width: 140 },
    { key: 'deadline', width: 140 },
    { key: 'deployToSms2003Clients', width: 170 },
    { key: 'updateCount', width: 110, align: 'right' },
    { key: 'createdBy', width: 140 },
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
