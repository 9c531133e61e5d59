// Which brigade a leader may start a plan with for a recipient (a plan's leaders read the recipient in full).
import { brigadeMayPlan } from '../../server/rules/plans';

const own = { _id: 'b-own', town: '石岐区' };

it.each([
  ['a recipient kept for the brigade', { brigadeId: 'b-own', town: '石岐区' }, true],
  ["another brigade's recipient of the same town", { brigadeId: 'b-other', town: '石岐区' }, false],
  ['a recipient of the town kept for no brigade', { town: '石岐区' }, true],
  ['a recipient of another town kept for no brigade', { town: '东区' }, false],
])('%s', (_case, recipient, allowed) => {
  expect(brigadeMayPlan(recipient, own)).toBe(allowed);
});
