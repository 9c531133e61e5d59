// Storyboards: each role's main journeys, tap by tap, against one local cloud (writes persist from step to step).
//
// A flow: { title, identity, confirm?: true (answers 确定 to every wx.showModal), image?: file wx.chooseMedia picks
// (repo path; default test/fixtures/certificate.png), steps }. When `as` changes who acts, the media-check verdicts
// of uploaded photos are delivered first (the platform has answered by the time someone else looks).
// A step renders one frame, captioned in Chinese with what the user did:
//   { caption, start: page, query? }   — a tab page the journey starts from (or comes back to through the tab bar)
//   { caption, link: async (ctx) => url } — a link the journey starts from (the invite path a leader shares)
//   { caption, do: [action…], to?: page }
//       action: { tap: selector } | { fill: selector, event?: 'change', value } — value may be (ctx) => value
//       to: the page the last tap must navigate to; the next frame renders the page the app really opened
//           (the runtime's navigateTo / redirectTo / switchTab / navigateBack log), with that url's query.
//   { caption, advance: ms, start: page }  — time passes on the cloud and the phone (POST /v1/clock)
//   { caption, as: identity, start: page } — from here on another person acts, on their own phone (their openid)
//   { caption, advance?, others } — the user stays on the page while time passes or others act; it is shown again
//   others?: async (ctx) => [{ openid, name, data }] — what other people do first (cloud calls as them), e.g. sign up
// Taps are Playwright selectors, mostly the words the user taps (`text=…`, `:has-text()`; components' ids do not
// reach the DOM); fill selectors are j-component's (the component's id).

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const at = (iso) => Date.parse(`${iso}+08:00`);
/** Members of the leader's brigade who sign up for the new service and turn up. */
const TEAM = ['demo-volunteer', 'demo-volunteer-2', 'demo-volunteer-3'];

/** 罗嘉怡, a nurse who joined the demo leader's brigade this week and holds no verified qualification yet. */
const NEWCOMER = 'demo-neighbour-1';

/** The demo volunteer's card number, as they would read it to hq from their card. */
const cardOf = (openid) => async (ctx) => (await ctx.call('volunteers', { action: 'me' }, openid)).cardNo;

/** The leader of 暖阳居家养老服务中心's brigade in 石岐区, whose brigade the coordinator makes responsible. */
const TOWN_LEADER = 'demo-leader-2';
/** That brigade as the plan form's brigade picker lists it (the town's brigades). */
const brigadeIndex = async (ctx) => {
  const { items } = await ctx.call('brigades', { action: 'list', town: '石岐区', pageSize: 50 }, 'demo-coordinator');
  return { value: items.findIndex((b) => b.name.includes('暖阳')) };
};
/** The six digits the leader's phone shows for the visit the volunteer opened. */
const visitCode = async (ctx) =>
  (await ctx.call('posts', { action: 'checkinCode', postId: ctx.query.postId }, TOWN_LEADER)).code;

/**
 * What WeChat's scanner opens for a poster's code: the scan landing (`pages/verify/index?scene=`) resolves the scene
 * and redirects — here resolved as the landing does, so the storyboard starts on the page the visitor lands on.
 */
/** The first public service post anyone may sign up for (the poster and the scan use the same one). */
const openPost = async (ctx) => {
  const { items } = await ctx.call('posts', { action: 'list', pageSize: 20 }, 'demo-visitor');
  return items.find(
    (p) =>
      p.kind !== 'training' &&
      p.confirmedCount < p.quota &&
      !p.membersOnly &&
      !(p.requiredSpecialties ?? []).length &&
      !(p.requiredQualifications ?? []).length,
  );
};

const scanned = (make) => async (ctx) => {
  const { scene } = await make(ctx);
  const to = await ctx.call('volunteers', { action: 'resolveScene', scene }, 'demo-visitor');
  if (to.kind === 'post') return `/pages/post/index?postId=${to.postId}&source=poster`;
  return `/pages/join/index?code=${to.code}&brigadeId=${to.brigadeId}&source=poster`;
};

