/**
 * Data access for the `qualifications` collection (专业技术资格). A document keeps the certificate photo's fileID (never
 * a URL) and, for the review queue, the volunteer's town and active brigades as they were when it was submitted.
 */
import type { QualificationType, Town } from '../../typings/data';
import type { MediaStatus, Qualification, QualificationStatus } from '../../typings/entities';
import { _, db, first, rows } from '../cloud';
import { after, where } from '../paging';

export interface QualificationDoc {
  _id: string;
  volunteerId: string;
  /** Denormalised for the review queue (never contact data). */
  name: string;
  cardNo: string;
  town: Town;
  brigadeIds: string[];
  type: QualificationType;
  title?: string;
  fileId: string;
  status: QualificationStatus;
  media: MediaStatus;
  issuedAt?: number;
  expiresAt?: number;
  reason?: string;
  submittedAt: number;
  reviewedAt?: number;
  reviewedBy?: string;
  reviewerId?: string;
}

/** A person's qualifications are read whole (newest first): a handful, and at most this many. */
export const PER_PERSON_LIMIT = 50;

const qualifications = () => db.collection('qualifications');

/** As the owner or a reviewer sees it; the photo's URL only when the caller may see it. */
export const toQualification = (doc: QualificationDoc, photoUrl?: string): Qualification => ({
  qualificationId: doc._id,
  volunteerId: doc.volunteerId,
  type: doc.type,
  ...(doc.title ? { title: doc.title } : {}),
  status: doc.status,
  ...(doc.issuedAt !== undefined ? { issuedAt: doc.issuedAt } : {}),
  ...(doc.expiresAt !== undefined ? { expiresAt: doc.expiresAt } : {}),
  ...(doc.reason ? { reason: doc.reason } : {}),
  media: doc.media,
  ...(photoUrl ? { photoUrl } : {}),
  submittedAt: doc.submittedAt,
  ...(doc.reviewedAt !== undefined ? { reviewedAt: doc.reviewedAt } : {}),
  ...(doc.reviewedBy ? { reviewedBy: doc.reviewedBy } : {}),
});

export function findById(qualificationId: string): Promise<QualificationDoc | undefined> {
  return first<QualificationDoc>(qualifications().where({ _id: qualificationId }));
}

/** Every qualification of a volunteer, newest first (one request). */
export function ofVolunteer(volunteerId: string): Promise<QualificationDoc[]> {
  return rows<QualificationDoc>(
    qualifications().where({ volunteerId }).orderBy('submittedAt', 'desc').limit(PER_PERSON_LIMIT),
  );
}

export async function insert(doc: QualificationDoc): Promise<void> {
  await qualifications().add({ data: doc });
}

/** Changes a qualification only if it is still in `from` (two reviewers never both win); false otherwise. */
export async function transition(
  qualificationId: string,
  from: QualificationStatus[],
  patch: Partial<QualificationDoc>,
): Promise<boolean> {
  const res = (await qualifications()
    .where({ _id: qualificationId, status: _.in(from) })
    .update({ data: patch })) as { stats: { updated: number } };
  return res.stats.updated === 1;
}

/** The media check's verdict on the photo (nothing when the document is not there). */
export async function setMedia(qualificationId: string, media: MediaStatus): Promise<void> {
  await qualifications().where({ _id: qualificationId }).update({ data: { media } });
}

export interface QueueScope {
  brigadeId?: string;
  town?: Town;
}

/** One page of pending qualifications in a brigade, a town, or everywhere; oldest first. */
export function pendingPage(scope: QueueScope, pageSize: number, cursor?: string): Promise<QualificationDoc[]> {
  const filters: Record<string, unknown> = { status: 'pending' };
  if (scope.brigadeId) filters.brigadeIds = scope.brigadeId;
  if (scope.town) filters.town = scope.town;
  return rows<QualificationDoc>(
    qualifications()
      .where(where(filters, after('submittedAt', 'asc', cursor)))
      .orderBy('submittedAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(pageSize + 1),
  );
}

/** How many are pending in the scope (a count: reads no documents). */
export async function countPending(scope: QueueScope): Promise<number> {
  const filters: Record<string, unknown> = { status: 'pending' };
  if (scope.brigadeId) filters.brigadeIds = scope.brigadeId;
  if (scope.town) filters.town = scope.town;
  const res = (await qualifications().where(filters).count()) as { total: number };
  return res.total;
}

/** A batch of the open qualifications past their expiry at `now` (the daily timer). */
export function expiredBatch(now: number, size: number): Promise<QualificationDoc[]> {
  return rows<QualificationDoc>(
    qualifications()
      .where({ status: _.in(['pending', 'verified']), expiresAt: _.lte(now) })
      .orderBy('expiresAt', 'asc')
      .limit(size),
  );
}

/** Erasure: every qualification of the volunteer. */
export async function removeOfVolunteer(volunteerId: string): Promise<void> {
  await qualifications().where({ volunteerId }).remove();
}
