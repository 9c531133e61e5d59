/**
 * needs: saveSurvey surveys survey dismissSurvey — household needs surveys (需求调查). Any registered volunteer
 * surveys at the door; the coordinator of the town reviews, turns a survey into a recipient or dismisses it. The
 * household's contact data is shown only to the coordinator of the town and the surveyor. A survey may also come
 * from a time-bank redemption (`redemption`); dismissing it cancels the redemption.
 */
import type { ListSurveysRequest, NeedsApi, SaveSurveyRequest } from '../../typings/api/needs';
import {
  FREQUENCIES,
  RECIPIENT_CATEGORIES,
  SERVICE_CATEGORIES,
  SLOTS,
  SPECIALTIES,
  TOWNS,
  URGENCIES,
} from '../../typings/data';
import type { Survey } from '../../typings/needs';
import { isDuplicateKey } from '../cloud';
import type { RequestContext } from '../context';
import { denied, notFound, precondition } from '../errors';
import type { Action } from '../handler';
import { pageOf, pageSizeOf } from '../paging';
import { piiKey } from '../pii';
import * as repo from '../repos/surveys';
import { bool, id, int, listOf, oneOf, optionalText, page, personName, text, z } from '../schema';
import { checkText } from '../security';
import { countSurvey } from '../stats/needs-count';
import { cancelForSurvey } from '../timebank/redeem';
import { requireCoordinator } from './access';
import { checkCoordinates, consentInput, consentOf, coordinate, defined, phone } from './fields';

type Res<A extends keyof NeedsApi> = NeedsApi[A]['res'];
type Req<A extends keyof NeedsApi> = NeedsApi[A]['req'];

const memberInput = z.object({
  relation: text('成员关系', 10),
  age: z.optional(int('年龄', 0, 120)),
  situation: text('成员情况', 200),
  categories: listOf('类别', oneOf('成员类别', RECIPIENT_CATEGORIES), RECIPIENT_CATEGORIES.length),
});

const needInput = z.object({
  category: oneOf('需求类别', SERVICE_CATEGORIES),
  specialties: listOf('所需专长', oneOf('专长', SPECIALTIES), SPECIALTIES.length),
  frequency: oneOf('频次', FREQUENCIES),
  slots: listOf('希望时段', z.object({ weekday: int('星期', 0, 6), slot: oneOf('时段', SLOTS) }), 21),
  urgency: oneOf('紧急程度', URGENCIES),
  note: optionalText('需求说明', 200),
});

const householdInput = z.object({
  contactName: personName('受访人姓名', 20),
  address: text('住址', 100),
  phone: z.optional(phone('联系电话')),
  size: int('家庭人数', 1, 20),
  lat: coordinate('纬度', 90),
  lng: coordinate('经度', 180),
});

function toSurvey(doc: repo.SurveyDoc, withHousehold: boolean, ctx: RequestContext): Survey {
  return defined({
    surveyId: doc._id,
    town: doc.town,
    community: doc.community,
    status: doc.status,
    household: withHousehold ? repo.householdOf(doc, piiKey(ctx)) : undefined,
    members: doc.members,
    needs: doc.needs,
    consent: doc.consent,
    surveyor: { volunteerId: doc.surveyorId, name: doc.surveyorName },
    surveyedAt: doc.surveyedAt,
    recipientId: doc.recipientId,
    planId: doc.planId,
    redemption: doc.redemption,
  });
}

