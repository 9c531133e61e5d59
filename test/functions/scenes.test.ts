// Mini program codes of the card and the proof carry a short scene id: the same card keeps its scene, anyone (a
// visitor too) resolves it to the token that verifies, and an unknown or expired scene says so in Chinese.
import QRCode from 'qrcode';
import { FUNCTIONS } from '../../deploy/functions';
import type { BrigadePosterResponse } from '../../typings/api/brigades';
import type { PostPosterResponse } from '../../typings/api/posts';
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
    expect(granted('posts')).toContain('wxacode.getUnlimited');
    expect(granted('brigades')).toContain('wxacode.getUnlimited');
  });
});

describe('poster codes: scenes of posts and brigade invites', () => {
  const DAY = 86_400_000;
  const pngOf = (code: string) => Buffer.from(code.split(',')[1] ?? '', 'base64');
  const brigadePoster = (openid = 'leader') =>
    ok<BrigadePosterResponse>(w.cloud, 'brigades', 'poster', { brigadeId: w.brigade.brigadeId }, openid);

  it('gives a post one scene for anyone who may see it, resolving to the post for a visitor', async () => {
    const post = await w.post({ title: '海报招募' });
    const [a, b] = await Promise.all([
      ok<PostPosterResponse>(w.cloud, 'posts', 'poster', { postId: post.postId }, 'visitor'),
      ok<PostPosterResponse>(w.cloud, 'posts', 'poster', { postId: post.postId }, 'scene-vol'),
    ]);
    expect(a.scene).toMatch(/^[A-Za-z0-9]{10}$/);
    expect(b.scene).toBe(a.scene);
    expect(await w.docs('scenes', { kind: 'post', subject: post.postId })).toHaveLength(1);
    const expected = await QRCode.toBuffer(`pages/verify/index?scene=${a.scene}`, {
      type: 'png',
      width: 430,
      margin: 2,
    });
    expect(pngOf(a.code).equals(expected)).toBe(true);
    expect(await resolve(a.scene)).toEqual({ kind: 'post', postId: post.postId });
    const missing = await fails(w.cloud, 'posts', 'poster', { postId: 'no-such-post' }, 'visitor');
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('gives leaders a fresh 30-day invite per brigade poster, resolving to the brigade and code', async () => {
    const made = await brigadePoster();
    expect(made.scene).toMatch(/^[A-Za-z0-9]{10}$/);
    expect(made.code).toMatch(/^data:image\/png;base64,/);
    expect(made.expiresAt).toBe(
      (await w.docs<{ expiresAt: number }>('invites', { code: made.inviteCode }))[0].expiresAt,
    );
    expect((made.expiresAt ?? 0) - w.now()).toBeGreaterThan(30 * DAY - 60_000);
    const resolved = await resolve(made.scene, 'visitor');
    expect(resolved).toEqual({
      kind: 'invite',
      brigadeId: w.brigade.brigadeId,
      code: made.inviteCode,
      expiresAt: made.expiresAt,
    });
    // Scene ids are random, not derived: two posters, two unrelated scenes and invites.
    const again = await brigadePoster();
    expect(again.scene).not.toBe(made.scene);
    expect(again.inviteCode).not.toBe(made.inviteCode);
    const hq = await brigadePoster('demo-hq');
    expect(hq.scene).toMatch(/^[A-Za-z0-9]{10}$/);
  });

  it('refuses brigade posters to volunteers who do not lead the brigade, writing nothing', async () => {
    const before = await w.docs('invites');
    const error = await fails(w.cloud, 'brigades', 'poster', { brigadeId: w.brigade.brigadeId }, 'scene-vol');
    expect(error.code).toBe('PERMISSION_DENIED');
    const visitor = await fails(w.cloud, 'brigades', 'poster', { brigadeId: w.brigade.brigadeId }, 'visitor');
    expect(visitor.code).toBe('PERMISSION_DENIED');
    expect(await w.docs('invites')).toHaveLength(before.length);
  });

  it('stops resolving an invite scene once the invite is revoked', async () => {
    const made = await brigadePoster();
    await ok(w.cloud, 'brigades', 'invite', { brigadeId: w.brigade.brigadeId, revokeCode: made.inviteCode }, 'leader');
    const error = await fails(w.cloud, 'volunteers', 'resolveScene', { scene: made.scene }, 'visitor');
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: '二维码无效或已过期' });
  });

  it('lets an invite scene expire with its invite after 30 days', async () => {
    const made = await brigadePoster();
    const post = await ok<PostPosterResponse>(
      w.cloud,
      'posts',
      'poster',
      { postId: (await w.post()).postId },
      'leader',
    );
    await w.advance(30 * DAY + 60_000);
    const error = await fails(w.cloud, 'volunteers', 'resolveScene', { scene: made.scene }, 'visitor');
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: '二维码无效或已过期' });
    // A post's scene lasts as long as the post.
    expect((await resolve(post.scene)).kind).toBe('post');
  });
});
