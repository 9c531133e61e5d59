/** TEMPORARY (needs-base branch only, never merged while used): an action whose code is being written elsewhere. */
import type { ActionName, RequestOf, ResponseOf } from '../../typings/api/index';
import { precondition } from '../errors';
import type { Action } from '../handler';
import { z, type Schema } from '../schema';

export function pending<A extends ActionName<'needs'>>(): Action<RequestOf<'needs', A>, ResponseOf<'needs', A>> {
  return {
    access: 'volunteer',
    input: z.object({}) as unknown as Schema<RequestOf<'needs', A>>,
    run: () => Promise.reject(precondition('该功能尚在建设中')),
  };
}
