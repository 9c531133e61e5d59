// Statistics rules: facts → inc paths of one month document, merging, drift, the summary and the CSV.
import type { MonthDoc } from '../../server/repos/stats';
import { brigadeCsv } from '../../server/stats/csv';
import { monthsBetween, summarize, summarizeBrigade } from '../../server/stats/summary';
import {
  changesOf,
  driftOf,
  expand,
  flattenCounters,
  honestyOf,
  monthRange,
  noShowRate,
  type BrigadeRef,
} from '../../server/rules/stats';

// 2026-11-30 20:00 in Zhongshan = 12:00 UTC; 2026-12-01 07:00 in Zhongshan = 2026-11-30 23:00 UTC.
const NOV = Date.UTC(2026, 10, 30, 12);
const DEC = Date.UTC(2026, 10, 30, 23);
const b: BrigadeRef = { brigadeId: 'b1', name: '东区博爱大队', town: '东区' };

describe('changesOf', () => {
  it('counts a registration by its Shanghai month and town', () => {
    expect(changesOf([{ kind: 'volunteer', at: DEC, town: '东区', delta: 1 }])).toEqual([
      { month: '2026-12', inc: { 'total.volunteers': 1, 'byTown.东区.volunteers': 1 }, set: {} },
    ]);
  });

  it('counts a post everywhere it shows: total, town, brigade, category, brigade × category', () => {
    const [change] = changesOf([{ kind: 'post', at: NOV, brigade: b, category: '义剪', delta: 1 }]);
    expect(change.month).toBe('2026-11');
    expect(change.inc).toEqual({
      'total.posts': 1,
      'byTown.东区.posts': 1,
      'byBrigade.b1.posts': 1,
      'byCategory.义剪.posts': 1,
      'byBrigade.b1.byCategory.义剪.posts': 1,
    });
    expect(change.set).toEqual({ 'byBrigade.b1.name': '东区博爱大队', 'byBrigade.b1.town': '东区' });
  });

  it('merges facts by month, sums them and drops what cancels out', () => {
    const changes = changesOf([
      { kind: 'post', at: NOV, brigade: b, category: '义剪', delta: 1 },
      { kind: 'post', at: NOV, brigade: b, category: '义剪', delta: -1 },
      { kind: 'service', at: DEC, brigade: b, category: '义诊', sessions: 2, minutes: 150, noShows: 1 },
      { kind: 'service', at: DEC, brigade: b, category: '义诊', minutes: -30 },
    ]);
    expect(changes).toHaveLength(1);
    expect(changes[0].month).toBe('2026-12');
    expect(changes[0].inc['total.minutes']).toBe(120);
    expect(changes[0].inc['byBrigade.b1.byCategory.义诊.noShows']).toBe(1);
    expect(changes[0].inc['total.peopleServed']).toBeUndefined();
  });

  it('an absent attendee adjusted to present moves a no-show to a session', () => {
    const [change] = changesOf([
      { kind: 'service', at: NOV, brigade: b, category: '义诊', sessions: 1, noShows: -1, minutes: 60 },
    ]);
    expect(change.inc).toMatchObject({ 'total.sessions': 1, 'total.noShows': -1, 'total.minutes': 60 });
  });

  it('keeps dots out of map keys', () => {
    const [change] = changesOf([{ kind: 'volunteer', at: NOV, town: 'a.b', delta: 1 }]);
    expect(Object.keys(change.inc)).toContain('byTown.a_b.volunteers');
  });
});

