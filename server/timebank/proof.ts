/**
 * timebank.proof / verifyProof — 服务证明: name, card number, total hours, the service records (brigade, post,
 * date, minutes), the issuing brigades, a proof number from a yearly counter and the issue date, with a signed
 * token (ids and totals only) that anyone can verify, as with the 义工证.
 * A proof is a stored snapshot keyed by a hash of its facts (total and records): opening the page again without new
 * facts gives the same proof; verifying an older proof after later records or corrections shows it as superseded.
 * Trainings (培训) are listed apart with their own minutes, never in the total or the records; a new training also
 * makes a new proof.
 */
import { createHash } from 'node:crypto';
import type { CodeRequest } from '../../typings/api/volunteers';
import type { ProofResponse, VerifyProofRequest, VerifyProofResponse } from '../../typings/api/timebank';
import { isDuplicateKey } from '../cloud';
import type { RequestContext } from '../context';
import { invalid, notFound } from '../errors';
import type { Action } from '../handler';
import { piiKey } from '../pii';
import { nextInTransaction } from '../repos/counters';
import * as proofs from '../repos/proofs';
import * as records from '../repos/records';
import { findById, type VolunteerDoc } from '../repos/volunteers';
import { deriveKey } from '../rules/pii';
import { sign, verify } from '../rules/token';
import { shanghaiYear } from '../rules/time';
import { inTransaction } from '../transaction';
import { codeInput, sceneWithCode } from '../volunteers/scene';
import { verifyProofInput } from './schema';

export const PROOF_RECORDS_MAX = 200;
export const PROOF_TRAININGS_MAX = 50;

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

interface Facts {
  totalMinutes: number;
  records: proofs.ProofRecord[];
  trainingMinutes: number;
  trainings: proofs.ProofTraining[];
  hash: string;
}

/** What a proof of this volunteer would say now, and its hash. */
async function factsOf(volunteer: VolunteerDoc): Promise<Facts> {
  // Most volunteers never trained: their trainings are not read at all.
  const [rows, trained] = await Promise.all([
    records.attendedOf(volunteer._id, PROOF_RECORDS_MAX),
    (volunteer.trainingsAttended ?? 0) > 0 ? records.trainingsOf(volunteer._id, PROOF_TRAININGS_MAX) : [],
  ]);
  const trainingRows = trained.slice(0, PROOF_TRAININGS_MAX);
  const trainingMinutes = volunteer.trainingMinutes ?? 0;
  const trainings = trainingRows.map((r) => ({
    postTitle: r.postTitle,
    ...(r.topic ? { topic: r.topic } : {}),
    brigadeName: r.brigadeName,
    serviceDate: r.serviceDate,
    minutes: r.minutes,
  }));
  const totalMinutes = volunteer.earnedMinutes ?? 0;
  const list = rows.map((r) => ({
    brigadeName: r.brigadeName,
    postTitle: r.postTitle,
    category: records.toRecord(r).category,
    serviceDate: r.serviceDate,
    minutes: r.minutes,
  }));
  const keyed = rows.map((r) => [r._id, r.minutes, r.serviceDate]);
  // Without trainings the facts hash as before trainings existed, so proofs issued then stay current.
  const hasTrainings = trainingRows.length > 0 || trainingMinutes > 0;
  const facts = hasTrainings
    ? [totalMinutes, keyed, trainingMinutes, trainingRows.map((r) => [r._id, r.minutes])]
    : [totalMinutes, keyed];
  const hash = createHash('sha256').update(JSON.stringify(facts)).digest('base64url').slice(0, 22);
  return { totalMinutes, records: list, trainingMinutes, trainings, hash };
}

const face = (volunteer: VolunteerDoc, doc: proofs.ProofDoc) => ({
  proofNo: doc.proofNo,
  issuedAt: doc.issuedAt,
  name: volunteer.name,
  cardNo: volunteer.cardNo,
  totalMinutes: doc.totalMinutes,
  brigades: [...new Set(doc.records.map((r) => r.brigadeName))],
  records: doc.records,
  trainingMinutes: doc.trainingMinutes ?? 0,
  trainings: doc.trainings ?? [],
});

/** The stored proof of these facts, issuing it (a new number) when there is none. */
async function proofOf(volunteer: VolunteerDoc, facts: Facts): Promise<proofs.ProofDoc> {
  const held = await proofs.find(volunteer._id, facts.hash);
  if (held) return held;
  const issuedAt = Date.now();
  const year = shanghaiYear(issuedAt);
  try {
    return await inTransaction(async (tx) => {
      const seq = await nextInTransaction(tx, proofCounterId(year));
      const doc: proofs.ProofDoc = {
        _id: proofs.proofId(volunteer._id, facts.hash),
        proofNo: formatProofNo(year, seq),
        volunteerId: volunteer._id,
        factsHash: facts.hash,
        totalMinutes: facts.totalMinutes,
        issuedAt,
        records: facts.records,
        ...(facts.trainingMinutes > 0 || facts.trainings.length > 0
          ? { trainingMinutes: facts.trainingMinutes, trainings: facts.trainings }
          : {}),
      };
      await proofs.insertInTransaction(tx, doc);
      return doc;
    });
  } catch (error) {
    // The page opened twice at once: one proof is issued, the counter of the other rolls back.
    if (!isDuplicateKey(error)) throw error;
    const winner = await proofs.find(volunteer._id, facts.hash);
    if (!winner) throw error;
    return winner;
  }
}

export const proof: Action<CodeRequest, ProofResponse> = {
  access: 'volunteer',
  input: codeInput,
  async run(input, ctx) {
    const me = await ctx.requireVolunteer();
    const key = proofKey(ctx);
    const facts = await factsOf(me);
    const issued = proofOf(me, facts);
    const signed = issued.then((doc) => sign({ p: doc.proofNo, v: me._id, t: doc.issuedAt, m: doc.totalMinutes }, key));
    // The scene stands for this proof (its id: volunteer and facts), so an older printed proof keeps its own code.
    const subject = proofs.proofId(me._id, facts.hash);
    const [doc, token, scene] = await Promise.all([
      issued,
      signed,
      sceneWithCode(ctx, 'proof', subject, signed, input.withCode),
    ]);
    return { ...face(me, doc), token, ...scene };
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
    const [volunteer, doc] = await Promise.all([findById(payload.v), proofs.findByNo(payload.p)]);
    if (!volunteer) throw notFound('该义工已注销，证明无法核验');
    if (!doc || doc.volunteerId !== volunteer._id) throw notFound('未找到该服务证明');
    const now = await factsOf(volunteer);
    const superseded = now.hash !== doc.factsHash;
    return {
      valid: true,
      ...face(volunteer, doc),
      superseded,
      ...(superseded ? { currentTotalMinutes: now.totalMinutes } : {}),
    };
  },
};
