/**
 * The poster's layout, pure: from what the poster says and a text-measure function, the draw operations for a
 * 750 × 1200 canvas. The component draws them on canvas 2d; tests measure with a fake.
 */

export type PosterKind = 'post' | 'brigade' | 'card';

export interface PosterData {
  kind: PosterKind;
  /** Post: its title; brigade: its name; card: the volunteer's name. */
  title: string;
  /** Shown as 时间 (a post) — already formatted. */
  time?: string;
  place?: string;
  /** Places still open (a post); absent: not shown. */
  quotaLeft?: number;
  /** The brigade (a post's, or the card's first). */
  brigade?: string;
  /** The brigade's service brand (情暖夕阳) and its one-line story. */
  brand?: string;
  story?: string;
  /** A brigade's members. */
  memberCount?: number;
  /** A card's number and star text. */
  cardNo?: string;
  stars?: string;
  /** The mini program code: an image source (data URL or file path); '' draws a blank frame. */
  code: string;
}

export type DrawOp =
  | { op: 'rect'; x: number; y: number; w: number; h: number; color: string; radius?: number }
  | { op: 'text'; x: number; y: number; text: string; font: string; color: string; align?: 'left' | 'center' }
  | { op: 'image'; x: number; y: number; w: number; h: number; src: string };

/** Width of `text` in `font` (a CSS font string), in canvas units. */
export type Measure = (text: string, font: string) => number;

export interface PosterLayout {
  width: number;
  height: number;
  ops: DrawOp[];
}

export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1200;
export const PROGRAMME_MARK = '博爱义工 · 中山市博爱行动';

