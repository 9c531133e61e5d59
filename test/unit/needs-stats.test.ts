// The needs figures' pure rules: the counters a sequence of changes moved (each by its difference) equal a recount
// of the facts as they end up (random workloads); the median of a histogram; the period of households surveyed.
import { RECIPIENT_CATEGORIES, TOWNS } from '../../typings/data';
import {
  deltaOf,
  medianOf,
  mergeSlices,
  needsFiguresOf,
  planCounts,
  recipientCounts,
  sumCounts,
  surveyCounts,
  type Counts,
  type TownSlice,
} from '../../server/rules/needs-stats';
import { expand } from '../../server/rules/stats';

const nonZero = (c: Counts) => Object.fromEntries(Object.entries(c).filter(([, n]) => n !== 0));

describe('needs counters moved by differences', () => {
  it('equal a recount of the facts as they end up (random workloads)', () => {
    const seed = Number(process.env.NEEDS_STATS_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`needs counters property test: NEEDS_STATS_SEED=${seed}`);
    let state = seed;
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    const pick = <T>(list: readonly T[]) => list[next(list.length)];
    const towns = TOWNS.slice(0, 4);
    const counters: Counts = {};
    const held = new Map<string, Counts>();
    for (let step = 0; step < 400; step += 1) {
      const id = `f${next(30)}`;
      const counts =
        id < 'f2'
          ? recipientCounts({
              town: pick(towns),
              status: pick(['active', 'active', 'closed']),
              categories: Array.from({ length: 1 + next(3) }, () => pick(RECIPIENT_CATEGORIES)),
            })
          : planCounts({
              town: pick(towns),
              status: pick(['open', 'open', 'closed']),
              services: Array.from({ length: next(4) }, () => ({ status: pick(['open', 'covered', 'ended']) })),
            });
      for (const [path, n] of Object.entries(deltaOf(held.get(id) ?? {}, counts))) {
        counters[path] = (counters[path] ?? 0) + n;
      }
      held.set(id, counts);
    }
    expect(nonZero(counters)).toEqual(nonZero(sumCounts([...held.values()])));
  });
});

describe('needs figures', () => {
  it('count an active recipient once per category, a closed one nowhere', () => {
    expect(recipientCounts({ town: '东区', status: 'active', categories: ['残疾人', '残疾人', '低保家庭'] })).toEqual({
      'byTown.东区.recipients': 1,
      'byTown.东区.byCategory.残疾人': 1,
      'byTown.东区.byCategory.低保家庭': 1,
    });
    expect(recipientCounts({ town: '东区', status: 'closed', categories: ['残疾人'] })).toEqual({});
  });

  it('take the median days to the first pair from the histogram, and nothing when empty', () => {
    expect(medianOf({ '3': 1, '10': 1, '1': 1 })).toBe(3);
    expect(medianOf({ '2': 2, '9': 2 })).toBe(2);
    expect(medianOf({ '5': 0 })).toBeUndefined();
  });

  it('count households surveyed in the months of the period, the rest as it stands', () => {
    const at = Date.UTC(2026, 9, 15);
    const counts = sumCounts([
      surveyCounts({ town: '东区', surveyedAt: at }),
      surveyCounts({ town: '东区', surveyedAt: at + 40 * 86_400_000 }),
      planCounts({ town: '东区', status: 'open', services: [{ status: 'open' }, { status: 'covered' }] }),
    ]);
    const slice = (expand(counts) as { byTown: Record<string, TownSlice> }).byTown['东区'];
    expect(needsFiguresOf(slice)).toMatchObject({ surveyed: 2, plansOpen: 1, servicesOpen: 1, servicesCovered: 1 });
    expect(needsFiguresOf(slice, '2026-11', '2026-11')).toMatchObject({ surveyed: 1, plansOpen: 1 });
    expect(needsFiguresOf(mergeSlices([slice, slice])).continuity).toBeUndefined();
    expect(needsFiguresOf({ visits: 4, carerVisits: 3 }).continuity).toBe(0.75);
  });
});
