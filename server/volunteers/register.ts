/**
 * volunteers.register — one profile per openid; a repeated register keeps the card.
 * The card number is taken from the year's counter in the same transaction that inserts the profile, so
 * numbers are unique and gap-free however many people register at once.
 */
import type { RegisterRequest } from '../../typings/api/volunteers';
import type { Profile } from '../../typings/entities';
import { isDuplicateKey } from '../cloud';
import type { Action } from '../handler';
import { newId } from '../ids';
import { piiKey } from '../pii';
import { nextInTransaction } from '../repos/counters';
import { findByOpenid, insertInTransaction, type VolunteerDoc } from '../repos/volunteers';
import { cardCounterId, formatCardNo } from '../rules/card';
import { maskMobile } from '../../typings/display';
import { encrypt } from '../rules/pii';
import { checkText } from '../security';
import { shanghaiYear } from '../rules/time';
import { inTransaction } from '../transaction';
import { countFacts, volunteerFact } from '../stats/count';
import { checkCoordinates } from '../needs/fields';
import { toProfile } from './profile';
import { checkAgeAndGuardian, checkConsent, unique, uniqueSlots } from './rules';
import { registerInput } from './schema';

export const register: Action<RegisterRequest, Profile> = {
  access: 'anyone',
  input: registerInput,
  async run(input, ctx) {
    // No read first: a repeated register hits the unique openid index inside the transaction, which rolls the
    // card counter back, and then answers with the profile already held (the card is kept).
    const now = Date.now();
    const year = shanghaiYear(now);
    checkConsent(input.privacyConsentVersion);
    checkAgeAndGuardian(input, year);
    checkCoordinates(input.lat, input.lng);
    const key = piiKey(ctx);
    // Leaders read the name on rosters and member lists.
    await checkText(ctx, { name: input.name });
    const minor = year - input.birthYear < 18;
    const doc: Omit<VolunteerDoc, 'cardNo'> = {
      _id: newId(),
      openid: ctx.openid,
      name: input.name,
      mobileEnc: encrypt(input.mobile, key),
      mobileMasked: maskMobile(input.mobile),
      town: input.town,
      ...(input.community ? { community: input.community } : {}),
      specialties: unique(input.specialties),
      intentions: unique(input.intentions),
      serviceAreas: unique(input.serviceAreas),
      availability: uniqueSlots(input.availability),
      birthYear: input.birthYear,
      ...(input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : {}),
      ...(minor && input.guardian
        ? {
            guardian: {
              name: input.guardian.name,
              mobileEnc: encrypt(input.guardian.mobile, key),
              mobileMasked: maskMobile(input.guardian.mobile),
              consentAt: now,
            },
          }
        : {}),
      privacyConsent: { version: input.privacyConsentVersion, at: now },
      registeredAt: now,
      stars: 0,
      earnedMinutes: 0,
      ratingSum: 0,
      ratingCount: 0,
      // The role copy `me` reads (server/volunteers/roles.ts): no brigades or towns yet (an appointment needs the
      // card number); hq learnt on the first `me`.
      roles: { brigades: {}, towns: [] },
    };
    try {
      const saved = await inTransaction(async (tx) => {
        const seq = await nextInTransaction(tx, cardCounterId(year));
        const full: VolunteerDoc = { ...doc, cardNo: formatCardNo(year, seq) };
        await insertInTransaction(tx, full);
        return full;
      });
      ctx.log.info('registered', { volunteerId: saved._id, cardNo: saved.cardNo });
      await countFacts(ctx, [volunteerFact(saved, 1)]);
      return toProfile(saved);
    } catch (error) {
      // Already registered (or registering twice at once): the unique openid index lets one through.
      if (!isDuplicateKey(error)) throw error;
      const winner = await findByOpenid(ctx.openid);
      if (!winner) throw error;
      return toProfile(winner);
    }
  },
};
