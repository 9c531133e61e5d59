/** Data access for the `volunteers` collection. `_id` is the volunteerId. */
import { _, db, first, rows } from '../cloud';
import { collectionIn, type Transaction } from '../transaction';
import { batchIn, edgeOf, type Range } from './batches';
import type { MembershipStatus, Profile } from '../../typings/entities';
import type { Town } from '../../typings/data';
import type { HeldQualification } from '../rules/qualifications';
import { mineLookup as recordLookup, type RecordDoc } from './records';
import { membershipLookup, type MembershipDoc } from './memberships';
import type { PostDoc } from './posts';
import { clashLookup, mineLookup, placeOf, type SignupDoc, type SignupWithAhead } from './signups';

/** A volunteer as stored: the contract's Profile keyed by `_id`, contact data encrypted, with the service figures. */
export interface VolunteerDoc extends Omit<Profile, 'volunteerId' | 'mobile' | 'guardian'> {
  _id: string;
  openid: string;
  /** AES-256-GCM ciphertext of the mobile number (see server/rules/pii.ts). */
  mobileEnc: string;
  /** `138****8000`, to show without decrypting. */
  mobileMasked: string;
  guardian?: { name: string; mobileEnc: string; mobileMasked: string; consentAt: number };
  stars: number;
  earnedMinutes: number;
  ratingSum: number;
  ratingCount: number;
  /** When the volunteer last served (a recorded credit), for the active-volunteer count. */
  lastServedAt?: number;
  /** Titles of the honours held, newest first (a copy kept by stars.award, so the profile needs no extra read). */
  honourTitles?: string[];
  /** Minutes of recorded trainings (培训), never in earnedMinutes or the balance. */
  trainingMinutes?: number;
  /** How many trainings the volunteer attended (recorded): from 0 to 1 they count as trained. */
  trainingsAttended?: number;
  /**
   * Verified qualifications, a copy kept by their review, expiry and erasure (the `qualifications` collection is the
   * source); readers still check `expiresAt`, so an expired one never counts even before the daily timer runs.
   */
  qualifications?: HeldQualification[];
}

const volunteers = () => db.collection('volunteers');
const inTx = (tx: Transaction) => collectionIn<VolunteerDoc>(tx, 'volunteers');

export function findByOpenid(openid: string): Promise<VolunteerDoc | undefined> {
  return first<VolunteerDoc>(volunteers().where({ openid }));
}

export function findByCardNo(cardNo: string): Promise<VolunteerDoc | undefined> {
  return first<VolunteerDoc>(volunteers().where({ cardNo }));
}

export function findById(volunteerId: string): Promise<VolunteerDoc | undefined> {
  return first<VolunteerDoc>(volunteers().where({ _id: volunteerId }));
}

/** Several volunteers by id, in one request (callers pass at most a page of ids). */
export function findByIds(ids: string[]): Promise<VolunteerDoc[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return rows<VolunteerDoc>(
    volunteers()
      .where({ _id: _.in(ids) })
      .limit(ids.length),
  );
}

export async function insertInTransaction(tx: Transaction, doc: VolunteerDoc): Promise<void> {
  await inTx(tx).add(doc);
}

export async function update(volunteerId: string, patch: Record<string, unknown>): Promise<void> {
  await volunteers().doc(volunteerId).update({ data: patch });
}

/** Forgets the home position. */
export async function clearHome(volunteerId: string): Promise<void> {
  await volunteers()
    .doc(volunteerId)
    .update({ data: { lat: _.remove(), lng: _.remove() } });
}

export async function remove(volunteerId: string): Promise<void> {
  await volunteers().doc(volunteerId).remove();
}

/** The volunteer as a transaction sees it (undefined when missing). */
export function getInTransaction(tx: Transaction, volunteerId: string): Promise<VolunteerDoc | undefined> {
  return inTx(tx).get(volunteerId);
}

export async function updateInTransaction(tx: Transaction, volunteerId: string, patch: object): Promise<void> {
  await inTx(tx).update(volunteerId, patch);
}

export type StarFactsRow = Pick<
  VolunteerDoc,
  '_id' | 'stars' | 'earnedMinutes' | 'ratingSum' | 'ratingCount' | 'registeredAt'
>;

