// Matching reads verified qualifications through the real flow (upload → add → the coordinator verifies): a service
// needing 执业护士 ranks the holder, and once a holder's certificate has expired — before any timer runs — they are
// excluded and counted as 资格已过期, apart from those who never had it.
import fs from 'node:fs';
import path from 'node:path';
import type { MatchResponse } from '../../typings/api/needs';
import type { PlanService } from '../../typings/needs';
import { ok } from './helpers';
import { DAY, NOW, haircut, needsWorld, type NeedsWorld } from './match-world';

const PNG = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'certificate.png'));
const tuesday = [{ weekday: 2, slot: 'morning' as const }];
let w: NeedsWorld;

beforeAll(async () => {
  w = await needsWorld();
});
afterAll(() => w.cloud.stop());

async function verifiedNurse(openid: string, name: string, expiresAt?: number): Promise<void> {
  const profile = await w.register(openid, { name, specialties: [], availability: tuesday });
  const form = new FormData();
  form.append('cloudPath', `qualifications/${profile.volunteerId}/${openid}.png`);
  form.append('file', new Blob([new Uint8Array(Buffer.concat([PNG, Buffer.from(openid)]))]), 'c.png');
  const res = await fetch(`${w.cloud.url}/v1/storage/upload`, {
    method: 'POST',
    headers: { 'x-wx-openid': openid },
    body: form,
  });
  const { fileID } = (await res.json()) as { fileID: string };
  const added = await ok<{ qualificationId: string }>(
    w.cloud,
    'volunteers',
    'addQualification',
    { type: '执业护士', fileId: fileID, ...(expiresAt ? { expiresAt } : {}) },
    openid,
  );
  await w.cloud.mediaChecks.settle();
  const review = { volunteerId: profile.volunteerId, qualificationId: added.qualificationId, approve: true };
  await ok(w.cloud, 'volunteers', 'reviewQualification', review, 'coord');
}

it('a service needing a qualification ranks its holders and reports an expired one apart', async () => {
  await verifiedNurse('nurse-ok', '长期护士');
  await verifiedNurse('nurse-lapsing', '将到期护士', NOW + 2 * DAY);
  const recipientId = await w.recipient();
  const saved = await ok<{ planId: string; services: PlanService[] }>(
    w.cloud,
    'needs',
    'savePlan',
    {
      recipientId,
      brigadeId: w.brigade.brigadeId,
      goals: '每周上门护理',
      services: [haircut({ category: '探访慰问', specialties: [], qualifications: ['执业护士'] })],
    },
    'coord',
  );
  const query = { planId: saved.planId, serviceId: saved.services[0].serviceId };
  const before = await ok<MatchResponse>(w.cloud, 'needs', 'match', query, 'coord');
  expect(before.items.map((c) => c.name).sort()).toEqual(['将到期护士', '长期护士']);
  expect(before.excluded.find((e) => e.reason === '资格已过期：执业护士')).toBeUndefined();

  await w.advance(3 * DAY);
  const after = await ok<MatchResponse>(w.cloud, 'needs', 'match', query, 'coord');
  expect(after.items.map((c) => c.name)).toEqual(['长期护士']);
  expect(after.excluded).toContainEqual({ reason: '资格已过期：执业护士', count: 1 });
  expect(after.excluded.find((e) => e.reason === '缺少资格：执业护士')?.count).toBeGreaterThan(0);
});
