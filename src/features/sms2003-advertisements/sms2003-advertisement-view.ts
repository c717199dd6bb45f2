import type { Sms2003Advertisement } from '@/domain/model/site-objects';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';

const text = (key: string) => textOf<Sms2003Advertisement>('sms2003-advertisements', key);

/** Deployment Management > SMS 2003 Advertisements: the migrated SMS 2003 software update distributions. */
export const sms2003AdvertisementView: ViewConfig<Sms2003Advertisement> = {
  columns: [
    { key: 'name', width: 230 },
    { key: 'id', width: 110 },
    { key: 'packageName', width: 210 },
    { key: 'programName', width: 190 },
    { key: 'collectionName', width: 210 },
    { key: 'availableAfter', width: 150 },
    { key: 'mandatory', width: 76 },
    { key: 'updateCount', width: 110, align: 'right' },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Name', value: text('name') },
        {
          label: 'Comment',
          // SMS 2003's Distribute Software Updates Wizard wrote no comment of its own: the console says what it is.
          value: (a) =>
            `Software update distribution ${a.name}: ${a.updateIds.length} software updates for ${a.collectionName}, made with the Distribute Software Updates Wizard of SMS 2003.`,
          multiline: true,
        },
        { label: 'Advertisement ID', value: text('id') },
        { label: 'Created at site', value: text('createdAtSite') },
        { label: 'Collection', value: (a) => `${a.collectionName} (${a.collectionId})` },
        {
          label: 'Upgrade',
          value: (a) =>
            a.createdAtSite === 'CEN'
              ? `Created at ${a.createdAtSite}: migrated by the upgrade of CEN, and it keeps working on SMS 2003 clients.`
              : `Created at child site ${a.createdAtSite}: the upgrade of CEN does not migrate it. It keeps working on SMS 2003 clients; Configuration Manager clients never get its updates.`,
          multiline: true,
        },
      ],
    },
    {
      id: 'program',
      title: 'Package and Program',
      rows: [
        { label: 'Package', value: (a) => `${a.packageName} (${a.packageId})` },
        { label: 'Program', value: text('programName') },
        { label: 'Collection', value: (a) => `${a.collectionName} (${a.collectionId})` },
        {
          label: 'Note',
          value: () =>
            'A migrated SMS 2003 deployment is read-only in Configuration Manager 2007: it can be deleted, or software updates removed from it (Remove Software Updates...), which lets the LEGACY clean-up script hide them.',
          multiline: true,
        },
      ],
    },
    {
      id: 'schedule',
      title: 'Schedule',
      rows: [
        { label: 'Available after', value: text('availableAfter') },
        { label: 'Mandatory assignment', value: text('mandatory') },
      ],
    },
    {
      id: 'updates',
      title: 'Software Updates',
      rows: [
        { label: 'Number of software updates', value: text('updateCount') },
        { label: 'Software update CI IDs', value: (a) => a.updateIds.join(', '), multiline: true },
      ],
    },
  ],
};

/** The SMS 2003 Administrator Console's Advertisements node, before the upgrade, with the site each was created at. */
export const sms2003SiteAdvertisementView: ViewConfig<Sms2003Advertisement> = {
  ...sms2003AdvertisementView,
  columns: [
    { key: 'name', width: 230 },
    { key: 'id', width: 110 },
    { key: 'createdAtSite', width: 120 },
    { key: 'packageName', width: 210 },
    { key: 'programName', width: 190 },
    { key: 'collectionName', width: 210 },
    { key: 'availableAfter', width: 150 },
    { key: 'updateCount', width: 110, align: 'right' },
  ],
};