/** A batch of volunteers after `lastId` in id order, only the fields star levels need (the daily recompute). */
export function starFactsAfter(lastId: string | undefined, batch: number): Promise<StarFactsRow[]> {
  return rows<StarFactsRow>(
    volunteers()
      .where(lastId ? { _id: _.gt(lastId) } : {})
      .orderBy('_id', 'asc')
      .field({ _id: true, stars: true, earnedMinutes: true, ratingSum: true, ratingCount: true, registeredAt: true })
      .limit(batch),
  );
}

/** Adds a verified qualification to the copy. */
export async function addHeldQualification(volunteerId: string, held: HeldQualification): Promise<void> {
  await volunteers()
    .doc(volunteerId)
    .update({ data: { qualifications: _.push([held]) } });
}

/** Replaces the copy of verified qualifications (after expiry or erasure). */
export async function setHeldQualifications(volunteerId: string, held: HeldQualification[]): Promise<void> {
  await volunteers()
    .doc(volunteerId)
    .update({ data: { qualifications: _.set(held) } });
}

/** Adds an honour's title to the profile, newest first. */
export async function addHonourTitle(volunteerId: string, title: string): Promise<void> {
  await volunteers()
    .doc(volunteerId)
    .update({ data: { honourTitles: _.unshift(title) } });
}

/** A brigade as the volunteer's own document keeps it (a copy for `me`; authorization reads the source). */
export interface BrigadeRole {
  name: string;
  status: MembershipStatus;
  leader: boolean;
}

/**
 * Roles held, copied onto the volunteer's document by the writes that change them (joins, reviews, leaving,
 * leader appointments and removals, renames) so that `me` needs no further reads. The sources stay
 * authoritative: memberships, `brigades.leaderIds` and `staff`. Profiles made before the copy existed lack it
 * until `me` fills it once from the sources.
 */
export interface RoleCopy {
  /** hq appointed in `staff`, as `me` last read it (unset until then; HQ_OPENIDS is read from the settings). */
  hq?: boolean;
  brigades: Record<string, BrigadeRole>;
  /** The towns coordinated (from `coordinators`; unset until `me` reads them once, then kept by setCoordinator). */
  towns?: Town[];
}

export interface VolunteerDoc {
  roles?: RoleCopy;
}

/** Fills the role copy of a profile that has none yet (never over a copy the writes keep). */
export async function fillRoles(volunteerId: string, roles: RoleCopy): Promise<void> {
  await volunteers()
    .where({ _id: volunteerId, roles: _.exists(false) })
    .update({ data: { roles: _.set(roles) } });
}

/** Records whether the volunteer is appointed hq, the first time `me` reads staff for them. */
export async function fillHqRole(volunteerId: string, hq: boolean): Promise<void> {
  await volunteers()
    .where({ _id: volunteerId, 'roles.hq': _.exists(false) })
    .update({ data: { 'roles.hq': hq } });
}

/** Records the towns the volunteer coordinates, the first time `me` reads them for a copy that lacks them. */
export async function fillTownsRole(volunteerId: string, towns: Town[]): Promise<void> {
  await volunteers()
    .where({ _id: volunteerId, 'roles.towns': _.exists(false) })
    .update({ data: { 'roles.towns': _.set(towns) } });
}

/** Adds or drops one coordinated town in the role copy; a copy without towns is left to `me`. */
export async function setTownRole(volunteerId: string, town: Town, held: boolean): Promise<void> {
  await volunteers()
    .where({ _id: volunteerId, 'roles.towns': _.exists(true) })
    .update({ data: { 'roles.towns': held ? _.addToSet(town) : _.pull(town) } });
}

/** Sets (or, with `null`, drops) one brigade in the role copy; a profile without a copy is left to `me`. */
export async function setBrigadeRole(volunteerId: string, brigadeId: string, role: BrigadeRole | null): Promise<void> {
  await volunteers()
    .where({ _id: volunteerId, roles: _.exists(true) })
    .update({ data: { [`roles.brigades.${brigadeId}`]: role ? _.set(role) : _.remove() } });
}

/** A renamed brigade: the name in the role copy of everyone who holds it. */
export async function renameBrigadeRoles(brigadeId: string, name: string): Promise<void> {
  await volunteers()
    .where({ [`roles.brigades.${brigadeId}`]: _.exists(true) })
    .update({ data: { [`roles.brigades.${brigadeId}.name`]: name } });
}

// ---- the statistics' reads ----

/** Volunteers who served since `since` (a count: reads no documents). */
export async function countServedSince(since: number, town?: string): Promise<number> {
  const res = (await volunteers()
    .where({ lastServedAt: _.gte(since), ...(town ? { town } : {}) })
    .count()) as { total: number };
  return res.total;
}

