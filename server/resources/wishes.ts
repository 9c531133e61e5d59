/** PLACEHOLDER (h/res-base): h/wishes builds these resources actions. */
import type { ActionName, RequestOf, ResponseOf } from '../../typings/api/index';
import type { Action } from '../handler';
import { none } from '../schema';

type A<N extends ActionName<'resources'>> = Action<RequestOf<'resources', N>, ResponseOf<'resources', N>>;

const notBuilt = <N extends ActionName<'resources'>>(name: N): A<N> => ({
  access: 'hq',
  input: none as never,
  run: () => Promise.reject(new Error(`resources.${name}: not built yet (h/wishes)`)),
});

export const saveWish = notBuilt('saveWish');
export const reviewWish = notBuilt('reviewWish');
export const wishes = notBuilt('wishes');
export const wish = notBuilt('wish');
export const claimWish = notBuilt('claimWish');
export const fulfilWish = notBuilt('fulfilWish');
export const confirmWish = notBuilt('confirmWish');
