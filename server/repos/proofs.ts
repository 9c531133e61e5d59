/**
 * Data access for the `proofs` collection: each 服务证明 issued, a snapshot with its own number.
 * `_id` = `<volunteerId>:<facts hash>`, so the same facts give the same proof however often the page opens.
 */
import type { ProofResponse } from '../../typings/api/timebank';
import { db, first } from '../cloud';
import { collectionIn, type Transaction } from '../transaction';

export type ProofRecord = ProofResponse['records'][number];
export type ProofTraining = ProofResponse['trainings'][number];

export interface ProofDoc {
  _id: string;
  proofNo: string;
  volunteerId: string;
  /** A hash of the facts the proof covers (total and records): a change of facts means a new proof. */
  factsHash: string;
  totalMinutes: number;
  issuedAt: number;
  records: ProofRecord[];
  /** Training minutes and the trainings attended (absent on proofs issued before trainings: none). */
  trainingMinutes?: number;
  trainings?: ProofTraining[];
}

export const proofId = (volunteerId: string, factsHash: string) => `${volunteerId}:${factsHash}`;

const proofs = () => db.collection('proofs');

export function find(volunteerId: string, factsHash: string): Promise<ProofDoc | undefined> {
  return first<ProofDoc>(proofs().where({ _id: proofId(volunteerId, factsHash) }));
}

export function findByNo(proofNo: string): Promise<ProofDoc | undefined> {
  return first<ProofDoc>(proofs().where({ proofNo }));
}

/** Inserts a proof; the unique `_id` refuses a second proof of the same facts (the transaction rolls back). */
export async function insertInTransaction(tx: Transaction, doc: ProofDoc): Promise<void> {
  await collectionIn<ProofDoc>(tx, 'proofs').add(doc);
}

/** Erasure: a deleted volunteer's proofs go with the profile (a verifier then learns the proof is void). */
export async function removeOfVolunteer(volunteerId: string): Promise<void> {
  await proofs().where({ volunteerId }).remove();
}
