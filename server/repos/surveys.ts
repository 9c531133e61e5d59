/** Data access for the `surveys` collection (what plans need of it: find one, mark it converted). */
import { _, db, first } from '../cloud';
import type { Survey } from '../../typings/needs';

export interface SurveyDoc extends Omit<Survey, 'surveyId' | 'household'> {
  _id: string;
  surveyorId: string;
}

const surveys = () => db.collection('surveys');

export function findById(surveyId: string): Promise<SurveyDoc | undefined> {
  return first<SurveyDoc>(surveys().where({ _id: surveyId }));
}

/** The survey is answered by this plan (and recipient): `converted`, unless it was dismissed. */
export async function markConverted(surveyId: string, link: { planId?: string; recipientId?: string }): Promise<void> {
  await surveys()
    .where({ _id: surveyId, status: _.in(['submitted', 'converted']) })
    .update({ data: { status: 'converted', ...link } });
}
