import type { RightsIndex } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import type { SiteState } from '../site-state';
import { COMPLIANCE_REPORTS } from './compliance-reports';
import { DEPLOYMENT_MANAGEMENT_REPORTS, DEPLOYMENT_STATES_REPORTS } from './deployment-reports';
import type { ReportDef, ReportRun } from './report-building';
import { REPORT_CATALOG } from './report-catalog';
import { reportOf } from './report-list';
import { reportContext, ReportParameterError, type ReportContext } from './report-context';
import { checkParameters, findValues, parameterForms, parameterText } from './report-parameters';
import type { ReportOption, ReportParameter, ReportResult } from './report-result';
import { DISTRIBUTION_REPORTS, SCAN_REPORTS, TROUBLESHOOTING_REPORTS } from './site-reports';
import { SMS2003_REPORTS } from './sms2003-reports';

/**
 * Computer Management > Reporting > Reports: the software updates reports of Configuration Manager 2007, in the six
 * categories of the planning topic ("Software Updates - A. Compliance" to "F. Distribution Status"), then the SMS 2003
 * reports the upgrade migrated, deprecated. Every report is a pure query over the site, run for one administrator.
 */
const RUNS: Readonly<Record<string, ReportRun>> = {
  ...COMPLIANCE_REPORTS,
  ...DEPLOYMENT_MANAGEMENT_REPORTS,
  ...DEPLOYMENT_STATES_REPORTS,
  ...SCAN_REPORTS,
  ...TROUBLESHOOTING_REPORTS,
  ...DISTRIBUTION_REPORTS,
  ...SMS2003_REPORTS,
};

export const REPORT_DEFS: readonly ReportDef[] = REPORT_CATALOG.map((meta) => {
  const run = RUNS[meta.id];
  if (!run) throw new Error(`The report ${meta.id} has no query`);
  return { ...meta, run };
});

const BY_ID = new Map(REPORT_DEFS.map((def) => [def.id, def]));

export function reportDefOf(id: string): ReportDef | undefined {
  return BY_ID.get(id);
}

export { reportOf };

export { reportsOf } from './report-list';

/** The rule a deprecated report is refused by until the caller has seen its warning (409). */
export const DEPRECATED_REPORT_RULE = 'deprecated-report';

/** The parameter form of a report for this administrator: each parameter with the values the site offers them. */
export function reportParameters(
  state: SiteState,
  account: string,
  rights: RightsIndex,
  def: ReportDef,
): ReportParameter[] {
  return parameterForms(reportContext(state, account, rights), def.parameters);
}

/** The values of one parameter that match `q` (the report viewer's "Values..."). */
export function reportParameterValues(
  state: SiteState,
  account: string,
  rights: RightsIndex,
  def: ReportDef,
  parameter: string,
  q: string,
): ReportOption[] {
  const param = def.parameters.find((candidate) => candidate.name === parameter);
  if (!param) {
    throw new ReportParameterError(
      'parameter',
      `parameter: ${def.name} has no parameter ${parameter}; it takes ${def.parameters.map((p) => p.name).join(', ') || 'none'}`,
    );
  }
  return findValues(reportContext(state, account, rights), param, q);
}

/**
 * Runs a report for an administrator. Its parameters are checked first (ReportParameterError: 400 naming one;
 * ReportAccessError: 403 naming the right and the object); a deprecated report runs only once its warning was
 * acknowledged (RuleViolation "deprecated-report"), and a failing one refuses with its error (RuleViolation
 * "sms2003-report-fails"). The result counts only what the administrator may read.
 */
export function runReport(
  state: SiteState,
  account: string,
  rights: RightsIndex,
  def: ReportDef,
  given: Readonly<Record<string, string>>,
  acknowledgeDeprecated: boolean,
): ReportResult {
  const context: ReportContext = reportContext(state, account, rights);
  const params = checkParameters(context, def.parameters, given);
  if (def.deprecation && !acknowledgeDeprecated) {
    throw new RuleViolation(DEPRECATED_REPORT_RULE, def.deprecation.warning);
  }
  const output = def.run(context, params);
  return {
    report: reportOf(def),
    ranAt: state.clock,
    parameters: def.parameters.map((param) => ({
      name: param.name,
      caption: param.caption,
      value: params[param.name] ?? '',
      text: parameterText(context, param, params[param.name] ?? null),
    })),
    notes: output.notes,
    deprecatedResult: output.deprecatedResult ?? null,
    chart: output.chart,
    tables: output.tables,
    related: output.related,
  };
}
