/**
 * needs: saveRecipient recipients recipient closeRecipient — service recipients (服务对象). The coordinator of the
 * town and the leaders of the recipient's (or a plan's) brigade manage them and see their personal data; a carer
 * who accepted a service reads what a visit needs; nobody else reads a recipient here.
 */
import type { ListRecipientsRequest, NeedsApi, SaveRecipientRequest } from '../../typings/api/needs';
import { HONORIFICS, RECIPIENT_CATEGORIES, TOWNS, type Town } from '../../typings/data';
import type { Recipient, RecipientDetail } from '../../typings/needs';
import { isDuplicateKey } from '../cloud';
import type { RequestContext } from '../context';
import { alreadyExists, denied, invalid, notFound, precondition } from '../errors';
import type { Action } from '../handler';
import { pageOf, pageSizeOf } from '../paging';
import { piiKey } from '../pii';
import { isAcceptedCarer } from '../repos/assignments';
import * as brigades from '../repos/brigades';
import { ofRecipient } from '../repos/plans';
import * as repo from '../repos/recipients';
import * as surveys from '../repos/surveys';
import { displayNameOf } from '../rules/display-name';
import { countRecipient } from '../stats/needs-count';
import { id, listOf, oneOf, optionalText, page, personName, text, z } from '../schema';
import { checkText } from '../security';
import { requireManager, standing } from './access';
import { checkCoordinates, consentInput, consentOf, coordinate, defined, phone } from './fields';

type Res<A extends keyof NeedsApi> = NeedsApi[A]['res'];
type Req<A extends keyof NeedsApi> = NeedsApi[A]['req'];

const leadersOf = async (brigadeIds: (string | undefined)[]): Promise<string[]> => {
  const ids = [...new Set(brigadeIds.filter((b): b is string => !!b))];
  return (await brigades.byIds(ids)).flatMap((b) => b.leaderIds);
};

/** The caller manages recipients of this town (coordinator) or of this brigade (leader). */
async function requireManagerOf(ctx: RequestContext, town: Town, brigadeId?: string) {
  const brigade = brigadeId ? await brigades.findById(brigadeId) : undefined;
  if (brigadeId && !brigade) throw notFound('没有找到该大队');
  return requireManager(ctx, town, brigade?.leaderIds ?? []);
}

async function loadActive(recipientId: string): Promise<repo.RecipientDoc> {
  const doc = await repo.findById(recipientId);
  if (!doc) throw notFound('没有找到该服务对象');
  if (doc.status === 'closed') throw precondition('该服务对象已结案（退出项目），不能再修改');
  return doc;
}

function toRecipient(doc: repo.RecipientDoc, detail?: RecipientDetail): Recipient {
  return defined({
    ...repo.toSummary(doc),
    status: doc.status,
    honorific: doc.honorific,
    brigadeId: doc.brigadeId,
    consent: doc.consent,
    detail,
    surveyId: doc.surveyId,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    closedAt: doc.closedAt,
    closeReason: doc.closeReason,
  });
}

const guardianInput = z.object({
  name: personName('监护人姓名', 20),
  phone: phone('监护人电话'),
  relation: text('与服务对象关系', 10),
});

const categoriesInput = listOf('类别', oneOf('服务对象类别', RECIPIENT_CATEGORIES), RECIPIENT_CATEGORIES.length).check(
  z.minLength(1, '请至少选择一个服务对象类别'),
);

/** The survey being turned into this recipient: of the same town and still waiting. */
async function surveyToConvert(surveyId: string, town: Town) {
  const survey = await surveys.findById(surveyId);
  if (!survey) throw notFound('没有找到该需求调查');
  if (survey.town !== town) throw invalid('服务对象的镇区须与需求调查一致', { town: '与需求调查的镇区不一致' });
  if (survey.status !== 'submitted') throw precondition('该需求调查已处理（已建档或不予受理）');
  return survey;
}

