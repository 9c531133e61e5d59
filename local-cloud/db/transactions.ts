/**
 * CloudBase transactions without holding SQLite open: snapshot at the first operation, writes staged in memory,
 * per-document optimistic conflicts, applied atomically at commit in one short SQLite transaction.
 * History of overwritten documents is kept in memory only while some open transaction may still need it.
 */
import { randomBytes } from 'node:crypto';
import type { Doc } from './codec';
import { conflict, transactionFail } from './errors';
import type { Row, Store } from './store';

export const TRANSACTION_TTL_MS = 30_000;

export interface StagedWrite {
  coll: string;
  id: string;
  /** The document after the transaction's writes, or null when it deletes it. */
  doc: Doc | null;
}

export interface Txn {
  id: string;
  startedAt: number;
  snapshot: number | null;
  writes: Map<string, StagedWrite>;
}

interface HistoryEntry {
  coll: string;
  id: string;
  /** Clock value of the write that replaced this state. */
  writtenAt: number;
  seq: number;
  /** The document before that write (null: it did not exist). */
  body: string | null;
}

export interface VisibleRow {
  seq: number;
  id: string;
  body: string;
}

const wkey = (coll: string, id: string): string => `${coll}\u0000${id}`;

export class Transactions {
  private readonly open = new Map<string, Txn>();
  private history: HistoryEntry[] = [];

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  start(): string {
    const id = randomBytes(16).toString('hex');
    this.open.set(id, { id, startedAt: this.now(), snapshot: null, writes: new Map() });
    return id;
  }

  /** The open transaction, its snapshot taken on first use; unknown, finished or expired ones fail. */
  use(id: unknown): Txn {
    this.expire();
    const txn = typeof id === 'string' ? this.open.get(id) : undefined;
    if (!txn) throw transactionFail();
    if (txn.snapshot === null) txn.snapshot = this.store.clock;
    return txn;
  }

  end(id: string): void {
    this.open.delete(id);
    this.prune();
  }

  /** Must be called before every committed write (outside writes and commits alike). */
  recordWrite(coll: string, before: Row | undefined, id: string, writtenAt: number): void {
    const needed = [...this.open.values()].some((t) => t.snapshot !== null && t.snapshot < writtenAt);
    if (!needed) return;
    this.history.push({ coll, id, writtenAt, seq: before?.seq ?? 0, body: before?.body ?? null });
  }

  /** The document as the transaction's snapshot saw it. */
  readAsOf(coll: string, id: string, snapshot: number): VisibleRow | null {
    const row = this.store.get(coll, id);
    if (row && row.version <= snapshot) return row;
    const past = this.history.find((h) => h.coll === coll && h.id === id && h.writtenAt > snapshot);
    if (past) return past.body === null ? null : { seq: past.seq, id, body: past.body };
    return null;
  }

  /** Every document of the collection as of the snapshot, in insertion order. */
  viewAsOf(coll: string, snapshot: number): VisibleRow[] {
    const out = new Map<string, VisibleRow>();
    for (const row of this.store.scan(coll)) {
      if (row.version <= snapshot) out.set(row.id, row);
    }
    const seen = new Set<string>();
    for (const h of this.history) {
      if (h.coll !== coll || h.writtenAt <= snapshot || seen.has(h.id)) continue;
      seen.add(h.id);
      if (h.body === null) out.delete(h.id);
      else out.set(h.id, { seq: h.seq, id: h.id, body: h.body });
    }
    return [...out.values()].sort((a, b) => a.seq - b.seq);
  }

  changedSince(coll: string, id: string, snapshot: number): boolean {
    const row = this.store.get(coll, id);
    if (row && row.version > snapshot) return true;
    return this.history.some((h) => h.coll === coll && h.id === id && h.writtenAt > snapshot);
  }

  /** Stages a write: fails at once if another open transaction holds a write on it or it changed since the snapshot. */
  stage(txn: Txn, write: StagedWrite): void {
    const key = wkey(write.coll, write.id);
    for (const other of this.open.values()) {
      if (other !== txn && other.writes.has(key)) {
        throw conflict(); // another transaction holds an uncommitted write on this document
      }
    }
    if (this.changedSince(write.coll, write.id, txn.snapshot ?? this.store.clock)) {
      throw conflict(); // the document changed after the transaction's snapshot
    }
    txn.writes.set(key, write);
  }

  staged(txn: Txn, coll: string, id: string): StagedWrite | undefined {
    return txn.writes.get(wkey(coll, id));
  }

  /** Checks the staged writes once more (outside writes may have landed since): conflicts abort. */
  validate(txn: Txn): void {
    for (const w of txn.writes.values()) {
      if (this.changedSince(w.coll, w.id, txn.snapshot ?? this.store.clock)) {
        this.end(txn.id);
        throw conflict(); // an outside write landed on a staged document
      }
    }
  }

  private expire(): void {
    const t = this.now();
    for (const [id, txn] of this.open) {
      if (t - txn.startedAt > TRANSACTION_TTL_MS) this.open.delete(id);
    }
    this.prune();
  }

  private prune(): void {
    const snapshots = [...this.open.values()].map((t) => t.snapshot).filter((s): s is number => s !== null);
    if (snapshots.length === 0) {
      this.history = [];
      return;
    }
    const oldest = Math.min(...snapshots);
    if (this.history.length && this.history[0].writtenAt <= oldest) {
      this.history = this.history.filter((h) => h.writtenAt > oldest);
    }
  }
}