describe('documents', () => {
  it('expand and flatten are inverse for counters', () => {
    const paths = { 'total.posts': 2, 'byBrigade.b1.byCategory.义剪.posts': 1, 'byBrigade.b1.name': 'x' };
    const doc = expand(paths);
    expect(doc).toEqual({ total: { posts: 2 }, byBrigade: { b1: { name: 'x', byCategory: { 义剪: { posts: 1 } } } } });
    expect(flattenCounters(doc)).toEqual({ 'total.posts': 2, 'byBrigade.b1.byCategory.义剪.posts': 1 });
  });

  it('drift lists every path whose kept value differs, missing counting as 0', () => {
    expect(driftOf({ a: 1, b: 0, c: 3 }, { a: 1, c: 2, d: 4 })).toEqual([
      { path: 'c', kept: 3, recounted: 2 },
      { path: 'd', kept: 0, recounted: 4 },
    ]);
  });

  it('a Shanghai month runs from 16:00 UTC of the day before', () => {
    expect(monthRange('2026-12')).toEqual([Date.UTC(2026, 10, 30, 16), Date.UTC(2026, 11, 31, 16)]);
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('no-show rate is 0 when nothing was recorded', () => {
    expect(noShowRate({ sessions: 0, noShows: 0 })).toBe(0);
    expect(noShowRate({ sessions: 3, noShows: 1 })).toBe(0.25);
  });
});

const month = (period: string, paths: Record<string, number | string>): MonthDoc =>
  ({ _id: `month:${period}`, kind: 'month', period, ...expand(paths) }) as MonthDoc;

describe('summaries', () => {
  const docs = [
    month('2026-10', {
      'total.minutes': 60,
      'total.sessions': 1,
      'byTown.东区.minutes': 60,
      'byTown.东区.sessions': 1,
      'byBrigade.b1.minutes': 60,
      'byBrigade.b1.sessions': 1,
      'byBrigade.b1.name': '旧名',
      'byBrigade.b1.town': '东区',
      'byBrigade.b1.byCategory.义诊.minutes': 60,
      'byCategory.义诊.minutes': 60,
    }),
    month('2026-12', {
      'total.minutes': 30,
      'total.noShows': 1,
      'byTown.西区.minutes': 30,
      'byTown.西区.noShows': 1,
      'byBrigade.b1.name': '新名',
      'byBrigade.b1.town': '东区',
      'byBrigade.b2.minutes': 30,
      'byBrigade.b2.noShows': 1,
      'byBrigade.b2.name': '西区大队',
      'byBrigade.b2.town': '西区',
      'byCategory.义剪.minutes': 30,
      'byBrigade.b2.byCategory.义剪.minutes': 30,
    }),
  ];

  it('sums the months, ranks by minutes, fills month gaps and takes the latest brigade name', () => {
    const s = summarize(docs);
    expect(s.minutes).toBe(90);
    expect(s.noShowRate).toBe(0.5);
    expect(s.byMonth.map((m) => [m.month, m.minutes])).toEqual([
      ['2026-10', 60],
      ['2026-11', 0],
      ['2026-12', 30],
    ]);
    expect(s.byBrigade.map((r) => [r.name, r.minutes])).toEqual([
      ['新名', 60],
      ['西区大队', 30],
    ]);
    expect(s.byTown.map((t) => t.town)).toEqual(['东区', '西区']);
  });

  it('one town: its figures, its brigades and their categories', () => {
    const s = summarize(docs, '西区');
    expect(s.minutes).toBe(30);
    expect(s.byBrigade.map((r) => r.brigadeId)).toEqual(['b2']);
    expect(s.byCategory).toEqual([{ category: '义剪', posts: 0, sessions: 0, minutes: 30, peopleServed: 0 }]);
  });

  it('one brigade', () => {
    const s = summarizeBrigade(docs, { brigadeId: 'b1', name: '新名', members: 7 });
    expect(s).toMatchObject({ minutes: 60, sessions: 1, members: 7, noShowRate: 0 });
    expect(s.byMonth.map((m) => m.minutes)).toEqual([60, 0, 0]);
  });

  it('the CSV has a BOM, quotes what needs quoting, hours with one decimal and a total row', () => {
    const csv = brigadeCsv([
      ...summarize(docs).byBrigade,
      {
        brigadeId: 'b3',
        name: '甲,乙"队"',
        town: '南区',
        volunteers: 0,
        brigades: 0,
        posts: 1,
        sessions: 1,
        minutes: 5,
        peopleServed: 0,
        noShows: 0,
      },
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[1]).toBe('新名,东区,0,1,1.0,0,0,0.0%');
    expect(lines[2]).toBe('西区大队,西区,0,0,0.5,0,1,100.0%');
    expect(lines[3]).toBe('"甲,乙""队""",南区,1,1,0.1,0,0,0.0%');
    expect(lines[4]).toBe('合计,,1,2,1.6,0,1,33.3%');
  });
});

describe('honesty figures of a record', () => {
  it('count minutes beyond the post and credits without a check-in, never absences or old records', () => {
    expect(honestyOf({ status: 'attended', minutes: 150, capMinutes: 120, checkedIn: true })).toEqual({
      overCapRecords: 1,
      overCapMinutes: 30,
      uncheckedRecords: 0,
      uncheckedMinutes: 0,
    });
    expect(honestyOf({ status: 'attended', minutes: 60, capMinutes: 120, checkedIn: false })).toMatchObject({
      overCapRecords: 0,
      uncheckedRecords: 1,
      uncheckedMinutes: 60,
    });
    expect(Object.values(honestyOf({ status: 'absent', minutes: 0, capMinutes: 120, checkedIn: false }))).toEqual([
      0, 0, 0, 0,
    ]);
    expect(Object.values(honestyOf({ status: 'attended', minutes: 1440 }))).toEqual([0, 0, 0, 0]);
  });
});
