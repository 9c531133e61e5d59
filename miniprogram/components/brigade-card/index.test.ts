// A brigade row: name, brand and story, town, members, join mode and leaders; a tap asks to open it.
import { renderComponent, tap, textOf } from '../../../test/helpers/page';
import { toBrigadeCardView } from './view';

describe('brigade-card', () => {
  it('shows the brigade and emits open with its id', async () => {
    const view = toBrigadeCardView({
      brigadeId: 'b-1',
      name: '石岐博爱大队',
      town: '石岐区',
      joinMode: 'review',
      leaders: [{ volunteerId: 'v-1', name: '周队长', cardNo: 'ZSBA-2026-000001' }],
      memberCount: 12,
      createdAt: 0,
      brand: '情暖夕阳',
      story: '每周陪伴社区独居长者',
    });
    const card = renderComponent('components/brigade-card/index', { card: view });
    const text = textOf(card);
    for (const part of [
      '石岐博爱大队',
      '情暖夕阳',
      '每周陪伴社区独居长者',
      '石岐区',
      '12 名队员',
      '需审核',
      '负责人：周队长',
    ])
      expect(text).toContain(part);
    const opened: unknown[] = [];
    const host = card as unknown as { addEventListener(name: string, fn: (event: { detail: unknown }) => void): void };
    host.addEventListener('open', (event) => opened.push(event.detail));
    await tap(card, '.brigade-card');
    expect(opened).toEqual([{ brigadeId: 'b-1' }]);
    card.detach();
  });
});
