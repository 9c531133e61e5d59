import type { Brigade } from '../../typings/index';

/** What a brigade row shows: no contact data, leaders by name only. */
export interface BrigadeCardView {
  brigadeId: string;
  name: string;
  town: string;
  memberCount: number;
  leaders: string;
  reviewed: boolean;
  /** The service brand and its story ('' when none). */
  brand: string;
  story: string;
}

export const toBrigadeCardView = (b: Brigade): BrigadeCardView => ({
  brigadeId: b.brigadeId,
  name: b.name,
  town: b.town,
  memberCount: b.memberCount,
  leaders: b.leaders.length ? b.leaders.map((l) => l.name).join('、') : '待任命',
  reviewed: b.joinMode === 'review',
  brand: b.brand ?? '',
  story: b.story ?? '',
});
