/**
 * Demo giving for the resource pages, through the real `resources` function: charity projects hq lists (links to
 * designated platforms), a verified donor and one waiting for review, and goods pledges in 石岐区 — one offered by the
 * demo volunteer, one from the donor already handed over — so the board's pledged / handed figures are real.
 */
import type { RegisterDonorRequest, SavePledgeRequest, SaveProjectRequest } from '../typings/api/resources';
import type { LocalCloud } from './index';

type Call = <T>(cloud: LocalCloud, name: string, event: object, openid: string) => Promise<T>;

const DAY = 86_400_000;

const PROJECTS: SaveProjectRequest[] = [
  {
    title: '长者暖冬助餐计划',
    summary: '为石岐区独居、困难长者每周送上三次热饭，并由义工上门陪伴用餐、了解近况。',
    organisation: '中山市慈善总会',
    fundraisingQualification: '中山市民政局认定的慈善组织，具有公开募捐资格',
    platform: '腾讯公益',
    url: 'https://gongyi.qq.com/succor/detail.htm?id=0',
    town: '石岐区',
  },
  {
    title: '困境儿童课业陪伴',
    summary: '为困境儿童购置学习用品，组织大学生义工每周两次课业辅导。',
    organisation: '中山市博爱慈善基金会',
    fundraisingQualification: '具有公开募捐资格的慈善组织（示例）',
    platform: '支付宝公益',
    url: 'https://example.org/projects/1',
  },
];

const DONORS: (RegisterDonorRequest & { openid: string; verify: boolean })[] = [
  {
    openid: 'demo-donor',
    name: '中山市岐江百货有限公司',
    creditCode: '914420000000000220',
    contactName: '梁经理',
    contactMobile: '13926001234',
    town: '石岐区',
    publicThanks: true,
    verify: true,
  },
  {
    openid: 'demo-donor-2',
    name: '中山市东明五金制品厂',
    creditCode: '91442000000000011U',
    contactName: '冯厂长',
    contactMobile: '13926005678',
    town: '东区',
    publicThanks: false,
    verify: false,
  },
];

const pledge = (now: number, over: Partial<SavePledgeRequest>): SavePledgeRequest => ({
  what: '大米',
  quantity: 10,
  unit: '袋',
  condition: 'new',
  town: '石岐区',
  pickupFrom: now + DAY,
  pickupTo: now + 7 * DAY,
  requestId: 'demo-pledge',
  ...over,
});

export async function seedGiving(
  cloud: LocalCloud,
  call: Call,
  people: { hq: string; volunteer: string; coordinator: string },
  planId?: string,
): Promise<Record<string, string>> {
  const projects: string[] = [];
  for (const request of PROJECTS) {
    projects.push(
      (await call<{ projectId: string }>(cloud, 'resources', { action: 'saveProject', ...request }, people.hq))
        .projectId,
    );
  }
  for (const { openid, verify, ...request } of DONORS) {
    const { donorId } = await call<{ donorId: string }>(
      cloud,
      'resources',
      { action: 'registerDonor', ...request },
      openid,
    );
    if (verify) await call(cloud, 'resources', { action: 'reviewDonor', donorId, approve: true }, people.hq);
  }
  const now = cloud.clock.now();
  const offered = await call<{ pledgeId: string }>(
    cloud,
    'resources',
    { action: 'savePledge', ...pledge(now, { what: '冬被', quantity: 5, unit: '床', note: '周末上午在家' }) },
    people.volunteer,
  );
  const given = await call<{ pledgeId: string }>(
    cloud,
    'resources',
    { action: 'savePledge', ...pledge(now, { requestId: 'demo-donor-rice' }) },
    'demo-donor',
  );
  if (planId) {
    const { pledgeId } = given;
    await call(cloud, 'resources', { action: 'matchPledge', pledgeId, planId }, people.coordinator);
    await call(cloud, 'resources', { action: 'handOverPledge', pledgeId }, people.coordinator);
  }
  return { project: projects[0], pledge: offered.pledgeId };
}
