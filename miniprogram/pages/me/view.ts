import type { MeResponse, Role } from '../../typings/index';
import { maskMobile, hoursOf } from '../../utils/format';

/** What the 我的 page shows for a registered volunteer. */
export interface MeView {
  name: string;
  mobile: string;
  cardNo: string;
  stars: number;
  earnedHours: string;
  balanceHours: string;
  /** `2026 年度优秀义工` … shown on the card. */
  honours: string[];
  isLeader: boolean;
  isHq: boolean;
}

export function toMeView(me: MeResponse): MeView | null {
  if (!me.registered || !me.profile) return null;
  const has = (role: Role) => me.roles.includes(role);
  return {
    name: me.profile.name,
    mobile: maskMobile(me.profile.mobile),
    cardNo: me.cardNo ?? me.profile.cardNo,
    stars: me.stars ?? 0,
    earnedHours: hoursOf(me.earnedMinutes ?? 0),
    balanceHours: hoursOf(me.balanceMinutes ?? 0),
    honours: me.honourTitles ?? [],
    isLeader: has('leader'),
    isHq: has('hq'),
  };
}
