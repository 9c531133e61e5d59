/**
 * Data access for the `scenes` collection: the short id a mini program code carries (`scene`, at most 32 characters
 * for wxacode.getUnlimited) and the token or reference it stands for. One scene per (kind, subject), kept by a
 * unique index, so showing a card again reuses its scene instead of minting another.
 */
import { randomBytes } from 'node:crypto';
import type { SceneKind } from '../../typings/api/volunteers';
import { db, first, isDuplicateKey } from '../cloud';

export interface SceneDoc {
  /** The scene id: 10 characters of crypto-random base62, unguessable. */
  _id: string;
  kind: SceneKind;
  /** What the scene is about: a volunteerId for a card, a proof's _id for a proof, a postId, an invite code. */
  subject: string;
  /** The token (or reference) the scene stands for; what the verify page checks. */
  token: string;
  createdAt: number;
  expiresAt?: number;
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const SCENE_ID_LENGTH = 10;

/** A random base62 id; bytes ≥ 248 are skipped so each character is equally likely. */
export function newSceneId(): string {
  let id = '';
  while (id.length < SCENE_ID_LENGTH) {
    for (const b of randomBytes(16)) if (b < 248 && id.length < SCENE_ID_LENGTH) id += BASE62[b % 62];
  }
  return id;
}

const scenes = () => db.collection('scenes');

export function findById(id: string): Promise<SceneDoc | undefined> {
  return first<SceneDoc>(scenes().where({ _id: id }));
}

export function findOf(kind: SceneKind, subject: string): Promise<SceneDoc | undefined> {
  return first<SceneDoc>(scenes().where({ kind, subject }));
}

/**
 * The scene of (kind, subject), inserting one when `known` (read by the caller) is none. Two callers at once both try to insert; the unique
 * (kind, subject) index keeps one and the other reads it back. A token that changed (a new key) is brought up to date.
 */
export async function ensure(
  kind: SceneKind,
  subject: string,
  token: string,
  now: number,
  /** What `findOf` read just before (the caller reads it alongside its other reads). */
  known: SceneDoc | undefined,
): Promise<SceneDoc> {
  let held = known;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (held) {
      if (held.token !== token) await scenes().doc(held._id).update({ data: { token } });
      return { ...held, token };
    }
    const doc: SceneDoc = { _id: newSceneId(), kind, subject, token, createdAt: now };
    try {
      await scenes().add({ data: doc });
      return doc;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    held = await findOf(kind, subject);
  }
  throw new Error(`scene of ${kind}:${subject} could not be stored`);
}

/** A new scene for a subject that is itself new (an invite code): no (kind, subject) clash to resolve. */
export async function insertFresh(
  kind: SceneKind,
  subject: string,
  now: number,
  expiresAt?: number,
): Promise<SceneDoc> {
  const doc: SceneDoc = { _id: newSceneId(), kind, subject, token: subject, createdAt: now };
  if (expiresAt !== undefined) doc.expiresAt = expiresAt;
  await scenes().add({ data: doc });
  return doc;
}

/** Erasure: a deleted volunteer's card scene goes with the profile. */
export async function removeOf(kind: SceneKind, subject: string): Promise<void> {
  await scenes().where({ kind, subject }).remove();
}
