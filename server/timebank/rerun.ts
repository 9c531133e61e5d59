/**
 * Reruns a whole read-then-write step when a unique key refused its transaction: someone else wrote the same
 * record, account or entry first, and reading again turns the collision into a definite answer.
 */
import { isDuplicateKey } from '../cloud';
import { AppError } from '../errors';

export async function rerunOnDuplicate<T>(step: (attempt: number) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step(attempt);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if (attempt >= attempts) throw new AppError('ABORTED', '当前操作人数较多，请稍后重试');
    }
  }
}
