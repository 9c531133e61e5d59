/**
 * Demo wishes (微心愿) for the resource pages: the 石岐区 coordinator posts wishes for the demo recipients, hq puts
 * two on the wall (a volunteer claims one) and leaves one waiting for review — all through the real `resources`
 * function, so the board's counters are the real ones.
 */
import type { SaveWishRequest } from '../typings/api/resources';
import type { LocalCloud } from './index';

type Call = <T>(cloud: LocalCloud, name: string, event: object, openid: string) => Promise<T>;

const WISHES: Omit<SaveWishRequest, 'recipientId'>[] = [
  {
    title: '一台小型电暖器',
    description: '婆婆独居在老楼的顶层，冬天屋里阴冷，膝盖怕凉，希望有一台小电暖器取暖。',
    kind: 'goods',
    estimatedValue: 200,
  },
  {
    title: '一副助行器（带座椅）',
    description: '黄叔坐轮椅出行，在家里想练习站立走几步，康复师建议用带座椅的助行器。',
    kind: 'goods',
    estimatedValue: 350,
  },
  {
    title: '春节前打扫一次屋子',
    description: '行动不便，家里很久没有大扫除了，希望有两三位义工帮忙擦窗、清理厨房。',
    kind: 'service',
  },
];

/** Seeds the wishes; returns refs for the previews (`wish`: on the wall, `claimedWish`, `pendingWish`). */
export async function seedWishes(
  cloud: LocalCloud,
  call: Call,
  people: { coordinator: string; hq: string; claimer: string },
  recipients: string[],
): Promise<Record<string, string>> {
  const ids: string[] = [];
  for (const [i, wish] of WISHES.entries()) {
    const recipientId = recipients[i % recipients.length];
    const saved = await call<{ wishId: string }>(
      cloud,
      'resources',
      { action: 'saveWish', recipientId, ...wish },
      people.coordinator,
    );
    ids.push(saved.wishId);
  }
  for (const wishId of ids.slice(0, 2)) {
    await call(cloud, 'resources', { action: 'reviewWish', wishId, approve: true }, people.hq);
  }
  await call(cloud, 'resources', { action: 'claimWish', wishId: ids[1], requestId: 'demo-claim-1' }, people.claimer);
  return { wish: ids[0], claimedWish: ids[1], pendingWish: ids[2] };
}
