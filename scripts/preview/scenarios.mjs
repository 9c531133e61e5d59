// Preview scenarios: per page, what to render. The first scenario of a page is its default (the smoke test
// renders only that one). Pages not listed get one `default` scenario with the identity of their package.
//
// A scenario: {
//   name: string                         — file suffix: preview/<page with / → _>.<name>.png
//   identity: 'visitor' | 'volunteer' | 'leader' | 'hq' | 'coordinator'   — openid demo-<identity> (seeded by local-cloud/seed.ts)
//   query?: Record<string, string>       — the page's onLoad query; `{post}`-style values are replaced by the
//                                          demo seed's refs (see `refs` in local-cloud/seed.ts)
//   taps?: string[]                      — CSS selectors tapped in order before the shot (e.g. '.van-tab:nth-child(2)')
//   waitMs?: number                      — extra wait before the shot
//   network?: 'ok' | 'internal' | 'offline' | 'hang'
//                                        — how the local cloud answers: normally, every call INTERNAL,
//                                          unreachable (connection refused), or never (loading state)
// }

export const IDENTITIES = {
  visitor: 'demo-visitor',
  volunteer: 'demo-volunteer',
  leader: 'demo-leader',
  hq: 'demo-hq',
  coordinator: 'demo-coordinator',
};

/** Loading and error states, for pages that load data on entry. */
const states = (identity, query) => [
  { name: 'loading', identity, query, network: 'hang', waitMs: 300 },
  { name: 'error', identity, query, network: 'internal' },
];

