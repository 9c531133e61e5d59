// Every built function, started with exactly the environment its deploy config (cloudbaserc.json) gives it — the
// local cloud's host passes each function only the settings its entry declares — answers every action of the
// contract without INTERNAL, without "尚未配置" (a setting the cloud would not have) and without "不支持的操作" (an
// action the contract names but no code routes). Bad-argument answers are fine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionName, FunctionName } from '../../typings/api/index';
import { FUNCTION_NAMES } from '../../typings/api/index';
import { RECIPIENT_NOTICE_VERSION } from '../../typings/data';
import type { Brigade, Post, Profile } from '../../typings/entities';
import type { Envelope } from '../../typings/errors';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, call, ok, registration } from './helpers';

const NOW = Date.UTC(2026, 10, 28, 1, 0);
const MINUTE = 60_000;
/** A test value for every setting a deploy config may name; an unknown placeholder fails the test. */
const VALUES: Record<string, string> = {
  HQ_OPENIDS: HQ,
  PII_KEY: 'a1'.repeat(32),
  REMINDER_TEMPLATE_ID: 'tpl-reminder',
  NOTICE_TEMPLATE_ID: 'tpl-notice',
  REMINDER_LEAD_MINUTES: '60',
};

interface World {
  brigade: Brigade;
  post: Post;
  spare: Post;
  leader: Profile;
  vol: Profile;
  code: string;
  invite: string;
  surveyId?: string;
  recipientId?: string;
}
type Step = [openid: string, params: (w: World) => object];
type Calls = { [F in FunctionName]: { [A in ActionName<F>]: Step } };

const CONSENT = { by: 'self', version: RECIPIENT_NOTICE_VERSION };
const HOUSEHOLD = { contactName: '陈桂英', address: '石岐区悦来南路 18 号', phone: '13612345678', size: 1 };
const NEED = { category: '探访慰问', specialties: [], frequency: 'weekly', slots: [], urgency: 'normal' };
const SURVEY = {
  requestId: 'deploy-env-1',
  town: '石岐区',
  community: '悦来社区',
  household: HOUSEHOLD,
  members: [],
  needs: [NEED],
  consent: CONSENT,
};
const RECIPIENT = {
  name: '陈桂英',
  categories: ['独居老人'],
  town: '石岐区',
  community: '悦来社区',
  address: '石岐区悦来南路 18 号',
  consent: CONSENT,
};

