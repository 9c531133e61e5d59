/**
 * Data access for the `service_records` collection: one record per (post, volunteer) with `_id` =
 * `<postId>:<volunteerId>`, so the same attendee can never be recorded (and credited) twice.
 */
import { _, db, rows } from '../cloud';
import type { PostKind, ServiceRecord } from '../../typings/entities';
import { after, where } from '../paging';
import { collectionIn, type Transaction } from '../transaction';
import { batchIn, edgeOf, type Range } from './batches';

export interface Adjustment {
  requestId: string;
  at: number;
  by: string;
  reason: string;
  fromMinutes: number;
  fromRating?: number;
  toMinutes: number;
  toRating?: number;
}

/** A service record as stored: the contract's ServiceRecord keyed by `_id`, with what recording checked. */
export interface RecordDoc extends Omit<ServiceRecord, 'recordId'> {
  _id: string;
  /** The post's length in minutes (endAt − startAt) when recorded: more needs a reason. */
  capMinutes?: number;
  /** Whether the volunteer had checked in; recording without a check-in needs a reason. */
  checkedIn?: boolean;
  /** Why more than the post's length, or without a check-in (others see it: it passed the content check). */
  reason?: string;
  recordedBy: string;
  adjustments: Adjustment[];
  /** A training's record (培训): its minutes are training minutes. Absent on service records. */
  kind?: PostKind;
  /** Trainings: the post's topic and trainer, copied for the volunteer's training history. */
  topic?: string;
  trainer?: string;
}

export const recordId = (postId: string, volunteerId: string) => `${postId}:${volunteerId}`;

const records = () => db.collection('service_records');
const inTx = (tx: Transaction) => collectionIn<RecordDoc>(tx, 'service_records');

export const toRecord = (doc: RecordDoc): ServiceRecord => ({
  recordId: doc._id,
  postId: doc.postId,
  postTitle: doc.postTitle,
  brigadeId: doc.brigadeId,
  brigadeName: doc.brigadeName,
  category: doc.category,
  volunteerId: doc.volunteerId,
  status: doc.status,
  minutes: doc.minutes,
  ...(doc.rating !== undefined ? { rating: doc.rating } : {}),
  serviceDate: doc.serviceDate,
  recordedAt: doc.recordedAt,
});

/** Records by id (one request). */
function byIds(ids: string[]): Promise<RecordDoc[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return rows<RecordDoc>(
    records()
      .where({ _id: _.in(ids) })
      .limit(ids.length),
  );
}

/** The records of some attendees of one post (one request). */
export const ofPostFor = (postId: string, volunteerIds: string[]) =>
  byIds(volunteerIds.map((v) => recordId(postId, v)));

/** A volunteer's records of some posts (one request, at most one per post). */
export const ofVolunteerFor = (volunteerId: string, postIds: string[]) =>
  byIds(postIds.map((p) => recordId(p, volunteerId)));

/** A volunteer's attended service records with minutes (never trainings), newest service first (bounded). */
export function attendedOf(volunteerId: string, limit: number, recordedBefore?: number): Promise<RecordDoc[]> {
  return rows<RecordDoc>(
    records()
      .where({
        volunteerId,
        status: 'attended',
        minutes: _.gt(0),
        kind: _.neq('training'),
        ...(recordedBefore !== undefined ? { recordedAt: _.lte(recordedBefore) } : {}),
      })
      .orderBy('serviceDate', 'desc')
      .limit(limit),
  );
}

/** A page of the trainings a volunteer attended, newest first (keyset on `serviceDate`). */
export function trainingsOf(volunteerId: string, pageSize: number, cursor?: string): Promise<RecordDoc[]> {
  return rows<RecordDoc>(
    records()
      .where(where({ volunteerId, kind: 'training', status: 'attended' }, after('serviceDate', 'desc', cursor)))
      .orderBy('serviceDate', 'desc')
      .orderBy('_id', 'desc')
      .limit(pageSize + 1),
  );
}

export const getInTransaction = (tx: Transaction, id: string) => inTx(tx).get(id);

export const insertInTransaction = (tx: Transaction, doc: RecordDoc) => inTx(tx).add(doc);

export const updateInTransaction = (tx: Transaction, id: string, patch: Partial<RecordDoc>) =>
  inTx(tx).update(id, patch);

/** Every record of a volunteer (bounded; for the export). */
export function allOfVolunteer(volunteerId: string, limit: number): Promise<RecordDoc[]> {
  return rows<RecordDoc>(records().where({ volunteerId }).limit(limit));
}

// ---- the statistics' reads ----

/** A batch of the records of services in the range (the statistics' recount). */
export const servedIn = (range: Range, afterId: string | undefined, size: number) =>
  batchIn<
    Pick<
      RecordDoc,
      | 'postId'
      | 'brigadeId'
      | 'brigadeName'
      | 'category'
      | 'status'
      | 'minutes'
      | 'serviceDate'
      | 'capMinutes'
      | 'checkedIn'
      | 'kind'
    >
  >(
    records(),
    'serviceDate',
    { range, afterId, size },
    {
      postId: true,
      brigadeId: true,
      brigadeName: true,
      category: true,
      status: true,
      minutes: true,
      serviceDate: true,
      capMinutes: true,
      checkedIn: true,
      kind: true,
    },
  );

/** The first or last service date of a record. */
export const serviceDateEdge = (dir: 'asc' | 'desc') => edgeOf(records(), 'serviceDate', dir);

/** A `lookup` that joins to a volunteer (`_id`) their record of one post (at most one document). */
export function mineLookup(postId: string, as: string): object {
  return {
    from: 'service_records',
    let: { volunteerId: '$_id' },
    pipeline: [{ $match: { postId, $expr: { $eq: ['$volunteerId', '$$volunteerId'] } } }, { $limit: 1 }],
    as,
  };
}
