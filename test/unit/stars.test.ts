// Star rules at every boundary: hours, tenure (Shanghai calendar months) and the average rating.
import {
  STAR_THRESHOLDS,
  averageRating,
  nextLevel,
  starLevel,
  tenureReachedAt,
  type StarFacts,
} from '../../server/rules/stars';

const DAY = 86_400_000;
// Registered 2024-03-15 10:00 in Zhongshan.
const REGISTERED = Date.UTC(2024, 2, 15, 2, 0);
const at = (months: number, days = 0) => tenureReachedAt(REGISTERED, months) + days * DAY;
const facts = (hours: number, rating = 4, registeredAt = REGISTERED): StarFacts => ({
  earnedMinutes: Math.round(hours * 60),
  ratingSum: rating * 100,
  ratingCount: 100,
  registeredAt,
});

describe('thresholds as data', () => {
  it('has the national ladder: 100/300/600/1000/1500 hours, 6/6/12/12/24 months, rating 3.0', () => {
    expect(STAR_THRESHOLDS.map((t) => [t.level, t.minutes / 60, t.tenureMonths, t.rating])).toEqual([
      [1, 100, 6, 3],
      [2, 300, 6, 3],
      [3, 600, 12, 3],
      [4, 1000, 12, 3],
      [5, 1500, 24, 3],
    ]);
  });
});

describe('starLevel', () => {
  const cases: [string, StarFacts, number, number][] = [
    ['nothing yet', facts(0), at(30), 0],
    ['99.98 h is not 100 h', { ...facts(0), earnedMinutes: 5999 }, at(30), 0],
    ['100 h exactly', facts(100), at(30), 1],
    ['299.98 h', { ...facts(0), earnedMinutes: 17999 }, at(30), 1],
    ['300 h', facts(300), at(30), 2],
    ['600 h', facts(600), at(30), 3],
    ['1000 h', facts(1000), at(30), 4],
    ['1499.98 h', { ...facts(0), earnedMinutes: 89999 }, at(30), 4],
    ['1500 h', facts(1500), at(30), 5],
    ['100 h, tenure one day short of 6 months', facts(100), at(6, -1), 0],
    ['100 h, one millisecond short of 6 months', facts(100), at(6) - 1, 0],
    ['100 h, 6 months exactly', facts(100), at(6), 1],
    ['600 h, one day short of a year', facts(600), at(12, -1), 2],
    ['600 h, a year', facts(600), at(12), 3],
    ['1500 h, one day short of two years', facts(1500), at(24, -1), 4],
    ['1500 h, two years', facts(1500), at(24), 5],
    ['rating 2.99 average', { ...facts(1500), ratingSum: 299, ratingCount: 100 }, at(30), 0],
    ['rating 3.0 average', { ...facts(1500), ratingSum: 300, ratingCount: 100 }, at(30), 5],
    ['rating 2.999 average (never rounded up)', { ...facts(100), ratingSum: 2999, ratingCount: 1000 }, at(30), 0],
    ['hours without any rating', { ...facts(100), ratingSum: 0, ratingCount: 0 }, at(30), 0],
  ];
  it.each(cases)('%s', (_what, f, now, level) => {
    expect(starLevel(f, now)).toBe(level);
  });

  it('counts tenure in Shanghai calendar months (Aug 31 + 6 months → end of February)', () => {
    const aug31 = Date.UTC(2025, 7, 30, 16, 30); // 2025-08-31 00:30 in Zhongshan
    expect(new Date(tenureReachedAt(aug31, 6)).toISOString()).toBe('2026-02-27T16:30:00.000Z');
  });
});

describe('nextLevel', () => {
  it('says what is missing: hours, days of tenure, the rating threshold', () => {
    const now = at(5); // a month short of 6 months
    expect(nextLevel(facts(40), now)).toEqual({
      level: 1,
      minutesNeeded: 60 * 60,
      tenureNeededDays: Math.ceil((at(6) - now) / DAY),
      ratingNeeded: 3,
    });
  });

  it('reports 0 for what is met and the next level above the one held', () => {
    expect(nextLevel(facts(150), at(7))).toEqual({
      level: 2,
      minutesNeeded: 150 * 60,
      tenureNeededDays: 0,
      ratingNeeded: 3,
    });
    expect(nextLevel(facts(700), at(11, 1))).toMatchObject({ level: 3, minutesNeeded: 0, tenureNeededDays: 27 }); // 2025-02-16 → 2025-03-15
  });

  it('has nothing above five stars', () => {
    expect(nextLevel(facts(2000), at(30))).toBeUndefined();
  });
});

describe('averageRating', () => {
  it('is two decimals, undefined before the first rating', () => {
    expect(averageRating({ ratingSum: 0, ratingCount: 0 })).toBeUndefined();
    expect(averageRating({ ratingSum: 13, ratingCount: 3 })).toBe(4.33);
  });
});
