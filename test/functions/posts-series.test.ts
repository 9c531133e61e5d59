// A weekly series runs 2–26 weeks, as the contract and the post form say; another count is refused with the field
// named, and nothing is published.
import { fails, ok } from './helpers';
import { HOUR, NOW, postsWorld, type PostsWorld } from './posts-fixture';

let w: PostsWorld;

beforeAll(async () => {
  w = await postsWorld();
});
afterAll(() => w.cloud.stop());

const published = async () => {
  const request = { brigadeId: w.brigade.brigadeId, pageSize: 50 };
  return (await ok<{ items: unknown[] }>(w.cloud, 'posts', 'list', request, 'leader')).items.length;
};

const series = (repeatWeeks: number) => ({
  brigadeId: w.brigade.brigadeId,
  title: '每周探访',
  description: '上门陪伴聊天。',
  category: '探访慰问',
  address: '石岐区悦来南路 1 号',
  startAt: NOW + 48 * HOUR,
  endAt: NOW + 50 * HOUR,
  quota: 3,
  repeatWeeks,
});

it.each([
  [1, '重复周数不能小于 2'],
  [27, '重复周数不能大于 26'],
])('refuses a series of %i weeks and publishes nothing', async (weeks, message) => {
  const error = await fails(w.cloud, 'posts', 'create', series(weeks), 'leader');
  expect({ code: error.code, repeatWeeks: error.fields?.repeatWeeks }).toEqual({
    code: 'INVALID_ARGUMENT',
    repeatWeeks: message,
  });
  expect(await published()).toBe(0);
});

it('publishes a series of 2 and of 26 weeks', async () => {
  await ok(w.cloud, 'posts', 'create', series(2), 'leader');
  await ok(w.cloud, 'posts', 'create', series(26), 'leader');
  expect(await published()).toBe(28);
});
