// The post card: what a volunteer reads in the 招募 list, and where a tap takes them.
import type { Post } from '../../typings/index';
import { renderComponent, tap, textOf, wxCalls } from '../../../test/helpers/page';
import { toPostCardView } from './view';

const post: Post = {
  postId: 'p-1',
  brigadeId: 'b-1',
  brigadeName: '石岐区博爱义工大队',
  town: '石岐区',
  title: '探访独居长者',
  description: '上门陪伴聊天，帮忙打扫',
  category: '探访慰问',
  address: '中山市石岐区民生路 1 号',
  // 2026-03-04 01:00Z = 09:00 in Shanghai (a Wednesday), until 11:30.
  startAt: Date.UTC(2026, 2, 4, 1, 0),
  endAt: Date.UTC(2026, 2, 4, 3, 30),
  signupDeadline: Date.UTC(2026, 2, 4, 1, 0),
  quota: 10,
  confirmedCount: 3,
  waitlistCount: 0,
  requiredSpecialties: [],
  adultsOnly: false,
  membersOnly: false,
  requiredQualifications: [],
  kind: 'service',
  status: 'published',
  createdAt: Date.UTC(2026, 2, 1),
};

describe('post-card', () => {
  it('shows title, brigade, Shanghai time, address, category and the quota', () => {
    const card = renderComponent('components/post-card/index', { card: toPostCardView(post) });
    const text = textOf(card);
    expect(text).toContain('探访独居长者');
    expect(text).toContain('石岐区博爱义工大队');
    expect(text).toContain('3月4日 周三 09:00–11:30');
    expect(text).toContain('中山市石岐区民生路 1 号');
    expect(text).toContain('探访慰问');
    expect(text).toContain('已报名 3/10');
    expect(card.querySelector('.post-card__bar-fill')!.dom!.getAttribute('style')).toContain('width: 30%');
    card.detach();
  });

  it('says 已满 with the waitlist when the quota is reached, and 已取消 for a cancelled post', () => {
    const full = renderComponent('components/post-card/index', {
      card: toPostCardView({ ...post, confirmedCount: 10, waitlistCount: 2 }),
    });
    expect(textOf(full)).toContain('已满 10/10');
    expect(textOf(full)).toContain('候补 2');
    full.detach();
    const cancelled = renderComponent('components/post-card/index', {
      card: toPostCardView({ ...post, status: 'cancelled' }),
    });
    expect(textOf(cancelled)).toContain('已取消');
    expect(textOf(cancelled)).not.toContain('探访慰问');
    cancelled.detach();
  });

  it('shows the distance when the list is nearest first', () => {
    const card = renderComponent('components/post-card/index', { card: toPostCardView({ ...post, distance: 1234 }) });
    expect(textOf(card)).toContain('1.2 公里');
    card.detach();
    expect(toPostCardView(post).distance).toBe('');
    expect(toPostCardView({ ...post, distance: 432 }).distance).toBe('430 米');
  });

  it('shows a training’s topic and trainer with its 培训 tag, and nothing of the kind for a service', () => {
    const training = {
      ...post,
      kind: 'training' as const,
      category: '培训' as const,
      topic: '心肺复苏',
      trainer: '李医生',
    };
    const card = renderComponent('components/post-card/index', { card: toPostCardView(training) });
    expect(textOf(card)).toContain('培训');
    expect(textOf(card)).toContain('心肺复苏 · 讲师 李医生');
    card.detach();
    expect(toPostCardView(post).training).toBe('');
  });

  it('opens the post page on tap', async () => {
    const card = renderComponent('components/post-card/index', { card: toPostCardView(post) });
    await tap(card, '.post-card');
    expect(wxCalls.at(-1)).toEqual({ api: 'navigateTo', args: { url: '/pages/post/index?postId=p-1' } });
    card.detach();
  });
});