export const saveRecipient: Action<SaveRecipientRequest, Res<'saveRecipient'>> = {
  access: 'volunteer',
  input: z.object({
    recipientId: z.optional(id('服务对象')),
    name: personName('姓名', 20),
    categories: categoriesInput,
    honorific: z.optional(oneOf('称呼', HONORIFICS)),
    town: oneOf('镇区', TOWNS),
    community: text('社区（村）', 30),
    address: text('住址', 100),
    lat: coordinate('纬度', 90),
    lng: coordinate('经度', 180),
    phone: z.optional(phone('联系电话')),
    guardian: z.optional(guardianInput),
    notes: optionalText('备注', 500),
    consent: consentInput,
    brigadeId: z.optional(id('大队')),
    surveyId: z.optional(id('需求调查')),
  }),
  async run(input, ctx) {
    checkCoordinates(input.lat, input.lng);
    const now = Date.now();
    const consent = consentOf(input.consent, now);
    const existing = input.recipientId ? await loadActive(input.recipientId) : undefined;
    if (existing) await requireManagerOf(ctx, existing.town, existing.brigadeId);
    const { volunteer } = await requireManagerOf(ctx, input.town, input.brigadeId);
    const survey = input.surveyId && !existing ? await surveyToConvert(input.surveyId, input.town) : undefined;
    await checkText(ctx, { notes: input.notes });
    const detail: RecipientDetail = defined({
      name: input.name,
      address: input.address,
      lat: input.lat,
      lng: input.lng,
      phone: input.phone,
      guardian: input.guardian,
      notes: input.notes,
    });
    const displayName = displayNameOf(input);
    const fields = defined({
      displayName,
      honorific: input.honorific,
      town: input.town,
      community: input.community,
      categories: [...new Set(input.categories)],
      brigadeId: input.brigadeId,
      consent,
      sealed: repo.seal(detail, piiKey(ctx)),
      updatedAt: now,
    });
    if (existing) {
      await repo.update(existing._id, fields);
      await countRecipient(ctx, existing._id);
      return { recipientId: existing._id, displayName };
    }
    // A survey converts into one recipient: its id derives from the survey, so a second try cannot add another.
    const recipientId = survey ? `rc_${survey._id}` : undefined;
    const doc: repo.RecipientDoc = {
      ...fields,
      _id: recipientId ?? repo.newRecipientId(),
      status: 'active',
      ...(survey ? { surveyId: survey._id } : {}),
      createdBy: volunteer._id,
      createdAt: now,
    };
    try {
      await repo.insert(doc);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      throw alreadyExists('该需求调查已建档');
    }
    if (survey) await surveys.markConverted(survey._id, { recipientId: doc._id });
    await countRecipient(ctx, doc._id);
    ctx.log.info('recipient-saved', { recipientId: doc._id, town: doc.town });
    return { recipientId: doc._id, displayName };
  },
};

/** Lists a town's (or one brigade's) recipients for the coordinator of the town or the brigade's leaders. */
export const recipients: Action<ListRecipientsRequest, Res<'recipients'>> = {
  access: 'volunteer',
  input: z.object({
    town: z.optional(oneOf('镇区', TOWNS)),
    brigadeId: z.optional(id('大队')),
    category: z.optional(oneOf('服务对象类别', RECIPIENT_CATEGORIES)),
    status: z.optional(oneOf('状态', ['active', 'closed'] as const)),
    ...page,
  }),
  async run(input, ctx) {
    const brigade = input.brigadeId ? await brigades.findById(input.brigadeId) : undefined;
    if (input.brigadeId && !brigade) throw notFound('没有找到该大队');
    const town = input.town ?? brigade?.town ?? (await ctx.coordinatorTowns())[0];
    if (!town) throw denied('仅镇区的社工（协调员）或大队负责人可以查看服务对象');
    await requireManager(ctx, town, brigade?.leaderIds ?? []);
    const size = pageSizeOf(input.pageSize);
    const docs = await repo.page(
      { town, status: input.status ?? 'active', brigadeId: input.brigadeId, category: input.category },
      size,
      input.cursor,
    );
    const key = piiKey(ctx);
    const cut = pageOf(docs, size, 'updatedAt');
    return { ...cut, items: cut.items.map((doc) => toRecipient(doc, repo.detailOf(doc, key))) };
  },
};

export const recipient: Action<Req<'recipient'>, Res<'recipient'>> = {
  access: 'volunteer',
  input: z.object({ recipientId: id('服务对象') }),
  async run(input, ctx) {
    const [doc, plans] = await Promise.all([repo.findById(input.recipientId), ofRecipient(input.recipientId)]);
    if (!doc) throw notFound('没有找到该服务对象');
    const leaderIds = await leadersOf([doc.brigadeId, ...plans.map((p) => p.brigadeId)]);
    const s = await standing(ctx, doc.town, leaderIds);
    const manager = s.coordinator || s.leader;
    const carer = !manager && !!s.volunteer && (await isAcceptedCarer(doc._id, s.volunteer._id));
    if (!manager && !carer) throw denied('仅该镇区的社工、相关大队负责人和已结对的义工可以查看服务对象');
    const detail = repo.detailOf(doc, piiKey(ctx));
    const shown = detail && !manager ? { ...detail, notes: undefined } : detail;
    return {
      ...toRecipient(doc, shown && defined(shown)),
      plans: plans.map((p) => ({ planId: p._id, status: p.status, brigadeName: p.brigadeName })),
    };
  },
};

export const closeRecipient: Action<Req<'closeRecipient'>, Res<'closeRecipient'>> = {
  access: 'volunteer',
  input: z.object({ recipientId: id('服务对象'), reason: text('结案原因', 200) }),
  async run(input, ctx) {
    const doc = await loadActive(input.recipientId);
    await requireManagerOf(ctx, doc.town, doc.brigadeId);
    await repo.close(doc._id, input.reason, Date.now());
    await countRecipient(ctx, doc._id);
    if (doc.surveyId) await surveys.eraseHousehold(doc.surveyId);
    ctx.log.info('recipient-closed', { recipientId: doc._id });
    return { status: 'closed' };
  },
};