export const SCENARIOS = {
  'pages/feed/index': [
    { name: 'volunteer', identity: 'volunteer' },
    { name: 'visitor', identity: 'visitor' },
    ...states('volunteer'),
    { name: 'offline', identity: 'volunteer', network: 'offline' },
  ],
  'pages/brigades/index': [{ name: 'volunteer', identity: 'volunteer' }, ...states('volunteer')],
  'pages/me/index': [
    { name: 'volunteer', identity: 'volunteer' },
    { name: 'visitor', identity: 'visitor' },
    { name: 'leader', identity: 'leader' },
    { name: 'hq', identity: 'hq' },
    ...states('volunteer'),
  ],
  'pages/register/index': [{ name: 'visitor', identity: 'visitor' }],
  'pages/card/index': [
    { name: 'volunteer', identity: 'volunteer' },
    { name: 'visitor', identity: 'visitor' },
    { name: 'poster', identity: 'volunteer', taps: ['.card-page__poster .van-button'], waitMs: 600 },
  ],
  'pages/join/index': [
    { name: 'visitor', identity: 'visitor', query: { code: '{invite}', brigadeId: '{brigade}' } },
    { name: 'volunteer', identity: 'volunteer', query: { code: '{invite}', brigadeId: '{brigade}' } },
    // 申请加入 from the brigade's page, with no invite.
    { name: 'apply', identity: 'visitor', query: { brigadeId: '{brigade}', source: 'feed' } },
  ],
  'pages/brigade/index': [
    { name: 'volunteer', identity: 'volunteer', query: { brigadeId: '{brigade}' } },
    { name: 'leader', identity: 'leader', query: { brigadeId: '{brigade}' } },
    { name: 'visitor', identity: 'visitor', query: { brigadeId: '{brigade}' } },
  ],
  'leader/pages/members/index': [{ name: 'leader', identity: 'leader', query: { brigadeId: '{brigade}' } }],
  'leader/pages/invite/index': [{ name: 'leader', identity: 'leader', query: { brigadeId: '{brigade}' } }],
  'leader/pages/groups/index': [{ name: 'leader', identity: 'leader', query: { brigadeId: '{brigade}' } }],
  'hq/pages/brigades/index': [{ name: 'hq', identity: 'hq' }],
  'hq/pages/brigade-form/index': [
    { name: 'create', identity: 'hq' },
    { name: 'appoint', identity: 'hq', query: { brigadeId: '{brigade}' } },
  ],
  'hq/pages/dashboard/index': [
    { name: 'hq', identity: 'hq' },
    ...states('hq'),
    { name: 'custom', identity: 'hq', taps: ['.stats__chip:nth-child(5)'] },
    { name: 'export', identity: 'hq', taps: ['.stats__export .van-button'], waitMs: 500 },
  ],
  // Recruitment and sign-up.
  'pages/post/index': [
    { name: 'volunteer', identity: 'volunteer', query: { postId: '{post}' } },
    { name: 'full', identity: 'visitor', query: { postId: '{fullPost}' } },
    { name: 'leader', identity: 'leader', query: { postId: '{post}' } },
    ...states('volunteer', { postId: '{post}' }),
  ],
  'pages/signups/index': [
    { name: 'volunteer', identity: 'volunteer' },
    { name: 'past', identity: 'volunteer', taps: ['.signups__tab:nth-child(2)'] },
  ],
  'pages/checkin/index': [{ name: 'volunteer', identity: 'volunteer', query: { postId: '{post}' } }],
  'leader/pages/post-form/index': [
    { name: 'new', identity: 'leader' },
    { name: 'edit', identity: 'leader', query: { postId: '{post}' } },
    { name: 'invalid', identity: 'leader', taps: ['.pf__submit .van-button'] },
    { name: 'training', identity: 'leader', taps: ['.pf__kind:nth-child(2)'] },
  ],
  'leader/pages/roster/index': [{ name: 'leader', identity: 'leader', query: { postId: '{post}' } }],
  'leader/pages/checkin-code/index': [{ name: 'leader', identity: 'leader', query: { postId: '{post}' } }],
  'pages/hours/index': [{ name: 'volunteer', identity: 'volunteer' }, ...states('volunteer')],
  'pages/transfer/index': [{ name: 'volunteer', identity: 'volunteer' }],
  'timebank/pages/redeem/index': [
    { name: 'volunteer', identity: 'volunteer' },
    { name: 'family', identity: 'volunteer', taps: ['.redeem__for-family', '.redeem__chip:nth-child(10)'] },
    { name: 'invalid', identity: 'volunteer', taps: ['.redeem__actions .van-button'] },
  ],
  'timebank/pages/redemptions/index': [{ name: 'volunteer', identity: 'volunteer' }, ...states('volunteer')],
  'pages/stars/index': [{ name: 'volunteer', identity: 'volunteer' }, ...states('volunteer')],
  'pages/proof/index': [
    { name: 'volunteer', identity: 'volunteer' },
    { name: 'visitor', identity: 'visitor' },
  ],
  'leader/pages/record/index': [
    { name: 'recorded', identity: 'leader', query: { postId: '{servedPost}' } },
    { name: 'not-started', identity: 'leader', query: { postId: '{post}' } },
  ],
  'hq/pages/honours/index': [{ name: 'hq', identity: 'hq' }],
  // Statistics.
  'leader/pages/stats/index': [
    { name: 'leader', identity: 'leader', query: { brigadeId: '{brigade}' } },
    ...states('leader', { brigadeId: '{brigade}' }),
  ],
  // My data (我的 → 我的资料 → 导出我的数据). 我的 as hq: `pages/me/index` · hq (demo-hq is not registered).
  'pages/profile/index': [
    { name: 'volunteer', identity: 'volunteer' },
    { name: 'town', identity: 'volunteer', taps: ['text=所在镇区'], waitMs: 400 },
    ...states('volunteer'),
  ],
  'pages/my-data/index': [{ name: 'volunteer', identity: 'volunteer' }, ...states('volunteer')],
  'leader/pages/workbench/index': [
    { name: 'upcoming', identity: 'leader' },
    { name: 'ongoing', identity: 'leader', taps: ['.segment__item:nth-child(2)'] },
    { name: 'unrecorded', identity: 'leader', taps: ['.segment__item:nth-child(3)'] },
    { name: 'recorded', identity: 'leader', taps: ['.segment__item:nth-child(4)'] },
    ...states('leader'),
  ],
};

/** The default identity of a page: by its package. */
export function defaultIdentity(page) {
  if (page.startsWith('leader/')) return 'leader';
  if (page.startsWith('hq/')) return 'hq';
  return 'volunteer';
}

