import { textOf } from '@/domain/query/resources';
import type { Report } from '@/domain/reports/report-result';
import type { ViewConfig } from '@/ui/view-config';

const text = (key: string) => textOf<Report>('reports', key);

/** Computer Management > Reporting > Reports: the software updates reports, and the SMS 2003 ones the upgrade migrated. */
export const reportView: ViewConfig<Report> = {
  columns: [
    { key: 'name', width: 360 },
    { key: 'category', width: 270 },
    { key: 'deprecated', width: 90 },
    { key: 'replacement', width: 300 },
    { key: 'parameters', width: 260 },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Name', value: text('name') },
        { label: 'Category', value: text('category') },
        { label: 'Description', value: text('description'), multiline: true, lines: 4 },
        { label: 'Parameters', value: text('parameters') },
        { label: 'Report ID', value: text('id') },
      ],
    },
    {
      id: 'upgrade',
      title: 'Upgrade',
      rows: [
        { label: 'Origin', value: text('origin') },
        { label: 'Deprecated', value: text('deprecated') },
        { label: 'Use instead', value: text('replacement') },
        { label: 'Warning', value: (report) => report.deprecation?.warning ?? '', multiline: true, lines: 4 },
      ],
    },
  ],
};
