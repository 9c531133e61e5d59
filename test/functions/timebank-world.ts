/** The posts world plus served posts (signed up, checked in/out, finished) and direct reads of the collections. */
import type { CreatePostRequest } from '../../typings/api/posts';
import type { Post } from '../../typings/entities';
import { parseEjson } from '../../local-cloud/db/codec';
import { ok } from './helpers';
import { HOUR, postsWorld, type PostsWorld } from './posts-fixture';

export const MINUTE = 60_000;

export interface ServeOptions {
  /** Who checks in 9½ minutes after the start (default: everyone). */
  checkin?: string[];
  /** Who of those checks out 70 minutes after the start, 60 minutes later (default: everyone checked in). */
  checkout?: string[];
  leader?: string;
  /** What the post is (e.g. a training), over the defaults. */
  post?: Partial<CreatePostRequest>;
}

export interface TimebankWorld extends PostsWorld {
  now(): number;
  /**
   * A two-hour post the openids signed up for, attended as `opts` says (checked out: 60 minutes; checked in only:
   * 110 minutes until the end), and over by the time it returns.
   */
  served(openids: string[], opts?: ServeOptions): Promise<Post>;
  /** Every document of a collection matching `query`, read straight from the database. */
  docs<T = Record<string, unknown>>(collection: string, query?: object): Promise<T[]>;
}

export async function timebankWorld(): Promise<TimebankWorld> {
  const w = await postsWorld();
  const now = () => w.cloud.clock.now();
  const code = async (postId: string, leader: string) =>
    (await ok<{ code: string }>(w.cloud, 'posts', 'checkinCode', { postId }, leader)).code;
  const served = async (openids: string[], opts: ServeOptions = {}) => {
    const leader = opts.leader ?? 'leader';
    const startAt = Math.ceil((now() + HOUR) / MINUTE) * MINUTE;
    const post = await w.post({ startAt, endAt: startAt + 2 * HOUR, quota: openids.length + 1, ...opts.post }, leader);
    for (const openid of openids) await ok(w.cloud, 'posts', 'signup', { postId: post.postId }, openid);
    // Half a minute of slack: the clock keeps running while the calls are made, and minutes are floored.
    await w.advance(startAt + 9.5 * MINUTE - now());
    const checkin = opts.checkin ?? openids;
    let c = await code(post.postId, leader);
    for (const openid of checkin) await ok(w.cloud, 'posts', 'checkin', { postId: post.postId, code: c }, openid);
    await w.advance(startAt + 70 * MINUTE - now());
    c = await code(post.postId, leader);
    for (const openid of opts.checkout ?? checkin) {
      await ok(w.cloud, 'posts', 'checkout', { postId: post.postId, code: c }, openid);
    }
    await w.advance(startAt + 2 * HOUR + MINUTE - now());
    return post;
  };
  const docs = async <T>(collection: string, query: object = {}) => {
    const res = (await w.cloud.db.handle('database.getDocument', {
      collectionName: collection,
      queryType: 'WHERE',
      query: JSON.stringify(query),
      limit: 1000,
    })) as { list: string[] };
    return res.list.map((s) => parseEjson(s) as T);
  };
  return { ...w, now, served, docs };
}

export interface LedgerDoc {
  _id: string;
  movementId: string;
  idempotencyKey: string;
  side: string;
  accountId: string;
  kind: string;
  minutes: number;
}

export interface AccountDoc {
  _id: string;
  balance: number;
  earned?: number;
  donated?: number;
  received?: number;
}

/** The books: every movement sums to zero, and each cached balance equals the sum of its account's entries. */
export async function expectBooksBalance(w: TimebankWorld): Promise<{ entries: LedgerDoc[]; accounts: AccountDoc[] }> {
  const [entries, accounts] = await Promise.all([w.docs<LedgerDoc>('ledger'), w.docs<AccountDoc>('accounts')]);
  const byMovement = new Map<string, LedgerDoc[]>();
  for (const e of entries) byMovement.set(e.movementId, [...(byMovement.get(e.movementId) ?? []), e]);
  for (const [, pair] of byMovement) {
    expect(pair).toHaveLength(2);
    expect(pair[0].minutes + pair[1].minutes).toBe(0);
    expect(Number.isInteger(pair[0].minutes)).toBe(true);
  }
  expect(entries.reduce((s, e) => s + e.minutes, 0)).toBe(0);
  const sums = new Map<string, number>();
  for (const e of entries) sums.set(e.accountId, (sums.get(e.accountId) ?? 0) + e.minutes);
  for (const a of accounts) {
    expect({ account: a._id, balance: a.balance }).toEqual({ account: a._id, balance: sums.get(a._id) ?? 0 });
    if (a._id.startsWith('volunteer:')) expect(a.balance).toBeGreaterThanOrEqual(0);
  }
  expect(new Set(accounts.map((a) => a._id))).toEqual(new Set(sums.keys()));
  return { entries, accounts };
}
