import { nextOfPairs, upcomingVisits, type VisitRule } from '../../server/rules/visits';

/** Epoch ms of a Shanghai wall-clock time, e.g. at('2026-03-03 09:00'). */
const at = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}:00+08:00`);
/** The Shanghai wall-clock start of each visit, for reading failures. */
const starts = (rule: VisitRule, now: number, windowDays?: number) =>
  upcomingVisits(rule, now, windowDays).map((o) =>
    new Date(o.startAt + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '),
  );

const weekly: VisitRule = {
  frequency: 'weekly',
  weekday: 2,
  slot: 'morning',
  durationMinutes: 60,
  startDate: at('2026-03-01 00:00'),
};

describe('upcomingVisits', () => {
  it('schedules a weekly Tuesday morning visit at 9:00 Shanghai for the next four weeks', () => {
    expect(starts(weekly, at('2026-03-01 12:00'))).toEqual([
      '2026-03-03 09:00',
      '2026-03-10 09:00',
      '2026-03-17 09:00',
      '2026-03-24 09:00',
    ]);
    const [first] = upcomingVisits(weekly, at('2026-03-01 12:00'));
    expect(first).toEqual({ day: '20260303', startAt: at('2026-03-03 09:00'), endAt: at('2026-03-03 10:00') });
  });

  it('keeps 9:00 in Shanghai all year: no daylight saving shift in March or November', () => {
    const spring = starts({ ...weekly, startDate: at('2026-03-06 00:00') }, at('2026-03-06 00:00'), 14);
    const autumn = starts({ ...weekly, startDate: at('2026-10-30 00:00') }, at('2026-10-30 00:00'), 14);
    expect(spring).toEqual(['2026-03-10 09:00', '2026-03-17 09:00']);
    expect(autumn).toEqual(['2026-11-03 09:00', '2026-11-10 09:00']);
  });

  it('uses the slot: afternoon 14:30, evening 19:00, and the service duration', () => {
    const afternoon = upcomingVisits({ ...weekly, slot: 'afternoon', durationMinutes: 90 }, at('2026-03-01 12:00'));
    expect(afternoon[0]).toMatchObject({ startAt: at('2026-03-03 14:30'), endAt: at('2026-03-03 16:00') });
    const evening = upcomingVisits({ ...weekly, slot: 'evening' }, at('2026-03-01 12:00'));
    expect(evening[0].startAt).toBe(at('2026-03-03 19:00'));
  });

  it('skips a visit that already started today and never goes past the window', () => {
    expect(starts(weekly, at('2026-03-03 09:00'))).toEqual([
      '2026-03-10 09:00',
      '2026-03-17 09:00',
      '2026-03-24 09:00',
      '2026-03-31 09:00',
    ]);
  });

  it('steps two weeks for biweekly, from the first weekday on or after the start date', () => {
    expect(starts({ ...weekly, frequency: 'biweekly' }, at('2026-03-01 12:00'))).toEqual([
      '2026-03-03 09:00',
      '2026-03-17 09:00',
    ]);
    // A later run keeps the same fortnightly rhythm.
    expect(starts({ ...weekly, frequency: 'biweekly' }, at('2026-03-20 12:00'))).toEqual([
      '2026-03-31 09:00',
      '2026-04-14 09:00',
    ]);
  });

  it('stops at the end date, inclusive of its day', () => {
    expect(starts({ ...weekly, endDate: at('2026-03-10 00:00') }, at('2026-03-01 12:00'))).toEqual([
      '2026-03-03 09:00',
      '2026-03-10 09:00',
    ]);
  });

  it('schedules a once service a single time, and not again once it passed', () => {
    const once: VisitRule = { ...weekly, frequency: 'once' };
    expect(starts(once, at('2026-03-01 12:00'))).toEqual(['2026-03-03 09:00']);
    expect(starts(once, at('2026-03-04 12:00'))).toEqual([]);
  });

  it('keeps the ordinal weekday monthly: the 5th Tuesday becomes the last Tuesday of a shorter month', () => {
    // 2026-03-31 is the fifth Tuesday of March; April has four Tuesdays, the last on the 28th.
    const fifth: VisitRule = { ...weekly, frequency: 'monthly', startDate: at('2026-03-30 00:00') };
    expect(starts(fifth, at('2026-03-30 00:00'), 70)).toEqual([
      '2026-03-31 09:00',
      '2026-04-28 09:00',
      '2026-05-26 09:00',
    ]);
    const second: VisitRule = { ...weekly, frequency: 'monthly', startDate: at('2026-03-09 00:00') };
    expect(starts(second, at('2026-04-01 00:00'), 45)).toEqual(['2026-04-14 09:00', '2026-05-12 09:00']);
  });

  it('keeps the date monthly without a weekday: the 31st becomes the last day, February of a leap year too', () => {
    const rule: VisitRule = { ...weekly, frequency: 'monthly', weekday: undefined, startDate: at('2028-01-31 00:00') };
    expect(starts(rule, at('2028-01-30 00:00'), 100)).toEqual([
      '2028-01-31 09:00',
      '2028-02-29 09:00',
      '2028-03-31 09:00',
      '2028-04-30 09:00',
    ]);
  });

  it('rolls over the year end', () => {
    const rule: VisitRule = { ...weekly, frequency: 'monthly', weekday: undefined, startDate: at('2026-11-30 00:00') };
    expect(starts(rule, at('2026-12-01 00:00'), 70)).toEqual(['2026-12-30 09:00', '2027-01-30 09:00']);
  });
});

describe('nextOfPairs', () => {
  it("gives each accepted pair its service's soonest visit, and nothing to a pair not accepted", () => {
    const pairs = [
      { _id: 'p1', serviceId: 's1', status: 'accepted' },
      { _id: 'p2', serviceId: 's2', status: 'accepted' },
      { _id: 'p3', serviceId: 's1', status: 'offered' },
      { _id: 'p4', serviceId: 's3', status: 'accepted' },
    ];
    const visits = [
      { _id: 'v-late', serviceId: 's1', startAt: 300 },
      { _id: 'v-s2', serviceId: 's2', startAt: 200 },
      { _id: 'v-soon', serviceId: 's1', startAt: 100 },
    ];
    expect(Object.fromEntries(nextOfPairs(pairs, visits))).toEqual({
      p1: { at: 100, postId: 'v-soon' },
      p2: { at: 200, postId: 'v-s2' },
    });
  });
});
