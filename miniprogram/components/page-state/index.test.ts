// A failed load offers 重试 as the same button as 我的 and 招募 do (a normal-size round button), not a smaller one.
import { renderComponent, textOf } from '../../../test/helpers/page';

it('shows the error with a normal-size 重试 button', () => {
  const state = renderComponent('components/page-state/index', { error: '网络不给力，请检查网络后重试' });
  expect(textOf(state)).toContain('重试');
  const button = state.dom!.querySelector('[class*="van-button--van-button"]');
  expect(button?.getAttribute('class')).toContain('van-button--normal');
  state.detach();
});
