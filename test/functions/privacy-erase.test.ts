// deleteMine leaves nothing of the person in any collection but the anonymised service records and ledger;
// exportMine returns every section held about the caller.
import { COLLECTIONS } from '../../database/collections';
import type { InviteResponse } from '../../typings/api/brigades';
import type { ExportMineResponse } from '../../typings/api/volunteers';
import type { RosterEntry } from '../../typings/api/posts';
import type { Post, Profile } from '../../typings/entities';
import { HQ, ok } from './helpers';
import { HOUR } from './posts-fixture';
import { MINUTE, timebankWorld, type TimebankWorld } from './timebank-world';

const PERSON = 'erase-me';
const NAME = '欧阳删除';
const MOBILE = '13912345678';
const GUARDIAN_MOBILE = '13698765432';
/** Collections the SPEC keeps, anonymised: they may hold the opaque volunteerId, nothing else of the person. */
const ANONYMISED = new Set(['service_records', 'ledger', 'accounts']);

let w: TimebankWorld;
let me: Profile;
let post: Post;
let stored: { mobileEnc: string; guardian: { mobileEnc: string } };

async function subscribed(postId: string) {
  await ok(w.cloud, 'posts', 'signup', { postId }, PERSON);
  await ok(w.cloud, 'reminders', 'subscribe', { postId, templateId: 'local-reminder-template' }, PERSON);
}

beforeAll(async () => {
  w = await timebankWorld();
  const guardian = { name: '欧阳监护', mobile: GUARDIAN_MOBILE, consent: true };
  me = await w.register(PERSON, { name: NAME, mobile: MOBILE, birthYear: 2012, guardian });
  [stored] = await w.docs<typeof stored>('volunteers', { _id: me.volunteerId });
  const brigadeId = w.brigade.brigadeId;
  const invite = await ok<InviteResponse>(w.cloud, 'brigades', 'invite', { brigadeId }, 'leader');
  await w.register('mate');
  for (const openid of [PERSON, 'mate']) await ok(w.cloud, 'brigades', 'join', { code: invite.code }, openid);
  const volunteerIds = [me.volunteerId, w.people.mate.volunteerId];
  await ok(w.cloud, 'brigades', 'saveGroup', { brigadeId, name: '探访组', volunteerIds }, 'leader');
  await ok(w.cloud, 'stars', 'award', { cardNo: me.cardNo, honour: 'outstanding', year: 2026, reason: '热心' }, HQ);
  // A post the person signed up for, subscribed to, was reminded of, attended and was credited for.
  const startAt = Math.ceil((w.now() + HOUR) / MINUTE) * MINUTE;
  post = await w.post({ startAt, endAt: startAt + 2 * HOUR });
  await subscribed(post.postId);
  await fetch(`${w.cloud.url}/v1/triggers/reminders`, { method: 'POST' });
  await w.advance(startAt + 10 * MINUTE - w.now());
  const code = async () =>
    (await ok<{ code: string }>(w.cloud, 'posts', 'checkinCode', { postId: post.postId }, 'leader')).code;
  await ok(w.cloud, 'posts', 'checkin', { postId: post.postId, code: await code() }, PERSON);
  await w.advance(2 * HOUR);
  const entries = [{ volunteerId: me.volunteerId, minutes: 90, rating: 5 }];
  await ok(w.cloud, 'timebank', 'record', { postId: post.postId, entries }, 'leader');
  await ok(w.cloud, 'timebank', 'proof', {}, PERSON);
  // A later post signed up for and withdrawn from: an upcoming sign-up that no longer holds a place.
  const later = await w.post({ startAt: w.now() + 48 * HOUR, endAt: w.now() + 50 * HOUR });
  await subscribed(later.postId);
  await ok(w.cloud, 'posts', 'withdraw', { postId: later.postId }, PERSON);
});
afterAll(() => w.cloud.stop());

describe('exportMine', () => {
  it('returns every section held about the caller', async () => {
    const data = await ok<ExportMineResponse>(w.cloud, 'volunteers', 'exportMine', {}, PERSON);
    expect(Object.keys(data).sort()).toEqual(
      [
        'exportedAt',
        'groups',
        'honours',
        'ledger',
        'memberships',
        'messages',
        'profile',
        'qualifications',
        'records',
        'signups',
        'starChanges',
        'subscriptions',
      ].sort(),
    );
    expect(data.profile).toMatchObject({ name: NAME, mobile: MOBILE, guardian: { mobile: GUARDIAN_MOBILE } });
    expect(data.groups).toEqual([expect.objectContaining({ name: '探访组' })]);
    expect(data.memberships).toHaveLength(1);
    expect(data.signups).toHaveLength(2);
    expect(data.records).toHaveLength(1);
    expect(data.ledger.length).toBeGreaterThanOrEqual(1);
    expect(data.honours).toHaveLength(1);
    expect(data.subscriptions).toHaveLength(2);
    expect(data.messages).toContainEqual(expect.objectContaining({ kind: 'reminder', status: 'sent' }));
    expect(Array.isArray(data.starChanges)).toBe(true);
  });
});

describe('deleteMine', () => {
  beforeAll(async () => {
    await ok(w.cloud, 'volunteers', 'deleteMine', {}, PERSON);
  });

  it('leaves nothing of the person in any collection but the anonymised records and ledger', async () => {
    const everywhere = [PERSON, NAME, me.cardNo, MOBILE, GUARDIAN_MOBILE, stored.mobileEnc, stored.guardian.mobileEnc];
    const found: string[] = [];
    for (const { name: collection } of COLLECTIONS) {
      const docs = await w.docs(collection);
      for (const doc of docs) {
        const raw = JSON.stringify(doc);
        const needles = ANONYMISED.has(collection) ? everywhere : [...everywhere, me.volunteerId];
        for (const needle of needles) if (raw.includes(needle)) found.push(`${collection}: ${needle}`);
        if (raw.includes(me.mobile)) found.push(`${collection}: masked mobile`);
      }
    }
    expect(found).toEqual([]);
    expect(await w.docs('service_records', { volunteerId: me.volunteerId })).toHaveLength(1);
  });

  it('shows the person on past rosters as a deleted volunteer', async () => {
    const { items } = await ok<{ items: RosterEntry[] }>(w.cloud, 'posts', 'roster', { postId: post.postId }, 'leader');
    expect(items.map((i) => i.name)).toEqual(['已注销义工']);
    expect(items[0].checkinAt).toBeGreaterThan(0);
  });
});