export const saveSurvey: Action<SaveSurveyRequest, Res<'saveSurvey'>> = {
  access: 'volunteer',
  input: z.object({
    requestId: z
      .string({ error: '缺少草稿编号' })
      .check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, '草稿编号格式不正确，请重新填写')),
    town: oneOf('镇区', TOWNS),
    community: text('社区（村）', 30),
    household: householdInput,
    members: listOf('家庭成员', memberInput, 20),
    needs: listOf('需求', needInput, 20).check(z.minLength(1, '请至少填写一项需求')),
    consent: consentInput,
  }),
  async run(input, ctx) {
    const volunteer = await ctx.requireVolunteer();
    checkCoordinates(input.household.lat, input.household.lng);
    const surveyId = repo.surveyIdOf(volunteer._id, input.requestId);
    const earlier = await repo.findById(surveyId);
    if (earlier) return { surveyId, status: earlier.status };
    const now = Date.now();
    const consent = consentOf(input.consent, now);
    await checkText(ctx, Object.fromEntries(input.needs.map((n, i) => [`needs.${i}.note`, n.note])));
    const doc: repo.SurveyDoc = {
      _id: surveyId,
      requestId: input.requestId,
      town: input.town,
      community: input.community,
      status: 'submitted',
      sealed: repo.seal(defined(input.household), piiKey(ctx)),
      members: input.members.map((m) => defined(m)),
      needs: input.needs.map((n) => defined(n)),
      consent,
      surveyorId: volunteer._id,
      surveyorName: volunteer.name,
      surveyedAt: now,
    };
    try {
      await repo.insert(doc);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const first = await repo.findById(surveyId);
      return { surveyId, status: first?.status ?? 'submitted' };
    }
    await countSurvey(ctx, doc);
    ctx.log.info('survey-saved', { surveyId, town: doc.town });
    return { surveyId, status: doc.status };
  },
};

export const surveys: Action<ListSurveysRequest, Res<'surveys'>> = {
  access: 'volunteer',
  input: z.object({
    town: z.optional(oneOf('镇区', TOWNS)),
    status: z.optional(oneOf('状态', ['submitted', 'converted', 'dismissed'] as const)),
    mine: z.optional(bool('只看我的')),
    ...page,
  }),
  async run(input, ctx) {
    const size = pageSizeOf(input.pageSize);
    if (input.mine) {
      const volunteer = await ctx.requireVolunteer();
      const docs = await repo.bySurveyor(volunteer._id, input.status, size, input.cursor);
      const cut = pageOf(docs, size, 'surveyedAt');
      return { ...cut, items: cut.items.map((doc) => toSurvey(doc, true, ctx)) };
    }
    const town = input.town ?? (await ctx.coordinatorTowns())[0];
    if (!town) throw denied('仅镇区的社工（协调员）可以查看本镇区的需求调查');
    await requireCoordinator(ctx, town);
    const docs = await repo.ofTown(town, input.status ?? 'submitted', size, input.cursor);
    const cut = pageOf(docs, size, 'surveyedAt');
    return { ...cut, items: cut.items.map((doc) => toSurvey(doc, true, ctx)) };
  },
};

export const survey: Action<Req<'survey'>, Res<'survey'>> = {
  access: 'volunteer',
  input: z.object({ surveyId: id('需求调查') }),
  async run(input, ctx) {
    const [doc, volunteer, towns] = await Promise.all([
      repo.findById(input.surveyId),
      ctx.requireVolunteer(),
      ctx.coordinatorTowns(),
    ]);
    if (!doc) throw notFound('没有找到该需求调查');
    if (doc.surveyorId !== volunteer._id && !towns.includes(doc.town)) {
      throw denied('仅该镇区的社工（协调员）和调查人可以查看这份需求调查');
    }
    return toSurvey(doc, true, ctx);
  },
};

export const dismissSurvey: Action<Req<'dismissSurvey'>, Res<'dismissSurvey'>> = {
  access: 'volunteer',
  input: z.object({ surveyId: id('需求调查'), reason: text('不予受理的原因', 200) }),
  async run(input, ctx) {
    const doc = await repo.findById(input.surveyId);
    if (!doc) throw notFound('没有找到该需求调查');
    const coordinator = await requireCoordinator(ctx, doc.town);
    if (!(await repo.dismiss(doc._id, input.reason, Date.now()))) {
      throw precondition('该需求调查已处理（已建档或不予受理）');
    }
    // A need opened by a time-bank redemption: dismissing it returns the volunteer's minutes.
    await cancelForSurvey(ctx, doc, coordinator._id, input.reason);
    ctx.log.info('survey-dismissed', { surveyId: doc._id });
    return { status: 'dismissed' };
  },
};
