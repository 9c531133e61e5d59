/**
 * Scenes behind mini program codes: a card or proof code carries a short scene id (getUnlimited allows 32
 * characters, a token is longer), and `resolveScene` gives back the token the verify page then checks. A post's
 * poster carries its post (one scene per post), a brigade's poster an invite (a scene per invite, expiring with it;
 * a revoked invite's scene stops resolving). Every code opens the verify page, which routes post and invite scenes on.
 */
import type { ResolveSceneRequest, ResolveSceneResponse, SceneKind } from '../../typings/api/volunteers';
import { cloud } from '../cloud';
import type { RequestContext } from '../context';
import { notFound } from '../errors';
import type { Action } from '../handler';
import * as invites from '../repos/invites';
import * as scenes from '../repos/scenes';
import { isLive } from '../rules/scene';
import { bool, text, z } from '../schema';

export const VERIFY_PAGE = 'pages/verify/index';

export const codeInput = z.object({ withCode: z.optional(bool('withCode')) });

interface WxacodeResult {
  errCode?: number;
  contentType?: string;
  buffer?: Buffer | Uint8Array;
}

/** The mini program code of a scene as a data URL, or undefined when WeChat refused (the page then shows a QR). */
async function codeOf(ctx: RequestContext, scene: string): Promise<string | undefined> {
  try {
    const res = (await cloud.openapi.wxacode.getUnlimited({
      scene,
      page: VERIFY_PAGE,
      checkPath: false,
    } as unknown as Parameters<typeof cloud.openapi.wxacode.getUnlimited>[0])) as WxacodeResult;
    if (!res.buffer || res.buffer.length === 0) return undefined;
    return `data:${res.contentType ?? 'image/png'};base64,${Buffer.from(res.buffer).toString('base64')}`;
  } catch (error) {
    ctx.log.error('wxacode_failed', { scene, error: String(error) });
    return undefined;
  }
}

/**
 * The scene of (kind, subject) and its code image, only when asked: the image is an open-API call and about 20 KB on
 * the wire and the scene a read (a write the first time), so calls that do not show the code (the card's face on
 * other pages, a verifier) pay nothing for it.
 */
export async function sceneWithCode(
  ctx: RequestContext,
  kind: SceneKind,
  subject: string,
  token: Promise<string>,
  withCode: boolean | undefined,
): Promise<{ scene?: string; code?: string }> {
  if (!withCode) return {};
  // The scene is read while the token is still being made, so showing the code costs no extra round trip.
  const [held, value] = await Promise.all([scenes.findOf(kind, subject), token]);
  const doc = await scenes.ensure(kind, subject, value, Date.now(), held);
  const code = await codeOf(ctx, doc._id);
  return code ? { scene: doc._id, code } : { scene: doc._id };
}

/** A poster's scene and code: the post's own scene (made once), or a fresh invite's (expiring with it). */
export async function posterCode(
  ctx: RequestContext,
  kind: 'post' | 'invite',
  subject: string,
  expiresAt?: number,
): Promise<{ scene: string; code: string }> {
  const now = Date.now();
  const doc =
    kind === 'post'
      ? await scenes.ensure(kind, subject, subject, now, await scenes.findOf(kind, subject))
      : await scenes.insertFresh(kind, subject, now, expiresAt);
  return { scene: doc._id, code: (await codeOf(ctx, doc._id)) ?? '' };
}

const expired = () => notFound('二维码无效或已过期');

export const resolveScene: Action<ResolveSceneRequest, ResolveSceneResponse> = {
  access: 'anyone',
  input: z.object({ scene: text('二维码', 32) }),
  async run(input) {
    const now = Date.now();
    const doc = await scenes.findById(input.scene);
    if (!doc || !isLive(doc, now)) throw expired();
    if (doc.kind === 'post') return { kind: 'post', postId: doc.token };
    if (doc.kind === 'invite') {
      // The invite decides: a revoked (or since expired) invite's scene opens nothing.
      const invite = await invites.findByCode(doc.token);
      if (!invite || invite.revoked || (invite.expiresAt !== undefined && invite.expiresAt <= now)) throw expired();
      return {
        kind: 'invite',
        brigadeId: invite.brigadeId,
        code: invite.code,
        ...(invite.expiresAt ? { expiresAt: invite.expiresAt } : {}),
      };
    }
    return { kind: doc.kind, token: doc.token };
  },
};
