import { lazy, Suspense } from 'react';
import type { ChartProps } from './chart-types';

export type { ChartProps, ChartSeries, ChartDatum } from './chart-types';

// Recharts is large: it loads with the first chart, never with the shell.
const RechartsChart = lazy(() => import('./recharts-chart'));

/**
 * A bar chart (grouped or stacked series) with a caption. The figure is named by its title, and the numbers it draws
 * are also in a table for screen readers and for anyone who would rather read than look.
 */
export function Chart(props: ChartProps) {
  const { title, data, series, height = 220 } = props;
  return (
    <figure aria-label={title} className="m-0">
      <figcaption className="mb-1 text-xs font-semibold">{title}</figcaption>
      <div style={{ height }} aria-hidden="true">
        <Suspense fallback={<div className="text-xs text-gray-500">Loading chart...</div>}>
          <RechartsChart {...props} height={height} />
        </Suspense>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{props.categoryCaption ?? 'Category'}</th>
            {series.map((s) => (
              <th scope="col" key={s.key}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((datum) => (
            <tr key={datum.label}>
              <th scope="row">{datum.label}</th>
              {series.map((s) => (
                <td key={s.key}>{datum.values[s.key] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
