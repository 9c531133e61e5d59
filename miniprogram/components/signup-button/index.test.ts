// The post page's sign-up button: each state reads as a resident expects and only some states act.
import { renderComponent, tap, textOf } from '../../../test/helpers/page';
import { signupButtonView, type SignupSubject } from './state';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 2, 1, 1, 0);
const post: SignupSubject = {
  status: 'published',
  startAt: NOW + 48 * HOUR,
  endAt: NOW + 50 * HOUR,
  signupDeadline: NOW + 24 * HOUR,
  quota: 3,
  confirmedCount: 1,
};

describe('signup-button state', () => {
  it.each([
    ['open', post, '报名', 'signup', ''],
    ['full', { ...post, confirmedCount: 3 }, '已满（可候补）', 'signup', ''],
    ['signed up', { ...post, mySignup: { status: 'confirmed' as const } }, '已报名', 'none', '取消报名'],
    [
      'waitlisted',
      { ...post, confirmedCount: 3, mySignup: { status: 'waitlisted' as const, position: 2 } },
      '候补第2位',
      'none',
      '退出候补',
    ],
    ['past the deadline', { ...post, signupDeadline: NOW - 1 }, '已截止', 'none', ''],
    [
      'cancelled',
      { ...post, status: 'cancelled' as const, mySignup: { status: 'cancelled' as const } },
      '已取消',
      'none',
      '',
    ],
    ['withdrawn earlier', { ...post, mySignup: { status: 'withdrawn' as const } }, '报名', 'signup', ''],
  ])('%s → %s', (_, subject, label, action, withdraw) => {
    const view = signupButtonView(subject, NOW);
    expect(view.label).toBe(label);
    expect(view.action).toBe(action);
    expect(view.withdrawLabel).toBe(withdraw);
    expect(view.disabled).toBe(action === 'none');
  });

  it('keeps a sign-up but no longer offers withdrawal once the service has started', () => {
    const view = signupButtonView({ ...post, mySignup: { status: 'confirmed' } }, post.startAt + 1);
    expect(view.label).toBe('已报名');
    expect(view.withdrawLabel).toBe('');
  });
});

describe('signup-button', () => {
  it('emits signup from an open post and withdraw from a sign-up, never signup when disabled', async () => {
    const events: string[] = [];
    const button = renderComponent('components/signup-button/index', { view: signupButtonView(post, NOW) });
    const host = button as unknown as { addEventListener(name: string, fn: () => void): void };
    host.addEventListener('signup', () => events.push('signup'));
    host.addEventListener('withdraw', () => events.push('withdraw'));
    expect(textOf(button)).toBe('报名');
    await tap(button, '.signup-button__main');
    expect(events).toEqual(['signup']);

    button.setData({ view: signupButtonView({ ...post, mySignup: { status: 'confirmed' } }, NOW) });
    expect(textOf(button)).toContain('已报名');
    await tap(button, '.signup-button__main');
    await tap(button, '.signup-button__withdraw');
    expect(events).toEqual(['signup', 'withdraw']);

    button.setData({ view: signupButtonView({ ...post, signupDeadline: NOW - 1 }, NOW) });
    await tap(button, '.signup-button__main');
    expect(textOf(button)).toContain('已截止');
    expect(events).toEqual(['signup', 'withdraw']);
    button.detach();
  });
});
