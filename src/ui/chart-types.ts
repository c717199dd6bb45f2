/** One series of a chart: a key into each datum's values, its legend name and colour. */
export interface ChartSeries {
  key: string;
  name: string;
  color: string;
}

/** One category on the chart's axis (a bar, or a stack of bars). */
export interface ChartDatum {
  label: string;
  values: Record<string, number>;
}

export interface ChartProps {
  title: string;
  data: ChartDatum[];
  series: ChartSeries[];
  /** Bars of a category side by side (grouped) or one on another (stacked). */
  layout?: 'grouped' | 'stacked';
  /** Bars run left to right (horizontal) or bottom to top (vertical, the default). */
  orientation?: 'vertical' | 'horizontal';
  /** The caption of the category column in the accessible table. */
  categoryCaption?: string;
  height?: number;
  /** Called with a bar's category and series when a person clicks it (for drill-down). */
  onBarClick?: (label: string, seriesKey: string) => void;
}
