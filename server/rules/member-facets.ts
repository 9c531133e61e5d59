/**
 * A member's facets copied onto each of their memberships, so a leader can filter the members list by 专长,
 * 镇区/社区 and 有空时段 in one indexed query instead of reading every member's profile.
 */
import type { Slot, Specialty, Town } from '../../typings/data';
import { SLOTS } from '../../typings/data';
import type { Availability } from '../../typings/entities';

export interface MemberFacets {
  specialties: Specialty[];
  town: Town;
  /** '' when the volunteer gave none (a stored empty string overwrites an old community on refresh). */
  community: string;
  /** Weekly slots as `<weekday>-<slot>`, e.g. `2-morning`. */
  availability: string[];
}

export const slotKey = (a: Availability) => `${a.weekday}-${a.slot}`;

export const facetsOf = (v: {
  specialties: Specialty[];
  town: Town;
  community?: string;
  availability: Availability[];
}): MemberFacets => ({
  specialties: v.specialties,
  town: v.town,
  community: v.community ?? '',
  availability: v.availability.map(slotKey),
});

/** Whether a profile change touches a facet (only then are the memberships rewritten). */
export const touchesFacets = (patch: object) =>
  ['specialties', 'town', 'community', 'availability'].some((field) => field in patch);

/** The slot keys a weekday and/or slot filter accepts (undefined when neither is given). */
export function slotKeysFor(weekday?: number, slot?: Slot): string[] | undefined {
  if (weekday === undefined && slot === undefined) return undefined;
  const days = weekday === undefined ? [0, 1, 2, 3, 4, 5, 6] : [weekday];
  const slots = slot === undefined ? SLOTS : [slot];
  return days.flatMap((weekdayOf) => slots.map((s) => slotKey({ weekday: weekdayOf, slot: s })));
}
