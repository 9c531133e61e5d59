// brigades.groups for the town's coordinator: the coordinator of the brigade's town reads its groups (to offer a
// service to a whole group); a coordinator of another town and a plain volunteer are refused.
import type { Group } from '../../typings/entities';
import { fails, ok } from './helpers';
import { needsWorld, type NeedsWorld } from './match-world';

let w: NeedsWorld;
beforeAll(async () => {
  w = await needsWorld();
});
afterAll(() => w.cloud.stop());

describe('brigades.groups', () => {
  it('shows the brigade groups to the coordinator of its town only', async () => {
    const members = ['m1', 'm2'];
    for (const m of members) await w.register(m, { name: `组员${m}` });
    const brigadeId = w.brigade.brigadeId;
    const invite = await ok<{ code: string }>(w.cloud, 'brigades', 'invite', { brigadeId }, 'leader');
    for (const m of members) await ok(w.cloud, 'brigades', 'join', { code: invite.code }, m);
    const volunteerIds = members.map((m) => w.people[m].volunteerId);
    await ok<Group>(w.cloud, 'brigades', 'saveGroup', { brigadeId, name: '探访小组', volunteerIds }, 'leader');

    const seen = await ok<{ items: Group[] }>(w.cloud, 'brigades', 'groups', { brigadeId }, 'coord');
    expect(seen.items.map((g) => [g.name, g.members.length])).toEqual([['探访小组', 2]]);
    for (const who of ['east', 'm1']) {
      expect((await fails(w.cloud, 'brigades', 'groups', { brigadeId }, who)).code).toBe('PERMISSION_DENIED');
    }
  });
});
