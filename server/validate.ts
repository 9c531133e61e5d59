/** Turns a schema failure into INVALID_ARGUMENT with a Chinese message and field-level messages. */
import type { Schema } from './schema';
import { invalid } from './errors';

const CHINESE = /[\u4e00-\u9fff]/;
/** For zod's own (English) messages, which a schema without a Chinese label of its own would let through. */
export const FALLBACK_MESSAGE = '提交的内容格式不正确，请检查后重试';

export function parseInput<T>(schema: Schema<T>, raw: unknown): T {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (!(path in fields)) fields[path] = CHINESE.test(issue.message) ? issue.message : FALLBACK_MESSAGE;
  }
  const messages = Object.values(fields);
  throw invalid(messages.length === 1 ? messages[0] : `${messages[0]}（共 ${messages.length} 处需要修改）`, fields);
}
