// Mini program codes of the card and the proof carry a short scene id: the same card keeps its scene, anyone (a
// visitor too) resolves it to the token that verifies, and an unknown or expired scene says so in Chinese.
import QRCode from 'qrcode';
import { FUNCTIONS } from '../../deploy/functions';
import type { ProofResponse } from '../../typings/api/timebank';
import type { CardResponse, ResolveSceneResponse, VerifyCardResponse } from '../../typings/api/volunteers';
import { fails, ok } from './helpers';
import { timebankWorld, type TimebankWorld } from './timebank-world';

let w: TimebankWorld;

beforeAll(async () => {
  w = await timebankWorld();
  await w.register('scene-vol', { name: '扫码人' });
  const post = await w.served(['scene-vol']);
  const entries = [{ volunteerId: w.people['scene-vol'].volunteerId, minutes: 90, rating: 5 }];
  await ok(w.cloud, 'timebank', 'record', { postId: post.postId, entries }, 'leader');
});
afterAll(() => w.cloud.stop());

const card = async (params: object = { withCode: true }) => {
  const reply = await ok<CardResponse>(w.cloud, 'volunteers', 'card', params, 'scene-vol');
  return { ...reply, scene: reply.scene ?? '' };
};
const resolve = (scene: string, openid = 'visitor') =>
  ok<ResolveSceneResponse>(w.cloud, 'volunteers', 'resolveScene', { scene }, openid);

describe('scenes of mini program codes', () => {
  it('gives the card one short scene however often it is shown, even when shown twice at once', async () => {
    const [a, b] = await Promise.all([card(), card()]);
    const c = await card();
    expect(a.scene).toMatch(/^[A-Za-z0-9]{10}$/);
    expect(new Set([a.scene, b.scene, c.scene]).size).toBe(1);
    expect(await w.docs('scenes', { kind: 'card' })).toHaveLength(1);
  });

  it('lets a visitor resolve the card scene and verify the card behind it', async () => {
    const { scene } = await card();
    const resolved = await resolve(scene);
    expect(resolved.kind).toBe('card');
    const verified = await ok<VerifyCardResponse>(w.cloud, 'volunteers', 'verifyCard', resolved, 'visitor');
    expect(verified).toMatchObject({ valid: true, cardNo: w.people['scene-vol'].cardNo });
  });

  it('resolves the proof scene to a token verifyProof accepts', async () => {
    const proof = await ok<ProofResponse>(w.cloud, 'timebank', 'proof', { withCode: true }, 'scene-vol');
    const resolved = await resolve(proof.scene ?? '');
    expect(resolved).toEqual({ kind: 'proof', token: proof.token });
    const verified = await ok<{ proofNo: string }>(w.cloud, 'timebank', 'verifyProof', resolved, 'visitor');
    expect(verified.proofNo).toBe(proof.proofNo);
  });

  it('refuses an unknown scene with NOT_FOUND 二维码无效或已过期', async () => {
    const error = await fails(w.cloud, 'volunteers', 'resolveScene', { scene: 'Zz9Zz9Zz9Z' }, 'visitor');
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: '二维码无效或已过期' });
    const empty = await fails(w.cloud, 'volunteers', 'resolveScene', { scene: '' }, 'visitor');
    expect(empty.code).toBe('INVALID_ARGUMENT');
  });

  it('refuses an expired scene', async () => {
    const { scene } = await card();
    await w.cloud.db.handle('database.modifyDocument', {
      collectionName: 'scenes',
      queryType: 'WHERE',
      query: JSON.stringify({ _id: scene }),
      data: JSON.stringify({ $set: { expiresAt: w.now() - 1000 } }),
      multi: false,
    });
    const error = await fails(w.cloud, 'volunteers', 'resolveScene', { scene }, 'visitor');
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: '二维码无效或已过期' });
  });

  it('returns the scene and code image only when asked: a PNG of the verify page with the scene', async () => {
    const plain = await card({});
    expect(plain.code).toBeUndefined();
    expect(plain.scene).toBe('');
    const withCode = await card({ withCode: true });
    const [head, base64] = (withCode.code ?? '').split(',');
    expect(head).toBe('data:image/png;base64');
    const png = Buffer.from(base64, 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // The local cloud draws getUnlimited as a plain QR of `page?scene=`: the same bytes mean the same text.
    const expected = await QRCode.toBuffer(`pages/verify/index?scene=${withCode.scene}`, {
      type: 'png',
      width: 430,
      margin: 2,
    });
    expect(png.equals(expected)).toBe(true);
    const proof = await ok<ProofResponse>(w.cloud, 'timebank', 'proof', { withCode: true }, 'scene-vol');
    expect(proof.code).toMatch(/^data:image\/png;base64,/);
  });

  it('grants wxacode.getUnlimited to the functions that make codes', () => {
    const granted = (name: string) => FUNCTIONS.find((f) => f.name === name)?.openapi;
    expect(granted('volunteers')).toContain('wxacode.getUnlimited');
    expect(granted('timebank')).toContain('wxacode.getUnlimited');
  });
});
