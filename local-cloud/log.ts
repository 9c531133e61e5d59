/** Structured logging: one JSON line per invocation (and a few server events) to a sink. */
import { createHash } from 'node:crypto';

export type LogSink = (entry: Record<string, unknown>) => void;

export const stdoutSink: LogSink = (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`);

/** A short, stable, non-reversible form of an openid for logs. */
export function shortOpenid(openid: string | undefined): string | undefined {
  if (!openid) return undefined;
  return createHash('sha256').update(openid).digest('hex').slice(0, 10);
}
