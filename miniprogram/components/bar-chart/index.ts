/**
 * <bar-chart items="{{ [{ label: '3月', value: 12.5 }] }}" unit="小时" digits="{{ 1 }}" empty-text="…" />:
 * a column chart drawn by uCharts on a `<canvas type="2d">`, with the same numbers as a plain list underneath
 * (for screen readers, and wherever canvas 2d is not drawn). The list is the source of truth; the canvas is
 * hidden when it cannot be drawn.
 */
import UCharts from '@qiun/ucharts';
import { columnOptions, type BarItem } from './options';

interface CanvasField {
  node?: { width: number; height: number; getContext(type: '2d'): unknown };
  width: number;
  height: number;
}

function pixelRatio(): number {
  try {
    return wx.getWindowInfo().pixelRatio || 2;
  } catch {
    return 2;
  }
}

Component({
  options: { pureDataPattern: /^_/ },
  properties: {
    items: { type: Array, value: [] as BarItem[] },
    unit: { type: String, value: '' },
    digits: { type: Number, value: 1 },
    emptyText: { type: String, value: '暂无数据' },
  },
  data: {
    rows: [] as { label: string; value: string }[],
    empty: true,
    /** False when this runtime gave no canvas node: only the list shows. */
    canvas: true,
    /** Laid out: the canvas can be measured (pure data, not rendered). */
    _ready: false,
  },
  observers: {
    'items, digits'(items: BarItem[], digits: number) {
      const list = items ?? [];
      this.setData({
        rows: list.map((i) => ({ label: i.label, value: i.value.toFixed(digits) })),
        empty: list.every((i) => !i.value),
      });
      if (this.data._ready) this.draw();
    },
  },
  lifetimes: {
    ready() {
      this.setData({ _ready: true });
      this.draw();
    },
  },
  methods: {
    draw() {
      const items = this.data.items as BarItem[];
      if (!items.length) return;
      this.createSelectorQuery()
        .select('#bar-chart-canvas')
        .fields({ node: true, size: true })
        .exec((res: (CanvasField | null)[]) => {
          const field = res[0];
          if (!field?.node || !field.width) {
            if (this.data.canvas) this.setData({ canvas: false });
            return;
          }
          const ratio = pixelRatio();
          const canvas = field.node;
          canvas.width = field.width * ratio;
          canvas.height = field.height * ratio;
          new UCharts(
            columnOptions(items, this.data.unit, {
              context: canvas.getContext('2d'),
              width: canvas.width,
              height: canvas.height,
              pixelRatio: ratio,
            }),
          );
        });
    },
  },
});
