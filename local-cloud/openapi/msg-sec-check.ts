/**
 * `security.msgSecCheck`: a deterministic verdict from a word list. Version 2 (openid, scene 1–4, content)
 * answers `{ result: { suggest, label }, detail, trace_id }` with suggest 'risky' on a hit, else 'pass';
 * version 1 (content only) answers errcode 87014 on a hit, as the platform does.
 */
import { randomUUID } from 'node:crypto';
import defaultWords from './sec-words.json';

export interface SecWord {
  word: string;
  /** WeChat's label: 10001 ad, 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 20008 fraud, 21000 other. */
  label: number;
}

export const DEFAULT_SEC_WORDS: SecWord[] = defaultWords;

export function toSecWords(words: (string | SecWord)[] | undefined): SecWord[] {
  if (!words) return DEFAULT_SEC_WORDS;
  return words.map((w) => (typeof w === 'string' ? { word: w, label: 21000 } : w));
}

export function msgSecCheck(req: Record<string, unknown>, words: SecWord[]): Record<string, unknown> {
  const content = req.content;
  if (typeof content !== 'string' || !content) return { errcode: 47003, errmsg: 'argument invalid! content' };
  const hit = words.find((w) => w.word && content.toLowerCase().includes(w.word.toLowerCase()));
  if (Number(req.version) !== 2) {
    return hit ? { errcode: 87014, errmsg: 'risky content' } : { errcode: 0, errmsg: 'ok' };
  }
  if (typeof req.openid !== 'string' || !req.openid) return { errcode: 40003, errmsg: 'invalid openid' };
  const scene = Number(req.scene);
  if (![1, 2, 3, 4].includes(scene)) return { errcode: 47003, errmsg: 'argument invalid! scene' };
  const suggest = hit ? 'risky' : 'pass';
  const label = hit ? hit.label : 100;
  return {
    errcode: 0,
    errmsg: 'ok',
    result: { suggest, label },
    detail: [
      { strategy: 'content_model', errcode: 0, suggest, label, prob: hit ? 90 : 0 },
      { strategy: 'keyword', errcode: 0, suggest, label, level: hit ? 90 : 0, keyword: hit?.word },
    ],
    trace_id: randomUUID(),
  };
}
