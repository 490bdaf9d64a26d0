/** A band of the score distribution as the chart draws it. */
export interface ChartBand {
  label: string;
  count: number;
}

export interface ScoreChart {
  width: number;
  height: number;
  bars: { x: number; y: number; width: number; height: number; label: string; count: number; labelX: number; countY: number }[];
  axisY: number;
  max: number;
}

const WIDTH = 640;
const HEIGHT = 260;
const TOP = 24;
const BOTTOM = 40;
const SIDE = 8;

/**
 * The geometry of a bar chart of the score distribution, drawn by the page as SVG on the server (no script). The
 * template draws the shapes; the numbers are also in the table beside it, which is what assistive technology reads.
 */
export function scoreChart(bands: readonly ChartBand[]): ScoreChart {
  const max = Math.max(1, ...bands.map((b) => b.count));
  const slot = (WIDTH - 2 * SIDE) / Math.max(1, bands.length);
  const plot = HEIGHT - TOP - BOTTOM;
  const bars = bands.map((band, i) => {
    const height = Math.round((band.count / max) * plot);
    const x = Math.round(SIDE + i * slot + slot * 0.1);
    const width = Math.max(1, Math.round(slot * 0.8));
    const y = TOP + plot - height;
    return { x, y, width, height, label: band.label, count: band.count, labelX: Math.round(x + width / 2), countY: y - 6 };
  });
  return { width: WIDTH, height: HEIGHT, bars, axisY: TOP + plot, max };
}
