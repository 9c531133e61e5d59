/**
 * What a donor's page shows of its wishes (微心愿): those claimed by its openid, newest claim first, and how many it
 * claimed and fulfilled. One read of the `wishes` collection, bounded by `DONOR_WISHES_MAX`.
 */
import type { Wish, WishStatus } from '../../typings/resources';
import * as wishes from '../repos/wishes';

export const DONOR_WISHES_MAX = 50;

const CLAIMED: WishStatus[] = ['claimed', 'fulfilled', 'closed'];
const FULFILLED: WishStatus[] = ['fulfilled', 'closed'];

export async function claimedWishes(openid: string): Promise<{ claimed: number; fulfilled: number; wishes: Wish[] }> {
  const docs = await wishes.claimedBy(openid, DONOR_WISHES_MAX);
  // Only those the claim still holds: a claim that ran out went back to the wall and is someone else's now.
  const held = docs.filter((doc) => doc.claimerOpenid === openid && CLAIMED.includes(doc.status));
  return {
    claimed: held.length,
    fulfilled: held.filter((doc) => FULFILLED.includes(doc.status)).length,
    wishes: held.map((doc) => wishes.toWish(doc, openid, true)),
  };
}
