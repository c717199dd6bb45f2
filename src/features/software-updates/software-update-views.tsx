import type { SoftwareUpdate } from '@/domain/model/software-update';
import { textOf } from '@/domain/query/resources';
import type { PropertyTab, ViewConfig } from '@/ui/view-config';
import { countOf, type ComplianceDrill } from '@/domain/software-updates/client-compliance';
import { ComplianceCountLink } from './compliance-drill';
import { UpdateStateIcon } from './update-state-icon';

const text = (key: string) => textOf<SoftwareUpdate>('software-updates', key);
const row = (label: string, key: string) => ({ label, value: text(key) });

const propertyTabs: PropertyTab<SoftwareUpdate>[] = [
  {
    id: 'general',
    title: 'General',
    rows: [
      row('Title', 'title'),
      { label: 'Description', value: (u) => u.description, multiline: true },
      row('Bulletin ID', 'bulletinId'),
      row('Article ID', 'articleId'),
      row('Severity', 'severity'),
      row('Update classification', 'classification'),
      row('Vendor', 'vendor'),
      row('Product', 'product'),
      row('Language', 'language'),
      row('Date released', 'dateReleased'),
      row('Date revised', 'dateRevised'),
      { label: 'More information', value: (u) => u.infoUrl, href: (u) => u.infoUrl || null },
    ],
  },
  {
    id: 'details',
    title: 'Update Details',
    rows: [
      row('Expired', 'expired'),
      row('Superseded', 'superseded'),
      { label: 'Superseded by (CI ID)', value: (u) => u.supersededBy ?? '' },
      row('LEGACY (migrated from SMS 2003)', 'legacy'),
      row('Source catalog', 'sourceCatalog'),
      { label: 'Source path', value: (u) => u.sourcePath },
      { label: 'Applicability', value: (u) => u.applicability, multiline: true },
      row('Size (KB)', 'sizeKb'),
      row('CI ID', 'id'),
      row('Unique update ID', 'uniqueId'),
    ],
  },
  {
    id: 'compliance',
    title: 'Compliance',
    rows: [
      row('Total (clients in All Systems)', 'total'),
      row('Required', 'required'),
      row('Installed', 'installed'),
      row('Not required', 'notRequired'),
      row('Unknown', 'unknown'),
      row('Percent compliant', 'percentCompliant'),
      row('Deployed', 'deployed'),
      row('Downloaded', 'downloaded'),
    ],
  },
  {
    id: 'sms2003',
    title: 'SMS 2003',
    rows: [row('Deployable to SMS 2003', 'deployableToSms2003')],
  },
  {
    id: 'max-run-time',
    title: 'Maximum Run Time',
    rows: [row('Maximum run time (minutes)', 'maxRunTimeMinutes')],
  },
];

const renderCell = (key: string, update: SoftwareUpdate) =>
  key === 'title' ? (
    <span className="flex items-center">
      <UpdateStateIcon update={update} />
      {/* The mark is drawn by CSS: the title already says (LEGACY), so copies and screen readers read it once. */}
      {update.legacy ? <span className="legacy-mark" aria-hidden="true" title="Migrated from SMS 2003" /> : null}
      <span className="truncate">{update.title}</span>
    </span>
  ) : undefined;

/** The count columns that open the list of their clients (the compliance drill-down). */
const DRILL_COLUMNS: Record<string, ComplianceDrill> = {
  required: 'required',
  installed: 'installed',
  notRequired: 'not-required',
  unknown: 'unknown',
  total: 'all',
};

/** Update Repository's cells: the counts are links to their clients (Tab reaches those of the focused row). */
const renderRepositoryCell = (key: string, update: SoftwareUpdate, state?: { focused: boolean }) => {
  const drill = DRILL_COLUMNS[key];
  if (!drill) return renderCell(key, update);
  return (
    <ComplianceCountLink
      updateId={update.id}
      title={update.title}
      state={drill}
      count={countOf(update.compliance, drill)}
      tabbable={state?.focused ?? false}
    />
  );
};

/** Update Repository and its folders: the updates themselves. */
export const updateRepositoryView: ViewConfig<SoftwareUpdate> = {
  columns: [
    { key: 'title', width: 560 },
    { key: 'bulletinId', width: 86 },
    { key: 'articleId', width: 90 },
    { key: 'severity', width: 80 },
    { key: 'downloaded', width: 90 },
    { key: 'deployed', width: 80 },
    { key: 'expired', width: 70 },
    { key: 'superseded', width: 90 },
    { key: 'required', width: 80, align: 'right' },
    { key: 'installed', width: 80, align: 'right' },
    { key: 'percentCompliant', width: 124, align: 'right' },
    { key: 'dateReleased', width: 110 },
    { key: 'product', width: 200 },
    { key: 'language', width: 100 },
    { key: 'deployableToSms2003', width: 170 },
  ],
  renderCell: renderRepositoryCell,
  propertyTabs,
};

/** The Software Updates home page's summary: its documented columns. */
export const softwareUpdatesHomeView: ViewConfig<SoftwareUpdate> = {
  columns: [
    { key: 'articleId', width: 90 },
    { key: 'bulletinId', width: 90 },
    { key: 'title', width: 560 },
    { key: 'severity', width: 80 },
    { key: 'deployed', width: 80 },
    { key: 'total', width: 70, align: 'right' },
    { key: 'installed', width: 80, align: 'right' },
    { key: 'required', width: 80, align: 'right' },
    { key: 'notRequired', width: 100, align: 'right' },
  ],
  renderCell: renderRepositoryCell,
  propertyTabs,
};

/** The SMS 2003 Administrator Console's Software Updates node, before the upgrade: every scan tool's updates. */
export const sms2003SoftwareUpdatesView: ViewConfig<SoftwareUpdate> = {
  columns: [
    { key: 'title', width: 520 },
    { key: 'bulletinId', width: 86 },
    { key: 'articleId', width: 90 },
    { key: 'severity', width: 80 },
    { key: 'sourceCatalog', width: 200 },
    { key: 'product', width: 190 },
    { key: 'language', width: 100 },
    { key: 'dateReleased', width: 110 },
    { key: 'required', width: 80, align: 'right' },
    { key: 'installed', width: 80, align: 'right' },
    { key: 'deployed', width: 80 },
  ],
  renderCell,
  propertyTabs,
};
