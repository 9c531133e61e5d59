/** A client-made idempotency key (`requestId`): made once per form, so a repeated tap repeats the same call. */
export function newRequestId(): string {
  const random = Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `${Date.now().toString(36)}-${random}`;
}
