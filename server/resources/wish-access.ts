/**
 * Who stands where towards a wish: the recipient's side (the poster, a coordinator of the wish's town) manages it,
 * hq reviews it, the claimer fulfils it; everyone sees a wish once it is on the wall.
 */
import type { WishStatus } from '../../typings/resources';
import type { RequestContext } from '../context';
import { notFound } from '../errors';
import * as wishes from '../repos/wishes';
import { z } from '../schema';

/** On the wall or past it: anyone may read these. */
export const PUBLIC_STATES: WishStatus[] = ['published', 'claimed', 'fulfilled', 'closed'];

export async function loadWish(wishId: string): Promise<wishes.WishDoc> {
  const wish = await wishes.findById(wishId);
  if (!wish) throw notFound('心愿不存在或已删除');
  return wish;
}

/** Whether the caller is the wish's recipient side: its poster, or a coordinator of its town. */
export async function managesWish(ctx: RequestContext, wish: wishes.WishDoc): Promise<boolean> {
  const [volunteer, towns] = await Promise.all([ctx.volunteer(), ctx.coordinatorTowns()]);
  return !!volunteer && (wish.postedById === volunteer._id || towns.includes(wish.town));
}

/** A fileID the caller uploaded (`cloud://<env>.<bucket>/wishes/<id>/…`): longer than an id; checked by acceptImage. */
export const photoId = (label: string) =>
  z.string({ error: `缺少${label}` }).check(z.minLength(1, `缺少${label}`), z.maxLength(300, `${label}格式不正确`));
