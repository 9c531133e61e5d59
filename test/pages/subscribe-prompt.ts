// The subscription prompt in page tests: WeChat's requestSubscribeMessage answered as a user would, and a wait
// for the template ids the pages fetch on load.
import { settle } from '../helpers/page';
import type { PostsWorld } from './posts-world';

export const g = globalThis as unknown as { wx: Record<string, unknown> };

interface Prompt {
  tmplIds: string[];
}

/** WeChat's subscription prompt: records what was asked and answers every template with `answer`. */
export function promptAnswering(answer: 'accept' | 'reject'): Prompt[] {
  const asked: Prompt[] = [];
  g.wx.requestSubscribeMessage = (opts: { tmplIds: string[]; success?: (r: Record<string, string>) => void }) => {
    asked.push({ tmplIds: opts.tmplIds });
    opts.success?.(
      Object.fromEntries([...opts.tmplIds.map((id) => [id, answer]), ['errMsg', 'requestSubscribeMessage:ok']]),
    );
  };
  return asked;
}

/**
 * The page fetches the template ids on load (so a tap can ask at once); wait until that call has been answered. The
 * wait is by time, not by a count of turns: under load the first call of `reminders` starts its function instance
 * (a cold start) and can take seconds.
 */
export async function templatesFetched(world: PostsWorld, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!world.calls.some((c) => c === 'reminders.templates')) {
    if (Date.now() > deadline) throw new Error(`the page did not fetch the subscription templates in ${timeoutMs} ms`);
    await settle();
  }
  await settle();
}
