/**
 * timebank.proof / verifyProof — 服务证明: name, card number, total hours, the service records (brigade, post,
 * date, minutes), the issuing brigades, a proof number from a yearly counter and the issue date, with a signed
 * token (ids and totals only) that anyone can verify, as with the 义工证.
 */
import type { ProofResponse, VerifyProofRequest, VerifyProofResponse } from '../../typings/api/timebank';
import type { RequestContext } from '../context';
import { invalid, notFound } from '../errors';
import type { Action } from '../handler';
import { piiKey } from '../pii';
import { nextInTransaction } from '../repos/counters';
import * as records from '../repos/records';
import { findById, type VolunteerDoc } from '../repos/volunteers';
import { deriveKey } from '../rules/pii';
import { sign, verify } from '../rules/token';
import { none } from '../schema';
import { shanghaiYear } from '../time';
import { inTransaction } from '../transaction';
import { verifyProofInput } from './schema';

export const PROOF_RECORDS_MAX = 200;

export const proofCounterId = (year: number) => `proof-${year}`;
export const formatProofNo = (year: number, seq: number) => `ZSBA-ZM-${year}-${String(seq).padStart(6, '0')}`;

const proofKey = (ctx: RequestContext) => deriveKey(piiKey(ctx), 'proof');

interface ProofToken extends Record<string, unknown> {
  /** proof number */
  p?: string;
  /** volunteerId */
  v?: string;
  /** issued at */
  t?: number;
  /** total minutes */
  m?: number;
}

async function body(volunteer: VolunteerDoc, totalMinutes: number, issuedAt: number, proofNo: string) {
  const rows = await records.attendedOf(volunteer._id, PROOF_RECORDS_MAX, issuedAt);
  return {
    proofNo,
    issuedAt,
    name: volunteer.name,
    cardNo: volunteer.cardNo,
    totalMinutes,
    brigades: [...new Set(rows.map((r) => r.brigadeName))],
    records: rows.map((r) => ({
      brigadeName: r.brigadeName,
      postTitle: r.postTitle,
      category: records.toRecord(r).category,
      serviceDate: r.serviceDate,
      minutes: r.minutes,
    })),
  };
}

export const proof: Action<Record<string, never>, ProofResponse> = {
  access: 'volunteer',
  input: none,
  async run(_input, ctx) {
    const me = await ctx.requireVolunteer();
    const key = proofKey(ctx);
    const issuedAt = Date.now();
    const year = shanghaiYear(issuedAt);
    const seq = await inTransaction((tx) => nextInTransaction(tx, proofCounterId(year)));
    const proofNo = formatProofNo(year, seq);
    const totalMinutes = me.earnedMinutes ?? 0;
    const token = sign({ p: proofNo, v: me._id, t: issuedAt, m: totalMinutes }, key);
    return { ...(await body(me, totalMinutes, issuedAt, proofNo)), token };
  },
};

export const verifyProof: Action<VerifyProofRequest, VerifyProofResponse> = {
  access: 'anyone',
  input: verifyProofInput,
  async run(input, ctx) {
    const payload = verify<ProofToken>(input.token, proofKey(ctx));
    if (!payload?.p || !payload.v || typeof payload.t !== 'number' || typeof payload.m !== 'number') {
      throw invalid('服务证明二维码无效或已被篡改');
    }
    const volunteer = await findById(payload.v);
    if (!volunteer) throw notFound('该义工已注销，证明无法核验');
    return { valid: true, ...(await body(volunteer, payload.m, payload.t, payload.p)) };
  },
};