const FAMILY = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
export const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px ${FAMILY}`;

const RED = '#d7402f';
const INK = '#1f2329';
const GREY = '#646566';
const PAPER = '#fff8ec';
const MARGIN = 56;
const CONTENT = POSTER_WIDTH - MARGIN * 2;

/** Characters a line never starts with (they stay with the character before them). */
const NO_LINE_START = new Set('，。、；：！？）》」』”’,.;:!?)%'.split(''));
const ELLIPSIS = '…';

/**
 * `text` wrapped to at most `maxLines` lines no wider than `maxWidth` (breaking between any two characters, never
 * before ，。、 and the like); the last line ends with … when the text does not fit.
 */
export function wrapText(text: string, maxWidth: number, maxLines: number, measure: Measure, f: string): string[] {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  const lines: string[][] = [];
  let line: string[] = [];
  for (const ch of chars) {
    if (line.length && measure([...line, ch].join(''), f) > maxWidth) {
      let carry: string[] = [];
      // Never start a line with punctuation: take the character before it down too (when that leaves something).
      if (NO_LINE_START.has(ch) && line.length > 1) carry = line.splice(line.length - 1, 1);
      lines.push(line);
      line = [...carry, ch];
    } else {
      line.push(ch);
    }
  }
  if (line.length) lines.push(line);
  if (lines.length <= maxLines) return lines.map((l) => l.join(''));
  const kept = lines.slice(0, maxLines).map((l) => l.join(''));
  const last = Array.from(kept[maxLines - 1]);
  while (last.length && measure(last.join('') + ELLIPSIS, f) > maxWidth) last.pop();
  // No dangling comma before the ellipsis.
  while (last.length && NO_LINE_START.has(last[last.length - 1])) last.pop();
  kept[maxLines - 1] = last.join('') + ELLIPSIS;
  return kept;
}

const KICKER: Record<PosterKind, string> = { post: '义工招募', brigade: '加入我们', card: '博爱义工证' };
const CALL: Record<PosterKind, string> = {
  post: '长按或扫码报名',
  brigade: '长按或扫码加入',
  card: '长按或扫码核验',
};

/** What a brigade's poster says when its leaders have not written its story. */
export const BRIGADE_STORY = '在家门口做点好事：探访长者、陪伴孩子、服务社区，时间就近自己安排，服务时长记入时间银行。';

/** The draw operations of one poster. */
export function posterLayout(data: PosterData, measure: Measure): PosterLayout {
  const ops: DrawOp[] = [];
  const text = (x: number, y: number, t: string, f: string, color: string, align: 'left' | 'center' = 'left') =>
    ops.push({ op: 'text', x, y, text: t, font: f, color, align });
  // y of a text op is its top; line heights are 1.35 × the font size.
  const lh = (size: number) => Math.round(size * 1.35);

  ops.push({ op: 'rect', x: 0, y: 0, w: POSTER_WIDTH, h: POSTER_HEIGHT, color: PAPER });
  // Head band: the programme and what this poster asks.
  ops.push({ op: 'rect', x: 0, y: 0, w: POSTER_WIDTH, h: 184, color: RED });
  text(MARGIN, 36, PROGRAMME_MARK, font(28), '#ffe7b3');
  text(MARGIN, 80, KICKER[data.kind], font(68, true), '#ffffff');

  // The code panel sits at the foot, whatever the text above takes; text stops short of it.
  const panelY = POSTER_HEIGHT - 370;
  let y = 228;
  const room = (height: number) => y + height <= panelY - 24;
  if (data.kind === 'brigade' && data.brand) {
    const brand = wrapText(`「${data.brand}」`, CONTENT, 1, measure, font(40, true))[0];
    text(MARGIN, y, brand, font(40, true), RED);
    y += lh(40) + 12;
  }
  const titleFont = font(data.kind === 'card' ? 64 : 52, true);
  const titleSize = data.kind === 'card' ? 64 : 52;
  for (const line of wrapText(data.title, CONTENT, 3, measure, titleFont)) {
    text(MARGIN, y, line, titleFont, INK);
    y += lh(titleSize);
  }
  y += 20;
  ops.push({ op: 'rect', x: MARGIN, y, w: 96, h: 8, color: RED, radius: 4 });
  y += 44;

  // Facts: label + value, values wrap to 2 lines.
  const facts: [string, string][] = [];
  if (data.kind === 'card') {
    if (data.cardNo) facts.push(['证号', data.cardNo]);
    if (data.stars) facts.push(['星级', data.stars]);
    if (data.brigade) facts.push(['大队', data.brigade]);
  } else if (data.kind === 'brigade') {
    if (data.place) facts.push(['镇区', data.place]);
    if (data.memberCount) facts.push(['队员', `${data.memberCount} 名义工在这里服务`]);
  } else {
    if (data.time) facts.push(['时间', data.time]);
    if (data.place) facts.push(['地点', data.place]);
    if (data.quotaLeft !== undefined) facts.push(['名额', data.quotaLeft > 0 ? `还剩 ${data.quotaLeft} 个` : '已报满']);
    if (data.kind === 'post' && data.brigade) facts.push(['大队', data.brigade]);
  }
  const valueFont = font(32);
  const labelX = MARGIN;
  const valueX = MARGIN + 96;
  for (const [label, value] of facts) {
    const lines = wrapText(value, CONTENT - 96, 2, measure, valueFont);
    if (!room(lines.length * lh(32))) break;
    text(labelX, y + 2, label, font(30, true), RED);
    for (const line of lines) {
      text(valueX, y, line, valueFont, INK);
      y += lh(32);
    }
    y += 14;
  }
  if (data.kind === 'brigade') {
    y += 6;
    for (const line of wrapText(data.story || BRIGADE_STORY, CONTENT, 3, measure, font(32))) {
      if (!room(lh(32))) break;
      text(MARGIN, y, line, font(32), GREY);
      y += lh(32);
    }
  }

  ops.push({ op: 'rect', x: MARGIN - 16, y: panelY, w: CONTENT + 32, h: 280, color: '#ffffff', radius: 24 });
  const codeSize = 228;
  const codeX = MARGIN + 10;
  const codeY = panelY + 26;
  if (data.code) ops.push({ op: 'image', x: codeX, y: codeY, w: codeSize, h: codeSize, src: data.code });
  else ops.push({ op: 'rect', x: codeX, y: codeY, w: codeSize, h: codeSize, color: '#f2f3f5', radius: 12 });
  const callX = codeX + codeSize + 40;
  text(callX, codeY + 52, CALL[data.kind], font(38, true), INK);
  text(callX, codeY + 116, '微信扫一扫', font(28), GREY);
  text(callX, codeY + 158, '打开「博爱义工」小程序', font(28), GREY);

  text(POSTER_WIDTH / 2, POSTER_HEIGHT - 58, PROGRAMME_MARK, font(26), GREY, 'center');
  return { width: POSTER_WIDTH, height: POSTER_HEIGHT, ops };
}
