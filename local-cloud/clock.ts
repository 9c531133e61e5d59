/**
 * The local cloud's clock: real time plus an offset that `POST /v1/clock` moves.
 * The offset lives in a SharedArrayBuffer shared with every function worker, whose global `Date` reads it
 * (see functions/fake-date.ts), so a change applies at once to running invocations too.
 */

export class Clock {
  /** One BigInt64 slot: the offset in milliseconds from real time. */
  readonly buffer: SharedArrayBuffer;
  private readonly slot: BigInt64Array;

  constructor(startAt?: number) {
    this.buffer = new SharedArrayBuffer(8);
    this.slot = new BigInt64Array(this.buffer);
    if (startAt !== undefined) this.set(startAt);
  }

  /** The time functions see, in epoch milliseconds. */
  now(): number {
    return Date.now() + this.offset();
  }

  offset(): number {
    return Number(Atomics.load(this.slot, 0));
  }

  set(epochMs: number): void {
    if (!Number.isFinite(epochMs)) throw new RangeError('clock: time must be a finite number of milliseconds');
    Atomics.store(this.slot, 0, BigInt(Math.round(epochMs - Date.now())));
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError('clock: advance must be a finite number of milliseconds');
    Atomics.add(this.slot, 0, BigInt(Math.round(ms)));
  }
}

/** Reads the shared offset from inside a worker. */
export function offsetReader(buffer: SharedArrayBuffer): () => number {
  const slot = new BigInt64Array(buffer);
  return () => Number(Atomics.load(slot, 0));
}
