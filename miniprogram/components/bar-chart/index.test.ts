// The bar chart: the numbers as a list under the canvas (what tests, the preview and screen readers read), the
// empty state, and uCharts as packed into miniprogram_npm drawing the bars and labels on a 2d context.
import { join } from 'node:path';
import {
  MINIPROGRAM_ROOT,
  ensureNpmPacked,
  renderComponent,
  textOf,
  type RenderedPage,
} from '../../../test/helpers/page';
import { columnOptions } from './options';

const PACKED = join(MINIPROGRAM_ROOT, 'miniprogram_npm', '@qiun', 'ucharts', 'index.js');
// The mini program loads the packed bundle (the npm entry is an ES module Node's require cannot read).
jest.mock('@qiun/ucharts', () => jest.requireActual(PACKED));

const items = [
  { label: '1月', value: 2.5 },
  { label: '2月', value: 0 },
  { label: '3月', value: 12 },
];

/** A canvas 2d context that records what was drawn. */
function recordingContext() {
  const texts: string[] = [];
  const rects: number[][] = [];
  const context = new Proxy(
    {
      texts,
      rects,
      fillText: (text: string) => void texts.push(String(text)),
      measureText: (text: string) => ({ width: String(text).length * 7 }),
      rect: (...args: number[]) => void rects.push(args),
      fillRect: (...args: number[]) => void rects.push(args),
    } as Record<string, unknown>,
    { get: (target, key: string) => (key in target ? target[key] : () => undefined) },
  );
  return { context, texts, rects };
}

/** Each listed bar as [label, value]. */
function rowsOf(chart: RenderedPage): string[][] {
  const values = chart.querySelectorAll('.bar-chart__value').map(textOf);
  return chart.querySelectorAll('.bar-chart__label').map((label, i) => [textOf(label), values[i]]);
}

describe('bar-chart', () => {
  it('lists every bar with its value to the given digits, and the unit', () => {
    const chart = renderComponent('components/bar-chart/index', { items, unit: '小时', digits: 1 });
    expect(rowsOf(chart)).toEqual([
      ['1月', '2.5'],
      ['2月', '0.0'],
      ['3月', '12.0'],
    ]);
    expect(textOf(chart)).toContain('单位：小时');
    chart.detach();
  });

  it('shows the empty text instead of a chart when every value is zero', () => {
    const chart = renderComponent('components/bar-chart/index', {
      items: [{ label: '5月', value: 0 }],
      emptyText: '该时段还没有服务记录',
    });
    expect(textOf(chart)).toBe('该时段还没有服务记录');
    expect(chart.querySelector('.bar-chart__row')).toBeFalsy();
    chart.detach();
  });

  it('follows new items', async () => {
    const chart = renderComponent('components/bar-chart/index', { items, unit: '小时' });
    chart.setData({ items: [{ label: '4月', value: 1.25 }] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(rowsOf(chart)).toEqual([['4月', '1.3']]);
    chart.detach();
  });

  it('draws the month labels and the values with the packed uCharts', async () => {
    ensureNpmPacked();
    const UCharts = (jest.requireActual(PACKED) as { default: new (options: unknown) => unknown }).default;
    const { context, texts } = recordingContext();
    new UCharts(columnOptions(items, '小时', { context, width: 700, height: 400, pixelRatio: 2 }));
    await new Promise((resolve) => setTimeout(resolve, 50)); // uCharts draws on its animation timer
    expect(texts).toEqual(expect.arrayContaining(['1月', '2月', '3月']));
    // Few bars: each value is written on its bar.
    expect(texts).toEqual(expect.arrayContaining(['2.5', '12']));
  });
});
