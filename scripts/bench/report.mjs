// The benchmark's figures: what each one is, its target at 50,000 software updates, and the printed table.

/**
 * Every figure the benchmark prints, in table order. `target` is the goal for the median at 50,000 updates on
 * a 2-core machine (lower is better); `unit` says how the figure is shown.
 */
export const MEASURES = [
  { key: 'coldStartTree', label: 'Cold start: tree painted', unit: 'ms' },
  { key: 'coldStart', label: 'Cold start: first rows painted', unit: 'ms', target: 1500 },
  { key: 'warmStartTree', label: 'Warm start: tree painted', unit: 'ms' },
  { key: 'warmStart', label: 'Warm start: first rows painted', unit: 'ms', target: 1000 },
  { key: 'nodeSwitch', label: 'Node switch (every switch below)', unit: 'ms', target: 150 },
  { key: 'nodeSwitchClassification', label: '  Update Repository > Security Updates', unit: 'ms' },
  { key: 'nodeSwitchDeploymentManagement', label: '  > Deployment Management', unit: 'ms' },
  { key: 'nodeSwitchSms2003Advertisements', label: '  > SMS 2003 Advertisements', unit: 'ms' },
  { key: 'nodeSwitchBack', label: '  > Update Repository (again)', unit: 'ms' },
  { key: 'keystroke', label: 'Look for: each keystroke to paint', unit: 'ms', target: 100 },
  { key: 'findNowFirst', label: 'Find Now, first search: found rows', unit: 'ms', target: 100 },
  { key: 'findNowNext', label: 'Find Now, next search: found rows', unit: 'ms', target: 100 },
  { key: 'clear', label: 'Clear to every row', unit: 'ms' },
  { key: 'sortTitle', label: 'Sort: click Title', unit: 'ms', target: 150 },
  { key: 'sortRequired', label: 'Sort: click Required', unit: 'ms' },
  { key: 'properties', label: 'Properties: double-click to General', unit: 'ms', target: 100 },
  { key: 'scrollLongestFrame', label: 'Scroll to bottom: longest frame', unit: 'ms', target: 50 },
  { key: 'scrollLongTasks', label: 'Scroll to bottom: long tasks', unit: 'count' },
  { key: 'scrollDuration', label: 'Scroll to bottom: duration', unit: 'ms' },
  { key: 'heapMB', label: 'JS heap after every node (MB)', unit: 'MB', target: 150 },
  { key: 'initialJsKB', label: 'Initial JavaScript (by the tree), gzip kB', unit: 'kB', target: 200 },
  { key: 'jsBeforeRowsKB', label: '  JavaScript before the first rows, kB', unit: 'kB' },
  { key: 'totalJsKB', label: 'Total JavaScript, gzip (kB)', unit: 'kB' },
  { key: 'coldScriptsLoaded', label: 'Cold start phases: scripts loaded', unit: 'ms' },
  { key: 'coldFirstApiRequest', label: '  first API request (backend ready)', unit: 'ms' },
  { key: 'coldFirstListAnswered', label: '  first list window answered', unit: 'ms' },
  { key: 'coldLongestTask', label: '  longest task before first rows', unit: 'ms' },
  { key: 'coldLongTasksTotal', label: '  long tasks before first rows, total', unit: 'ms' },
];

export function summarize(samples) {
  const finite = samples.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0, samples };
  const sorted = [...finite].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: finite.length, samples };
}

const format = (value, unit) => {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'count') return String(Math.round(value));
  if (unit === 'MB' || unit === 'kB') return value.toFixed(1);
  return value >= 100 ? String(Math.round(value)) : value.toFixed(1);
};

const cell = (summary, unit) =>
  summary.n === 0
    ? 'n/a'
    : summary.min === summary.max
      ? format(summary.median, unit)
      : `${format(summary.median, unit)} [${format(summary.min, unit)}–${format(summary.max, unit)}]`;

const scaleName = (scale) => (scale % 1000 === 0 ? `${scale / 1000}k` : String(scale));

/** The table: one row per measure, one column per scale (median [min–max]), then the targets at 50,000. */
export function formatTable(results, scales, targetScale) {
  const header = ['Measure (median [min–max])', ...scales.map((scale) => `${scaleName(scale)} updates`)];
  const rows = MEASURES.map((measure) => [
    measure.label,
    ...scales.map((scale) => cell(results[scale]?.[measure.key] ?? summarize([]), measure.unit)),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row) =>
    row.map((value, column) => (column === 0 ? value.padEnd : value.padStart).call(value, widths[column])).join('  ');
  const out = [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];

  out.push('', `Targets at ${targetScale.toLocaleString('en-US')} software updates (medians):`);
  for (const measure of MEASURES.filter((candidate) => candidate.target !== undefined)) {
    const summary = results[targetScale]?.[measure.key] ?? summarize([]);
    const met = summary.n > 0 && summary.median <= measure.target;
    const unit = measure.unit === 'ms' ? ' ms' : ` ${measure.unit}`;
    out.push(
      `  ${summary.n === 0 ? '?' : met ? '✓' : '✗'} ${measure.label.trim()}: ${format(summary.median, measure.unit)}${unit} (target ${measure.target}${unit})`,
    );
  }
  return out.join('\n');
}

/** The targets at the given scale, met or not, for the JSON line. */
export function targetsAt(results, targetScale) {
  return Object.fromEntries(
    MEASURES.filter((measure) => measure.target !== undefined).map((measure) => {
      const summary = results[targetScale]?.[measure.key] ?? summarize([]);
      return [
        measure.key,
        { target: measure.target, median: summary.median, met: summary.n > 0 && summary.median <= measure.target },
      ];
    }),
  );
}