export const FLOWS = {
  resident: {
    title: '居民：打开邀请 → 登记 → 加入 → 报名',
    identity: 'visitor',
    confirm: true,
    steps: [
      {
        caption: '打开负责人分享的邀请',
        link: async (ctx) => (await ctx.call('brigades', { action: 'invite', brigadeId: ctx.refs.brigade }, 'demo-leader')).path,
      },
      { caption: '点「登记并加入大队」', do: [{ tap: 'text=登记并加入大队' }], to: 'pages/register/index' },
      {
        caption: '填写姓名、手机号、镇区、出生年份，选专长，勾选同意',
        do: [
          { fill: '#reg-name', value: '陈小敏' },
          { fill: '#reg-mobile', value: '13800138123' },
          { tap: 'text=所在镇区' },
          { fill: '#reg-town-picker', event: 'confirm', value: { value: '石岐区', index: 0 } },
          { tap: 'text=出生年份' },
          { fill: '#reg-year-picker', event: 'confirm', value: { value: 1990, index: 0 } },
          { tap: '.reg__chip:has-text("医疗")' },
          { fill: '#reg-consent', value: true },
        ],
      },
      { caption: '点「提交登记」，自动回到邀请并申请入队', do: [{ tap: 'text=提交登记' }], to: 'pages/join/index' },
      { caption: '点「去看招募」', do: [{ tap: 'text=去看招募' }], to: 'pages/feed/index' },
      { caption: '点一条还有名额的招募', do: [{ tap: '.post-card:not(:has-text("满"))' }], to: 'pages/post/index' },
      { caption: '点「报名」', do: [{ tap: 'text="报名"' }] },
    ],
  },

  leader: {
    title: '大队负责人：发布招募 → 出示签到码 → 录入时长',
    identity: 'leader',
    confirm: true,
    steps: [
      { caption: '打开「招募」', start: 'pages/feed/index' },
      { caption: '点「发布招募」', do: [{ tap: '.feed__publish' }], to: 'leader/pages/post-form/index' },
      {
        caption: '填写标题、类别、时间、地点',
        do: [
          { fill: '#form-title', value: '岐江公园环保清洁' },
          { fill: '#form-description', value: '清理岐江沿岸垃圾，自备手套和水。' },
          { tap: '.pf__chip' },
          { tap: 'text=开始时间' },
          { fill: '#form-datetime', event: 'confirm', value: at('2026-11-28T10:00') },
          { fill: '#form-address', value: '石岐区岐江公园南门' },
        ],
      },
      { caption: '点「发布招募」', do: [{ tap: 'text=发布招募' }], to: 'pages/post/index' },
      {
        caption: '三位队员报名后，点「签到码」',
        others: (ctx) => TEAM.map((openid) => ({ openid, name: 'posts', data: { action: 'signup', postId: ctx.query.postId } })),
        do: [{ tap: 'text=签到码' }],
        to: 'leader/pages/checkin-code/index',
      },
      {
        caption: '一小时后服务开始，三位队员扫码签到',
        advance: HOUR,
        others: async (ctx) => {
          const { postId } = ctx.query;
          const { code } = await ctx.call('posts', { action: 'checkinCode', postId }, 'demo-leader');
          return TEAM.map((openid) => ({ openid, name: 'posts', data: { action: 'checkin', postId, code } }));
        },
      },
      { caption: '两小时后服务结束，打开「我的」', advance: 2 * HOUR, start: 'pages/me/index' },
      { caption: '点「本队活动」', do: [{ tap: 'text=本队活动' }], to: 'leader/pages/workbench/index' },
      { caption: '点「待录入」', do: [{ tap: 'text=待录入' }] },
      {
        caption: '点这次服务的「录入」',
        do: [{ tap: '.wb-post:has-text("岐江公园环保清洁") >> text="录入"' }],
        to: 'leader/pages/record/index',
      },
      { caption: '核对时长和评分，填受益人数 30', do: [{ fill: '#record-people-served', value: 30 }] },
      { caption: '点「提交录入」', do: [{ tap: 'text=提交录入' }] },
    ],
  },

  hq: {
    title: '总队：新建大队 → 任命负责人 → 查看数据',
    identity: 'hq',
    confirm: true,
    steps: [
      { caption: '打开「我的」', start: 'pages/me/index' },
      { caption: '点「大队管理」', do: [{ tap: 'text=大队管理' }], to: 'hq/pages/brigades/index' },
      { caption: '点「新建大队」', do: [{ tap: 'text=新建大队' }], to: 'hq/pages/brigade-form/index' },
      {
        caption: '填写名称、镇区',
        do: [
          { fill: '#form-name', value: '岐江社区博爱义工大队' },
          { tap: 'text=所属镇区' },
          { fill: '#form-town-picker', event: 'confirm', value: { value: '石岐区', index: 0 } },
        ],
      },
      { caption: '点「建立大队」', do: [{ tap: 'text=建立大队' }] },
      {
        caption: '填负责人的义工证号，点「任命」',
        do: [{ fill: '#form-card', value: cardOf('demo-volunteer') }, { tap: 'text="任命"' }],
      },
      { caption: '回到「我的」', start: 'pages/me/index' },
      { caption: '点「数据总览」', do: [{ tap: 'text=数据总览' }], to: 'hq/pages/dashboard/index' },
    ],
  },

  volunteer: {
    title: '义工：查看服务时长与服务证明',
    identity: 'volunteer',
    steps: [
      { caption: '打开「我的」', start: 'pages/me/index' },
      { caption: '点「服务时长与时间银行」', do: [{ tap: 'text=服务时长与时间银行' }], to: 'pages/hours/index' },
      { caption: '点「服务证明」', do: [{ tap: '.hours__entry:has-text("服务证明")' }], to: 'pages/proof/index' },
    ],
  },

  qualify: {
    title: '专业资格：上传证书 → 负责人审核 → 义工证显示 → 报名需资格的义诊，无资格者被拒',
    identity: NEWCOMER,
    confirm: true,
    image: 'local-cloud/seed-assets/cert-nurse-luo.png',
    steps: [
      { caption: '新队员罗嘉怡（护士）：打开「我的」', start: 'pages/me/index' },
      { caption: '点「我的资格证书」', do: [{ tap: 'text=我的资格证书' }], to: 'quals/pages/mine/index' },
      {
        caption: '点「添加资格证书」，选「执业护士」，填证书名称',
        do: [
          { tap: 'text=添加资格证书' },
          { tap: '.ql__chip:text-is("执业护士")' },
          { fill: '#ql-title', value: '护士执业证书' },
        ],
      },
      { caption: '点证书照片框，拍下证书', do: [{ tap: '.ql__photo' }] },
      { caption: '点「提交审核」：显示「审核中」', do: [{ tap: 'text=提交审核' }] },
      { caption: '负责人林慧敏：打开「我的」', as: 'leader', start: 'pages/me/index' },
      { caption: '点「本队活动」进入大队工作台', do: [{ tap: 'text=本队活动' }], to: 'leader/pages/workbench/index' },
      { caption: '点「资格审核」', do: [{ tap: 'text=资格审核' }], to: 'quals/pages/review/index' },
      {
        caption: '核对罗嘉怡的证书照片（点照片可放大），点「通过」并确认',
        do: [{ tap: '.ql__item:has-text("罗嘉怡") .van-button:has-text("通过")' }],
      },
      { caption: '罗嘉怡：打开「我的」', as: NEWCOMER, start: 'pages/me/index' },
      { caption: '点「义工证」：显示「执业护士」', do: [{ tap: 'text="义工证"' }], to: 'pages/card/index' },
      { caption: '打开「招募」', start: 'pages/feed/index' },
      {
        caption: '点需要执业医师或执业护士资格的社区义诊',
        do: [{ tap: '.post-card:has-text("社区义诊")' }],
        to: 'pages/post/index',
      },
      { caption: '点「报名」：报名成功', do: [{ tap: 'text="报名"' }] },
      { caption: '另一位新队员陈志华（未上传资格）：打开「招募」', as: 'demo-neighbour-2', start: 'pages/feed/index' },
      { caption: '点同一场社区义诊', do: [{ tap: '.post-card:has-text("社区义诊")' }], to: 'pages/post/index' },
      { caption: '点「报名」：提示需要执业医师或执业护士资格', do: [{ tap: 'text="报名"' }] },
    ],
  },

  training: {
    title: '培训：发布培训 → 义工报名 → 签到 → 录入 → 培训时长单独计',
    identity: 'leader',
    confirm: true,
    steps: [
      { caption: '负责人林慧敏：打开「招募」', start: 'pages/feed/index' },
      { caption: '点「发布招募」', do: [{ tap: '.feed__publish' }], to: 'leader/pages/post-form/index' },
      {
        caption: '类型选「培训」，填标题、主题、讲师、时间、地点',
        do: [
          { tap: '.pf__kind:has-text("培训")' },
          { fill: '#form-title', value: '防范电信诈骗宣讲培训' },
          { fill: '#form-topic', value: '识别针对长者的常见骗局' },
          { fill: '#form-trainer', value: '石岐派出所 李警官' },
          { fill: '#form-description', value: '学会识别冒充公检法、保健品推销等骗局，探访时提醒长者。' },
          { tap: 'text=开始时间' },
          { fill: '#form-datetime', event: 'confirm', value: at('2026-11-28T10:00') },
          { fill: '#form-address', value: '石岐区民生路 8 号社工站' },
        ],
      },
      { caption: '点「发布招募」', do: [{ tap: 'text=发布招募' }], to: 'pages/post/index' },
      {
        caption: '义工张晓燕：打开负责人分享的培训',
        as: 'volunteer',
        link: async (ctx) => `/pages/post/index?postId=${ctx.query.postId}`,
      },
      { caption: '点「报名」', do: [{ tap: 'text="报名"' }] },
      {
        caption: '一小时后培训开始，张晓燕扫码签到',
        advance: HOUR,
        others: async (ctx) => {
          const { postId } = ctx.query;
          const { code } = await ctx.call('posts', { action: 'checkinCode', postId }, 'demo-leader');
          return [{ openid: 'demo-volunteer', name: 'posts', data: { action: 'checkin', postId, code } }];
        },
      },
      { caption: '两小时后培训结束，负责人：打开「我的」', advance: 2 * HOUR, as: 'leader', start: 'pages/me/index' },
      { caption: '点「本队活动」', do: [{ tap: 'text=本队活动' }], to: 'leader/pages/workbench/index' },
      { caption: '点「待录入」', do: [{ tap: 'text=待录入' }] },
      {
        caption: '点这次培训的「录入」',
        do: [{ tap: '.wb-post:has-text("防范电信诈骗") >> text="录入"' }],
        to: 'leader/pages/record/index',
      },
      { caption: '点「提交录入」', do: [{ tap: 'text=提交录入' }] },
      { caption: '义工张晓燕：打开「我的」', as: 'volunteer', start: 'pages/me/index' },
      { caption: '点「我的培训」', do: [{ tap: 'text=我的培训' }], to: 'training/pages/mine/index' },
      { caption: '回到「我的」', start: 'pages/me/index' },
      {
        caption: '点「服务时长与时间银行」：培训时长单独计，不进时间银行余额',
        do: [{ tap: 'text=服务时长与时间银行' }],
        to: 'pages/hours/index',
      },
    ],
  },

  loop: {
    title: '供需配对：入户调查 → 建档 → 服务计划 → 匹配 → 接受 → 探访签到 → 录入 → 时长',
    identity: 'volunteer',
    confirm: true,
    steps: [
      { caption: '义工张晓燕：打开「我的」', start: 'pages/me/index' },
      { caption: '点「入户需求调查」', do: [{ tap: 'text=入户需求调查' }], to: 'needs/pages/survey-form/index' },
      {
        caption: '填写受访人、住址、成员情况，选需求「探访慰问」每周日下午，勾选同意',
        do: [
          { fill: '#survey-contact', value: '梁玉珍' },
          { fill: '#survey-address', value: '石岐区悦来中路 9 号 2 栋 301' },
          { fill: '#survey-phone', value: '13712340000' },
          { fill: '#member-relation-0', value: '本人' },
          { fill: '#member-situation-0', value: '独居，79 岁，行动慢，子女在外地' },
          { tap: '.need .nd__chip:has-text("探访慰问")' },
          { tap: '.need .nd__chip:has-text("周日")' },
          { tap: '.need .nd__chip:has-text("下午")' },
          { fill: '#survey-consent', value: true },
        ],
      },
      { caption: '点「提交调查」，回到「我的」', do: [{ tap: 'text=提交调查' }], to: 'pages/me/index' },
      { caption: '社工苏婉仪（镇区协调员）：打开「我的」', as: 'coordinator', start: 'pages/me/index' },
      { caption: '点「镇区服务与配对」', do: [{ tap: 'text=镇区服务与配对' }], to: 'coordinator/pages/workbench/index' },
      { caption: '点「需求调查」', do: [{ tap: 'text="需求调查"' }], to: 'coordinator/pages/surveys/index' },
      { caption: '点梁玉珍家的调查', do: [{ tap: '.van-cell:has-text("梁玉珍")' }], to: 'coordinator/pages/survey/index' },
      { caption: '点「建档（转为服务对象）」', do: [{ tap: 'text=建档' }], to: 'coordinator/pages/recipient-form/index' },
      {
        caption: '已按调查预填，选称呼「婆」、类别「独居老人」',
        do: [{ tap: '.nd__chip:text-is("婆")' }, { tap: '.nd__chip:has-text("独居老人")' }],
      },
      { caption: '点「保存」', do: [{ tap: 'text="保存"' }], to: 'coordinator/pages/recipient/index' },
      { caption: '点「制定服务计划」', do: [{ tap: 'text=制定服务计划' }], to: 'coordinator/pages/plan-form/index' },
      {
        caption: '服务已按调查预填；写服务目标，选负责大队',
        do: [
          { fill: '#pf-goals', value: '每周日下午上门探访陪伴，留意血压和用药。' },
          { tap: 'text=负责大队' },
          { fill: '#pf-brigade-picker', value: brigadeIndex },
        ],
      },
      { caption: '专长要求选「护理」（要留意血压和用药）', do: [{ tap: '.pf__small:text-is("护理")' }] },
      { caption: '点「保存服务计划」', do: [{ tap: 'text=保存服务计划' }], to: 'coordinator/pages/plan/index' },
      { caption: '点「匹配义工」', do: [{ tap: 'text=匹配义工' }], to: 'coordinator/pages/match/index' },
      { caption: '勾选排在最前的张晓燕', do: [{ tap: '.mt__card >> nth=0' }] },
      { caption: '点「发出邀请」', do: [{ tap: 'text=发出邀请' }] },
      { caption: '义工张晓燕：打开「我的」', as: 'volunteer', start: 'pages/me/index' },
      { caption: '点「我的结对」', do: [{ tap: 'text=我的结对' }], to: 'needs/pages/mine/index' },
      { caption: '点梁婆这项服务的「接受」', do: [{ tap: '.mine:has-text("梁婆") .van-button:has-text("接受")' }] },
      {
        caption: '第二天下午探访前，负责人何志强：打开「我的」',
        advance: 29 * HOUR + 20 * MINUTE,
        as: TOWN_LEADER,
        start: 'pages/me/index',
      },
      { caption: '点「本队活动」', do: [{ tap: 'text=本队活动' }], to: 'leader/pages/workbench/index' },
      {
        caption: '点梁婆这次探访的「签到码」，出示给义工',
        do: [{ tap: '.wb-post:has-text("梁婆") >> text=签到码' }],
        to: 'leader/pages/checkin-code/index',
      },
      { caption: '义工张晓燕到了梁婆家：打开「我的」', as: 'volunteer', start: 'pages/me/index' },
      { caption: '点「我的结对」', do: [{ tap: 'text=我的结对' }], to: 'needs/pages/mine/index' },
      { caption: '点「下次探访」', do: [{ tap: '.mine:has-text("梁婆") .mine__next' }], to: 'pages/post/index' },
      { caption: '点「现场签到」', do: [{ tap: 'text=扫描负责人出示的签到码' }], to: 'pages/checkin/index' },
      { caption: '输入负责人手机上的 6 位数字', do: [{ fill: '#checkin-code', value: visitCode }] },
      { caption: '点「确认签到」', do: [{ tap: 'text=确认签到' }] },
      { caption: '探访结束后，负责人何志强：打开「我的」', advance: 2 * HOUR, as: TOWN_LEADER, start: 'pages/me/index' },
      { caption: '点「本队活动」', do: [{ tap: 'text=本队活动' }], to: 'leader/pages/workbench/index' },
      { caption: '点「待录入」', do: [{ tap: 'text=待录入' }] },
      {
        caption: '点梁婆这次探访的「录入」',
        do: [{ tap: '.wb-post:has-text("梁婆") >> text="录入"' }],
        to: 'leader/pages/record/index',
      },
      {
        caption: '受益人数填 1，点「提交录入」',
        do: [{ fill: '#record-people-served', value: 1 }, { tap: 'text=提交录入' }],
      },
      { caption: '义工张晓燕：打开「我的」', as: 'volunteer', start: 'pages/me/index' },
      { caption: '点「服务时长与时间银行」', do: [{ tap: 'text=服务时长与时间银行' }], to: 'pages/hours/index' },
    ],
  },

  wishes: {
    title: '微心愿：社工发布 → 总队审核上墙 → 义工认领',
    identity: 'coordinator',
    confirm: true,
    steps: [
      {
        caption: '社工打开陈婆的服务对象页',
        link: async (ctx) => `/coordinator/pages/recipient/index?recipientId=${ctx.refs.recipient}`,
      },
      { caption: '点「发布微心愿」', do: [{ tap: 'text=发布微心愿' }], to: 'resources/pages/wish-form/index' },
      {
        caption: '填写心愿内容、说明和预估价值',
        do: [
          { fill: '#wf-title', value: '一副老花镜' },
          { fill: '#wf-description', value: '婆婆的老花镜摔坏了，看不清药盒上的字，希望配一副 300 度的老花镜。' },
          { fill: '#wf-value', value: '80' },
        ],
      },
      { caption: '点「提交审核」', do: [{ tap: 'text=提交审核' }], to: 'resources/pages/wish/index' },
      { caption: '总队工作人员：打开「我的」', as: 'hq', start: 'pages/me/index' },
      { caption: '点「心愿审核」', do: [{ tap: 'text=心愿审核' }], to: 'resources/pages/wish-review/index' },
      { caption: '点老花镜的「通过并上墙」', do: [{ tap: '.ws__card:has-text("老花镜") >> text=通过并上墙' }] },
      { caption: '义工：打开「我的」', as: 'volunteer', start: 'pages/me/index' },
      { caption: '点「微心愿」', do: [{ tap: 'text=微心愿' }], to: 'resources/pages/wall/index' },
      { caption: '点「一副老花镜」', do: [{ tap: '.ws__card:has-text("老花镜")' }], to: 'resources/pages/wish/index' },
      { caption: '点「认领」并确认', do: [{ tap: 'text="认领"' }] },
    ],
  },

  'poster-scan': {
    title: '扫码海报：居民扫招募海报 → 登记 → 报名 → 扫大队海报入队',
    identity: 'visitor',
    confirm: true,
    steps: [
      {
        caption: '一条还有名额的招募',
        link: async (ctx) => `/pages/post/index?postId=${(await openPost(ctx)).postId}`,
      },
      { caption: '点「生成海报」：贴到社区公告栏、发到群里的就是这张', do: [{ tap: 'text=生成海报' }] },
      {
        caption: '居民扫描招募海报上的小程序码，落地到招募详情',
        link: scanned(async (ctx) =>
          ctx.call('posts', { action: 'poster', postId: (await openPost(ctx)).postId }, 'demo-visitor'),
        ),
      },
      { caption: '点「报名」，先登记', do: [{ tap: 'text="报名"' }], to: 'pages/register/index' },
      {
        caption: '填写姓名、手机号、镇区、出生年份，勾选同意',
        do: [
          { fill: '#reg-name', value: '黄海报' },
          { fill: '#reg-mobile', value: '13800138456' },
          { tap: 'text=所在镇区' },
          { fill: '#reg-town-picker', event: 'confirm', value: { value: '石岐区', index: 0 } },
          { tap: 'text=出生年份' },
          { fill: '#reg-year-picker', event: 'confirm', value: { value: 1992, index: 0 } },
          { fill: '#reg-consent', value: true },
        ],
      },
      { caption: '点「提交登记」，回到招募详情', do: [{ tap: 'text=提交登记' }], to: 'pages/post/index' },
      { caption: '点「报名」（计入「海报扫码」）', do: [{ tap: 'text="报名"' }] },
      {
        caption: '她又扫了活动现场的大队海报，落地到加入大队',
        link: scanned((ctx) => ctx.call('brigades', { action: 'poster', brigadeId: ctx.refs.brigade }, 'demo-leader')),
      },
      { caption: '点「加入大队」（计入「海报扫码」）', do: [{ tap: 'text=加入大队' }] },
    ],
  },
};
