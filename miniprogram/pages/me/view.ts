import type { MeResponse, RecomputeResponse } from '../../typings/index';
import { maskMobile, hoursOf } from '../../utils/format';

/** What the 我的 page shows for a registered volunteer. */
export interface MeView {
  name: string;
  mobile: string;
  cardNo: string;
  /** `石岐区 · 悦来社区`: where the volunteer lives, as they edit it in 我的资料. */
  place: string;
  stars: number;
  earnedHours: string;
  balanceHours: string;
  /** `2026 年度优秀义工` … shown on the card. */
  honours: string[];
  isLeader: boolean;
  /** 镇区工作台: the towns coordinated, e.g. `石岐区、东区` (empty for most). */
  coordinatorTowns: string;
}

export function toMeView(me: MeResponse): MeView | null {
  if (!me.registered || !me.profile) return null;
  return {
    name: me.profile.name,
    mobile: maskMobile(me.profile.mobile),
    cardNo: me.cardNo ?? me.profile.cardNo,
    place: [me.profile.town, me.profile.community].filter(Boolean).join(' · '),
    stars: me.stars ?? 0,
    earnedHours: hoursOf(me.earnedMinutes ?? 0),
    balanceHours: hoursOf(me.balanceMinutes ?? 0),
    honours: me.honourTitles ?? [],
    isLeader: me.roles.includes('leader'),
    coordinatorTowns: (me.coordinatorTowns ?? []).join('、'),
  };
}

/** The toast after 重算星级: how many were checked and changed, and whether to run it again. */
export function recomputeMessage(result: RecomputeResponse): string {
  const head = `已核对 ${result.checked} 名义工，${result.changed} 人星级有变化`;
  return result.done ? head : `${head}\n本次未全部完成，请稍后再点一次重算`;
}
