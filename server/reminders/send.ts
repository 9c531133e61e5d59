/** One subscribe message through the open API, its result as WeChat's errcode (0 when sent). */
import { cloud } from '../cloud';
import type { TemplateData } from '../rules/outbox';

export interface SendResult {
  errcode: number;
  errmsg: string;
}

export interface Message {
  touser: string;
  templateId: string;
  page: string;
  data: TemplateData;
}

/** The mini program version the message opens; the released one unless the functions say otherwise. */
const miniprogramState = (): 'developer' | 'trial' | 'formal' => {
  const state = process.env.MINIPROGRAM_STATE;
  return state === 'developer' || state === 'trial' ? state : 'formal';
};

export async function sendMessage(message: Message): Promise<SendResult> {
  try {
    const res = (await cloud.openapi.subscribeMessage.send({
      touser: message.touser,
      templateId: message.templateId,
      page: message.page,
      data: message.data,
      miniprogramState: miniprogramState(),
    } as unknown as Parameters<typeof cloud.openapi.subscribeMessage.send>[0])) as {
      errCode?: number;
      errMsg?: string;
    };
    return { errcode: res?.errCode ?? 0, errmsg: res?.errMsg ?? 'ok' };
  } catch (error) {
    // wx-server-sdk rejects with the platform's errCode; anything else (network) is transient: -1.
    const e = error as { errCode?: number; errMsg?: string; message?: string };
    return {
      errcode: typeof e?.errCode === 'number' && e.errCode !== 0 ? e.errCode : -1,
      errmsg: e?.errMsg ?? e?.message ?? String(error),
    };
  }
}
