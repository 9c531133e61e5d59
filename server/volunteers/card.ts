/**
 * volunteers.card / verifyCard — the unified 义工证. The QR holds a signed token with ids only; verifying it
 * shows just the name, card number, star level, honours, brigades and verified qualification types, never contact
 * data or certificate photos. The card's mini program code carries a short scene id standing for the token
 * (server/volunteers/scene.ts).
 */
import type { CardResponse, CodeRequest, VerifyCardRequest, VerifyCardResponse } from '../../typings/api/volunteers';
import type { Action } from '../handler';
import { invalid, notFound } from '../errors';
import { cardKey } from '../pii';
import { ofVolunteer as honoursOf, toAward } from '../repos/honours';
import { ofVolunteer as membershipsOf } from '../repos/memberships';
import { findById, type VolunteerDoc } from '../repos/volunteers';
import { heldTypes } from '../rules/qualifications';
import { sign, verify } from '../rules/token';
import { text, z } from '../schema';
import { codeInput, sceneWithCode } from './scene';

async function cardFace(volunteer: VolunteerDoc) {
  const [honours, memberships] = await Promise.all([
    honoursOf(volunteer._id),
    membershipsOf(volunteer._id, ['active']),
  ]);
  return {
    cardNo: volunteer.cardNo,
    name: volunteer.name,
    stars: volunteer.stars,
    honours: honours.map(toAward),
    brigades: memberships.map((m) => m.brigadeName),
    // Types only, verified and unexpired now: never the photos.
    qualifications: heldTypes(volunteer.qualifications, Date.now()),
  };
}

export const card: Action<CodeRequest, CardResponse> = {
  access: 'volunteer',
  input: codeInput,
  async run(input, ctx) {
    const volunteer = await ctx.requireVolunteer();
    const token = sign({ v: volunteer._id, n: volunteer.cardNo }, cardKey(ctx));
    const [face, scene] = await Promise.all([
      cardFace(volunteer),
      sceneWithCode(ctx, 'card', volunteer._id, Promise.resolve(token), input.withCode),
    ]);
    return { ...face, trainingMinutes: volunteer.trainingMinutes ?? 0, token, ...scene };
  },
};

export const verifyCard: Action<VerifyCardRequest, VerifyCardResponse> = {
  access: 'anyone',
  input: z.object({ token: text('义工证二维码', 1000) }),
  async run(input, ctx) {
    const payload = verify<{ v?: string; n?: string }>(input.token, cardKey(ctx));
    if (!payload?.v || !payload.n) throw invalid('义工证二维码无效或已被篡改');
    const volunteer = await findById(payload.v);
    if (!volunteer || volunteer.cardNo !== payload.n) throw notFound('该义工证已注销');
    return { valid: true, ...(await cardFace(volunteer)) };
  },
};
