/**
 * Data access for the `files` collection: uploaded files the functions accepted. `_id` is a hash of the fileID
 * (fileIDs are long and full of "/"), so accepting the same file again overwrites its record. The media check's
 * traceId is never shown to a client: only the platform's pushed result, which carries it, can settle a file.
 */
import { createHash } from 'node:crypto';
import type { MediaStatus } from '../../typings/entities';
import { _, db, first, rows } from '../cloud';
import type { FilePurpose } from '../files/hooks';

export interface FileDoc {
  _id: string;
  fileId: string;
  /** The uploader's openid. */
  owner: string;
  purpose: FilePurpose;
  /** The document the file belongs to (e.g. a qualificationId). */
  ref: string;
  size: number;
  contentType: string;
  media: MediaStatus;
  traceId?: string;
  createdAt: number;
  checkedAt?: number;
}

export const fileDocId = (fileId: string): string => createHash('sha256').update(fileId).digest('hex').slice(0, 32);

const files = () => db.collection('files');

export async function save(doc: FileDoc): Promise<void> {
  const { _id, ...data } = doc;
  await files().doc(_id).set({ data });
}

export function findByTraceId(traceId: string): Promise<FileDoc | undefined> {
  return first<FileDoc>(files().where({ traceId }));
}

/** The records of these files (at most 100 per call). */
export function findByFileIds(fileIds: string[]): Promise<FileDoc[]> {
  if (fileIds.length === 0) return Promise.resolve([]);
  return rows<FileDoc>(
    files()
      .where({ _id: _.in(fileIds.map(fileDocId)) })
      .limit(100),
  );
}

export async function setMedia(id: string, media: MediaStatus, at: number): Promise<void> {
  await files()
    .doc(id)
    .update({ data: { media, checkedAt: at } });
}

export async function removeByFileIds(fileIds: string[]): Promise<void> {
  if (fileIds.length === 0) return;
  await files()
    .where({ _id: _.in(fileIds.map(fileDocId)) })
    .remove();
}
