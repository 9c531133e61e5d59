/** timebank.trainings — 我的培训: the trainings the caller attended (recorded), newest first, with their minutes. */
import type { TrainingRecord } from '../../typings/api/timebank';
import type { Page, PageRequest } from '../../typings/entities';
import type { Action } from '../handler';
import { pageOf, pageSizeOf } from '../paging';
import * as records from '../repos/records';
import { trainingsInput } from './schema';

const toTraining = (r: records.RecordDoc): TrainingRecord => ({
  postId: r.postId,
  postTitle: r.postTitle,
  ...(r.topic ? { topic: r.topic } : {}),
  ...(r.trainer ? { trainer: r.trainer } : {}),
  brigadeName: r.brigadeName,
  serviceDate: r.serviceDate,
  minutes: r.minutes,
});

export const trainings: Action<PageRequest, Page<TrainingRecord>> = {
  access: 'volunteer',
  input: trainingsInput,
  async run(input, ctx) {
    const me = await ctx.requireVolunteer();
    const size = pageSizeOf(input.pageSize);
    const page = pageOf(await records.trainingsOf(me._id, size, input.cursor), size, 'serviceDate');
    return { items: page.items.map(toTraining), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  },
};
