// The order of 我的结对 and 附近需求, and which pairs 我的结对 shows.
import { byMineOrder, byNearness, offsetOf, showsInMine } from '../../server/rules/nearby';

const NOW = Date.UTC(2026, 10, 28);

it('shows open offers, 主动报名, accepted and ended pairs; not declined, expired or lapsed offers', () => {
  expect(showsInMine({ status: 'offered', expiresAt: NOW + 1 }, NOW)).toBe(true);
  expect(showsInMine({ status: 'offered', expiresAt: NOW }, NOW)).toBe(false);
  for (const status of ['volunteered', 'accepted', 'ended'] as const) expect(showsInMine({ status }, NOW)).toBe(true);
  for (const status of ['declined', 'expired'] as const) expect(showsInMine({ status }, NOW)).toBe(false);
});

it('lists offers first and ended last, newest change first within each', () => {
  const pairs = [
    { id: 'ended', status: 'ended' as const, updatedAt: 9 },
    { id: 'accepted-old', status: 'accepted' as const, updatedAt: 1 },
    { id: 'offer', status: 'offered' as const, updatedAt: 2 },
    { id: 'accepted-new', status: 'accepted' as const, updatedAt: 5 },
    { id: 'volunteered', status: 'volunteered' as const, updatedAt: 3 },
  ];
  expect(byMineOrder(pairs).map((p) => p.id)).toEqual([
    'offer',
    'volunteered',
    'accepted-new',
    'accepted-old',
    'ended',
  ]);
});

it('puts the nearest first, then the same community, then the most recent', () => {
  const items = [
    { id: 'far', distanceKm: 5, sameCommunity: true, updatedAt: 9 },
    { id: 'unknown-elsewhere', sameCommunity: false, updatedAt: 9 },
    { id: 'near', distanceKm: 1, sameCommunity: false, updatedAt: 1 },
    { id: 'unknown-here-old', sameCommunity: true, updatedAt: 1 },
    { id: 'unknown-here-new', sameCommunity: true, updatedAt: 5 },
  ];
  expect(byNearness(items).map((i) => i.id)).toEqual([
    'near',
    'far',
    'unknown-here-new',
    'unknown-here-old',
    'unknown-elsewhere',
  ]);
});

it('reads an offset cursor, and refuses a malformed one', () => {
  expect([offsetOf(undefined), offsetOf('20'), offsetOf('-1'), offsetOf('x|1')]).toEqual([0, 20, undefined, undefined]);
});
