/** The feed's filter chips: where (全部 / 附近 / a town) and what (全部 / a category). */
import { SERVICE_CATEGORIES, TOWNS, type ListPostsRequest, type ServiceCategory, type Town } from '../../typings/index';

export const NEAR = 'near';

export interface Chip {
  value: string;
  label: string;
}

export const placeChips = (): Chip[] => [
  { value: '', label: '全部镇区' },
  { value: NEAR, label: '附近' },
  ...TOWNS.map((t) => ({ value: t, label: t })),
];

export const categoryChips = (): Chip[] => [
  { value: '', label: '全部类别' },
  ...SERVICE_CATEGORIES.map((c) => ({ value: c, label: c })),
];

export interface Location {
  lat: number;
  lng: number;
}

/** The list request for the chosen chips; 附近 needs the caller's location (nearest first). */
export function listRequest(place: string, category: string, location: Location | null): ListPostsRequest {
  return {
    ...(place && place !== NEAR ? { town: place as Town } : {}),
    ...(place === NEAR && location ? { lat: location.lat, lng: location.lng } : {}),
    ...(category ? { category: category as ServiceCategory } : {}),
  };
}

/** What the empty list says, naming the filters that emptied it. */
export function emptyText(place: string, category: string): string {
  const where = place === NEAR ? '附近' : place;
  const what = [where, category].filter(Boolean).join(' · ');
  return what ? `${what} 暂无招募，换个条件看看` : '暂无招募，下拉刷新或稍后再来看看';
}
