/**
 * Per-invocation database metrics: requests, documents read, documents written. Requests arriving on
 * `/admin/w/<workerId>` are counted against the invocation that worker is running; a nested invocation
 * (cloud.callFunction) also counts towards its caller, so a user action's figures include what it called.
 */

export interface DbMetrics {
  requests: number;
  docsRead: number;
  docsWritten: number;
}

export class InvocationMetrics implements DbMetrics {
  requests = 0;
  docsRead = 0;
  docsWritten = 0;

  constructor(private readonly parent?: InvocationMetrics) {}

  /** Adds one database request's figures here and to every caller up the chain. */
  add(delta: DbMetrics): void {
    this.requests += delta.requests;
    this.docsRead += delta.docsRead;
    this.docsWritten += delta.docsWritten;
    this.parent?.add(delta);
  }

  snapshot(): DbMetrics {
    return { requests: this.requests, docsRead: this.docsRead, docsWritten: this.docsWritten };
  }
}

export function metricsHeaders(m: DbMetrics, requestId: string): Record<string, string> {
  return {
    'x-db-requests': String(m.requests),
    'x-db-docs-read': String(m.docsRead),
    'x-db-docs-written': String(m.docsWritten),
    'x-request-id': requestId,
  };
}
