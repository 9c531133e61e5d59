// Check-in codes cannot be guessed: 5 wrong codes per volunteer and post in 10 minutes, then even the right
// code is refused until the window passes (check-out codes alike).
import type { RosterEntry } from '../../typings/api/posts';
import type { ErrorCode } from '../../typings/errors';
import { call, fails, ok } from './helpers';
import { HOUR, NOW, postsWorld, type PostsWorld } from './posts-fixture';

let w: PostsWorld;
let postId: string;

const TOO_MANY = '签到码错误次数过多，请 10 分钟后再试';
const MINUTE = 60_000;

beforeAll(async () => {
  w = await postsWorld(8);
  for (const id of ['a', 'b', 'c']) await w.register(`vol-${id}`, { name: `义工${id}` });
  ({ postId } = await w.post({ quota: 3, startAt: NOW + 2 * HOUR, endAt: NOW + 4 * HOUR }));
  for (const id of ['a', 'b', 'c']) await ok(w.cloud, 'posts', 'signup', { postId }, `vol-${id}`);
  await w.advance(90 * MINUTE); // check-in opens; the 10-minute windows start on the clock's 10 minutes
  // Start every function instance now, so that the guesses below really run side by side.
  await Promise.all(Array.from({ length: 16 }, () => ok(w.cloud, 'posts', 'get', { postId }, 'visitor')));
});
afterAll(() => w.cloud.stop());

const rightCode = async () => (await ok<{ code: string }>(w.cloud, 'posts', 'checkinCode', { postId }, 'leader')).code;
/** `count` distinct codes other than the right one. */
const wrongCodes = (right: string, count: number) =>
  Array.from({ length: count }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'));
const codesOf = async (action: 'checkin' | 'checkout', who: string, codes: string[]) =>
  (await Promise.all(codes.map((code) => call(w.cloud, 'posts', action, { postId, code }, who)))).map((r) =>
    r.body.ok ? 'OK' : r.body.code,
  );
const checkinOf = async (name: string) =>
  (await ok<{ items: RosterEntry[] }>(w.cloud, 'posts', 'roster', { postId }, 'leader')).items.find(
    (r) => r.name === name,
  )?.checkinAt;

describe('wrong check-in codes', () => {
  it('are answered as wrong, and the right code still works within the limit', async () => {
    const right = await rightCode();
    for (const code of wrongCodes(right, 4)) {
      expect(await fails(w.cloud, 'posts', 'checkin', { postId, code }, 'vol-b')).toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: '签到码不正确或已过期，请重新扫码',
      });
    }
    await ok(w.cloud, 'posts', 'checkin', { postId, code: right }, 'vol-b');
    expect(await checkinOf('义工b')).toBeGreaterThan(NOW);
  });

  it('50 at once: at most 5 answered as wrong, then even the right code is refused for 10 minutes', async () => {
    const right = await rightCode();
    const answers = await codesOf('checkin', 'vol-a', wrongCodes(right, 50));
    const count = (code: ErrorCode) => answers.filter((a) => a === code).length;
    expect([count('INVALID_ARGUMENT'), count('RESOURCE_EXHAUSTED')]).toEqual([5, 45]);
    expect(await fails(w.cloud, 'posts', 'checkin', { postId, code: right }, 'vol-a')).toEqual(
      expect.objectContaining({ code: 'RESOURCE_EXHAUSTED', message: TOO_MANY }),
    );
    expect(await checkinOf('义工a')).toBeUndefined();
    // Another volunteer of the same post is not held up.
    await ok(w.cloud, 'posts', 'checkin', { postId, code: right }, 'vol-c');
    await w.advance(10 * MINUTE);
    await ok(w.cloud, 'posts', 'checkin', { postId, code: await rightCode() }, 'vol-a');
    expect(await checkinOf('义工a')).toBeGreaterThan(NOW);
  });
});

describe('wrong check-out codes', () => {
  it('count alike: the sixth and the right code are refused', async () => {
    await w.advance(2.5 * HOUR); // after the end, check-out is open
    const right = await rightCode();
    expect((await codesOf('checkout', 'vol-b', wrongCodes(right, 6))).sort()).toEqual([
      ...Array(5).fill('INVALID_ARGUMENT'),
      'RESOURCE_EXHAUSTED',
    ]);
    expect((await fails(w.cloud, 'posts', 'checkout', { postId, code: right }, 'vol-b')).message).toBe(TOO_MANY);
  });
});
