// The pure recruitment rules: the time checks a leader sees when publishing, attendance minutes, check-in codes,
// weekly series, required specialties and the distance shown in the feed.
import {
  CHECKIN_OPENS_BEFORE,
  DAY,
  HOUR,
  MINUTE,
  WEEK,
  checkTimes,
  checkinCode,
  checkinOpen,
  distanceMetres,
  missingSpecialties,
  overlapMinutes,
  verifyCheckinCode,
  weeklyStarts,
} from '../../server/rules/posts';

const NOW = Date.UTC(2026, 5, 1, 2, 0, 0);
const START = NOW + DAY;

describe('checkTimes', () => {
  it('accepts a start after now, an end after the start and a deadline between now and the start', () => {
    expect(checkTimes(START, START + 2 * HOUR, START, NOW)).toBeUndefined();
    expect(checkTimes(NOW + 1, NOW + 2, NOW + 1, NOW)).toBeUndefined();
    expect(checkTimes(START, START + 24 * HOUR, NOW + 1, NOW)).toBeUndefined();
  });

  it.each([
    ['a start now', NOW, NOW + HOUR, NOW, { field: 'startAt', message: '开始时间需晚于现在' }],
    ['a start in the past', NOW - 1, NOW + HOUR, NOW - 1, { field: 'startAt', message: '开始时间需晚于现在' }],
    ['an end at the start', START, START, START, { field: 'endAt', message: '结束时间需晚于开始时间' }],
    ['an end before the start', START, START - 1, START, { field: 'endAt', message: '结束时间需晚于开始时间' }],
    [
      'a service over 24 hours',
      START,
      START + 24 * HOUR + 1,
      START,
      { field: 'endAt', message: '单次服务不能超过 24 小时' },
    ],
    [
      'a deadline after the start',
      START,
      START + HOUR,
      START + 1,
      { field: 'signupDeadline', message: '报名截止时间不能晚于开始时间' },
    ],
    ['a deadline now', START, START + HOUR, NOW, { field: 'signupDeadline', message: '报名截止时间需晚于现在' }],
  ])('refuses %s with the field and the message', (_case, start, end, deadline, problem) => {
    expect(checkTimes(start, end, deadline, NOW)).toEqual(problem);
  });
});

describe('overlapMinutes', () => {
  it('counts whole minutes inside the service window only', () => {
    expect(overlapMinutes(START, START + 90 * MINUTE, START, START + 2 * HOUR)).toBe(90);
    expect(overlapMinutes(START - HOUR, START + 3 * HOUR, START, START + 2 * HOUR)).toBe(120);
    expect(overlapMinutes(START + 10 * MINUTE, START + 3 * HOUR, START, START + 2 * HOUR)).toBe(110);
    expect(overlapMinutes(START, START + MINUTE - 1, START, START + 2 * HOUR)).toBe(0);
    expect(overlapMinutes(START + 3 * HOUR, START + 4 * HOUR, START, START + 2 * HOUR)).toBe(0);
  });
});

describe('checkinOpen', () => {
  const end = START + 2 * HOUR;
  it('opens 30 minutes before the start and closes at the end', () => {
    expect(checkinOpen(START - CHECKIN_OPENS_BEFORE - 1, START, end)).toBe(false);
    expect(checkinOpen(START - CHECKIN_OPENS_BEFORE, START, end)).toBe(true);
    expect(checkinOpen(end, START, end)).toBe(true);
    expect(checkinOpen(end + 1, START, end)).toBe(false);
  });
});

describe('check-in codes', () => {
  const key = Buffer.alloc(32, 7);
  it('shows six digits until the end of the minute, and accepts this and the previous minute only', () => {
    const at = Math.floor(NOW / MINUTE) * MINUTE + 20_000;
    const { code, expiresAt } = checkinCode(key, 'post-1', at);
    expect(code).toMatch(/^\d{6}$/);
    expect(expiresAt).toBe(Math.floor(NOW / MINUTE) * MINUTE + MINUTE);
    expect(checkinCode(key, 'post-1', expiresAt - 1).code).toBe(code);
    expect(verifyCheckinCode(key, 'post-1', code, at)).toBe(true);
    expect(verifyCheckinCode(key, 'post-1', code, expiresAt + 30_000)).toBe(true);
    expect(verifyCheckinCode(key, 'post-1', code, expiresAt + MINUTE)).toBe(false);
    // Another post's code, or a code under another key, is another number and does not check in here.
    expect(checkinCode(key, 'post-2', at).code).not.toBe(code);
    expect(verifyCheckinCode(key, 'post-2', code, at)).toBe(false);
    expect(verifyCheckinCode(Buffer.alloc(32, 8), 'post-1', code, at)).toBe(false);
  });

  it('keeps the leading zeros of a small code', () => {
    const minutes = Array.from({ length: 300 }, (_, i) => NOW + i * MINUTE);
    const small = minutes.map((at) => checkinCode(key, 'post-1', at).code).filter((c) => c.startsWith('0'));
    expect(small.length).toBeGreaterThan(0);
    for (const code of small) expect(code).toMatch(/^0\d{5}$/);
  });

  it('changes from one minute to the next for most minutes', () => {
    const codes = Array.from({ length: 20 }, (_, i) => checkinCode(key, 'post-1', NOW + i * MINUTE).code);
    expect(new Set(codes).size).toBeGreaterThanOrEqual(19);
  });
});

describe('weeklyStarts', () => {
  it('repeats the start every seven days', () => {
    expect(weeklyStarts(START, 3)).toEqual([START, START + WEEK, START + 2 * WEEK]);
    expect(weeklyStarts(START, 1)).toEqual([START]);
  });
});

describe('missingSpecialties', () => {
  it('asks for nothing when none is required or one of them is held, else lists what is required', () => {
    expect(missingSpecialties([], ['护理'])).toEqual([]);
    expect(missingSpecialties(['护理', '心理咨询'], ['心理咨询'])).toEqual([]);
    expect(missingSpecialties(['护理', '心理咨询'], ['法律'])).toEqual(['护理', '心理咨询']);
    expect(missingSpecialties(['护理'], [])).toEqual(['护理']);
  });
});

describe('distanceMetres', () => {
  it('measures the great-circle distance in whole metres', () => {
    expect(distanceMetres(22.52, 113.38, 22.52, 113.38)).toBe(0);
    // One degree of latitude on a sphere of radius 6 378 100 m.
    expect(distanceMetres(22, 113, 23, 113)).toBe(Math.round((6378100 * Math.PI) / 180));
    // Along a parallel the metres shrink with the cosine of the latitude (60°: half).
    const alongEquator = distanceMetres(0, 113, 0, 113.01);
    expect(alongEquator).toBe(Math.round((6378100 * 0.01 * Math.PI) / 180));
    expect(distanceMetres(60, 113, 60, 113.01)).toBeCloseTo(alongEquator / 2, -1);
    expect(distanceMetres(22.5, 113.4, 22.6, 113.5)).toBe(distanceMetres(22.6, 113.5, 22.5, 113.4));
  });
});
