/**
 * The donors' side of wishes, in the shapes the wishes code asks for (server/resources/wish-claimer.ts hooks): the
 * caller's verified donor, and the consenting donors the public board thanks. A fulfilment by a donor moves its
 * count with `countDonorFulfilment`.
 */
import * as donors from '../repos/donors';

export interface VerifiedDonor {
  donorId: string;
  name: string;
  publicThanks: boolean;
}

/** The caller's donor, if hq verified it (one read). */
export async function verifiedDonor(openid: string): Promise<VerifiedDonor | undefined> {
  const doc = await donors.findVerifiedByOpenid(openid);
  return doc && { donorId: doc._id, name: doc.name, publicThanks: doc.publicThanks };
}

/** Consenting donors with how many wishes they fulfilled, most first (one read). */
export async function donorThanks(limit: number): Promise<{ name: string; fulfilled: number }[]> {
  return (await donors.thanked(limit)).map((d) => ({ name: d.name, fulfilled: d.fulfilled ?? 0 }));
}

/** A wish claimed by the donor was fulfilled (+1), or that fulfilment was undone (−1). */
export const countDonorFulfilment = (donorId: string, delta = 1) => donors.countFulfilled(donorId, delta);
