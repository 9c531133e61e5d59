// loadRecord: what a page with one record shows while loading, after an answer, after a failure and on retry.
import { CallError } from '../services/client';
import { loadRecord, recordPage, showLoadError } from './record';

/** A page's data as setData leaves it, and every setData in order. */
function fakePage(initial: Record<string, unknown> = {}) {
  const page = {
    data: { ...initial } as Record<string, unknown>,
    calls: [] as Record<string, unknown>[],
    setData(patch: Record<string, unknown>) {
      page.calls.push(patch);
      Object.assign(page.data, patch);
    },
  };
  return page;
}

/** A call that answers when the test says so. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const notFound = () => new CallError('NOT_FOUND', '找不到这条招募');

describe('loadRecord', () => {
  it('shows the skeleton, then the record, and resolves to the value', async () => {
    const page = fakePage({ error: '上次的错误' });
    const call = deferred<{ title: string }>();
    const loaded = loadRecord(
      page,
      () => call.promise,
      (post) => ({ title: post.title }),
    );
    expect(page.data).toMatchObject({ loading: true, error: '' });
    call.resolve({ title: '探访独居长者' });
    await expect(loaded).resolves.toEqual({ title: '探访独居长者' });
    expect(page.data).toMatchObject({ loading: false, error: '', title: '探访独居长者' });
  });

  it('keeps what is on screen while reloading when asked', async () => {
    const page = fakePage({ title: '旧标题' });
    const loaded = loadRecord(
      page,
      async () => '新标题',
      (title) => ({ title }),
      { keep: true },
    );
    expect(page.data).toMatchObject({ loading: false, title: '旧标题' });
    await loaded;
    expect(page.data.title).toBe('新标题');
  });

  it('shows the server message on failure, else the fallback, else the default', async () => {
    const page = fakePage();
    await expect(
      loadRecord(
        page,
        () => Promise.reject(notFound()),
        () => ({}),
      ),
    ).resolves.toBeUndefined();
    expect(page.data).toMatchObject({ loading: false, error: '找不到这条招募' });
    await loadRecord(
      page,
      () => Promise.reject('boom'),
      () => ({}),
      { fallback: '出错了，请稍后重试' },
    );
    expect(page.data.error).toBe('出错了，请稍后重试');
    await loadRecord(
      page,
      () => Promise.reject(new Error('')),
      () => ({}),
    );
    expect(page.data.error).toBe('加载失败，请稍后重试');
  });

  it('lets the page show an expected failure its own way', async () => {
    const page = fakePage();
    const failed = (error: unknown) =>
      error instanceof CallError && error.code === 'UNAUTHENTICATED' ? { visitor: true } : undefined;
    await loadRecord(
      page,
      () => Promise.reject(new CallError('UNAUTHENTICATED', '请先登记')),
      () => ({}),
      { failed },
    );
    expect(page.data).toMatchObject({ loading: false, visitor: true });
    expect(page.data.error).toBe('');
    await loadRecord(
      page,
      () => Promise.reject(notFound()),
      () => ({}),
      { failed },
    );
    expect(page.data.error).toBe('找不到这条招募');
  });

  it('never lets an older answer overwrite a newer one, nor an older failure hide it', async () => {
    const page = fakePage();
    const first = deferred<string>();
    const second = deferred<string>();
    const older = loadRecord(
      page,
      () => first.promise,
      (title) => ({ title }),
    );
    const newer = loadRecord(
      page,
      () => second.promise,
      (title) => ({ title }),
    );
    second.resolve('新');
    await newer;
    first.resolve('旧');
    await expect(older).resolves.toBeUndefined();
    expect(page.data).toMatchObject({ loading: false, error: '', title: '新' });

    const late = deferred<string>();
    const failing = loadRecord(
      page,
      () => late.promise,
      () => ({}),
    );
    await loadRecord(
      page,
      async () => '最新',
      (title) => ({ title }),
    );
    late.reject(notFound());
    await failing;
    expect(page.data).toMatchObject({ error: '', title: '最新' });
  });

  it('refreshes quietly: nothing changes while loading, and a failure keeps what is shown', async () => {
    const page = fakePage({ loading: false, error: '', title: '旧' });
    const call = deferred<string>();
    const loaded = loadRecord(
      page,
      () => call.promise,
      (title) => ({ title }),
      { quiet: true },
    );
    expect(page.calls).toEqual([]);
    call.reject(notFound());
    await loaded;
    expect(page.calls).toEqual([]);
    await loadRecord(
      page,
      async () => '新',
      (title) => ({ title }),
      { quiet: true },
    );
    expect(page.data).toMatchObject({ loading: false, error: '', title: '新' });
  });

  it('uses the keys the page names, and keeps them apart from the default ones', async () => {
    const page = fakePage({ loading: false, error: '' });
    const keys = { loading: 'balanceLoading', error: 'balanceError' };
    const balance = deferred<number>();
    const loaded = loadRecord(
      page,
      () => balance.promise,
      (minutes) => ({ minutes }),
      { keys },
    );
    await loadRecord(
      page,
      async () => '标题',
      (title) => ({ title }),
    );
    balance.reject(notFound());
    await loaded;
    expect(page.data).toMatchObject({
      balanceLoading: false,
      balanceError: '找不到这条招募',
      loading: false,
      error: '',
    });
  });
});

describe('showLoadError', () => {
  it('shows the error at once, and a call still running no longer replaces it', async () => {
    const page = fakePage();
    const call = deferred<string>();
    const loaded = loadRecord(
      page,
      () => call.promise,
      (title) => ({ title }),
    );
    showLoadError(page, '链接不完整，找不到这条招募');
    call.resolve('标题');
    await loaded;
    expect(page.data).toMatchObject({ loading: false, error: '链接不完整，找不到这条招募' });
    expect(page.data.title).toBeUndefined();
  });
});

describe('recordPage', () => {
  it('reloads on 重试', () => {
    const load = jest.fn();
    recordPage.onRetry.call({ load });
    expect(load).toHaveBeenCalledTimes(1);
  });
});
