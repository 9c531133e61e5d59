/** The match page's rows: who ranks where and why, and who is already on the service. */
import type { MatchCandidate } from '../../../typings/api/needs';
import { ASSIGNMENT_STATUS_TEXT } from '../../../utils/needs-view';

export interface CandidateRow {
  volunteerId: string;
  name: string;
  percent: number;
  reasons: string[];
  /** Already offered or accepted: shown, not selectable. A 主动报名 volunteer can be taken on. */
  taken: string;
  accepted: boolean;
  selectable: boolean;
}

export function toRow(c: MatchCandidate): CandidateRow {
  const status = c.assignment?.status;
  const held = status === 'offered' || status === 'accepted';
  return {
    volunteerId: c.volunteerId,
    name: `${c.name}（${c.cardNo}）`,
    percent: Math.round(c.score * 100),
    reasons: c.reasons,
    taken: status ? ASSIGNMENT_STATUS_TEXT[status] : '',
    accepted: status === 'accepted',
    selectable: !held,
  };
}
