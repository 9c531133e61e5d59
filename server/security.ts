/** Content safety: user-written text that others will see passes security.msgSecCheck before it is stored. */
import { cloud } from './cloud';
import type { RequestContext } from './context';
import { invalid } from './errors';

interface SecCheckResult {
  errCode?: number;
  result?: { suggest?: 'pass' | 'review' | 'risky'; label?: number };
}

/** Checks each labelled text; a `risky` verdict is refused naming the field. */
export async function checkText(ctx: RequestContext, texts: Record<string, string | undefined>): Promise<void> {
  const entries = Object.entries(texts).filter(([, v]) => v && v.trim());
  const verdicts = await Promise.all(
    entries.map(async ([field, content]) => {
      const res = (await cloud.openapi.security.msgSecCheck({
        openid: ctx.openid,
        scene: 2,
        version: 2,
        content,
      })) as SecCheckResult;
      return { field, suggest: res.result?.suggest };
    }),
  );
  const risky = verdicts.filter((v) => v.suggest === 'risky');
  if (risky.length > 0) {
    throw invalid(
      '内容含有不适宜发布的信息，请修改后再提交',
      Object.fromEntries(risky.map((v) => [v.field, '内容含有不适宜发布的信息，请修改'])),
    );
  }
}
