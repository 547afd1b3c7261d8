import type { MetricRef, Statistic } from '../alarm-spec';

/** Rendering options that may end a metric line of a CloudWatch dashboard widget. */
export interface MetricLineOptions {
  readonly stat?: Statistic | 'p99';
  readonly label?: string;
  readonly id?: string;
  readonly expression?: string;
  readonly yAxis?: 'left' | 'right';
}

/** [namespace, metricName, dimName, dimValue, ..., options] or [{ expression, label, id }]. */
export type MetricLine = ReadonlyArray<string | MetricLineOptions>;

export interface HorizontalAnnotation {
  readonly label: string;
  readonly value: number;
}

export interface MetricWidgetProperties {
  readonly title: string;
  readonly region: string;
  readonly view: 'timeSeries' | 'singleValue';
  readonly stacked: boolean;
  readonly period: number;
  readonly stat: Statistic;
  readonly metrics: MetricLine[];
  readonly annotations?: { readonly horizontal: HorizontalAnnotation[] };
  readonly yAxis?: { readonly left: { readonly min: number } };
}

export interface AlarmWidgetProperties {
  readonly title: string;
  readonly alarms: string[];
  readonly sortBy: 'stateUpdatedTimestamp';
  readonly states?: string[];
}

export interface TextWidgetProperties {
  readonly markdown: string;
}

interface Placed {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type Widget =
  | (Placed & { readonly type: 'metric'; readonly properties: MetricWidgetProperties })
  | (Placed & { readonly type: 'alarm'; readonly properties: AlarmWidgetProperties })
  | (Placed & { readonly type: 'text'; readonly properties: TextWidgetProperties });

/** A widget before layout: its size and content, without a position. */
export type UnplacedWidget = Widget extends infer W ? (W extends Widget ? Omit<W, 'x' | 'y'> : never) : never;

export interface DashboardBody {
  readonly start: string;
  readonly periodOverride: 'inherit' | 'auto';
  readonly widgets: Widget[];
}

export const GRID_WIDTH = 24;

/** Places widgets left to right, starting a new row when the next one would not fit. */
export function flowLayout(widgets: readonly UnplacedWidget[]): Widget[] {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  return widgets.map((widget) => {
    if (x + widget.width > GRID_WIDTH) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const placed = { ...widget, x, y } as Widget;
    x += widget.width;
    rowHeight = Math.max(rowHeight, widget.height);
    return placed;
  });
}

/** A dashboard line for a metric, in the positional form the dashboard JSON expects. */
export function metricLine(metric: MetricRef, options: MetricLineOptions = {}): MetricLine {
  const dimensions = Object.entries(metric.dimensions).flat();
  const line: Array<string | MetricLineOptions> = [metric.namespace, metric.metricName, ...dimensions];
  return Object.keys(options).length > 0 ? [...line, options] : line;
}

export function expressionLine(id: string, expression: string, label: string): MetricLine {
  return [{ expression, label, id }];
}
