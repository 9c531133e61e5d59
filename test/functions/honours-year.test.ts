// An honour's year is a real one: from the programme's start (2014) to this year by the Shanghai calendar; and
// the reason, which everyone sees on the honours list and the card, passes content safety. Refused awards store nothing.
import type { AwardRequest } from '../../typings/api/stars';
import type { HonourAward, Page, Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, fails, ok, registration } from './helpers';

// 2027-01-01 01:00 in Zhongshan, still 2026 in UTC: "this year" is 2027.
const NOW = Date.UTC(2026, 11, 31, 17);

let cloud: TestCloud;
let profile: Profile;

beforeAll(async () => {
  cloud = await startTestCloud({ env: { HQ_OPENIDS: HQ }, now: NOW });
  profile = await ok<Profile>(cloud, 'volunteers', 'register', registration(), 'honoured');
});
afterAll(() => cloud.stop());

const award = (fields: Partial<AwardRequest>) => ({
  cardNo: profile.cardNo,
  honour: 'outstanding',
  reason: '坚持每周探访独居长者',
  ...fields,
});

const years = async () =>
  (await ok<Page<HonourAward>>(cloud, 'stars', 'honours', {}, HQ)).items.map((h) => h.year).sort();

describe('the year of 优秀义工', () => {
  it.each([2100, 2028, 2013])('refuses %i with a Chinese message, storing nothing', async (year) => {
    const error = await fails(cloud, 'stars', 'award', award({ year }), HQ);
    expect(error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '年度须在 2014 年至 2027 年之间',
      fields: { year: '年度须在 2014 年至 2027 年之间' },
    });
    expect(await years()).toEqual([]);
  });

  it('refuses a future year for 功勋义工 too', async () => {
    const error = await fails(cloud, 'stars', 'award', award({ honour: 'meritorious', year: 2100 }), HQ);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(await years()).toEqual([]);
  });

  it('accepts this year (Shanghai) and the programme’s first year', async () => {
    await ok(cloud, 'stars', 'award', award({ year: 2027 }), HQ);
    await ok(cloud, 'stars', 'award', award({ year: 2014 }), HQ);
    expect(await years()).toEqual([2014, 2027]);
  });
});

describe('the reason passes content safety', () => {
  it('refuses a risky reason and stores no honour', async () => {
    const error = await fails(cloud, 'stars', 'award', award({ year: 2020, reason: '组织赌博活动' }), HQ);
    expect(error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '内容含有不适宜发布的信息，请修改后再提交',
      fields: { reason: '内容含有不适宜发布的信息，请修改' },
    });
    expect(await years()).not.toContain(2020);
  });
});
