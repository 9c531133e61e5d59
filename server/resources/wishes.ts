/**
 * resources: saveWish reviewWish wishes wish — posting a wish (微心愿) for a recipient, hq's review, the wall and a
 * wish's page. Claiming, fulfilling and confirming are in wishes-claims.ts; the hourly expiry in wishes-expiry.ts.
 */
import type { ListWishesRequest, SaveWishRequest } from '../../typings/api/resources';
import { TOWNS } from '../../typings/data';
import type { Page } from '../../typings/entities';
import type { Wish, WishStatus } from '../../typings/resources';
import type { RequestContext } from '../context';
import { denied, invalid, notFound, precondition } from '../errors';
import { acceptImage, temporaryUrls } from '../files/index';
import type { Action } from '../handler';
import { newId } from '../ids';
import { requireManager } from '../needs/access';
import { pageOf, pageSizeOf } from '../paging';
import * as brigades from '../repos/brigades';
import * as recipients from '../repos/recipients';
import * as repo from '../repos/wishes';
import { EDITABLE, VALUE_MAX, VALUE_MIN, boardDelta, expiresAtFrom } from '../rules/wishes';
import { bool, id, int, oneOf, page, text, z, type Schema } from '../schema';
import { checkText } from '../security';
import { countBoard } from './board-count';
import { PUBLIC_STATES, loadWish, managesWish, photoId } from './wish-access';

export { claimWish, confirmWish, fulfilWish } from './wishes-claims';

const STATUSES = ['pending', 'rejected', 'published', 'claimed', 'fulfilled', 'closed', 'expired'] as const;

export const saveWish: Action<SaveWishRequest, { wishId: string; status: 'pending' }> = {
  access: 'volunteer',
  input: z.object({
    wishId: z.optional(id('心愿')),
    recipientId: id('服务对象'),
    title: text('心愿内容', 30),
    description: text('心愿说明', 300),
    kind: oneOf('心愿类型', ['goods', 'service'] as const),
    estimatedValue: z.optional(int('预估价值（元）', VALUE_MIN, VALUE_MAX)),
    photoFileId: z.optional(photoId('心愿照片')),
  }) as unknown as Schema<SaveWishRequest>,
  async run(input, ctx) {
    const [recipient, editing] = await Promise.all([
      recipients.findById(input.recipientId),
      input.wishId ? repo.findById(input.wishId) : undefined,
    ]);
    if (!recipient) throw notFound('服务对象不存在');
    if (input.wishId && !editing) throw notFound('心愿不存在或已删除');
    const brigade = recipient.brigadeId ? await brigades.findById(recipient.brigadeId) : undefined;
    const manager = await requireManager(ctx, recipient.town, brigade?.leaderIds ?? []);
    if (recipient.status !== 'active') throw precondition('服务对象已结案，不能再发布心愿');
    if (editing) {
      if (editing.recipientId !== recipient._id) throw invalid('心愿与服务对象不符');
      if (editing.postedById !== manager.volunteer._id && !manager.coordinator) throw denied('只能修改自己发布的心愿');
      if (!EDITABLE.includes(editing.status)) throw precondition('心愿已通过审核，不能再修改');
    }
    await checkText(ctx, { title: input.title, description: input.description });
    const wishId = editing?._id ?? repo.newWishId(newId());
    let photoFileId = editing?.photoFileId;
    if (input.photoFileId && input.photoFileId !== photoFileId) {
      const prefix = `wishes/${manager.volunteer._id}/`;
      photoFileId = (await acceptImage(ctx, input.photoFileId, { prefix, purpose: 'wish', ref: wishId })).fileId;
    }
    const now = Date.now();
    const fields = {
      title: input.title,
      description: input.description,
      kind: input.kind,
      ...(input.estimatedValue !== undefined ? { estimatedValue: input.estimatedValue } : {}),
      ...(photoFileId ? { photoFileId } : {}),
      updatedAt: now,
    };
    if (editing) {
      const moved = await repo.transition(wishId, EDITABLE, { ...fields, status: 'pending', reason: repo.removed() });
      if (!moved) throw precondition('心愿已通过审核，不能再修改');
      return { wishId, status: 'pending' };
    }
    const postedBy = manager.leader && brigade ? brigade.name : `${recipient.town}社工站`;
    await repo.insert({
      _id: wishId,
      recipientId: recipient._id,
      recipient: { displayName: recipient.displayName, town: recipient.town, community: recipient.community },
      town: recipient.town,
      ...(brigade ? { brigadeId: brigade._id } : {}),
      ...fields,
      status: 'pending',
      postedById: manager.volunteer._id,
      postedBy,
      createdAt: now,
    });
    return { wishId, status: 'pending' };
  },
};

export const reviewWish: Action<
  { wishId: string; approve: boolean; reason?: string },
  { status: 'published' | 'rejected' }
