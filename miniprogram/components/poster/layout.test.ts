// The poster's layout with a fake measure: every CJK character is as wide as the font size, Latin half of it.
import { POSTER_HEIGHT, POSTER_WIDTH, PROGRAMME_MARK, font, posterLayout, wrapText } from './layout';
import type { DrawOp, Measure, PosterData } from './layout';

const sizeOf = (f: string) => Number(/(\d+)px/.exec(f)?.[1] ?? 16);
const measure: Measure = (text, f) =>
  Array.from(text).reduce((w, ch) => w + (ch.charCodeAt(0) < 128 ? 0.5 : 1) * sizeOf(f), 0);

const texts = (ops: DrawOp[]) => ops.filter((op): op is Extract<DrawOp, { op: 'text' }> => op.op === 'text');
const TITLE_30 = '暖阳居家养老服务中心重阳节长者探访与义剪活动招募义工十名欢迎参加'.slice(0, 30);
const post: PosterData = {
  kind: 'post',
  title: TITLE_30,
  time: '10月29日（周三）09:00–11:30',
  place: '石岐区莲员东路暖阳居家养老服务中心三楼多功能活动室',
  quotaLeft: 6,
  brigade: '石岐区博爱义工大队',
  code: 'data:image/png;base64,AAAA',
};

describe('wrapText', () => {
  const f = font(50);

  it('breaks CJK anywhere by measured width, never starting a line with ，。、', () => {
    // 10 characters fit a line of 500; the 11th is a comma, so 第十 goes down with it.
    const lines = wrapText('一二三四五六七八九十，再来一些字。', 500, 3, measure, f);
    expect(lines).toEqual(['一二三四五六七八九', '十，再来一些字。']);
    for (const line of lines) expect(measure(line, f)).toBeLessThanOrEqual(500);
  });

  it('ends with … on the last line when the text does not fit', () => {
    const lines = wrapText('字'.repeat(60), 500, 3, measure, f);
    expect(lines).toHaveLength(3);
    expect(lines[2].endsWith('…')).toBe(true);
    expect(measure(lines[2], f)).toBeLessThanOrEqual(500);
    expect(lines.join('').replace('…', '').length).toBeLessThan(60);
  });
});

describe('posterLayout', () => {
  it('fits a 30-character title in at most 3 lines, whole, inside the canvas', () => {
    const { width, height, ops } = posterLayout(post, measure);
    expect([width, height]).toEqual([POSTER_WIDTH, POSTER_HEIGHT]);
    const title = texts(ops).filter((op) => op.font === font(52, true));
    expect(title.length).toBeLessThanOrEqual(3);
    expect(title.map((op) => op.text).join('')).toBe(TITLE_30);
    for (const op of texts(ops)) {
      const w = measure(op.text, op.font);
      const left = op.align === 'center' ? op.x - w / 2 : op.x;
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left + w).toBeLessThanOrEqual(POSTER_WIDTH);
      expect(op.y).toBeLessThan(POSTER_HEIGHT);
    }
  });

  it('ellipsizes a 60-character title', () => {
    const { ops } = posterLayout({ ...post, title: TITLE_30 + TITLE_30 }, measure);
    const title = texts(ops).filter((op) => op.font === font(52, true));
    expect(title).toHaveLength(3);
    expect(title[2].text.endsWith('…')).toBe(true);
  });

  it('wraps a long place to two lines and keeps every fact above the code panel', () => {
    const place = '中山市火炬开发区中山港大道一百二十三号健康基地国际生物医药产业园创新中心二号楼一层大堂东侧';
    const { ops } = posterLayout({ ...post, title: TITLE_30 + TITLE_30, place }, measure);
    const panel = ops.find((op) => op.op === 'rect' && op.color === '#ffffff');
    const placeLines = texts(ops).filter((op) => op.font === font(32) && place.startsWith(op.text.replace('…', '')));
    expect(placeLines.length).toBeGreaterThan(0);
    expect(placeLines.length).toBeLessThanOrEqual(2);
    const above = texts(ops).filter((op) => op.y < (panel?.y ?? 0));
    for (const fact of ['时间', '地点', '名额', '大队']) expect(above.map((op) => op.text)).toContain(fact);
    expect(Math.max(...above.map((op) => op.y + sizeOf(op.font)))).toBeLessThan(panel?.y ?? 0);
  });

  it('carries the programme mark, the code and the call to scan for each kind', () => {
    const calls = { post: '长按或扫码报名', brigade: '长按或扫码加入', card: '长按或扫码核验' } as const;
    for (const kind of ['post', 'brigade', 'card'] as const) {
      const { ops } = posterLayout({ ...post, kind }, measure);
      const words = texts(ops).map((op) => op.text);
      expect(words).toContain(PROGRAMME_MARK);
      expect(words).toContain(calls[kind]);
      expect(ops).toContainEqual(expect.objectContaining({ op: 'image', src: post.code }));
    }
  });

  it("shows a brigade's brand and story when present, and none when absent", () => {
    const brigade: PosterData = { kind: 'brigade', title: '石岐区博爱义工大队', place: '石岐区', code: '' };
    const plain = texts(posterLayout(brigade, measure).ops).map((op) => op.text);
    expect(plain.some((t) => t.startsWith('「'))).toBe(false);
    const branded = posterLayout(
      { ...brigade, brand: '情暖夕阳', story: '每周陪伴社区独居长者，聊天、理发、量血压。' },
      measure,
    );
    const words = texts(branded.ops).map((op) => op.text);
    expect(words).toContain('「情暖夕阳」');
    expect(words.join('')).toContain('每周陪伴社区独居长者');
    // No code yet: a blank frame where it goes, no image.
    expect(branded.ops.some((op) => op.op === 'image')).toBe(false);
  });
});
