/** volunteers.update — the owner changes their profile; the mobile is re-encrypted, the card number never changes. */
import type { UpdateRequest } from '../../typings/api/volunteers';
import type { Profile } from '../../typings/entities';
import type { Action } from '../handler';
import { piiKey } from '../pii';
import { checkCoordinates } from '../needs/fields';
import { refreshContact } from '../repos/brigades';
import { refreshFacets } from '../repos/memberships';
import { clearHome, update as save, type VolunteerDoc } from '../repos/volunteers';
import { contactCopyOf } from '../rules/contact';
import { facetsOf, touchesFacets } from '../rules/member-facets';
import { maskMobile } from '../../typings/display';
import { encrypt } from '../rules/pii';
import { checkText } from '../security';
import { shanghaiYear } from '../rules/time';
import { toProfile } from './profile';
import { checkAgeAndGuardian, unique, uniqueSlots } from './rules';
import { updateInput } from './schema';
import { countFacts, volunteerFact } from '../stats/count';

export const update: Action<UpdateRequest, Profile> = {
  access: 'volunteer',
  input: updateInput,
  async run(input, ctx) {
    const current = await ctx.requireVolunteer();
    const now = Date.now();
    const birthYear = input.birthYear ?? current.birthYear;
    const minor = shanghaiYear(now) - birthYear < 18;
    if (input.birthYear !== undefined || input.guardian !== undefined) {
      const guardian =
        input.guardian ?? (current.guardian ? { name: current.guardian.name, mobile: '', consent: true } : undefined);
      checkAgeAndGuardian({ birthYear, guardian, mobile: input.mobile }, shanghaiYear(now));
    }
    if (input.name !== undefined && input.name !== current.name) await checkText(ctx, { name: input.name });
    const patch: Partial<VolunteerDoc> = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.town !== undefined) patch.town = input.town;
    if (input.community !== undefined) patch.community = input.community;
    if (input.specialties !== undefined) patch.specialties = unique(input.specialties);
    if (input.intentions !== undefined) patch.intentions = unique(input.intentions);
    if (input.serviceAreas !== undefined) patch.serviceAreas = unique(input.serviceAreas);
    if (input.availability !== undefined) patch.availability = uniqueSlots(input.availability);
    if (input.birthYear !== undefined) patch.birthYear = input.birthYear;
    checkCoordinates(input.lat, input.lng);
    if (input.lat !== undefined && input.lng !== undefined) Object.assign(patch, { lat: input.lat, lng: input.lng });
    if (input.mobile !== undefined || (minor && input.guardian)) {
      const key = piiKey(ctx);
      if (input.mobile !== undefined) {
        patch.mobileEnc = encrypt(input.mobile, key);
        patch.mobileMasked = maskMobile(input.mobile);
      }
      if (minor && input.guardian) {
        patch.guardian = {
          name: input.guardian.name,
          mobileEnc: encrypt(input.guardian.mobile, key),
          mobileMasked: maskMobile(input.guardian.mobile),
          consentAt: now,
        };
      }
    }
    if (Object.keys(patch).length > 0) await save(current._id, patch);
    const home = input.clearHome && input.lat === undefined ? { lat: undefined, lng: undefined } : {};
    if (input.clearHome && input.lat === undefined) await clearHome(current._id);
    // A leader's name and number are copied onto the brigades they are the contact of (none for others).
    if (patch.name !== undefined || patch.mobileEnc !== undefined) {
      await refreshContact(contactCopyOf({ ...current, ...patch }));
    }
    // What leaders filter members by is copied onto each membership (a person belongs to a handful of brigades).
    if (touchesFacets(patch)) await refreshFacets(current._id, facetsOf({ ...current, ...patch }));
    // Volunteers are counted by town: a move counts out of the old town and into the new one.
    if (patch.town && patch.town !== current.town) {
      await countFacts(ctx, [volunteerFact(current, -1), volunteerFact({ ...current, town: patch.town }, 1)]);
    }
    return toProfile({ ...current, ...patch, ...home });
  },
};