> = {
  access: 'hq',
  input: z.object({
    wishId: id('心愿'),
    approve: bool('审核结果'),
    reason: z.optional(text('不通过的原因', 100)),
  }),
  async run(input, ctx) {
    if (!input.approve && !input.reason) throw invalid('请填写不通过的原因', { reason: '请填写不通过的原因' });
    const wish = await loadWish(input.wishId);
    if (wish.status !== 'pending') throw precondition('该心愿不在待审核状态');
    const now = Date.now();
    const status = input.approve ? 'published' : 'rejected';
    const patch = input.approve
      ? { status, publishedAt: now, expiresAt: expiresAtFrom(now), updatedAt: now }
      : { status, reason: input.reason, updatedAt: now };
    if (!(await repo.transition(wish._id, ['pending'], patch))) throw precondition('该心愿已被其他人审核');
    if (input.approve) await countBoard(ctx, wish.town, boardDelta('pending', 'published'));
    return { status };
  },
};

/** Temporary URLs of the wishes' own photos (only those that passed the media check). */
async function withPhotos(docs: repo.WishDoc[], items: Wish[]): Promise<Wish[]> {
  const ids = docs.map((d) => d.photoFileId).filter((f): f is string => !!f);
  if (ids.length === 0) return items;
  const urls = await temporaryUrls(ids);
  return items.map((item, i) => {
    const url = docs[i].photoFileId ? urls.get(docs[i].photoFileId as string) : undefined;
    return url ? { ...item, photoUrl: url } : item;
  });
}

/** The filter for a list of another status than the wall: hq any town, a coordinator their town, else one's own. */
async function managedFilter(ctx: RequestContext, status: WishStatus, town?: string) {
  if (await ctx.isHq()) return { filters: { status, ...(town ? { town } : {}) }, names: true };
  const [volunteer, towns] = await Promise.all([ctx.volunteer(), ctx.coordinatorTowns()]);
  if (!volunteer) throw denied('仅心愿的发布者、镇区社工或总队可以查看');
  if (town && towns.includes(town as never)) return { filters: { town, status }, names: true };
  if (!town && towns.length > 0) return { filters: { town: towns[0], status }, names: true };
  return { filters: { postedById: volunteer._id, status, ...(town ? { town } : {}) }, names: true };
}

export const wishes: Action<ListWishesRequest, Page<Wish>> = {
  access: 'anyone',
  input: z.object({
    ...page,
    town: z.optional(oneOf('镇区', TOWNS)),
    status: z.optional(oneOf('状态', STATUSES)),
    mine: z.optional(bool('我的认领')),
    order: z.optional(oneOf('排序', ['newest', 'expiring'] as const)),
  }),
  async run(input, ctx) {
    const size = pageSizeOf(input.pageSize);
    let docs: repo.WishDoc[];
    let names = false;
    let field: keyof repo.WishDoc = 'updatedAt';
    if (input.mine) {
      docs = await repo.pageBy({ claimerOpenid: ctx.openid }, size, input.cursor);
    } else if (!input.status || input.status === 'published') {
      const order = input.order ?? 'newest';
      field = order === 'newest' ? 'publishedAt' : 'expiresAt';
      docs = await repo.wall(input.town, order, size, input.cursor);
    } else {
      const scope = await managedFilter(ctx, input.status, input.town);
      names = scope.names;
      docs = await repo.pageBy(scope.filters, size, input.cursor);
    }
    const { items, nextCursor } = pageOf(docs, size, field);
    const shown = items.map((d) => repo.toWish(d, ctx.openid, names));
    return { items: await withPhotos(items, shown), ...(nextCursor ? { nextCursor } : {}) };
  },
};

export const wish: Action<{ wishId: string }, Wish> = {
  access: 'anyone',
  input: z.object({ wishId: id('心愿') }),
  async run(input, ctx) {
    const doc = await loadWish(input.wishId);
    const manage = await managesWish(ctx, doc);
    const mine = !!doc.claimerOpenid && doc.claimerOpenid === ctx.openid;
    if (!PUBLIC_STATES.includes(doc.status) && !manage && !mine && !(await ctx.isHq())) {
      throw notFound('心愿不存在或尚未公开');
    }
    const own = doc.fulfilment?.photoFileIds ?? [];
    const ids = [...(doc.photoFileId ? [doc.photoFileId] : []), ...own];
    const urls = ids.length ? await temporaryUrls(ids) : new Map<string, string>();
    const out = repo.toWish(doc, ctx.openid, manage);
    const photoUrl = doc.photoFileId ? urls.get(doc.photoFileId) : undefined;
    return {
      ...out,
      ...(photoUrl ? { photoUrl } : {}),
      ...(manage ? { manage, recipientId: doc.recipientId } : {}),
      ...(doc.fulfilment
        ? {
            fulfilment: {
              photoUrls: own.map((f) => urls.get(f)).filter((u): u is string => !!u),
              ...(doc.fulfilment.note ? { note: doc.fulfilment.note } : {}),
              at: doc.fulfilment.at,
            },
          }
        : {}),
    };
  },
};
