/**
 * Charts drawn on the server as SVG, without script: each function lays out the shapes of one kind of chart and
 * `views/partials/chart.hbs` draws them, with a title, a description listing every value, and the same numbers in
 * a table beside it (what assistive technology and a printout read). Labels and value texts come already in the
 * reader's language.
 */

export interface ChartDatum {
  label: string;
  value: number;
  /** How the value reads ("12", "85 %"); the number itself when left out. */
  valueText?: string;
}

export interface ChartRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartText {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
  size: number;
}

export interface ChartLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** A grid line, drawn light and dashed. */
  grid: boolean;
}

/** Everything the partial draws, in the coordinates of the SVG's viewBox. */
export interface ChartView {
  kind: 'bar' | 'line' | 'funnel';
  width: number;
  height: number;
  rects: ChartRect[];
  lines: ChartLine[];
  /** The line of a line chart, as the `points` of a <polyline>; empty otherwise. */
  polyline: string;
  dots: { cx: number; cy: number }[];
  texts: ChartText[];
  /** Every value in words ("label: value; …"), for the SVG's <desc>. */
  description: string;
  /** The data again, for the table beside the chart. */
  rows: { label: string; valueText: string }[];
}

const WIDTH = 640;

function valueText(d: ChartDatum): string {
  return d.valueText ?? String(d.value);
}

function empty(kind: ChartView['kind'], data: readonly ChartDatum[], height: number): ChartView {
  const rows = data.map((d) => ({ label: d.label, valueText: valueText(d) }));
  return {
    kind,
    width: WIDTH,
    height,
    rects: [],
    lines: [],
    polyline: '',
    dots: [],
    texts: [],
    description: rows.map((r) => `${r.label}: ${r.valueText}`).join('; '),
    rows,
  };
}

/** A short label for under a bar or a point: long ones are cut with an ellipsis (the table has them whole). */
function shortLabel(label: string, slot: number, size: number): string {
  const fits = Math.max(3, Math.floor(slot / (size * 0.6)));
  return label.length <= fits ? label : `${label.slice(0, fits - 1)}…`;
}

/**
 * Vertical bars from a common base line, the value above each and its label below (a distribution); on a scale
 * up to the largest value, or up to `max` (100 for shares of a target).
 */
export function barChart(data: readonly ChartDatum[], { height = 260, max: scale }: { height?: number; max?: number } = {}): ChartView {
  const view = empty('bar', data, height);
  const top = 24;
  const bottom = 40;
  const side = 8;
  const max = Math.max(1, scale ?? 0, ...data.map((d) => d.value));
  const slot = (WIDTH - 2 * side) / Math.max(1, data.length);
  const plot = height - top - bottom;
  const axisY = top + plot;
  view.lines.push({ x1: 0, y1: axisY, x2: WIDTH, y2: axisY, grid: false });
  data.forEach((d, i) => {
    const barHeight = Math.round((Math.max(0, d.value) / max) * plot);
    const x = Math.round(side + i * slot + slot * 0.1);
    const width = Math.max(1, Math.round(slot * 0.8));
    const y = axisY - barHeight;
    const middle = Math.round(x + width / 2);
    view.rects.push({ x, y, width, height: barHeight });
    view.texts.push({ x: middle, y: y - 6, text: valueText(d), anchor: 'middle', size: 14 });
    view.texts.push({ x: middle, y: height - 14, text: shortLabel(d.label, slot, 11), anchor: 'middle', size: 11 });
  });
  return view;
}

/**
 * A line through one point per datum, left to right, on a fixed scale from 0 to `max` (100 for percentages) with
 * grid lines at each quarter: attendance over time.
 */
export function lineChart(data: readonly ChartDatum[], { max = 100, unit = '', height = 260 } = {}): ChartView {
  const view = empty('line', data, height);
  const top = 16;
  const bottom = 40;
  const left = 48;
  // Room for half of the last label, centred under its point.
  const right = 32;
  const plot = height - top - bottom;
  const axisY = top + plot;
  const scale = Math.max(1, max);
  for (let q = 0; q <= 4; q += 1) {
    const y = Math.round(axisY - (plot * q) / 4);
    view.lines.push({ x1: left, y1: y, x2: WIDTH - right, y2: y, grid: q > 0 });
    view.texts.push({ x: left - 6, y: y + 4, text: `${Math.round((scale * q) / 4)}${unit}`, anchor: 'end', size: 11 });
  }
  const span = WIDTH - left - right;
  const step = data.length > 1 ? span / (data.length - 1) : 0;
  const labelEvery = Math.max(1, Math.ceil(data.length / 8));
  const points = data.map((d, i) => {
    const cx = Math.round(data.length > 1 ? left + i * step : left + span / 2);
    const cy = Math.round(axisY - (Math.min(scale, Math.max(0, d.value)) / scale) * plot);
    if (i % labelEvery === 0 || i === data.length - 1)
      view.texts.push({
        x: cx,
        y: height - 14,
        text: shortLabel(d.label, span / Math.min(8, data.length), 11),
        anchor: 'middle',
        size: 11,
      });
    return { cx, cy };
  });
  view.dots = points;
  view.polyline = points.map((p) => `${p.cx},${p.cy}`).join(' ');
  return view;
}

/**
 * Horizontal bars, one under another, each as long as its share of the first (the whole): a funnel from
 * everyone at the top to those who reached the last step. The label sits above its bar, the value at its end.
 */
export function funnelChart(data: readonly ChartDatum[]): ChartView {
  const row = 44;
  const view = empty('funnel', data, Math.max(1, data.length) * row + 8);
  const left = 8;
  const span = WIDTH - left - 80;
  const whole = Math.max(1, data[0]?.value ?? 0, ...data.map((d) => d.value));
  data.forEach((d, i) => {
    const y = i * row + 22;
    const width = Math.max(1, Math.round((Math.max(0, d.value) / whole) * span));
    view.texts.push({ x: left, y: y - 6, text: shortLabel(d.label, WIDTH - left, 12), anchor: 'start', size: 12 });
    view.rects.push({ x: left, y, width, height: 16 });
    view.texts.push({ x: left + width + 6, y: y + 13, text: valueText(d), anchor: 'start', size: 13 });
  });
  return view;
}
