import { formatDateTime } from '../format';
import type { SoftwareUpdate } from '../model/software-update';
import { RuleViolation } from '../rule-violation';
import { clientComplianceRows } from '../software-updates/client-compliance';
import type { SiteState } from '../site-state';
import { readableMembers, type ReportContext } from './report-context';
import { col, given, link, monthOf, notes, table, type ReportRun, type ReportOutput } from './report-building';
import { collectionOf } from './compliance-reports';

/**
 * The SMS 2003 software updates reports, migrated by Setup: "they are deprecated and might fail to run or retrieve the
 * expected data. You should not use the SMS 2003 software updates reports." (the planning topic). Each one names the
 * Configuration Manager 2007 report to use instead. Some still run on the SMS 2003 inventory data the upgrade kept
 * (stale), some miss what Configuration Manager clients report (partial), and some read views the upgrade removed
 * (they fail, with the SQL Server error the report viewer shows). The customized reports Contoso made on CEN before the
 * upgrade come across the same way.
 */

/** The rule a failing SMS 2003 report answers with (409). */
export const SMS2003_REPORT_FAILS_RULE = 'sms2003-report-fails';

/** When Setup finished: the SMS 2003 inventory data is as it stood then. */
export function upgradedAt(state: Pick<SiteState, 'setupLog' | 'clock'>): string {
  return state.setupLog.at(-1)?.time ?? state.clock;
}

/** The migrated updates the caller may read, hidden ones included: the SMS 2003 views know nothing of hiding. */
function migratedUpdates(context: ReportContext): SoftwareUpdate[] {
  return context.state.softwareUpdates.filter(
    (update) => update.existedBeforeUpgrade && context.canRead('SoftwareUpdate', update.id),
  );
}

/** A deprecated report that reads a view the upgrade removed: it fails, saying so and naming its replacement. */
function fails(view: string, replacementName: string): () => ReportOutput {
  return () => {
    throw new RuleViolation(
      SMS2003_REPORT_FAILS_RULE,
      `The report could not run: Invalid object name '${view}'. The SMS 2003 software updates view it reads was ` +
        `removed by the upgrade to Configuration Manager 2007. Use ${replacementName} instead.`,
    );
  };
}

const staleNote = (context: ReportContext) =>
  `Stale data: these figures are the SMS 2003 inventory as the upgrade found it (${formatDateTime(upgradedAt(context.state))}). ` +
  'Software updates synchronized since, the LEGACY clean-up script and the state messages of Configuration Manager clients are not in them.';

const complianceByBulletin: ReportRun = (context) => {
  const byBulletin = new Map<string, { required: number; installed: number; updates: number }>();
  for (const update of migratedUpdates(context)) {
    const key = update.bulletinId || `KB${update.articleId}`;
    const row = byBulletin.get(key) ?? { required: 0, installed: 0, updates: 0 };
    row.required += update.compliance.required;
    row.installed += update.compliance.installed;
    row.updates++;
    byBulletin.set(key, row);
  }
  const rows = [...byBulletin].sort(([a], [b]) => b.localeCompare(a, 'en-US', { numeric: true }));
  return {
    notes: [],
    deprecatedResult: staleNote(context),
    chart: null,
    tables: [
      table(
        'bulletins',
        'Compliance summary by bulletin ID',
        [
          col('bulletin', 'Bulletin ID'),
          col('updates', 'Software Updates', 'number'),
          col('required', 'Computers Requiring', 'number'),
          col('installed', 'Computers Installed', 'number'),
        ],
        rows.map(([bulletin, row]) => ({ id: bulletin, cells: { bulletin, ...row } })),
        'No migrated software update you may read.',
      ),
    ],
    related: [],
  };
};

