import type { MigrationReportRow, SetupLogLine } from '@/domain/model/upgrade-records';
import { textOf } from '@/domain/query/resources';
import type { ViewConfig } from '@/ui/view-config';

const logText = (key: string) => textOf<SetupLogLine>('setup-log', key);
const reportText = (key: string) => textOf<MigrationReportRow>('migration-report', key);

/** Site Management > ConfigMgrSetup.log: one line per migration decision, on the site clock. */
export const setupLogView: ViewConfig<SetupLogLine> = {
  columns: [
    { key: 'line', width: 56, align: 'right' },
    { key: 'time', width: 150 },
    { key: 'component', width: 230 },
    { key: 'message', width: 1100 },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Line', value: logText('line') },
        { label: 'Time', value: logText('time') },
        { label: 'Component', value: logText('component') },
        { label: 'Message', value: logText('message'), multiline: true },
      ],
    },
  ],
};

/** Site Management > Migration Report: every SMS 2003 object and what became of it, with the reason. */
export const migrationReportView: ViewConfig<MigrationReportRow> = {
  columns: [
    { key: 'objectKind', width: 120 },
    { key: 'name', width: 330 },
    { key: 'outcome', width: 190 },
    { key: 'result', width: 380 },
    { key: 'reason', width: 700 },
    { key: 'sms2003Id', width: 200 },
  ],
  propertyTabs: [
    {
      id: 'general',
      title: 'General',
      rows: [
        { label: 'Object type', value: reportText('objectKind') },
        { label: 'Name', value: reportText('name') },
        { label: 'SMS 2003 ID', value: reportText('sms2003Id') },
        { label: 'Outcome', value: reportText('outcome') },
        { label: 'In Configuration Manager 2007', value: reportText('result'), multiline: true },
        { label: 'Reason', value: reportText('reason'), multiline: true },
      ],
    },
  ],
};
