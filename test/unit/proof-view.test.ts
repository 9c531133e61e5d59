// A verifier sees when a shared proof was superseded by later corrections, and today's total.
import { toProofView } from '../../miniprogram/pages/proof/view';
import type { VerifyProofResponse } from '../../typings/api/timebank';

const verified: VerifyProofResponse = {
  valid: true,
  superseded: false,
  proofNo: 'ZSBA-ZM-2026-000001',
  issuedAt: Date.UTC(2026, 10, 28, 1),
  name: '陈小明',
  cardNo: 'ZSBA-2026-000001',
  totalMinutes: 60,
  brigades: ['石岐博爱大队'],
  records: [],
  trainingMinutes: 0,
  trainings: [],
};

describe('the proof page for a verifier', () => {
  it('says nothing more for a proof whose facts still hold', () => {
    expect(toProofView(verified).superseded).toBe('');
  });

  it('marks a superseded proof as void, with the current total', () => {
    const view = toProofView({ ...verified, superseded: true, currentTotalMinutes: 45 });
    expect(view.superseded).toContain('已失效');
    expect(view.superseded).toContain('当前累计 0.8 小时');
    expect(view.totalHours).toBe('1.0');
  });
});
