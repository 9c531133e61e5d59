/** Messages between the function host (main thread) and a function worker. */

export interface WorkerInit {
  workerId: number;
  clock: SharedArrayBuffer;
}

export interface InvokeMessage {
  type: 'invoke';
  invocationId: string;
  file: string;
  event: unknown;
  context: Record<string, unknown>;
  env: Record<string, string>;
  /** Previews only: the seed this invocation's randomness is drawn from (functions/seeded-random.ts). */
  randomSeed?: string;
}

export type WorkerReply =
  | { type: 'ready' }
  /** The function's code is loaded and main() is being called: the timeout starts now (cold start excluded). */
  | { type: 'started'; invocationId: string }
  | { type: 'result'; invocationId: string; ok: true; result: unknown }
  | { type: 'result'; invocationId: string; ok: false; error: { name: string; message: string; stack?: string } }
  | { type: 'log'; level: 'unhandledRejection'; message: string };