const computersMissingUpdate: ReportRun = (context, params) => {
  const articleId = given(params, 'articleId');
  const updates = migratedUpdates(context).filter((update) => update.articleId === articleId);
  const rows: Array<{ id: string; cells: Record<string, string> }> = [];
  let configMgrLeftOut = 0;
  for (const update of updates) {
    for (const row of clientComplianceRows(context.state, update)) {
      if (row.state !== 'required' || !context.readableClients.has(row.id)) continue;
      if (row.clientType !== 'SMS 2003') {
        configMgrLeftOut++;
        continue;
      }
      rows.push({
        id: `${update.id}:${row.id}`,
        cells: { name: row.name, siteCode: row.siteCode, title: update.title },
      });
    }
  }
  rows.sort((a, b) => (a.cells.name ?? '').localeCompare(b.cells.name ?? '', 'en-US'));
  return {
    notes: notes(
      updates.length === 0
        ? `No migrated software update has article ID ${articleId}: this report knows only what SMS 2003 inventoried.`
        : null,
    ),
    deprecatedResult:
      `Partial data: only SMS 2003 clients are listed, from their hardware inventory. ${configMgrLeftOut} ` +
      'requirements reported by Configuration Manager clients (state messages) are not in this report, nor are ' +
      'software updates synchronized after the upgrade.',
    chart: null,
    tables: [
      table(
        'computers',
        `Computers missing article ${articleId}`,
        [col('name', 'Computer Name'), col('siteCode', 'Site Code'), col('title', 'Software Update')],
        rows,
        'No SMS 2003 client you may read is missing it.',
      ),
    ],
    related: [],
  };
};

const distributionStatus: ReportRun = fails('v_GS_PatchStatusEx', 'States 1 - Enforcement states for a deployment');

const scanToolStatus: ReportRun = (context, params) => {
  const collection = collectionOf(context, params);
  const members = readableMembers(context, collection).sort((a, b) => a.name.localeCompare(b.name, 'en-US'));
  const upgraded = members.filter((member) => member.clientType !== 'SMS 2003').length;
  return {
    notes: [],
    deprecatedResult:
      staleNote(context) +
      (upgraded > 0
        ? ` ${upgraded} of these computers are Configuration Manager clients now: they scan against the software update point, not with this catalog.`
        : ''),
    chart: null,
    tables: [
      table(
        'computers',
        `Scan tool status in ${collection.name}`,
        [
          col('name', 'Computer Name'),
          col('scanTool', 'Scan Tool'),
          col('catalogRevision', 'Catalog Revision', 'number'),
        ],
        members.map((member) => ({
          id: member.id,
          cells: {
            name: member.name,
            scanTool: 'Inventory Tool for Microsoft Updates',
            catalogRevision: member.catalogRevision,
          },
        })),
        'The collection has no computers you may read.',
      ),
    ],
    related: [],
  };
};

const monthlyPatchCompliance: ReportRun = (context, params) => {
  const year = given(params, 'year');
  const months = new Map<string, { required: number; installed: number }>();
  for (const update of migratedUpdates(context)) {
    if (!update.dateReleased.startsWith(year)) continue;
    const month = monthOf(update.dateReleased);
    const row = months.get(month) ?? { required: 0, installed: 0 };
    row.required += update.compliance.required;
    row.installed += update.compliance.installed;
    months.set(month, row);
  }
  const newer = context.updates.filter((u) => !u.existedBeforeUpgrade && u.dateReleased.startsWith(year)).length;
  return {
    notes: [],
    deprecatedResult:
      `Partial data: the report reads only the software updates SMS 2003 knew (the ITMU catalog stopped at May 2008). ` +
      `${newer} software updates of ${year} synchronized after the upgrade are not in it.`,
    chart: null,
    tables: [
      table(
        'months',
        `Patch compliance ${year}`,
        [col('month', 'Month'), col('required', 'Required', 'number'), col('installed', 'Installed', 'number')],
        [...months].map(([month, row]) => ({ id: month, cells: { month, ...row } })),
        'No migrated software update of this year.',
      ),
    ],
    related: [
      {
        caption: 'Compliance 5 - Updates by vendor/month/year (All Systems, Microsoft)',
        link: link('compliance-5', { collection: 'SMS00001', vendor: 'Microsoft', year }),
      },
    ],
  };
};

const lonMissingCritical: ReportRun = fails('v_GS_PATCHSTATE', 'Compliance 1 - Overall compliance');

export const SMS2003_REPORTS: Record<string, ReportRun> = {
  'sms2003-compliance-by-bulletin': complianceByBulletin,
  'sms2003-computers-missing-update': computersMissingUpdate,
  'sms2003-distribution-status': distributionStatus,
  'sms2003-scan-tool-status': scanToolStatus,
  'contoso-monthly-patch-compliance': monthlyPatchCompliance,
  'contoso-lon-missing-critical': lonMissingCritical,
};