/** Replaces `{name}` query values with the seed's refs (ids the seed made: posts, brigades, invite codes). */
function withRefs(query, refs) {
  return Object.fromEntries(
    Object.entries(query || {}).map(([k, v]) => [k, String(v).replace(/\{(\w+)\}/g, (m, name) => refs[name] ?? m)]),
  );
}

/** Scenarios of one page, defaults filled in. */
export function scenariosFor(page, table = SCENARIOS, refs = {}) {
  const list = table[page] && table[page].length ? table[page] : [{ name: 'default', identity: defaultIdentity(page) }];
  return list.map((s) => ({ taps: [], waitMs: 0, network: 'ok', ...s, query: withRefs(s.query, refs) }));
}

/** preview/<file name> of a shot. */
export function shotName(page, scenario) {
  return `${page.replace(/\//g, '_')}.${scenario}.png`;
}

// Services in every state: a service that ended and was recorded, as the volunteer who served (已录入 N 小时).
SCENARIOS['pages/post/index'].push({ name: 'served', identity: 'volunteer', query: { postId: '{servedPost}' } });
SCENARIOS['pages/post/index'].push({ name: 'training', identity: 'volunteer', query: { postId: '{trainingPost}' } });

// Town coordinators: 我的 with the 镇区工作台, the workbench in each of the demo coordinator's towns, and hq's list.
SCENARIOS['pages/me/index'].push({ name: 'coordinator', identity: 'coordinator' });
SCENARIOS['coordinator/pages/workbench/index'] = [
  { name: 'coordinator', identity: 'coordinator' },
  { name: 'second-town', identity: 'coordinator', taps: ['.town__chip:nth-child(2)'] },
  ...states('coordinator'),
];
SCENARIOS['hq/pages/coordinators/index'] = [{ name: 'hq', identity: 'hq' }, ...states('hq')];

// Recipients and household surveys (需求调查 → 服务对象).
Object.assign(SCENARIOS, {
  'needs/pages/survey-form/index': [
    { name: 'volunteer', identity: 'volunteer', waitMs: 300 },
    { name: 'invalid', identity: 'volunteer', taps: ['.nd__footer .van-button'] },
    { name: 'offline', identity: 'volunteer', network: 'offline' },
  ],
  'coordinator/pages/surveys/index': [
    { name: 'coordinator', identity: 'coordinator' },
    { name: 'converted', identity: 'coordinator', taps: ['.nd__tab:nth-child(2)'] },
    ...states('coordinator'),
  ],
  'coordinator/pages/survey/index': [
    { name: 'submitted', identity: 'coordinator', query: { surveyId: '{survey}' } },
    { name: 'converted', identity: 'coordinator', query: { surveyId: '{convertedSurvey}' } },
    { name: 'denied', identity: 'leader', query: { surveyId: '{survey}' } },
    { name: 'redemption', identity: 'coordinator', query: { surveyId: '{redemptionSurvey}' } },
  ],
  'coordinator/pages/recipients/index': [
    { name: 'coordinator', identity: 'coordinator' },
    { name: 'category', identity: 'coordinator', taps: ['.recipients__chip:nth-child(3)'] },
    ...states('coordinator'),
  ],
  'coordinator/pages/recipient-form/index': [
    { name: 'new', identity: 'coordinator' },
    { name: 'from-survey', identity: 'coordinator', query: { surveyId: '{survey}' } },
    { name: 'edit', identity: 'coordinator', query: { recipientId: '{recipient}' } },
  ],
  'coordinator/pages/recipient/index': [
    { name: 'coordinator', identity: 'coordinator', query: { recipientId: '{recipient}' } },
    { name: 'denied', identity: 'volunteer', query: { recipientId: '{recipient}' } },
    ...states('coordinator', { recipientId: '{recipient}' }),
  ],
});

