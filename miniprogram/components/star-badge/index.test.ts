// The star badge: five stars, as many lit as the level, and the level's name.
import { renderComponent, textOf, type RenderedPage } from '../../../test/helpers/page';

/** Rendered stars (Vant's classes carry its component prefix in the DOM). */
const stars = (badge: RenderedPage) => badge.dom!.querySelectorAll('[class~="van-rate--van-rate__icon"]').length;
const lit = (badge: RenderedPage) => badge.dom!.querySelectorAll('[class~="van-rate--van-rate__icon--full"]').length;

describe('star-badge', () => {
  it('names the level and lights that many stars', () => {
    const badge = renderComponent('components/star-badge/index', { level: 3 });
    expect(textOf(badge)).toContain('三星义工');
    expect(stars(badge)).toBe(5);
    expect(lit(badge)).toBe(3);
    badge.detach();
  });

  it('says 暂未定级 below one star', () => {
    const badge = renderComponent('components/star-badge/index', { level: 0 });
    expect(textOf(badge)).toContain('暂未定级');
    // Five pale stars read as five stars: no level shows none.
    expect(stars(badge)).toBe(0);
    badge.detach();
  });
});