const year = new Date(NOW).getUTCFullYear();
// Every action of the contract, in call order (the type makes a missing action a compile error).
const CALLS: Calls = {
  volunteers: {
    register: ['newcomer', () => registration({ mobile: '13900000009' })],
    me: ['vol', () => ({})],
    update: ['vol', () => ({ community: '悦来社区' })],
    card: ['vol', () => ({ withCode: true })],
    verifyCard: ['leader', () => ({ token: 'not-a-token' })],
    resolveScene: ['leader', () => ({ scene: 'Zz9Zz9Zz9Z' })],
    exportMine: ['vol', () => ({})],
    deleteMine: ['newcomer', () => ({})],
    addQualification: ['vol', () => ({ type: '执业护士', fileId: 'cloud://elsewhere.bucket/qualifications/x.jpg' })],
    qualifications: ['vol', () => ({})],
    qualificationQueue: [HQ, () => ({})],
    reviewQualification: [HQ, (w) => ({ volunteerId: w.vol.volunteerId, qualificationId: 'none', approve: true })],
  },
  brigades: {
    create: [HQ, () => ({ name: '东区博爱大队', town: '东区', joinMode: 'review' })],
    update: ['leader', (w) => ({ brigadeId: w.brigade.brigadeId, description: '大队简介' })],
    list: ['vol', () => ({})],
    get: ['vol', (w) => ({ brigadeId: w.brigade.brigadeId })],
    invite: ['leader', (w) => ({ brigadeId: w.brigade.brigadeId })],
    join: ['joiner', (w) => ({ code: w.invite })],
    apply: ['vol', (w) => ({ brigadeId: w.brigade.brigadeId })],
    members: ['leader', (w) => ({ brigadeId: w.brigade.brigadeId })],
    review: ['leader', (w) => ({ brigadeId: w.brigade.brigadeId, volunteerId: w.vol.volunteerId, approve: true })],
    setLeader: [HQ, (w) => ({ brigadeId: w.brigade.brigadeId, cardNo: w.leader.cardNo })],
    setCoordinator: [HQ, (w) => ({ town: w.brigade.town, cardNo: w.leader.cardNo })],
    coordinators: [HQ, (w) => ({ town: w.brigade.town })],
    leave: ['joiner', (w) => ({ brigadeId: w.brigade.brigadeId })],
    groups: ['leader', (w) => ({ brigadeId: w.brigade.brigadeId })],
    saveGroup: [
      'leader',
      (w) => ({
        brigadeId: w.brigade.brigadeId,
        name: '一组',
        volunteerIds: [w.vol.volunteerId, w.leader.volunteerId],
      }),
    ],
    poster: ['leader', (w) => ({ brigadeId: w.brigade.brigadeId })],
  },
  posts: {
    create: ['leader', (w) => postRequest(w.brigade.brigadeId)],
    update: ['leader', (w) => ({ postId: w.spare.postId, startAt: NOW + 300 * MINUTE, endAt: NOW + 360 * MINUTE })],
    list: ['vol', () => ({})],
    get: ['vol', (w) => ({ postId: w.post.postId })],
    signup: ['vol', (w) => ({ postId: w.spare.postId })],
    withdraw: ['vol', (w) => ({ postId: w.spare.postId })],
    mine: ['vol', () => ({})],
    ofBrigade: ['leader', (w) => ({ brigadeId: w.brigade.brigadeId, state: 'recorded' })],
    roster: ['leader', (w) => ({ postId: w.post.postId })],
    checkinCode: ['leader', (w) => ({ postId: w.post.postId })],
    checkin: ['vol', (w) => ({ postId: w.post.postId, code: w.code })],
    checkout: ['vol', (w) => ({ postId: w.post.postId, code: w.code })],
    poster: ['vol', (w) => ({ postId: w.post.postId })],
    addPhotos: ['leader', (w) => ({ postId: w.post.postId, fileIds: ['cloud://elsewhere.bucket/photos/x.jpg'] })],
    cancel: ['leader', (w) => ({ postId: w.spare.postId, reason: '天气原因' })],
  },
  timebank: {
    record: ['leader', (w) => ({ postId: w.post.postId, entries: [{ volunteerId: w.vol.volunteerId, rating: 5 }] })],
    adjust: [
      'leader',
      (w) => ({
        postId: w.post.postId,
        volunteerId: w.vol.volunteerId,
        minutes: 30,
        reason: '更正',
        requestId: 'adjust-0001',
      }),
    ],
    balance: ['vol', () => ({})],
    ledger: ['vol', () => ({})],
    transfer: ['vol', (w) => ({ toCardNo: w.leader.cardNo, minutes: 1, requestId: 'transfer-0001' })],
    proof: ['vol', () => ({ withCode: true })],
    verifyProof: ['leader', () => ({ token: 'not-a-token' })],
    trainings: ['vol', () => ({})],
    redeem: ['vol', () => ({ minutes: 30, category: '陪同就医', note: '复诊陪同', requestId: 'redeem-0001' })],
    redemptions: ['vol', () => ({})],
    cancelRedeem: ['vol', () => ({ redemptionId: 'rd_missing' })],
    deliverRedemption: ['leader', () => ({ redemptionId: 'rd_missing' })],
  },
  stars: {
    get: ['vol', () => ({})],
    recompute: [HQ, () => ({})],
    award: [HQ, (w) => ({ cardNo: w.vol.cardNo, honour: 'outstanding', year, reason: '服务突出' })],
    honours: ['vol', () => ({})],
  },
  reminders: {
    subscribe: ['vol', (w) => ({ postId: w.post.postId, templateId: VALUES.REMINDER_TEMPLATE_ID })],
    templates: ['vol', () => ({})],
  },
  stats: {
    overview: [HQ, () => ({})],
    brigade: ['leader', (w) => ({ brigadeId: w.brigade.brigadeId })],
    export: [HQ, () => ({})],
    reconcile: [HQ, () => ({})],
  },
  needs: {
    saveSurvey: ['vol', () => SURVEY],
    surveys: ['vol', () => ({ mine: true })],
    survey: ['vol', (w) => ({ surveyId: w.surveyId })],
    dismissSurvey: ['leader', (w) => ({ surveyId: w.surveyId, reason: '重复登记' })],
    saveRecipient: ['leader', (w) => ({ ...RECIPIENT, brigadeId: w.brigade.brigadeId })],
    recipients: ['leader', (w) => ({ brigadeId: w.brigade.brigadeId })],
    recipient: ['leader', (w) => ({ recipientId: w.recipientId })],
    closeRecipient: ['leader', (w) => ({ recipientId: w.recipientId, reason: '迁往外地' })],
    savePlan: [
      'leader',
      (w) => ({
        recipientId: 'no-recipient',
        brigadeId: w.brigade.brigadeId,
        goals: '每月理发一次',
        services: [
          { category: '义剪', frequency: 'once', slot: 'morning', durationMinutes: 60, people: 1, startDate: NOW },
        ],
      }),
    ],
    plans: ['leader', (w) => ({ brigadeId: w.brigade.brigadeId })],
    plan: ['leader', () => ({ planId: 'no-plan' })],
    reviewPlan: ['leader', () => ({ planId: 'no-plan', note: '进展良好' })],
    addNote: ['leader', () => ({ planId: 'no-plan', text: '首次探访' })],
    match: ['leader', () => ({ planId: 'no-plan', serviceId: 'no-service' })],
    assign: ['leader', (w) => ({ planId: 'no-plan', serviceId: 'no-service', volunteerIds: [w.vol.volunteerId] })],
    respond: ['vol', () => ({ assignmentId: 'no-assignment', accept: false })],
    mine: ['vol', () => ({ pageSize: 10 })],
    nearby: ['vol', () => ({ lat: 22.52, lng: 113.38 })],
    offerHelp: ['vol', () => ({ planId: 'no-plan', serviceId: 'no-service' })],
  },
  resources: {
    saveWish: ['leader', () => ({ recipientId: 'no-recipient', title: '电暖器', description: '取暖', kind: 'goods' })],
    reviewWish: [HQ, () => ({ wishId: 'no-wish', approve: true })],
    wishes: ['vol', () => ({ town: '石岐区' })],
    wish: ['vol', () => ({ wishId: 'no-wish' })],
    claimWish: ['vol', () => ({ wishId: 'no-wish', requestId: 'deploy-env-claim' })],
    fulfilWish: ['vol', () => ({ wishId: 'no-wish', photoFileIds: ['cloud://x.y/wishes/a.png'] })],
    confirmWish: ['leader', () => ({ wishId: 'no-wish' })],
    board: ['visitor', () => ({})],
    registerDonor: ['vol', () => ({})],
    reviewDonor: [HQ, () => ({ donorId: 'no-donor', approve: true })],
    donors: [HQ, () => ({})],
    myDonor: ['vol', () => ({})],
    savePledge: ['vol', () => ({})],
    pledges: ['vol', () => ({ mine: true })],
    matchPledge: ['leader', () => ({ pledgeId: 'no-pledge', wishId: 'no-wish' })],
    handOverPledge: ['leader', () => ({ pledgeId: 'no-pledge' })],
    withdrawPledge: ['vol', () => ({ pledgeId: 'no-pledge' })],
    projects: ['visitor', () => ({})],
    project: ['visitor', () => ({ projectId: 'no-project' })],
    saveProject: [HQ, () => ({})],
  },
};

