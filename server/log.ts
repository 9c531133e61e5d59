/** Structured logs: one JSON line per event, always carrying the invocation's request id. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

function write(level: 'info' | 'error', base: LogFields, event: string, fields?: LogFields): void {
  const line = JSON.stringify({ level, event, ...base, ...fields, at: new Date().toISOString() });
  if (level === 'error') console.error(line);
  else console.log(line);
}

export function createLogger(base: LogFields): Logger {
  return {
    info: (event, fields) => write('info', base, event, fields),
    error: (event, fields) => write('error', base, event, fields),
  };
}

/** A short, non-reversible form of an openid for logs (never log the openid itself). */
export function shortId(openid: string): string {
  let hash = 2166136261;
  for (let i = 0; i < openid.length; i += 1) hash = Math.imul(hash ^ openid.charCodeAt(i), 16777619);
  return openid ? (hash >>> 0).toString(36) : '-';
}
