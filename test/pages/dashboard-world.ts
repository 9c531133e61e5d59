/**
 * A recorded service for the statistics page tests, through the real functions: a post of the world's brigade
 * (石岐区, 探访慰问) that two volunteers attended (90 and 60 minutes) and one missed, with 12 people served.
 * Expected figures: 2.5 hours, 2 sessions, 1 no-show (33.3%), 12 people served, 4 volunteers (leader included).
 */
import { join } from 'node:path';
import type { Post } from '../../typings/index';
import { MINIPROGRAM_ROOT, settle, textOf, waitFor, type RenderedPage } from '../helpers/page';
import type { PostsWorld } from './posts-world';
import { servedPost } from './timebank-pages-world';

/** The packed uCharts, which the mini program loads (its npm entry is an ES module Node's require cannot read). */
export const PACKED_UCHARTS = join(MINIPROGRAM_ROOT, 'miniprogram_npm', '@qiun', 'ucharts', 'index.js');

export async function recordedService(world: PostsWorld): Promise<Post> {
  const ids: Record<string, string> = {};
  for (const [openid, name] of [
    ['dash-a', '黄一'],
    ['dash-b', '何二'],
    ['dash-c', '罗三'],
  ]) {
    ids[openid] = (await world.register(openid, name)).volunteerId;
  }
  const post = await servedPost(world, ['dash-a', 'dash-b', 'dash-c'], '社区长者探访', {
    checkin: ['dash-a', 'dash-b'],
  });
  await world.ok(
    'timebank',
    {
      action: 'record',
      postId: post.postId,
      peopleServed: 12,
      entries: [
        { volunteerId: ids['dash-a'], minutes: 90, rating: 5 },
        { volunteerId: ids['dash-b'], minutes: 60, rating: 4 },
        { volunteerId: ids['dash-c'], absent: true },
      ],
    },
    world.leader,
  );
  return post;
}

/** What a user does to a control: it emits `event` with `detail`. */
export async function emit(page: RenderedPage, selector: string, event: string, detail: unknown): Promise<void> {
  const target = page.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}; page shows: ${textOf(page)}`);
  target.dispatchEvent(event, { detail });
  await settle();
}

export const valueOf = (page: RenderedPage, id: string) => page.querySelector(`#${id}`)?.dom?.textContent?.trim() ?? '';

export function waitForValue(page: RenderedPage, id: string, value: string): Promise<void> {
  return waitFor(page, () => valueOf(page, id) === value, { what: `#${id} = ${value}`, timeoutMs: 5000 });
}

/** `3月`: the chart's label for the Shanghai month of `ms`. */
export const monthLabel = (ms: number) => `${new Date(ms + 8 * 3_600_000).getUTCMonth() + 1}月`;
