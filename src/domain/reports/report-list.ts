import type { SiteState } from '../site-state';
import { REPORT_CATALOG, type ReportMeta } from './report-catalog';
import type { Report } from './report-result';

/** A report as the Reports node lists it. */
export function reportOf(meta: ReportMeta): Report {
  return {
    id: meta.id,
    name: meta.name,
    category: meta.category,
    description: meta.description,
    origin: meta.origin,
    deprecation: meta.deprecation,
    parameterCaptions: meta.parameters.map((p) => (p.required ? p.caption : `${p.caption} (optional)`)).join(', '),
  };
}

const REPORT_LIST: readonly Report[] = REPORT_CATALOG.map(reportOf);
const ORDER = new Map(REPORT_CATALOG.map((meta, index) => [meta.id, index]));

/**
 * Where a report stands in the catalog: the six Configuration Manager 2007 categories in order (A. Compliance first,
 * each report by its number), then the migrated SMS 2003 reports. Sorting by Category keeps this order.
 */
export function reportOrder(id: string): number {
  return ORDER.get(id) ?? ORDER.size;
}

/**
 * The reports of a site (the Reports node's list): none before the upgrade, since Configuration Manager 2007 brings
 * them and migrates SMS 2003's. This module imports no report query, so the list can be read anywhere.
 */
export function reportsOf(state: Pick<SiteState, 'phase'>): readonly Report[] {
  return state.phase === 'configmgr' ? REPORT_LIST : [];
}