function postRequest(brigadeId: string, startAt = NOW + 10 * MINUTE) {
  return {
    brigadeId,
    title: '探访独居长者',
    description: '上门陪伴聊天，帮忙整理家务。',
    category: '探访慰问',
    address: '石岐区悦来南路 1 号',
    startAt,
    endAt: startAt + 2 * 60 * MINUTE,
    quota: 5,
  };
}

/** The deploy config's placeholders, filled with the test values. */
function deployValues(): Record<string, string> {
  const rc = readFileSync(join(__dirname, '../../cloudbaserc.json'), 'utf8');
  const names = [...rc.matchAll(/\{\{\s*env\.(\w+)\s*\}\}/g)].map((m) => m[1]).filter((n) => n !== 'ENV_ID');
  const unknown = names.filter((n) => !(n in VALUES));
  if (unknown.length) throw new Error(`no test value for ${unknown.join(', ')}`);
  return Object.fromEntries(names.map((n) => [n, VALUES[n]]));
}

let cloud: TestCloud;
let w: World;

beforeAll(async () => {
  cloud = await startTestCloud({ now: NOW, env: deployValues() });
  // The world is made with the production functions too; if a setting is missing, a step fails here loudly.
  const register = (openid: string, mobile: string) =>
    ok<Profile>(cloud, 'volunteers', 'register', registration({ mobile }), openid);
  const leader = await register('leader', '13700000001');
  const vol = await register('vol', '13700000002');
  await register('joiner', '13700000003');
  const brigade = await ok<Brigade>(
    cloud,
    'brigades',
    'create',
    { name: '石岐博爱大队', town: '石岐区', joinMode: 'open' },
    HQ,
  );
  await ok(cloud, 'brigades', 'setLeader', { brigadeId: brigade.brigadeId, cardNo: leader.cardNo }, HQ);
  const post = await ok<Post>(cloud, 'posts', 'create', postRequest(brigade.brigadeId), 'leader');
  const spare = await ok<Post>(cloud, 'posts', 'create', postRequest(brigade.brigadeId, NOW + 240 * MINUTE), 'leader');
  await ok(cloud, 'posts', 'signup', { postId: post.postId }, 'vol');
  const invite = await ok<{ code: string }>(cloud, 'brigades', 'invite', { brigadeId: brigade.brigadeId }, 'leader');
  for (const openid of ['vol', 'leader']) await ok(cloud, 'brigades', 'join', { code: invite.code }, openid);
  w = { brigade, post, spare, leader, vol, code: '000000', invite: invite.code };
});
afterAll(() => cloud.stop());

