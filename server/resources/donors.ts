/** PLACEHOLDER (h/res-base): h/giving builds these resources actions. */
import type { ActionName, RequestOf, ResponseOf } from '../../typings/api/index';
import type { Action } from '../handler';
import { none } from '../schema';

type A<N extends ActionName<'resources'>> = Action<RequestOf<'resources', N>, ResponseOf<'resources', N>>;

const notBuilt = <N extends ActionName<'resources'>>(name: N): A<N> => ({
  access: 'hq',
  input: none as never,
  run: () => Promise.reject(new Error(`resources.${name}: not built yet (h/giving)`)),
});

export const registerDonor = notBuilt('registerDonor');
export const reviewDonor = notBuilt('reviewDonor');
export const donors = notBuilt('donors');
export const myDonor = notBuilt('myDonor');
