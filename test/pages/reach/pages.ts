/**
 * Which role each page of app.json serves, and how it is entered. A new page is one line here: the test fails
 * for a page of app.json this map does not list.
 */
export type Role = 'visitor' | 'volunteer' | 'leader' | 'coordinator' | 'hq' | 'hq (registered)';

export const ALL: Role[] = ['visitor', 'volunteer', 'leader', 'coordinator', 'hq', 'hq (registered)'];
const REGISTERED: Role[] = ['volunteer', 'leader', 'coordinator', 'hq (registered)'];
const HQ: Role[] = ['hq', 'hq (registered)'];
/** Plans and matching belong to the coordinator of the town and the leaders of the plan's brigade (SPEC). */
const PLANNERS: Role[] = ['coordinator', 'leader'];

export interface Placement {
  roles: Role[];
  /** Entered by a tap (default), or from outside the app: a shared link or a scanned code. */
  entry?: 'tap' | 'shared link' | 'scanned code';
  why: string;
}

export const PAGES: Record<string, Placement> = {
  'pages/feed/index': { roles: ALL, why: 'tab 招募' },
  'pages/brigades/index': { roles: ALL, why: 'tab 大队' },
  'pages/me/index': { roles: ALL, why: 'tab 我的' },
  'pages/post/index': { roles: ALL, why: 'anyone reads a post from 招募' },
  'pages/register/index': { roles: ['visitor'], why: 'a visitor registers from 我的' },
  'pages/join/index': {
    // The walk opens each page once, from the first brigade tapped: for the volunteer and the leader that is their
    // own brigade (no 申请加入 there); they reach it the same way on any other brigade, or by an invite link.
    roles: ['visitor', 'coordinator', 'hq', 'hq (registered)'],
    why: '申请加入 on the page of a brigade one is not in',
  },
  'pages/card/index': { roles: REGISTERED, why: 'my volunteer card' },
  'pages/hours/index': { roles: REGISTERED, why: 'my hours and time bank' },
  'pages/brigade/index': { roles: ALL, why: 'anyone reads a brigade from 大队' },
  'pages/signups/index': { roles: REGISTERED, why: 'my sign-ups' },
  'pages/checkin/index': {
    roles: ['volunteer'],
    why: 'offered on 我的报名 and 招募详情 once check-in opens for a service I signed up for (the walk has one)',
  },
  'pages/transfer/index': { roles: REGISTERED, why: 'from 服务时长 by a native <navigator>' },
  'timebank/pages/redeem/index': { roles: REGISTERED, why: '兑换服务 from 时间银行 by a native <navigator>' },
  'timebank/pages/redemptions/index': { roles: REGISTERED, why: '我的兑换 from 时间银行 by a native <navigator>' },
  'pages/stars/index': { roles: REGISTERED, why: 'my stars and honours' },
  'pages/proof/index': { roles: REGISTERED, why: 'my service proof' },
  'pages/profile/index': { roles: REGISTERED, why: 'my profile' },
  'pages/my-data/index': { roles: REGISTERED, why: 'export or delete my data' },
  'pages/verify/index': {
    roles: [],
    entry: 'scanned code',
    why: "what WeChat's own scanner opens for a card or proof code; 扫码核验 in the app shows the result inline",
  },
  'leader/pages/workbench/index': { roles: ['leader'], why: '大队工作台 from 我的' },
  'leader/pages/post-form/index': { roles: ['leader'], why: 'a leader posts a service' },
  'leader/pages/roster/index': { roles: ['leader'], why: 'the roster of a service' },
  'leader/pages/checkin-code/index': { roles: ['leader'], why: 'the check-in code of a service' },
  'leader/pages/record/index': { roles: ['leader'], why: 'recording a service that ended' },
  'leader/pages/members/index': { roles: ['leader'], why: 'the brigade members' },
  'leader/pages/invite/index': { roles: ['leader'], why: 'invite links of the brigade' },
  'leader/pages/groups/index': { roles: ['leader'], why: 'groups of the brigade' },
  'leader/pages/stats/index': { roles: ['leader'], why: 'figures of the brigade' },
  'leader/pages/scan/index': {
    roles: ['leader', 'hq', 'hq (registered)'],
    why: '扫码核验 from 大队工作台 (leader) or 总队工作台 (hq)',
  },
  'hq/pages/dashboard/index': { roles: HQ, why: '总队工作台 figures' },
  'hq/pages/brigades/index': { roles: HQ, why: 'hq manages brigades' },
  'hq/pages/brigade-form/index': { roles: HQ, why: 'hq creates or edits a brigade' },
  'hq/pages/honours/index': { roles: HQ, why: 'hq awards honours' },
  'hq/pages/coordinators/index': { roles: HQ, why: 'hq appoints town coordinators (镇区协调员)' },
  'coordinator/pages/workbench/index': { roles: ['coordinator'], why: '镇区工作台 from 我的' },
  'coordinator/pages/surveys/index': { roles: ['coordinator'], why: "the town's household surveys" },
  'coordinator/pages/survey/index': { roles: ['coordinator'], why: 'one survey, to turn into a recipient' },
  'coordinator/pages/recipients/index': { roles: ['coordinator'], why: "the town's recipients" },
  'coordinator/pages/recipient/index': {
    roles: PLANNERS,
    why: 'a recipient, from the list (coordinator) or from a plan of the brigade (leader)',
  },
  'coordinator/pages/recipient-form/index': { roles: PLANNERS, why: '建档 from a survey, or 编辑 on a recipient' },
  'coordinator/pages/plans/index': {
    roles: PLANNERS,
    why: "the town's plans (镇区工作台) or the brigade's (大队工作台 → 服务计划)",
  },
  'coordinator/pages/plan/index': { roles: PLANNERS, why: 'one plan, from the plans list' },
  'coordinator/pages/plan-form/index': { roles: PLANNERS, why: '修改计划 on a plan, or 制定服务计划 on a recipient' },
  'coordinator/pages/match/index': { roles: PLANNERS, why: "匹配义工 on a plan's service" },
  'needs/pages/survey-form/index': { roles: REGISTERED, why: '入户需求调查 from 我的' },
  'needs/pages/mine/index': { roles: REGISTERED, why: '我的结对 from 我的' },
  'quals/pages/mine/index': { roles: REGISTERED, why: '我的资格证书 from 我的' },
  'quals/pages/review/index': {
    roles: ['leader', 'coordinator', 'hq', 'hq (registered)'],
    why: '资格审核 from 大队工作台 (leader), 镇区工作台 (coordinator) or 总队工作台 (hq)',
  },
  'needs/pages/nearby/index': { roles: REGISTERED, why: '附近需求 from 我的' },
  'training/pages/mine/index': { roles: REGISTERED, why: '我的培训 from 我的 and from 服务时长' },
  'resources/pages/wall/index': { roles: ALL, why: '微心愿 from 我的 (公益), visitors too' },
  'resources/pages/wish/index': { roles: ALL, why: 'a wish on the wall' },
  'resources/pages/board/index': { roles: ALL, why: '公益榜 from 我的 (公益) or the wall' },
  'resources/pages/wish-form/index': { roles: PLANNERS, why: "发布微心愿 on a recipient's page" },
  'resources/pages/wish-review/index': { roles: HQ, why: '心愿审核 from 总队工作台' },
  'resources/pages/donor/index': {
    roles: ALL,
    why: '爱心企业登记 from 我的 (公益): the donor record, or how to register',
  },
  'resources/pages/donor-register/index': { roles: ALL, why: '登记爱心企业 on 爱心企业 (no demo role has a donor)' },
  'resources/pages/donor-review/index': { roles: HQ, why: '企业审核 from 总队工作台' },
  'resources/pages/pledges/index': {
    roles: ALL,
    why: "我的捐赠 from 我的 (公益), or 物资捐赠 on 镇区工作台 (the town's, to match and hand over)",
  },
  'resources/pages/pledge-form/index': { roles: ALL, why: '捐赠物资 on 我的捐赠' },
  'resources/pages/projects/index': { roles: ALL, why: '公益项目 from 我的 (公益) or 总队工作台' },
  'resources/pages/project/index': { roles: ALL, why: 'a project of 公益项目 (hq: 新增公益项目 too)' },
};
