/**
 * Verifying what a code stands for: a scene (a mini program code), a card token or a proof token (old plain QR
 * codes). Used by pages/verify (opened by WeChat's scanner) and leader/pages/scan (the leader's 扫码核验).
 */
import {
  HONOUR_LABELS,
  type HonourAward,
  type ResolveSceneResponse,
  type VerifyCardResponse,
  type VerifyProofResponse,
} from '../../typings/index';
import { CallError, timebank, volunteers } from '../../services/index';
import { formatDate } from '../../utils/time';
import { hoursOf } from '../../utils/format';

export type VerifyTarget = { scene: string } | { card: string } | { proof: string } | { token: string };

/** What the result shows: a banner, the holder, figures as label/value rows and tags. */
export interface VerifiedView {
  kind: 'card' | 'proof';
  title: string;
  /** False for a superseded proof: it verifies, but no longer tells the whole story. */
  current: boolean;
  banner: string;
  name: string;
  stars: number;
  rows: { label: string; value: string }[];
  tags: string[];
}

export const honourText = (h: HonourAward): string =>
  h.year ? `${h.year} 年度${HONOUR_LABELS[h.honour]}` : HONOUR_LABELS[h.honour];

function cardView(card: VerifyCardResponse): VerifiedView {
  return {
    kind: 'card',
    title: '义工证',
    current: true,
    banner: '核验通过：义工证有效',
    name: card.name,
    stars: card.stars,
    rows: [
      { label: '义工证号', value: card.cardNo },
      { label: '所属大队', value: card.brigades.join('、') || '尚未加入大队' },
      ...((card.qualifications ?? []).length ? [{ label: '专业资格', value: card.qualifications.join('、') }] : []),
    ],
    tags: card.honours.map(honourText),
  };
}

function proofView(proof: VerifyProofResponse): VerifiedView {
  const rows = [
    { label: '证明编号', value: proof.proofNo },
    { label: '义工证号', value: proof.cardNo },
    { label: '累计服务', value: `${hoursOf(proof.totalMinutes)} 小时（${proof.records.length} 次）` },
    { label: '出具日期', value: formatDate(proof.issuedAt) },
  ];
  if (proof.superseded) {
    rows.push({ label: '当前累计', value: `${hoursOf(proof.currentTotalMinutes ?? 0)} 小时` });
  }
  return {
    kind: 'proof',
    title: '志愿服务证明',
    current: !proof.superseded,
    banner: proof.superseded
      ? '此证明已失效：开具后服务记录有更正或新增，请向本人索取最新证明'
      : '核验通过：证明内容与开具时一致',
    name: proof.name,
    stars: -1,
    rows,
    tags: [],
  };
}

const quiet = { toast: false };

async function verifyCard(token: string): Promise<VerifiedView> {
  return cardView(await volunteers.verifyCard({ token }, quiet));
}

async function verifyProof(token: string): Promise<VerifiedView> {
  return proofView(await timebank.verifyProof({ token }, quiet));
}

/** Undefined for a token the action calls malformed (INVALID_ARGUMENT); other failures go on. */
const unlessMalformed = (error: unknown): undefined => {
  if (error instanceof CallError && error.code === 'INVALID_ARGUMENT') return undefined;
  throw error;
};

/** A bare token of an old plain QR: a card's, else a proof's. */
async function verifyEither(token: string): Promise<VerifiedView> {
  const card = await verifyCard(token).catch(unlessMalformed);
  const found = card ?? (await verifyProof(token).catch(unlessMalformed));
  if (!found) throw new Error('不是博爱义工的义工证或服务证明二维码');
  return found;
}

/** Where a poster's scene leads: the post page or the join page with the invite, counted as from a poster. */
export function routeOf(resolved: ResolveSceneResponse): string | undefined {
  if (resolved.kind === 'post') return `/pages/post/index?postId=${resolved.postId}&source=poster`;
  if (resolved.kind === 'invite') {
    return `/pages/join/index?code=${resolved.code}&brigadeId=${resolved.brigadeId}&source=poster`;
  }
  return undefined;
}

/**
 * What a code opens: a card or proof verified here, or (a poster's scene) the page to go on to. The scan landing of
 * every mini program code the app makes is the verify page (`pages/verify/index?scene=`).
 */
export async function open(target: VerifyTarget): Promise<VerifiedView | { url: string }> {
  if (!('scene' in target)) return verify(target);
  const resolved = await volunteers.resolveScene({ scene: target.scene }, quiet);
  const url = routeOf(resolved);
  if (url) return { url };
  return verifyResolved(resolved);
}

function verifyResolved(resolved: ResolveSceneResponse): Promise<VerifiedView> {
  if (resolved.kind === 'card') return verifyCard(resolved.token);
  if (resolved.kind === 'proof') return verifyProof(resolved.token);
  throw new Error('这是招募海报的二维码，请用微信“扫一扫”打开');
}

export async function verify(target: VerifyTarget): Promise<VerifiedView> {
  if ('card' in target) return verifyCard(target.card);
  if ('proof' in target) return verifyProof(target.proof);
  if ('token' in target) return verifyEither(target.token);
  return verifyResolved(await volunteers.resolveScene({ scene: target.scene }, quiet));
}

const param = (query: string, name: string): string => {
  const match = new RegExp(`(?:^|&)${name}=([^&]*)`).exec(query);
  return match ? decodeURIComponent(match[1]) : '';
};

/** What the verify page was opened with: `?scene=` (WeChat passes it encoded), `?token=` or `?proof=`. */
export function targetOfQuery(query: Record<string, string | undefined>): VerifyTarget | undefined {
  if (query.scene) return { scene: decodeURIComponent(query.scene) };
  if (query.token) return { card: decodeURIComponent(query.token) };
  if (query.proof) return { proof: decodeURIComponent(query.proof) };
  return undefined;
}

/** What a scan read: a mini program code gives `path` (`pages/verify/index?scene=…`), a plain QR its text. */
export function targetOfScan(res: { result?: string; path?: string }): VerifyTarget | undefined {
  if (res.path) {
    const query = res.path.split('?')[1] ?? '';
    const scene = param(query, 'scene');
    if (scene) return { scene };
    const card = param(query, 'token');
    if (card) return { card };
    const proof = param(query, 'proof');
    return proof ? { proof } : undefined;
  }
  const text = (res.result ?? '').trim();
  return text ? { token: text } : undefined;
}