export type TrainingFactsRow = Pick<VolunteerDoc, '_id' | 'town' | 'trainingsAttended'> & {
  qualifications?: { type: string; expiresAt?: number }[];
};

/** A batch of the volunteers who trained or hold qualifications, in id order (the training figures' recount). */
export function trainingFactsAfter(lastId: string | undefined, batch: number): Promise<TrainingFactsRow[]> {
  const facts = _.or([{ trainingsAttended: _.gt(0) }, { 'qualifications.0': _.exists(true) }]);
  return rows<TrainingFactsRow>(
    volunteers()
      .where(lastId ? _.and([facts, { _id: _.gt(lastId) }]) : facts)
      .orderBy('_id', 'asc')
      .field({ _id: true, town: true, trainingsAttended: true, qualifications: true })
      .limit(batch),
  );
}

/** A batch of the volunteers registered in the range (the statistics' recount). */
export const registeredIn = (range: Range, afterId: string | undefined, size: number) =>
  batchIn<Pick<VolunteerDoc, 'town' | 'registeredAt'>>(
    volunteers(),
    'registeredAt',
    { range, afterId, size },
    { town: true, registeredAt: true },
  );

export const firstRegisteredAt = () => edgeOf(volunteers(), 'registeredAt', 'asc');

/**
 * What a sign-up checks, in one request: the volunteer of an openid, the post, their confirmed sign-up clashing with
 * it in time and their membership of its brigade (nothing when the openid is not registered).
 */
export async function findForSignup(
  openid: string,
  postId: string,
): Promise<{ volunteer?: VolunteerDoc; post?: PostDoc; clash?: SignupDoc; membership?: MembershipDoc }> {
  const { list } = (await volunteers()
    .aggregate()
    .match({ openid })
    .limit(1)
    .lookup({ from: 'posts', pipeline: [{ $match: { _id: postId } }, { $limit: 1 }], as: 'post' })
    .lookup(clashLookup(postId, 'clashes'))
    .lookup(membershipLookup('memberships'))
    .end()) as {
    list: (VolunteerDoc & { post: PostDoc[]; clashes: SignupDoc[]; memberships: MembershipDoc[] })[];
  };
  if (list.length === 0) return {};
  const { post, clashes, memberships, ...volunteer } = list[0];
  return { volunteer, post: post[0], clash: clashes[0], membership: memberships[0] };
}

/** The volunteer of an openid with their sign-up for a post and its waitlist position: one request. */
export async function findByOpenidWithSignup(
  openid: string,
  postId: string,
): Promise<{ volunteer?: VolunteerDoc; signup?: SignupDoc; position?: number; record?: RecordDoc }> {
  const { list } = (await volunteers()
    .aggregate()
    .match({ openid })
    .limit(1)
    .lookup(mineLookup(postId, 'signups'))
    .lookup(recordLookup(postId, 'records'))
    .end()) as { list: (VolunteerDoc & { signups: SignupWithAhead[]; records?: RecordDoc[] })[] };
  if (list.length === 0) return {};
  const { signups, records, ...volunteer } = list[0];
  const record = records?.[0];
  return { volunteer, ...(signups.length > 0 ? placeOf(signups[0]) : {}), ...(record ? { record } : {}) };
}

/** A volunteer as matching reads them (a home position is optional: most profiles have none). */
export type MatchRow = Pick<
  VolunteerDoc,
  '_id' | 'name' | 'cardNo' | 'town' | 'community' | 'specialties' | 'serviceAreas' | 'availability' | 'birthYear'
> & { lat?: number; lng?: number; qualifications?: HeldQualification[] };

/**
 * Matching's bounded candidate set, in one request through the town (+ specialty) index: volunteers of the town,
 * with `specialty` when one is required; most recently active first.
 */
export function matchCandidates(town: string, specialty: string | undefined, limit: number): Promise<MatchRow[]> {
  return rows<MatchRow>(
    volunteers()
      .where(specialty ? { town, specialties: specialty } : { town })
      .field({
        name: true,
        cardNo: true,
        town: true,
        community: true,
        specialties: true,
        serviceAreas: true,
        availability: true,
        birthYear: true,
        lat: true,
        lng: true,
        qualifications: true,
      })
      .orderBy('lastServedAt', 'desc')
      .limit(limit),
  );
}