// Service plans and matching (服务计划 → 匹配义工): the demo seed plans 陈婆's visits and offers them to the best match.
Object.assign(SCENARIOS, {
  'coordinator/pages/plans/index': [
    { name: 'coordinator', identity: 'coordinator', query: { town: '石岐区' } },
    { name: 'open', identity: 'coordinator', query: { town: '石岐区', open: '1' } },
    { name: 'closed', identity: 'coordinator', query: { town: '石岐区' }, taps: ['.nd__tab:nth-child(3)'] },
    ...states('coordinator', { town: '石岐区' }),
  ],
  'coordinator/pages/plan-form/index': [
    { name: 'from-survey', identity: 'coordinator', query: { recipientId: '{recipient}', surveyId: '{convertedSurvey}' } },
    { name: 'edit', identity: 'coordinator', query: { planId: '{plan}' } },
  ],
  'coordinator/pages/plan/index': [
    { name: 'coordinator', identity: 'coordinator', query: { planId: '{plan}' } },
    { name: 'review', identity: 'coordinator', query: { planId: '{plan}' }, taps: ['.nd__footer-item'] },
    { name: 'denied', identity: 'volunteer', query: { planId: '{plan}' } },
    ...states('coordinator', { planId: '{plan}' }),
  ],
  'coordinator/pages/match/index': [
    { name: 'coordinator', identity: 'coordinator', query: { planId: '{plan}', serviceId: '{service}' } },
    {
      name: 'excluded',
      identity: 'coordinator',
      query: { planId: '{plan}', serviceId: '{service}' },
      taps: ['.mt__toggle', '.mt__card:nth-child(5)'],
    },
    ...states('coordinator', { planId: '{plan}', serviceId: '{service}' }),
  ],
});

// The volunteer's side of 供需配对: 我的结对 and 附近需求 (with plans in the demo seed they show offers, pairs and
// open needs; without, their empty states).
Object.assign(SCENARIOS, {
  'needs/pages/mine/index': [{ name: 'volunteer', identity: 'volunteer' }, ...states('volunteer')],
  'training/pages/mine/index': [
    { name: 'volunteer', identity: 'volunteer' },
    // The demo leader attended no training: the empty state.
    { name: 'empty', identity: 'leader' },
    ...states('volunteer'),
  ],
  'needs/pages/nearby/index': [{ name: 'volunteer', identity: 'volunteer' }, ...states('volunteer')],
});

// Contacts: a visitor sees the leader's name and masked number only; the volunteer (signed up, a member) gets 拨打.
// Posters (生成海报): a post whose title is 30 characters long, a brigade (its brand when it has one), the card.
SCENARIOS['pages/post/index'].push({
  name: 'poster',
  identity: 'volunteer',
  query: { postId: '{longPost}' },
  taps: ['text=生成海报'],
  waitMs: 800,
});
SCENARIOS['pages/brigade/index'].push({
  name: 'poster',
  identity: 'leader',
  query: { brigadeId: '{brigade}' },
  taps: ['text=生成招募海报'],
  waitMs: 800,
});
SCENARIOS['pages/post/index'].push({ name: 'visitor', identity: 'visitor', query: { postId: '{post}' } });
// Verification by scanning: the verify page a card code opens (for a visitor), an unknown code, and the leader's 扫码核验
// (the preview's wx.scanCode answers as cancelled, so the page stays empty).
SCENARIOS['pages/verify/index'] = [
  { name: 'valid', identity: 'visitor', query: { scene: '{cardScene}' } },
  { name: 'invalid', identity: 'visitor', query: { scene: 'Zz9Zz9Zz9Z' } },
  { name: 'loading', identity: 'visitor', query: { scene: '{cardScene}' }, network: 'hang', waitMs: 300 },
];
SCENARIOS['leader/pages/scan/index'] = [{ name: 'leader', identity: 'leader' }];
// 成员管理's filters (leader): the active members narrowed to 专长 医疗, a filter nobody matches (清除筛选), and the
// 有空时段 panel open.
SCENARIOS['leader/pages/members/index'].push(
  { name: 'filtered', identity: 'leader', query: { brigadeId: '{brigade}', tab: 'active', specialty: '医疗' } },
  { name: 'filtered-none', identity: 'leader', query: { brigadeId: '{brigade}', tab: 'active', specialty: '法律' } },
  {
    name: 'filter-time',
    identity: 'leader',
    query: { brigadeId: '{brigade}', tab: 'active' },
    taps: ['.members__filters .van-dropdown-menu__item:nth-child(3)'],
    waitMs: 400,
  },
  {
    name: 'filter-place',
    identity: 'leader',
    query: { brigadeId: '{brigade}', tab: 'active' },
    taps: ['.members__filters .van-dropdown-menu__item:nth-child(2)'],
    waitMs: 400,
  },
);

