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

export const savePledge = notBuilt('savePledge');
export const pledges = notBuilt('pledges');
export const matchPledge = notBuilt('matchPledge');
export const handOverPledge = notBuilt('handOverPledge');
export const withdrawPledge = notBuilt('withdrawPledge');
