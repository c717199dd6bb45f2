import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartProps } from './chart-types';

/** The drawing of a Chart, loaded lazily with Recharts (a kept library: axes, legend, tooltips, resizing). */
export default function RechartsChart({
  data,
  series,
  layout = 'grouped',
  orientation = 'vertical',
  height,
  onBarClick,
}: ChartProps) {
  const rows = data.map((datum) => ({ label: datum.label, ...datum.values }));
  const horizontal = orientation === 'horizontal';
  return (
    <ResponsiveContainer width="100%" height={height ?? 220}>
      <BarChart
        data={rows}
        layout={horizontal ? 'vertical' : 'horizontal'}
        // The drawing is aria-hidden (the Chart's table says its figures): Recharts' keyboard layer would make a
        // focusable element inside it (axe: aria-hidden-focus).
        accessibilityLayer={false}
        margin={{ top: 4, right: 12, bottom: 4, left: 4 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={false} fontSize={11} />
            <YAxis type="category" dataKey="label" width={140} fontSize={11} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" fontSize={11} />
            <YAxis allowDecimals={false} fontSize={11} />
          </>
        )}
        <Tooltip isAnimationActive={false} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            fill={s.color}
            stackId={layout === 'stacked' ? 'stack' : undefined}
            isAnimationActive={false}
            cursor={onBarClick ? 'pointer' : undefined}
            onClick={
              onBarClick
                ? (entry: { payload?: { label?: string } }) => onBarClick(String(entry.payload?.label ?? ''), s.key)
                : undefined
            }
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