// 我的结对 with an accepted pair: 查看探访信息 opens what a visit needs (address, phone, guardian).
SCENARIOS['needs/pages/mine/index'].push({ name: 'visit', identity: 'volunteer', taps: ['.mine__visit .van-button'] });

// 专业资格: 我的资格证书 (verified, pending and rejected ones from the demo seed; the add form open), and 资格审核 for
// the leader (their brigade), the coordinator (their town) and hq (the city).
Object.assign(SCENARIOS, {
  'quals/pages/mine/index': [
    { name: 'volunteer', identity: 'volunteer' },
    { name: 'adding', identity: 'volunteer', taps: ['.ql__footer .van-button'] },
    ...states('volunteer'),
  ],
  'quals/pages/review/index': [
    { name: 'leader', identity: 'leader', query: { brigadeId: '{brigade}' } },
    { name: 'coordinator', identity: 'coordinator', query: { town: '石岐区' } },
    { name: 'hq', identity: 'hq' },
  ],
});

// Wishes (微心愿) and the public board: the seed posts three wishes for 陈婆 and 黄叔 — one on the wall, one claimed
// by demo-volunteer-2, one waiting for hq's review.
Object.assign(SCENARIOS, {
  'resources/pages/wall/index': [
    { name: 'visitor', identity: 'visitor' },
    { name: 'mine', identity: 'demo-volunteer-2', query: { mine: '1' } },
    ...states('visitor'),
  ],
  'resources/pages/wish/index': [
    { name: 'visitor', identity: 'visitor', query: { wishId: '{wish}' } },
    { name: 'claim', identity: 'volunteer', query: { wishId: '{wish}' } },
    { name: 'claimer', identity: 'demo-volunteer-2', query: { wishId: '{claimedWish}' } },
    { name: 'coordinator', identity: 'coordinator', query: { wishId: '{pendingWish}' } },
    ...states('visitor', { wishId: '{wish}' }),
  ],
  'resources/pages/wish-form/index': [
    { name: 'coordinator', identity: 'coordinator', query: { recipientId: '{recipient}' } },
    { name: 'edit', identity: 'coordinator', query: { wishId: '{pendingWish}' } },
  ],
  'resources/pages/wish-review/index': [{ name: 'hq', identity: 'hq' }, ...states('hq')],
  'resources/pages/board/index': [{ name: 'visitor', identity: 'visitor' }, ...states('visitor')],
});

// The giving side of the resource platform: 爱心企业, 物资捐赠 (mine and the town's), 公益项目.
Object.assign(SCENARIOS, {
  'resources/pages/donor/index': [{ name: 'visitor', identity: 'visitor' }, ...states('visitor')],
  'resources/pages/donor-register/index': [{ name: 'visitor', identity: 'visitor' }],
  'resources/pages/donor-review/index': [
    { name: 'hq', identity: 'hq' },
    { name: 'verified', identity: 'hq', taps: ['text=已通过'], waitMs: 400 },
  ],
  'resources/pages/pledge-form/index': [{ name: 'volunteer', identity: 'volunteer', query: { town: '石岐区' } }],
  'resources/pages/pledges/index': [
    { name: 'mine', identity: 'volunteer', query: { mine: '1' } },
    { name: 'town', identity: 'coordinator', query: { town: '石岐区' } },
    { name: 'match', identity: 'coordinator', query: { town: '石岐区' }, taps: ['.gv__actions .van-button'], waitMs: 600 },
    ...states('volunteer', { mine: '1' }),
  ],
  'resources/pages/projects/index': [
    { name: 'volunteer', identity: 'volunteer' },
    { name: 'hq', identity: 'hq' },
  ],
  'resources/pages/project/index': [
    { name: 'volunteer', identity: 'volunteer', query: { projectId: '{project}' } },
    { name: 'new', identity: 'hq', query: { edit: '1' } },
  ],
});
