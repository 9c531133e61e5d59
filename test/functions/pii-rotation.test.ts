// A rotated PII_KEY (new key first, the old one after a comma) keeps every stored mobile readable:
// members and exportMine answer normally, and what is written after the rotation uses the new key.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InviteResponse } from '../../typings/api/brigades';
import type { ExportMineResponse } from '../../typings/api/volunteers';
import type { Brigade, Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, call, ok, registration } from './helpers';

const OLD = randomBytes(32).toString('hex');
const NEW = randomBytes(32).toString('base64');
let dataDir: string;
let brigadeId: string;

const start = (piiKey: string) => startTestCloud({ dataDir, env: { HQ_OPENIDS: HQ, PII_KEY: piiKey } });

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pii-rotation-'));
  const cloud = await start(OLD);
  try {
    const leader = await ok<Profile>(cloud, 'volunteers', 'register', registration({ name: '罗队长' }), 'rot-leader');
    const brigade = await ok<Brigade>(
      cloud,
      'brigades',
      'create',
      { name: '轮换大队', town: '东区', joinMode: 'open' },
      HQ,
    );
    brigadeId = brigade.brigadeId;
    await ok(cloud, 'brigades', 'setLeader', { brigadeId, cardNo: leader.cardNo }, HQ);
    const invite = await ok<InviteResponse>(cloud, 'brigades', 'invite', { brigadeId }, 'rot-leader');
    await ok(cloud, 'volunteers', 'register', registration({ name: '罗义工', mobile: '13312345678' }), 'rot-member');
    await ok(cloud, 'brigades', 'join', { code: invite.code }, 'rot-member');
  } finally {
    await cloud.stop();
  }
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('after PII_KEY is rotated', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await start(`${NEW},${OLD}`);
  });
  afterAll(() => cloud.stop());

  it('shows leaders the full mobile written under the old key', async () => {
    const reply = await call<{ items: { name: string; mobile: string }[] }>(
      cloud,
      'brigades',
      'members',
      { brigadeId },
      'rot-leader',
    );
    expect(reply.body).toMatchObject({ ok: true });
    const items = reply.body.ok ? reply.body.data.items : [];
    expect(items.find((m) => m.name === '罗义工')?.mobile).toBe('13312345678');
  });

  it('exports the profile with the full mobile, and reads a mobile changed after the rotation', async () => {
    const exported = await ok<ExportMineResponse>(cloud, 'volunteers', 'exportMine', {}, 'rot-member');
    expect(exported.profile.mobile).toBe('13312345678');
    await ok(cloud, 'volunteers', 'update', { mobile: '13387654321' }, 'rot-member');
    const again = await ok<ExportMineResponse>(cloud, 'volunteers', 'exportMine', {}, 'rot-member');
    expect(again.profile.mobile).toBe('13387654321');
  });
});
