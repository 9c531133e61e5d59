/**
 * Subscribe messages (一次性订阅消息): after a sign-up the page asks, in the same tap, for the reminder and notice
 * templates, and reports each accepted one with `reminders.subscribe`. A refusal is remembered for a while so the
 * user is not asked again at every sign-up; "总是保持以上选择" needs nothing here (WeChat answers by itself);
 * a switched-off subscription setting is respected.
 */
import { reminders } from '../services/index';
import type { TemplatesResponse } from '../typings/index';

const DECLINED_KEY = 'boai:subscribe-declined';
/** After a refusal, do not ask again for this long. */
export const QUIET_AFTER_REFUSAL_MS = 7 * 24 * 3_600_000;

let templates: TemplatesResponse | undefined;

/** Fetches the template ids once (call on page load, so the tap can ask without waiting). */
export async function prepareSubscription(): Promise<void> {
  if (templates) return;
  try {
    templates = await reminders.templates({}, { toast: false });
  } catch {
    templates = undefined;
  }
}

function declinedRecently(now: number): boolean {
  const at = Number(wx.getStorageSync(DECLINED_KEY) || 0);
  return at > 0 && now - at < QUIET_AFTER_REFUSAL_MS;
}

/**
 * Asks for the templates; resolves to the accepted ids (none when not prepared, refused recently or failing).
 * Call it synchronously inside the tap handler: WeChat only shows the prompt for a user's tap.
 */
export function askSubscription(
  kinds: ('reminder' | 'notice')[] = ['reminder', 'notice'],
  now = Date.now(),
): Promise<string[]> {
  const wanted = { reminder: templates?.reminderTemplateId, notice: templates?.noticeTemplateId };
  const ids = kinds.map((kind) => wanted[kind]).filter((id): id is string => !!id);
  if (ids.length === 0 || declinedRecently(now)) return Promise.resolve([]);
  return new Promise((resolve) => {
    if (typeof wx.requestSubscribeMessage !== 'function') {
      resolve([]);
      return;
    }
    wx.requestSubscribeMessage({
      tmplIds: ids,
      success: (res) => {
        const answers = res as unknown as Record<string, string>;
        const accepted = ids.filter((id) => answers[id] === 'accept');
        if (accepted.length === 0) wx.setStorageSync(DECLINED_KEY, now);
        else wx.removeStorageSync(DECLINED_KEY);
        resolve(accepted);
      },
      fail: () => resolve([]),
    });
  });
}

/**
 * Reports accepted templates for a post the user now holds a sign-up on, or a brigade they applied to.
 * Failures are quiet: the sign-up (or the application) stands either way.
 */
export async function reportSubscription(
  target: { postId: string } | { brigadeId: string } | { kind: 'needs' | 'wishes' },
  accepted: string[],
): Promise<number> {
  let reported = 0;
  for (const templateId of accepted) {
    try {
      await reminders.subscribe({ ...target, templateId }, { toast: false });
      reported += 1;
    } catch {
      // The sign-up is what matters; a lost grant only means no reminder.
    }
  }
  return reported;
}