// A function whose actions are not built yet (needs) has nothing to call.
const routed = FUNCTION_NAMES.filter((name) => Object.keys(CALLS[name]).length > 0);
describe.each(routed.map((name) => [name]))('%s with its deploy environment', (name) => {
  const calls = CALLS[name] as Record<string, Step>;
  it.each(Object.keys(calls).map((action) => [action]))(
    'answers %s without INTERNAL, a missing setting or a missing action',
    async (action) => {
      const [openid, params] = calls[action];
      const reply = await call<{ code?: string }>(cloud, name, action, params(w), openid);
      const body = reply.body as Envelope<{ code?: string }>;
      if (action === 'checkinCode' && body.ok && body.data.code) w.code = body.data.code;
      if (body.ok && action === 'saveSurvey') w.surveyId = (body.data as { surveyId?: string }).surveyId;
      if (body.ok && action === 'saveRecipient') w.recipientId = (body.data as { recipientId?: string }).recipientId;
      const answer = body.ok ? 'ok' : `${body.code} ${body.message}`;
      if (process.env.DEPLOY_ENV_VERBOSE) console.log(`${name}.${action}: ${answer}`);
      expect({ status: reply.status, answer }).toEqual({
        status: 200,
        answer: expect.not.stringMatching(/^INTERNAL|尚未配置|不支持的操作/),
      });
    },
  );
});

it('fires every timer trigger without an error', async () => {
  for (const name of ['stars', 'reminders', 'stats', 'needs']) {
    const outcome = await cloud.fireTrigger(name);
    expect({
      name,
      ok: outcome.ok,
      result: outcome.ok ? (outcome.result as Envelope<unknown>).ok : outcome.message,
    }).toEqual({
      name,
      ok: true,
      result: true,
    });
  }
});
