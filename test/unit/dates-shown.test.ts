// Proofs and honours show dates as a resident writes them (2026年11月7日), not as ISO strings.
import { toHonourListRow } from '../../miniprogram/hq/pages/honours/view';
import { toProofView } from '../../miniprogram/pages/proof/view';
import type { VerifyProofResponse } from '../../typings/api/timebank';

const at = Date.UTC(2026, 10, 6, 17); // 2026-11-07 01:00 in Zhongshan

it('writes a proof row’s service date in Chinese', () => {
  const proof: VerifyProofResponse = {
    valid: true,
    superseded: false,
    proofNo: 'ZSBA-ZM-2026-000001',
    issuedAt: at,
    name: '陈小明',
    cardNo: 'ZSBA-2026-000001',
    totalMinutes: 120,
    brigades: ['石岐博爱大队'],
    records: [{ brigadeName: '石岐博爱大队', postTitle: '探访', category: '探访慰问', serviceDate: at, minutes: 120 }],
    trainingMinutes: 0,
    trainings: [],
  };
  expect(toProofView(proof).rows[0]).toMatchObject({ date: '2026年11月7日' });
});

it('writes an honour’s award date in Chinese', () => {
  const row = toHonourListRow({
    honourId: 'h1',
    honour: 'outstanding',
    year: 2026,
    reason: '坚持探访',
    awardedAt: at,
    cardNo: 'ZSBA-2026-000001',
    name: '陈小明',
  });
  expect(row.date).toBe('2026年11月7日');
});
