/**
 * A recipient of the demo leader's brigade (东区, the demo coordinator's second town) with an open plan, made
 * through the real functions by the coordinator: the leader reaches the plan, its matching and the recipient
 * from 大队工作台 → 服务计划.
 */
import { RECIPIENT_NOTICE_VERSION, type Envelope } from '../../../typings/index';
import { DEMO } from '../../../local-cloud/seed';
import type { TestCloud } from '../../helpers/local-cloud';

const DAY = 86_400_000;

async function ok<T>(cloud: TestCloud, event: Record<string, unknown>): Promise<T> {
  const reply = await cloud.request<Envelope<T>>('needs', event, DEMO.coordinator);
  if (!reply.body.ok) throw new Error(`needs.${String(event.action)} failed: ${JSON.stringify(reply.body)}`);
  return reply.body.data;
}

export async function planOfLeadersBrigade(cloud: TestCloud, brigadeId: string): Promise<void> {
  const { recipientId } = await ok<{ recipientId: string }>(cloud, {
    action: 'saveRecipient',
    name: '李明轩',
    categories: ['困境儿童'],
    town: '东区',
    community: '夏洋社区',
    address: '东区夏洋路 8 号',
    brigadeId,
    consent: { by: 'guardian', version: RECIPIENT_NOTICE_VERSION },
    guardian: { name: '李秀兰', phone: '13800001111', relation: '祖母' },
  });
  await ok(cloud, {
    action: 'savePlan',
    recipientId,
    brigadeId,
    goals: '每周六上午课业辅导，陪伴阅读。',
    reviewAt: Date.now() + 90 * DAY,
    services: [
      {
        category: '课业辅导',
        frequency: 'weekly',
        weekday: 6,
        slot: 'morning',
        durationMinutes: 90,
        people: 1,
        startDate: Date.now() + DAY,
      },
    ],
  });
}
