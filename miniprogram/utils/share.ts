/**
 * Sharing and where people came from (招募来源): the source a page was opened with (`?source=`: a chat card, Moments,
 * a scanned poster), and 朋友圈单页模式 — a page opened from Moments runs in WeChat's single-page mode (launch scene
 * 1154): no login, no calls that need one, so pages show themselves read-only with a hint to open the mini program.
 */
import type { ShareSource } from '../typings/index';

const SOURCES: readonly ShareSource[] = ['chat', 'moments', 'poster', 'feed'];

/** The query's `source` when it is one we know, else `fallback`. */
export function sourceOf(query: Record<string, string | undefined>, fallback: ShareSource): ShareSource {
  const source = query.source as ShareSource | undefined;
  return source && SOURCES.includes(source) ? source : fallback;
}

/** WeChat's scene value of a page opened from Moments (单页模式). */
export const SINGLE_PAGE_SCENE = 1154;

export function isSinglePage(): boolean {
  try {
    return wx.getLaunchOptionsSync().scene === SINGLE_PAGE_SCENE;
  } catch {
    return false;
  }
}
