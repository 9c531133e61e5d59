// The quota bar on the post page: how many have signed up, how many places are left, the waitlist.
import { renderComponent, textOf } from '../../../test/helpers/page';

describe('quota-bar', () => {
  it('shows the count, the places left and a bar as wide as the share taken', () => {
    const bar = renderComponent('components/quota-bar/index', { confirmed: 3, quota: 10, waitlist: 0 });
    expect(textOf(bar)).toContain('3/10 人已报名');
    expect(textOf(bar)).toContain('还剩 7 个名额');
    expect(bar.querySelector('.quota-bar__fill')!.dom!.getAttribute('style')).toContain('width: 30%');
    bar.detach();
  });

  it('says the quota is full and how many wait', () => {
    const bar = renderComponent('components/quota-bar/index', { confirmed: 4, quota: 4, waitlist: 2 });
    expect(textOf(bar)).toContain('名额已满，候补 2 人');
    expect(textOf(bar)).not.toContain('还剩');
    expect(bar.querySelector('.quota-bar__fill--full')).toBeTruthy();
    bar.detach();
  });
});
