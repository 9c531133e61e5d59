import { SPECIALTIES, SLOTS, type Specialty } from '../../typings/data';
import {
  DISTANCE_CAP_KM,
  LOAD_CAP,
  exclusion,
  rank,
  type MatchCandidateFacts,
  type MatchPlace,
  type MatchService,
} from '../../server/rules/matching';

// A recipient at 中山市 石岐区 (22.52, 113.38); 0.01° of latitude is about 1.1 km.
const home: MatchPlace = { town: '石岐区', community: '悦来社区', lat: 22.52, lng: 113.38 };
const haircut: MatchService = {
  specialties: ['理发'],
  qualifications: [],
  weekday: 2,
  slot: 'morning',
  adultsOnly: false,
};

const candidate = (id: string, over: Partial<MatchCandidateFacts> = {}): MatchCandidateFacts => ({
  volunteerId: id,
  specialties: ['理发'],
  qualifications: [],
  availability: [{ weekday: 2, slot: 'morning' }],
  town: '石岐区',
  community: '悦来社区',
  lat: 22.53,
  lng: 113.38,
  load: 0,
  adult: true,
  visits: 0,
  serving: false,
  groupServing: false,
  ...over,
});

const order = (people: MatchCandidateFacts[], service = haircut) =>
  rank(service, home, people).ranked.map((r) => r.volunteerId);

describe('matching rules', () => {
  it('ranks the nearer of two otherwise equal volunteers first, with the distance as a reason', () => {
    const out = rank(haircut, home, [candidate('far', { lat: 22.58 }), candidate('near', { lat: 22.521 })]);
    expect(out.ranked.map((r) => r.volunteerId)).toEqual(['near', 'far']);
    expect(out.ranked[0].reasons).toEqual(expect.arrayContaining(['0.1 km', '擅长理发', '周二上午有空']));
    expect(out.ranked[0].distanceKm).toBe(0.1);
  });

  it('excludes a volunteer without the needed specialty and counts it', () => {
    const out = rank(haircut, home, [candidate('a'), candidate('b', { specialties: ['医疗'] })]);
    expect(out.ranked.map((r) => r.volunteerId)).toEqual(['a']);
    expect(out.excluded).toEqual([{ reason: '缺少专长：理发', count: 1 }]);
  });

  it('excludes a volunteer free only in another slot', () => {
    const out = rank(haircut, home, [candidate('a', { availability: [{ weekday: 2, slot: 'afternoon' }] })]);
    expect(out.ranked).toEqual([]);
    expect(out.excluded).toEqual([{ reason: '周二上午没空', count: 1 }]);
  });

  it('lets continuity break a tie: a current carer, one who served before, a group mate, then a newcomer', () => {
    const ids = order([
      candidate('newcomer'),
      candidate('groupmate', { groupServing: true }),
      candidate('served', { visits: 8 }),
      candidate('carer', { serving: true }),
    ]);
    expect(ids).toEqual(['carer', 'served', 'groupmate', 'newcomer']);
    const served = rank(haircut, home, [candidate('served', { visits: 6 })]).ranked[0];
    expect(served.reasons).toContain('已服务该长者 6 次');
    expect(rank(haircut, home, [candidate('g', { groupServing: true })]).ranked[0].reasons).toContain(
      '同组组员正在服务',
    );
  });

  it('excludes a volunteer at the load cap, and ranks a lighter load higher', () => {
    const out = rank(haircut, home, [candidate('busy', { load: LOAD_CAP }), candidate('some', { load: 1 })]);
    expect(out.excluded).toEqual([{ reason: `结对已满 ${LOAD_CAP} 项`, count: 1 }]);
    expect(order([candidate('some', { load: 2 }), candidate('free')])).toEqual(['free', 'some']);
  });

  it('excludes beyond the distance cap, and without coordinates outside the town; same community is nearest', () => {
    expect(exclusion(haircut, home, candidate('x', { lat: 22.7 }))).toBe(`距离超过 ${DISTANCE_CAP_KM} km`);
    const noPos = { lat: undefined, lng: undefined };
    expect(exclusion(haircut, home, candidate('x', { ...noPos, town: '东区' }))).toBe('不在本镇区');
    expect(exclusion(haircut, home, candidate('x', { ...noPos, town: '东区', serviceAreas: ['石岐区'] }))).toBe(
      undefined,
    );
    const out = rank(haircut, home, [
      candidate('town', { ...noPos, community: '其他社区' }),
      candidate('community', noPos),
    ]);
    expect(out.ranked.map((r) => [r.volunteerId, r.reasons[0]])).toEqual([
      ['community', '同社区'],
      ['town', '同镇区'],
    ]);
  });

  it('excludes minors from an adults-only service and those without a required qualification', () => {
    const service = { ...haircut, adultsOnly: true, qualifications: ['美发师' as const] };
    const out = rank(service, home, [
      candidate('minor', { adult: false, qualifications: ['美发师'] }),
      candidate('plain'),
      candidate('pro', { qualifications: ['美发师'] }),
    ]);
    expect(out.ranked.map((r) => r.volunteerId)).toEqual(['pro']);
    expect(out.excluded).toEqual(
      expect.arrayContaining([
        { reason: '该服务仅限成年义工', count: 1 },
        { reason: '缺少资格：美发师', count: 1 },
      ]),
    );
  });

  it('orders by score, keeps only those passing every filter, and counts every one removed (random cases)', () => {
    const seed = Number(process.env.MATCH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`matching property test: MATCH_SEED=${seed}`);
    let state = seed;
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    const pick = <T>(list: readonly T[]) => list[next(list.length)];
    for (let round = 0; round < 100; round += 1) {
      const service: MatchService = {
        specialties: next(2) ? [pick(SPECIALTIES)] : [],
        qualifications: next(4) === 0 ? ['急救员'] : [],
        weekday: next(3) ? next(7) : undefined,
        slot: pick(SLOTS),
        adultsOnly: next(3) === 0,
      };
      const people = Array.from({ length: 1 + next(30) }, (_, i) => {
        const specialties = [...new Set(Array.from({ length: next(3) }, () => pick(SPECIALTIES)))] as Specialty[];
        return candidate(`v${i}`, {
          specialties,
          qualifications: next(3) ? [] : ['急救员'],
          availability: Array.from({ length: next(6) }, () => ({ weekday: next(7), slot: pick(SLOTS) })),
          town: next(4) ? '石岐区' : '东区',
          lat: next(3) ? 22.52 + (next(200) - 100) / 1000 : undefined,
          lng: 113.38,
          load: next(LOAD_CAP + 2),
          adult: next(5) > 0,
          visits: next(3) ? 0 : next(12),
          serving: next(8) === 0,
          groupServing: next(6) === 0,
        });
      });
      const out = rank(service, home, people);
      const scores = out.ranked.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const r of out.ranked) {
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        const person = people.find((p) => p.volunteerId === r.volunteerId) as MatchCandidateFacts;
        expect(exclusion(service, home, person)).toBeUndefined();
        expect(service.specialties.every((s) => person.specialties.includes(s))).toBe(true);
        expect(person.load).toBeLessThan(LOAD_CAP);
      }
      const removed = people.length - out.ranked.length;
      expect(out.excluded.reduce((sum, e) => sum + e.count, 0)).toBe(removed);
      expect(out.excluded.every((e) => e.count > 0)).toBe(true);
    }
  });
});
