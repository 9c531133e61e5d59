/**
 * volunteers.qualifications / qualificationQueue. The certificate photo's temporary URL goes only to its owner and
 * to those who may review it, and only once the photo passed the media check; everyone else sees verified types on
 * the card and nothing more.
 */
import type { Page } from '../../../typings/entities';
import type {
  QualificationQueueRequest,
  QualificationsRequest,
  QualificationsResponse,
  QueuedQualification,
} from '../../../typings/api/volunteers';
import { requireLeaderOf } from '../../brigades/access';
import type { RequestContext } from '../../context';
import { denied, unauthenticated } from '../../errors';
import { temporaryUrls } from '../../files/index';
import type { Action } from '../../handler';
import { pageOf, pageSizeOf } from '../../paging';
import { ledBy } from '../../repos/brigades';
import * as repo from '../../repos/qualifications';
import { requireReviewer } from './access';
import { listInput, queueInput } from './schema';

/** The documents as the caller may see them, each photo's URL when it passed the check. */
async function withPhotos(docs: repo.QualificationDoc[]) {
  const urls = docs.length > 0 ? await temporaryUrls(docs.map((d) => d.fileId)) : new Map<string, string>();
  return docs.map((d) => {
    const url = urls.get(d.fileId);
    // A URL is handed out only for a photo that passed: its verdict may have arrived before the document was written.
    return { ...repo.toQualification(d, url), ...(url ? { media: 'pass' as const } : {}) };
  });
}

export const qualifications: Action<QualificationsRequest, QualificationsResponse> = {
  access: 'anyone',
  input: listInput,
  async run(input, ctx) {
    const me = await ctx.volunteer();
    const volunteerId = input.volunteerId ?? me?._id;
    if (!volunteerId) throw unauthenticated();
    const docs = await repo.ofVolunteer(volunteerId);
    if (volunteerId !== me?._id && docs.length > 0) {
      await requireReviewer(ctx, {
        volunteerId,
        town: docs[0].town,
        brigadeIds: [...new Set(docs.flatMap((d) => d.brigadeIds))],
      });
    } else if (volunteerId !== me?._id) {
      // Nothing to show; still, only a reviewer learns even that.
      await requireAnyReviewer(ctx);
    }
    return { items: await withPhotos(docs) };
  },
};

/** The caller leads a brigade, coordinates a town or is hq. */
async function requireAnyReviewer(ctx: RequestContext): Promise<void> {
  const me = await ctx.volunteer();
  if (me && (await ledBy(me._id)).length > 0) return;
  if ((await ctx.coordinatorTowns()).length > 0 || (await ctx.isHq())) return;
  throw denied('仅大队负责人、镇区社工或总队可以查看他人的资格证书');
}

/** Whose queue: a brigade's for its leader, a town's for its coordinator, everyone's for hq. */
async function requireScope(ctx: RequestContext, input: QualificationQueueRequest): Promise<repo.QueueScope> {
  if (input.brigadeId) {
    await requireLeaderOf(ctx, input.brigadeId, true);
    return { brigadeId: input.brigadeId };
  }
  if (input.town) {
    if (!(await ctx.coordinatorTowns()).includes(input.town) && !(await ctx.isHq())) {
      throw denied('仅该镇区的社工（协调员）或总队可以查看');
    }
    return { town: input.town };
  }
  await ctx.requireHq();
  return {};
}

export const qualificationQueue: Action<QualificationQueueRequest, Page<QueuedQualification>> = {
  access: 'anyone',
  input: queueInput,
  async run(input, ctx) {
    const scope = await requireScope(ctx, input);
    const size = pageSizeOf(input.pageSize);
    const [docs, total] = await Promise.all([
      repo.pendingPage(scope, size, input.cursor),
      input.cursor ? Promise.resolve(undefined) : repo.countPending(scope),
    ]);
    const cut = pageOf(docs, size, 'submittedAt');
    const shown = await withPhotos(cut.items);
    const items = shown.map((q, i) => ({
      ...q,
      name: cut.items[i].name,
      cardNo: cut.items[i].cardNo,
      town: cut.items[i].town,
    }));
    return {
      items,
      ...(total !== undefined ? { total } : {}),
      ...(cut.nextCursor ? { nextCursor: cut.nextCursor } : {}),
    };
  },
};
