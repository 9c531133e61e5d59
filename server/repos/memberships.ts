/** Data access for the `memberships` collection: one document per (brigade, volunteer), `_id` = `<brigadeId>:<volunteerId>`. */
import { _, db, first, rows } from '../cloud';
import { after, where } from '../paging';
import type { ShareSource } from '../../typings/api/brigades';
import type { Membership, MembershipStatus } from '../../typings/entities';
import type { Specialty, Town } from '../../typings/data';
import { facetsOf, type MemberFacets } from '../rules/member-facets';
import { batchIn, type Range } from './batches';
import type { BrigadeDoc } from './brigades';
import type { VolunteerDoc } from './volunteers';

/** Facets are absent on memberships made before they were copied (see brigades.members). */
export interface MembershipDoc extends Membership, Partial<MemberFacets> {
  _id: string;
  brigadeName: string;
  /** Denormalised for the members list (never contact data: that stays on the volunteer). */
  name: string;
  cardNo: string;
  reviewedAt?: number;
  /** 招募来源 of a join made since sources were counted (the nightly recount reads it). */
  source?: ShareSource;
}

/** Narrows the members list; every filter given must hold. */
export interface MemberFilters {
  specialty?: Specialty;
  town?: Town;
  community?: string;
  /** Any of these slot keys (`2-morning` …). */
  slots?: string[];
}

export const membershipId = (brigadeId: string, volunteerId: string) => `${brigadeId}:${volunteerId}`;

const memberships = () => db.collection('memberships');

export function find(brigadeId: string, volunteerId: string): Promise<MembershipDoc | undefined> {
  return first<MembershipDoc>(memberships().where({ _id: membershipId(brigadeId, volunteerId) }));
}

/** A volunteer's memberships (bounded: a person belongs to a handful of brigades). */
export function ofVolunteer(volunteerId: string, statuses: MembershipStatus[] = ['active', 'pending']) {
  return rows<MembershipDoc>(
    memberships()
      .where({ volunteerId, status: _.in(statuses) })
      .limit(100),
  );
}

/** One page of a brigade's members, newest first, narrowed by the filters given. */
export function page(
  brigadeId: string,
  status: MembershipStatus | undefined,
  pageSize: number,
  cursor?: string,
  narrow: MemberFilters = {},
) {
  const filters: Record<string, unknown> = { brigadeId, status: status ?? _.in(['active', 'pending']) };
  if (narrow.specialty) filters.specialties = narrow.specialty;
  if (narrow.town) filters.town = narrow.town;
  if (narrow.community) filters.community = narrow.community;
  if (narrow.slots) filters.availability = _.in(narrow.slots);
  return rows<MembershipDoc>(
    memberships()
      .where(where(filters, after('joinedAt', 'desc', cursor)))
      .orderBy('joinedAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(pageSize + 1),
  );
}

/** The active members among these volunteers (one request; callers pass a bounded list). */
export function activeAmong(brigadeId: string, volunteerIds: string[]) {
  return rows<MembershipDoc>(
    memberships()
      .where({ _id: _.in(volunteerIds.map((v) => membershipId(brigadeId, v))), status: 'active' })
      .limit(volunteerIds.length),
  );
}

/** The active memberships of these volunteers, brigade and volunteer only (one request; a bounded list). */
export function activeOfVolunteers(volunteerIds: string[]) {
  if (volunteerIds.length === 0) return Promise.resolve([]);
  return rows<Pick<MembershipDoc, 'brigadeId' | 'volunteerId'>>(
    memberships()
      .where({ volunteerId: _.in(volunteerIds), status: 'active' })
      .field({ brigadeId: true, volunteerId: true })
      .limit(1000),
  );
}

export async function insert(doc: MembershipDoc): Promise<void> {
  await memberships().add({ data: doc });
}

/** Changes a membership only if it is still in one of `from` (guards concurrent joins and reviews). */
export async function transition(
  id: string,
  from: MembershipStatus[],
  patch: Partial<MembershipDoc>,
): Promise<boolean> {
  const res = (await memberships()
    .where({ _id: id, status: _.in(from) })
    .update({ data: patch })) as { stats: { updated: number } };
  return res.stats.updated === 1;
}

/** Rewrites the facets on every membership of the volunteer (one conditional multi-document update). */
export async function refreshFacets(volunteerId: string, facets: MemberFacets): Promise<void> {
  await memberships().where({ volunteerId }).update({ data: facets });
}

/** Fills the facets of a membership made before they were copied (never over facets already there). */
export async function fillFacets(id: string, facets: MemberFacets): Promise<void> {
  await memberships()
    .where({ _id: id, specialties: _.exists(false) })
    .update({ data: facets });
}

export async function removeOfVolunteer(volunteerId: string): Promise<void> {
  await memberships().where({ volunteerId }).remove();
}

export const newMembership = (
  brigade: BrigadeDoc,
  volunteer: VolunteerDoc,
  status: MembershipStatus,
  now: number,
): MembershipDoc => ({
  _id: membershipId(brigade._id, volunteer._id),
  brigadeId: brigade._id,
  brigadeName: brigade.name,
  volunteerId: volunteer._id,
  name: volunteer.name,
  cardNo: volunteer.cardNo,
  ...facetsOf(volunteer),
  status,
  joinedAt: now,
});

/** Keeps the denormalised brigade name in step after a rename. */
export async function renameBrigade(brigadeId: string, brigadeName: string): Promise<void> {
  await memberships().where({ brigadeId }).update({ data: { brigadeName } });
}

/** For the caller's volunteer (`_id`) with the post they sign up to as `post` (an array of one): their membership. */
export function membershipLookup(as: string): object {
  return {
    from: 'memberships',
    let: { volunteerId: '$_id', brigadeId: { $arrayElemAt: ['$post.brigadeId', 0] } },
    pipeline: [
      {
        $match: {
          $expr: { $and: [{ $eq: ['$volunteerId', '$$volunteerId'] }, { $eq: ['$brigadeId', '$$brigadeId'] }] },
        },
      },
      { $limit: 1 },
    ],
    as,
  };
}

/** The statistics' recount: joins made in the range that carry their source (招募来源), in batches. */
export const sourcedIn = (range: Range, afterId: string | undefined, size: number) =>
  batchIn<Pick<MembershipDoc, 'source' | 'brigadeId' | 'brigadeName' | 'joinedAt'>>(
    memberships(),
    'joinedAt',
    { range, afterId, size },
    { source: true, brigadeId: true, brigadeName: true, joinedAt: true },
    { source: _.exists(true) },
  );
