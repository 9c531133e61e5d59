// What a leader reads on a row of 本队活动, and which buttons it offers, in each state of the service.
import { toRow } from '../../miniprogram/leader/pages/workbench/view';
import type { BrigadePost } from '../../typings/api/posts';

const post: BrigadePost = {
  postId: 'p1',
  brigadeId: 'b1',
  brigadeName: '石岐博爱大队',
  town: '石岐区',
  title: '探访独居长者',
  description: '上门陪伴聊天。',
  category: '探访慰问',
  address: '石岐区悦来南路 1 号',
  startAt: Date.UTC(2026, 10, 28, 1), // 11月28日 09:00 in Zhongshan
  endAt: Date.UTC(2026, 10, 28, 3),
  signupDeadline: Date.UTC(2026, 10, 28, 1),
  quota: 5,
  confirmedCount: 5,
  waitlistCount: 2,
  requiredSpecialties: [],
  adultsOnly: false,
  membersOnly: false,
  requiredQualifications: [],
  kind: 'service',
  status: 'published',
  createdAt: Date.UTC(2026, 10, 20),
};

const shown = (state: Parameters<typeof toRow>[1], p: BrigadePost = post) => {
  const row = toRow(p, state);
  const buttons = [row.roster && '名单', row.code && '签到码', row.record].filter(Boolean);
  return `${row.time} | ${row.counts} | ${buttons.join(' ')}`;
};

describe('a row of 本队活动', () => {
  it('offers the roster and the check-in code before and during the service, with places and waitlist', () => {
    expect(shown('upcoming')).toBe('11月28日 周六 09:00–11:00 | 已报名 5/5 人 · 候补 2 人 | 名单 签到码');
    expect(shown('ongoing', { ...post, waitlistCount: 0 })).toBe(
      '11月28日 周六 09:00–11:00 | 已报名 5/5 人 | 名单 签到码',
    );
  });

  it('offers recording once the service has ended, and shows how many are recorded after', () => {
    expect(shown('unrecorded')).toBe('11月28日 周六 09:00–11:00 | 已报名 5 人 · 待录入 | 名单 录入');
    expect(shown('recorded', { ...post, recordedCount: 3 })).toBe(
      '11月28日 周六 09:00–11:00 | 已录入 3/5 人 | 名单 查看录入',
    );
  });
});
