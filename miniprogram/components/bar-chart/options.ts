/** The uCharts options the bar chart sets (see https://www.ucharts.cn/v2/#/document/index). */
export interface UChartsOptions {
  type: 'column';
  context: unknown;
  width: number;
  height: number;
  pixelRatio: number;
  categories: string[];
  series: { name: string; data: number[] }[];
  [option: string]: unknown;
}

/** One bar: its label on the axis and its value. */
export interface BarItem {
  label: string;
  value: number;
}

const MUTED = '#969799';
const LINE = '#ebedf0';
const BRAND = '#d7402f';

/**
 * uCharts options for a single-series column chart drawn on a canvas 2d context of `width`×`height` device pixels.
 * Values are labelled on the bars when there are few enough of them to stay legible.
 */
export function columnOptions(
  items: BarItem[],
  unit: string,
  canvas: { context: unknown; width: number; height: number; pixelRatio: number },
): UChartsOptions {
  return {
    type: 'column',
    context: canvas.context,
    width: canvas.width,
    height: canvas.height,
    pixelRatio: canvas.pixelRatio,
    categories: items.map((i) => i.label),
    series: [{ name: unit, data: items.map((i) => i.value) }],
    animation: false,
    background: '#FFFFFF',
    color: [BRAND],
    padding: [16, 8, 4, 0],
    fontSize: 11,
    fontColor: MUTED,
    dataLabel: items.length <= 8,
    legend: { show: false },
    xAxis: { disableGrid: true, fontSize: 11, fontColor: MUTED, axisLineColor: LINE },
    yAxis: { gridType: 'dash', gridColor: LINE, data: [{ min: 0, fontSize: 11, fontColor: MUTED }] },
    extra: { column: { type: 'group', width: 14, barBorderRadius: [3, 3, 0, 0] } },
  };
}
