/** 编辑资料: what the form holds, its checks, and the update it sends (only what changed). */
import type { Profile, Specialty, Town, UpdateRequest } from '../../typings/index';
import { COMMUNITY_MAX, COMMUNITY_MESSAGE, MOBILE_MESSAGE, isMobile, slotKeys, slotsOf } from '../register/form';

export interface ProfileForm {
  /** Empty keeps the current mobile (the page only knows it masked). */
  mobile: string;
  town: string;
  community: string;
  specialties: string[];
  /** `weekday:slot` keys, as the weekly grid holds them. */
  availability: string[];
}

export type ProfileErrors = Partial<Record<keyof ProfileForm, string>>;

export const emptyProfileForm = (): ProfileForm => ({
  mobile: '',
  town: '',
  community: '',
  specialties: [],
  availability: [],
});

export function formOf(profile: Profile): ProfileForm {
  return {
    mobile: '',
    town: profile.town,
    community: profile.community ?? '',
    specialties: [...profile.specialties],
    availability: slotKeys(profile.availability),
  };
}

export function validateProfile(form: ProfileForm): ProfileErrors {
  const errors: ProfileErrors = {};
  const mobile = form.mobile.trim();
  if (mobile && !isMobile(mobile)) errors.mobile = MOBILE_MESSAGE;
  if (!form.town) errors.town = '请选择所在镇区';
  if (form.community.trim().length > COMMUNITY_MAX) errors.community = COMMUNITY_MESSAGE;
  return errors;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value) => b.includes(value));

/** The fields that differ from `before`; `{}` when nothing changed. */
export function changesOf(form: ProfileForm, before: ProfileForm): UpdateRequest {
  const update: UpdateRequest = {};
  const mobile = form.mobile.trim();
  if (mobile) update.mobile = mobile;
  if (form.town !== before.town) update.town = form.town as Town;
  const community = form.community.trim();
  if (community !== before.community) update.community = community;
  if (!sameSet(form.specialties, before.specialties)) update.specialties = form.specialties as Specialty[];
  if (!sameSet(form.availability, before.availability)) update.availability = slotsOf(form.availability);
  return update;
}

const FIELDS: (keyof ProfileForm)[] = ['mobile', 'town', 'community', 'specialties', 'availability'];

/** The server's field errors (`availability.0.slot`) under the form's keys. */
export function errorsOf(fields: Record<string, string>): ProfileErrors {
  const errors: ProfileErrors = {};
  for (const [key, message] of Object.entries(fields)) {
    const field = key.split('.')[0] as keyof ProfileForm;
    if (FIELDS.includes(field) && !errors[field]) errors[field] = message;
  }
  return errors;
}
