// loadFigures: the skeleton the first time, the figures kept (marked refreshing) on later loads, the error on failure.
import { CallError } from '../services/client';
import { loadFigures } from './period-filter';

function fakePage() {
  const page = {
    data: {} as Record<string, unknown>,
    setData(patch: Record<string, unknown>) {
      Object.assign(page.data, patch);
    },
  };
  return page;
}

describe('loadFigures', () => {
  it('keeps the figures shown while a filter reloads them, and shows the skeleton again after a failure', async () => {
    const page = fakePage();
    let answer: () => Promise<number> = async () => 12;
    const load = () =>
      loadFigures(
        page,
        () => answer(),
        (hours) => ({ hours }),
      );

    const first = load();
    expect(page.data).toMatchObject({ loading: true, refreshing: false });
    await first;
    expect(page.data).toMatchObject({ loading: false, refreshing: false, view: { hours: 12 } });

    answer = async () => 30;
    const second = load();
    expect(page.data).toMatchObject({ loading: false, refreshing: true, view: { hours: 12 } });
    await second;
    expect(page.data).toMatchObject({ refreshing: false, view: { hours: 30 } });

    answer = () => Promise.reject(new CallError('PERMISSION_DENIED', '只有总队可以查看'));
    await load();
    expect(page.data).toMatchObject({ loading: false, refreshing: false, error: '只有总队可以查看' });
    answer = async () => 31;
    const retry = load();
    expect(page.data).toMatchObject({ loading: true, refreshing: false, error: '' });
    await retry;
    expect(page.data).toMatchObject({ loading: false, error: '', view: { hours: 31 } });
  });
});
