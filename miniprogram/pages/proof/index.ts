import { timebank } from '../../services/index';
import { loadRecord, recordPage } from '../../utils/record';
import { toProofView, type ProofView } from './view';

/**
 * 服务证明: the caller's proof (number, date, records, total hours, issuing brigades) with its mini program code (the
 * plain QR of its signed token when the code was not made).
 * Opened with `?token=…` (a shared proof) it shows what `verifyProof` confirms instead, marked as verified.
 */
Page({
  ...recordPage,

  data: {
    loading: true,
    error: '',
    proof: null as ProofView | null,
    token: '',
    /** The mini program code (data URL) of the caller's proof; '' shows the plain QR of the token. */
    code: '',
    /** True when showing someone's proof checked from a shared token. */
    verified: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    const token = query.token ? decodeURIComponent(query.token) : '';
    this.setData({ token, verified: !!token });
    void this.load();
  },

  load() {
    const { verified, token } = this.data;
    if (verified) {
      return loadRecord(
        this,
        () => timebank.verifyProof({ token }, { toast: false }),
        (proof) => ({ proof: toProofView(proof) }),
      );
    }
    return loadRecord(
      this,
      () => timebank.proof({ withCode: true }, { toast: false }),
      (proof) => ({ proof: toProofView(proof), token: proof.token, code: proof.code ?? '' }),
    );
  },

  onCodeError() {
    this.setData({ code: '' });
  },

  onShareAppMessage() {
    const { proof, token } = this.data;
    return {
      title: proof ? `${proof.name}的志愿服务证明（${proof.totalHours} 小时）` : '志愿服务证明',
      path: `/pages/proof/index?token=${encodeURIComponent(token)}`,
    };
  },
});
