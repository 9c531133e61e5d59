/** What a user does that the page helpers do not cover: tapping a Vant cell, answering the platform dialog. */
import { settle, textOf, type RenderedPage } from '../helpers/page';

const g = globalThis as unknown as { wx: Record<string, unknown> };

/** Taps a Vant cell as a user does: on its inner row, so Vant's own handler runs (its link or its click). */
export async function tapCell(page: RenderedPage, selector: string): Promise<void> {
  const cell = page.querySelector(selector)?.querySelector('.van-cell');
  if (!cell) throw new Error(`no cell ${selector}; page shows: ${textOf(page)}`);
  cell.dispatchEvent('tap');
  await settle();
}

/** The platform dialog (wx.showModal): answers `confirm` from now on and records what each dialog said. */
export function answerModal(confirm: boolean): string[] {
  const asked: string[] = [];
  g.wx.showModal = (opts: { content: string; success?: (r: { confirm: boolean }) => void }) => {
    asked.push(opts.content);
    opts.success?.({ confirm });
  };
  return asked;
}

/** What a user does to a Vant field or picker: the component emits its event with a detail. */
export async function emit(page: RenderedPage, selector: string, event: string, detail: unknown): Promise<void> {
  const target = page.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent(event, { detail });
  await settle();
}
