/**
 * For previews only (`randomSeed` option): the worker's `crypto.randomBytes` draws from a seed the host gives each
 * invocation, so ids, codes and tokens come out the same on every run. Without a seed it is the real one.
 */
import crypto from 'node:crypto';

const realRandomBytes = crypto.randomBytes;
let current: { seed: string; counter: number } | undefined;

/** The seed for the invocation about to run; undefined: real randomness. */
export function useSeed(seed: string | undefined): void {
  current = seed ? { seed, counter: 0 } : undefined;
}

function seededBytes(size: number, state: { seed: string; counter: number }): Buffer {
  const out = Buffer.alloc(size);
  for (let offset = 0; offset < size;) {
    const block = crypto.createHash('sha256').update(`${state.seed}:${state.counter++}`).digest();
    offset += block.copy(out, offset);
  }
  return out;
}

export function installSeededRandom(): void {
  const randomBytes = (size: number, callback?: (err: Error | null, buf: Buffer) => void): Buffer | undefined => {
    const state = current;
    if (!state && callback) realRandomBytes(size, callback);
    if (!state) return callback ? undefined : realRandomBytes(size);
    const bytes = seededBytes(size, state);
    if (!callback) return bytes;
    process.nextTick(callback, null, bytes);
    return undefined;
  };
  (crypto as { randomBytes: unknown }).randomBytes = randomBytes;
}
