/** Turns a schema failure into INVALID_ARGUMENT with a Chinese message and field-level messages. */
import type { Schema } from './schema';
import { invalid } from './errors';

export function parseInput<T>(schema: Schema<T>, raw: unknown): T {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (!(path in fields)) fields[path] = issue.message;
  }
  const messages = Object.values(fields);
  throw invalid(messages.length === 1 ? messages[0] : `${messages[0]}（共 ${messages.length} 处需要修改）`, fields);
}
