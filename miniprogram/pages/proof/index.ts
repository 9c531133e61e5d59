import { messageOf, timebank } from '../../services/index';
import { toProofView, type ProofView } from './view';

/**
 * 服务证明: the caller's proof (number, date, records, total hours, issuing brigades) with a QR of its signed token.
 * Opened with `?token=…` (a shared proof) it shows what `verifyProof` confirms instead, marked as verified.
 */
Page({
  data: {
    loading: true,
    error: '',
    proof: null as ProofView | null,
    token: '',
    /** True when showing someone's proof checked from a shared token. */
    verified: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    const token = query.token ? decodeURIComponent(query.token) : '';
    this.setData({ token, verified: !!token });
    void this.load();
  },

  async load() {
    this.setData({ loading: true, error: '' });
    try {
      if (this.data.verified) {
        const proof = await timebank.verifyProof({ token: this.data.token }, { toast: false });
        this.setData({ loading: false, proof: toProofView(proof) });
      } else {
        const proof = await timebank.proof({}, { toast: false });
        this.setData({ loading: false, proof: toProofView(proof), token: proof.token });
      }
    } catch (error) {
      this.setData({ loading: false, error: messageOf(error) });
    }
  },

  onRetry() {
    void this.load();
  },

  onShareAppMessage() {
    const { proof, token } = this.data;
    return {
      title: proof ? `${proof.name}的志愿服务证明（${proof.totalHours} 小时）` : '志愿服务证明',
      path: `/pages/proof/index?token=${encodeURIComponent(token)}`,
    };
  },
});
