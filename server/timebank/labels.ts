/** How ledger entries name the other side: a brigade by its stored name, a volunteer by name and card number. */
import type { LedgerEntry } from '../../typings/entities';
import type { EntryDoc } from '../repos/ledger';
import { findByIds, type VolunteerDoc } from '../repos/volunteers';

export const personLabel = (v: Pick<VolunteerDoc, 'name' | 'cardNo'>) => `${v.name}（${v.cardNo}）`;

const volunteerOf = (accountId: string) =>
  accountId.startsWith('volunteer:') ? accountId.slice('volunteer:'.length) : undefined;

export function toEntry(doc: EntryDoc, label: string): LedgerEntry {
  return {
    entryId: doc._id,
    movementId: doc.movementId,
    kind: doc.kind,
    minutes: doc.minutes,
    counterparty: label,
    ...(doc.note ? { note: doc.note } : {}),
    ...(doc.postId ? { postId: doc.postId } : {}),
    at: doc.at,
  };
}

/** The entries as the wire shows them, looking up the volunteers on the other side in one request. */
export async function toEntries(docs: EntryDoc[]): Promise<LedgerEntry[]> {
  const ids = [...new Set(docs.map((d) => volunteerOf(d.counterpartyAccountId)).filter((v): v is string => !!v))];
  const people = new Map((await findByIds(ids)).map((v) => [v._id, personLabel(v)]));
  return docs.map((d) => {
    const volunteerId = volunteerOf(d.counterpartyAccountId);
    const label = volunteerId ? (people.get(volunteerId) ?? '已注销的义工') : (d.counterparty ?? '博爱义工');
    return toEntry(d, label);
  });
}
