/** 服务证明 as the page shows it: the proof's heading figures and one row per service record. */
import type { ProofResponse, VerifyProofResponse } from '../../typings/index';
import { formatDate } from '../../utils/time';
import { hoursOf } from '../../utils/format';

export interface ProofRow {
  key: string;
  date: string;
  brigade: string;
  post: string;
  hours: string;
}

export interface ProofView {
  proofNo: string;
  issuedOn: string;
  name: string;
  cardNo: string;
  totalHours: string;
  count: number;
  brigades: string;
  rows: ProofRow[];
  /** Trainings (培训), apart from the service: never in the total. */
  trainingHours: string;
  trainingRows: ProofRow[];
  /** For a verified proof whose facts changed since: what the verifier should know; '' otherwise. */
  superseded: string;
}

export function toProofView(p: ProofResponse | VerifyProofResponse): ProofView {
  return {
    proofNo: p.proofNo,
    issuedOn: formatDate(p.issuedAt),
    name: p.name,
    cardNo: p.cardNo,
    totalHours: hoursOf(p.totalMinutes),
    count: p.records.length,
    brigades: p.brigades.join('、') || '—',
    superseded:
      'superseded' in p && p.superseded
        ? `此证明已失效：开具后服务记录有更正或新增，当前累计 ${hoursOf(p.currentTotalMinutes ?? 0)} 小时，请向本人索取最新证明`
        : '',
    rows: p.records.map((r, i) => ({
      key: `${i}`,
      date: formatDate(r.serviceDate),
      brigade: r.brigadeName,
      post: `${r.postTitle}（${r.category}）`,
      hours: hoursOf(r.minutes),
    })),
    trainingHours: hoursOf(p.trainingMinutes ?? 0),
    trainingRows: (p.trainings ?? []).map((t, i) => ({
      key: `t${i}`,
      date: formatDate(t.serviceDate),
      brigade: t.brigadeName,
      post: t.topic ? `${t.postTitle}：${t.topic}` : t.postTitle,
      hours: hoursOf(t.minutes),
    })),
  };
}
