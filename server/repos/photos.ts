/**
 * Data access for the `photos` collection: photos of recorded services, one document per photo (`_id` from its
 * fileID, as in `files`), with the post's title and start copied so the brigade's home reads them in one query.
 */
import type { MediaStatus } from '../../typings/entities';
import { db, first, rows } from '../cloud';

export interface PhotoDoc {
  _id: string;
  brigadeId: string;
  postId: string;
  postTitle: string;
  fileId: string;
  /** The post's start: the photos of the latest services come first. */
  at: number;
  media: MediaStatus;
  uploadedBy: string;
  createdAt: number;
}

const photos = () => db.collection('photos');

/** The ids of the photos a post holds (checking or passed; a risky one is removed): one request. */
export async function idsOfPost(postId: string): Promise<string[]> {
  const held = await rows<{ _id: string }>(photos().where({ postId }).field({ _id: true }).limit(100));
  return held.map((p) => p._id);
}

export async function insert(docs: PhotoDoc[]): Promise<void> {
  if (docs.length > 0) await photos().add({ data: docs });
}

/** The latest passed photos of a brigade, newest service first: one request. */
export function recentPassed(brigadeId: string, limit: number): Promise<PhotoDoc[]> {
  return rows<PhotoDoc>(
    photos().where({ brigadeId, media: 'pass' }).orderBy('at', 'desc').orderBy('_id', 'desc').limit(limit),
  );
}

export function findById(photoId: string): Promise<PhotoDoc | undefined> {
  return first<PhotoDoc>(photos().where({ _id: photoId }));
}

export async function setMedia(photoId: string, media: MediaStatus): Promise<void> {
  await photos().doc(photoId).update({ data: { media } });
}

export async function remove(photoId: string): Promise<void> {
  await photos().doc(photoId).remove();
}
