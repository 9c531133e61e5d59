/**
 * Every route serves this machine only: a Host other than 127.0.0.1 / localhost / [::1] (any port) is refused,
 * which stops DNS rebinding, and so is an Origin that is not one of them, which stops a web page's cross-site
 * POST. A request without Origin (curl, the SDK, Node) or from a local page (the console at GET /) is served.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './body';

const LOCAL_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

export function isLocalHost(host: string | undefined): boolean {
  return host !== undefined && LOCAL_HOST.test(host);
}

export function isLocalOrigin(origin: string): boolean {
  const m = /^https?:\/\/([^/]+)$/i.exec(origin);
  return m !== null && isLocalHost(m[1]);
}

/** Throws 403 for a request that did not come from this machine's own tools or pages. */
export function checkLocalRequest(req: IncomingMessage): void {
  if (!isLocalHost(req.headers.host)) {
    throw new HttpError(403, 'FORBIDDEN_HOST', 'the local cloud answers only to Host 127.0.0.1, localhost or [::1]');
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !isLocalOrigin(origin)) {
    throw new HttpError(403, 'FORBIDDEN_ORIGIN', `requests from pages of ${origin} are refused`);
  }
}
