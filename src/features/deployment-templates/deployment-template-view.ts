import type { DeploymentTemplate } from '@/domain/model/site-objects';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';

const text = (key: string) => textOf<DeploymentTemplate>('deployment-templates', key);

/**
 * Deployment Templates: a new object type in Configuration Manager 2007, so none exist right after the upgrade. Their
 * Properties dialog is the feature's own (editable with Modify): see DeploymentTemplatePropertiesDialog; these tabs
 * are the read-only summary any generic view of a template shows.
 */
export const deploymentTemplateView: ViewConfig<DeploymentTemplate> = {
  columns: [
    { key: 'name', width: 240 },
    { key: 'description', width: 240 },
    { key: 'collectionId', width: 100 },
    { key: 'duration', width: 80 },
    { key: 'deployToSms2003Clients', width: 170 },
    { key: 'createdBy', width: 140 },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Name', value: text('name') },
        { label: 'Description', value: (t) => t.description, multiline: true },
        { label: 'Created by', value: text('createdBy') },
      ],
    },
    {
      id: 'sms2003',
      title: 'SMS 2003 Settings',
      rows: [{ label: 'Deploy software updates to SMS 2003 clients', value: text('deployToSms2003Clients') }],
    },
  ],
};
