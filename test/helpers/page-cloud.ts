/**
 * The cloud behind page tests: always the real local cloud in-process (`startTestCloud()` from
 * `test/helpers/local-cloud.ts`), so page tests run the real, unmodified functions. There is no fake to fall
 * back to: when the local cloud cannot start, the page test fails with the reason.
 */
import { startTestCloud } from './local-cloud';

export interface PageCloud {
  /** `(name, event, openid)` → the function's reply (the contract's envelope). */
  call(name: string, event: Record<string, unknown>, openid: string): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startPageCloud(): Promise<PageCloud> {
  const cloud = await startTestCloud();
  return {
    call: async (name, event, openid) => {
      const reply = await cloud.request(name, event, openid);
      // A function that crashed or was not found answers with a non-JSON or non-envelope reply: say so here.
      if (reply.status !== 200) throw new Error(`${name}.${String(event.action)} answered HTTP ${reply.status}`);
      return reply.body;
    },
    stop: () => cloud.stop(),
  };
}
