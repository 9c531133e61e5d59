/** The members list's filters: what the bar shows and what brigades.members is asked. */
import {
  SLOTS,
  SLOT_LABELS,
  SPECIALTIES,
  TOWNS,
  WEEKDAY_LABELS,
  type MembersRequest,
  type Slot,
  type Specialty,
  type Town,
} from '../../../typings/index';

export interface Filters {
  specialty: string;
  town: string;
  community: string;
  /** -1: any day. */
  weekday: number;
  slot: string;
}

export const NO_FILTERS: Filters = { specialty: '', town: '', community: '', weekday: -1, slot: '' };

export const specialtyOptions = [{ text: '全部专长', value: '' }, ...SPECIALTIES.map((s) => ({ text: s, value: s }))];
export const townChoices = [{ text: '不限', value: '' }, ...TOWNS.map((t) => ({ text: t, value: t }))];
export const weekdayChoices = [{ text: '不限', value: -1 }, ...WEEKDAY_LABELS.map((text, value) => ({ text, value }))];
export const slotChoices = [{ text: '不限', value: '' }, ...SLOTS.map((s) => ({ text: SLOT_LABELS[s], value: s }))];

export const isFiltered = (f: Filters) => !!(f.specialty || f.town || f.community || f.weekday >= 0 || f.slot);

/** The request fields of the filters set. */
export function requestOf(f: Filters): Partial<MembersRequest> {
  return {
    ...(f.specialty ? { specialty: f.specialty as Specialty } : {}),
    ...(f.town ? { town: f.town as Town } : {}),
    ...(f.community.trim() ? { community: f.community.trim() } : {}),
    ...(f.weekday >= 0 ? { weekday: f.weekday } : {}),
    ...(f.slot ? { slot: f.slot as Slot } : {}),
  };
}

/** The dropdown titles: what is chosen, or the filter's name. */
export function titlesOf(f: Filters): { place: string; time: string } {
  const place = [f.town, f.community.trim()].filter(Boolean).join('·') || '镇区/社区';
  const day = f.weekday >= 0 ? WEEKDAY_LABELS[f.weekday] : '';
  const slot = f.slot ? SLOT_LABELS[f.slot as Slot] : '';
  return { place, time: day + slot || '有空时段' };
}
