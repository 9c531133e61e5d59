/** Data access for the `plans` collection (service plans, 服务计划). */
import type { PlanStatus } from '../../typings/needs';
import { db, rows } from '../cloud';

/** What every plan document holds at least: whose it is, which brigade serves it, its state. */
export interface PlanHead {
  _id: string;
  recipientId: string;
  brigadeId: string;
  brigadeName: string;
  status: PlanStatus;
}

const plans = () => db.collection('plans');

/** A recipient's plans (a handful over the years). */
export function ofRecipient(recipientId: string): Promise<PlanHead[]> {
  return rows<PlanHead>(plans().where({ recipientId }).limit(50));
}
