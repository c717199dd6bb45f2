/**
 * Computer Management > Reporting > Reports: the list of reports and "Run". The Report Viewer (parameters, result,
 * chart, related reports, Export) is loaded apart, from ./report-viewer (src/console/lazy-parts.tsx).
 */
export { reportView } from './report-view';
export { reportActions, type ReportAction } from './report-actions';
