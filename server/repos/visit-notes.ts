/** Data access for the `visit_notes` collection: a plan's visit notes (探访记录), newest first. */
import { db, rows } from '../cloud';
import type { VisitNote } from '../../typings/needs';

export interface VisitNoteDoc extends Omit<VisitNote, 'noteId'> {
  _id: string;
  planId: string;
  authorId: string;
}

const notes = () => db.collection('visit_notes');

export const toNote = (doc: VisitNoteDoc): VisitNote => ({
  noteId: doc._id,
  text: doc.text,
  author: doc.author,
  ...(doc.postId ? { postId: doc.postId } : {}),
  at: doc.at,
});

export async function insert(doc: VisitNoteDoc): Promise<void> {
  await notes().add({ data: doc });
}

/** The newest notes of a plan (one page). */
export function ofPlan(planId: string, limit = 20): Promise<VisitNoteDoc[]> {
  return rows<VisitNoteDoc>(notes().where({ planId }).orderBy('at', 'desc').limit(limit));
}
