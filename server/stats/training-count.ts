/**
 * CONTRACT (h/train-base): counters of the training figures that other features change. The training helper
 * (h/training) implements them; the qualifications helper (h/quals) calls `countQualified`.
 */
import type { RequestContext } from '../context';

/**
 * The volunteer gained (+1) their first verified, unexpired qualification, or lost (−1) their last one: counted
 * for their town and their active brigades, by the same write that changed the fact (reconciled nightly).
 */
export async function countQualified(_ctx: RequestContext, _volunteerId: string, _delta: 1 | -1): Promise<void> {
  throw new Error('countQualified: not built yet (h/training)');
}
