/** When the check-in code page asks for the next code. */
const MINUTE = 60_000;
/** Ask a little after the expiry (the server still accepts the previous minute's code, so nothing is lost). */
const SLACK = 500;

/** Ms until the next refresh: at the code's expiry by this device's clock, or a minute if the clocks disagree. */
export function refreshDelay(expiresAt: number, now: number): number {
  const delay = expiresAt - now + SLACK;
  return delay > 1000 && delay <= MINUTE + SLACK ? delay : MINUTE;
}
