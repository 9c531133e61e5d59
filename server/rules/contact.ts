/**
 * Whom to contact about a brigade and its posts: a copy of its contact leader kept on the brigade (the first
 * appointed leader still registered). Everyone sees the name and the masked number; the full number only those
 * with a tie to the brigade or the post: a live sign-up, an active membership, leading it, or hq.
 */
import type { Contact } from '../../typings/entities';

/** The contact as stored on the brigade: the leader's mobile stays encrypted (the ciphertext names its key). */
export interface ContactCopy {
  volunteerId: string;
  name: string;
  mobileEnc: string;
  mobileMasked: string;
}

export interface CallerTies {
  signedUp: boolean;
  member: boolean;
  leader: boolean;
  hq: boolean;
}

export const mayCall = (t: CallerTies): boolean => t.signedUp || t.member || t.leader || t.hq;

/** The contact a caller sees; `open` decrypts the mobile (called only for those who may call). */
export function contactFor(
  copy: ContactCopy | undefined,
  ties: CallerTies,
  open: (mobileEnc: string) => string,
): Contact | undefined {
  if (!copy) return undefined;
  const shown = { name: copy.name, mobileMasked: copy.mobileMasked };
  return mayCall(ties) ? { ...shown, mobile: open(copy.mobileEnc) } : shown;
}

/** The copy of a leader's profile to keep on the brigade. */
export const contactCopyOf = (v: { _id: string; name: string; mobileEnc: string; mobileMasked: string }) => ({
  volunteerId: v._id,
  name: v.name,
  mobileEnc: v.mobileEnc,
  mobileMasked: v.mobileMasked,
});
