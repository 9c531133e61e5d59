/**
 * The local cloud's clock: real time plus an offset that `POST /v1/clock` moves.
 * The offset lives in a SharedArrayBuffer shared with every function worker, whose global `Date` reads it
 * (see functions/fake-date.ts), so a change applies at once to running invocations too.
 * A stopped clock (previews: `new Clock(at, true)`) holds the time itself in the slot, which only set/advance move.
 */

/** Real time, taken before a worker replaces its Date (functions/fake-date.ts). */
const realNow = Date.now.bind(Date);

export class Clock {
  /** Two BigInt64 slots: the offset in milliseconds from real time (or the time, when frozen); 1 when frozen. */
  readonly buffer: SharedArrayBuffer;
  private readonly slot: BigInt64Array;

  /** Starts at `startAt` (default: real time); `stopped`: time stands still at exactly `startAt` (previews). */
  constructor(startAt?: number, stopped = false) {
    this.buffer = new SharedArrayBuffer(16);
    this.slot = new BigInt64Array(this.buffer);
    if (stopped) Atomics.store(this.slot, 1, 1n);
    if (startAt !== undefined || stopped) this.set(startAt ?? realNow());
  }

  /** The time functions see, in epoch milliseconds. */
  now(): number {
    return nowIn(this.slot);
  }

  offset(): number {
    return offsetIn(this.slot);
  }

  set(epochMs: number): void {
    if (!Number.isFinite(epochMs)) throw new RangeError('clock: time must be a finite number of milliseconds');
    const frozen = Atomics.load(this.slot, 1) === 1n;
    Atomics.store(this.slot, 0, BigInt(Math.round(frozen ? epochMs : epochMs - realNow())));
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError('clock: advance must be a finite number of milliseconds');
    Atomics.add(this.slot, 0, BigInt(Math.round(ms)));
  }
}

/** Reads the shared clock from inside a worker. */
export function nowReader(buffer: SharedArrayBuffer): () => number {
  const slot = new BigInt64Array(buffer);
  return () => nowIn(slot);
}

/** One read of real time at most, so a stopped clock reads exactly its time. */
function nowIn(slot: BigInt64Array): number {
  const value = Number(Atomics.load(slot, 0));
  return Atomics.load(slot, 1) === 1n ? value : realNow() + value;
}

function offsetIn(slot: BigInt64Array): number {
  const value = Number(Atomics.load(slot, 0));
  return Atomics.load(slot, 1) === 1n ? value - realNow() : value;
}
