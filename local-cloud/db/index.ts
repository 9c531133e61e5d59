/**
 * The local cloud's database engine: answers every `database.*` action wx-server-sdk 4.0.2
 * (@cloudbase/database 1.4.3) sends, with CloudBase semantics, on SQLite.
 * `handle` is synchronous: one call is one atomic step, so concurrent callers never interleave inside it.
 */
import type { AnyObject } from 'mingo/types';
import { update as applyUpdate } from 'mingo';
import type { CollectionSpec } from '../../database/collections';
import {
  clone,
  idKey,
  isPlainObject,
  loadText,
  newId,
  parseEjson,
  resolveSpecials,
  storeText,
  toWire,
  type Doc,
} from './codec';
import { DbError, duplicateKeyError, invalidParam } from './errors';
import { findNear } from './geo';
import { compileQuery, orderDocs, projectDocs, runPipeline } from './matcher';
import { IndexedReads } from './reads';
import { Store } from './store';
import { Transactions, type Txn } from './transactions';

export { DbError } from './errors';
export { replyEnvelope, errorEnvelope } from './envelope';

export interface DbMetrics {
  requests: number;
  docsRead: number;
  docsWritten: number;
}

export interface LocalDatabaseOptions {
  file: string;
  collections: CollectionSpec[];
  now: () => number;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

type Params = Record<string, unknown>;

interface Loaded {
  id: string;
  seq: number;
  doc: Doc;
}

export class LocalDatabase {
  private readonly store: Store;
  private readonly txns: Transactions;
  private readonly reads: IndexedReads;
  private readonly now: () => number;

  private constructor(options: LocalDatabaseOptions) {
    this.store = new Store(options.file, options.collections);
    this.now = options.now;
    this.txns = new Transactions(this.store, options.now);
    this.reads = new IndexedReads(this.store);
  }

  static open(options: LocalDatabaseOptions): LocalDatabase {
    return new LocalDatabase(options);
  }

  collectionNames(): string[] {
    return this.store.collectionNames();
  }

  close(): void {
    this.store.close();
  }

  /**
   * Answers one wire action synchronously and returns what goes in the reply's `data` field
   * (for `database.startTransaction`: `{ transactionId }`, which the SDK reads at the top level of the reply —
   * see `replyEnvelope`). Throws DbError with the cloud's code.
   */
  handle(action: string, params: Params, metrics?: DbMetrics): unknown {
    const m = metrics ?? { requests: 0, docsRead: 0, docsWritten: 0 };
    m.requests += 1;
    switch (action) {
      case 'database.getDocument':
        return this.getDocument(params, m);
      case 'database.calculateDocument':
        return this.calculateDocument(params);
      case 'database.insertDocument':
        return this.insertDocument(params, m);
      case 'database.modifyDocument':
        return this.modifyDocument(params, m, false);
      case 'database.modifyAndReturnDoc':
        return this.modifyDocument(params, m, true);
      case 'database.removeDocument':
        return this.removeDocument(params, m);
      case 'database.aggregateDocuments':
        return this.aggregate(params, m);
      case 'database.addCollection':
        this.store.addCollection(requireName(params.collectionName));
        return {};
      case 'database.startTransaction':
        return { transactionId: this.txns.start() };
      case 'database.commitTransaction':
        return this.commit(params, m);
      case 'database.abortTransaction': {
        const txn = this.txns.use(params.transactionId);
        this.txns.end(txn.id);
        return {};
      }
      default:
        throw new DbError('INVALID_PARAM', `unsupported database action: ${action}`);
    }
  }

  // ---- reads ----

  private getDocument(p: Params, m: DbMetrics): unknown {
    const coll = this.store.requireCollection(p.collectionName);
    const limit = p.limit === undefined || p.limit === null || p.limit === 0 ? DEFAULT_LIMIT : Number(p.limit);
    if (!Number.isInteger(limit) || limit < 0) throw invalidParam('limit must be a non-negative integer');
    if (limit > MAX_LIMIT) throw invalidParam(`limit must be less than or equal to ${MAX_LIMIT}`);
    const offset = p.offset === undefined || p.offset === null ? 0 : Number(p.offset);
    if (!Number.isInteger(offset) || offset < 0) throw invalidParam('offset must be a non-negative integer');
    const query = this.decodeQuery(p.query);
    const order = parseEjson(p.order) as Record<string, number> | undefined;
    const txn = p.transactionId ? this.txns.use(p.transactionId) : undefined;
    const docs = orderDocs(
      (!txn && this.reads.ordered(coll, query, safeCompile(query), order, offset + limit)) ||
        this.find(coll, query, txn, order || findNear(query) ? Infinity : offset + limit).map((l) => l.doc),
      query,
      order,
    );
    const page = projectDocs(docs.slice(offset, offset + limit), parseEjson(p.projection));
    m.docsRead += page.length;
    return { list: page.map(toWire), offset, limit };
  }

  private calculateDocument(p: Params): unknown {
    const coll = this.store.requireCollection(p.collectionName);
    const query = this.decodeQuery(p.query);
    if (!isPlainObject(query) || Object.keys(query).length === 0) return { total: this.store.count(coll) };
    return { total: this.find(coll, query, undefined).length };
  }

  private aggregate(p: Params, m: DbMetrics): unknown {
    const coll = this.store.requireCollection(p.collectionName);
    const raw = Array.isArray(p.stages) ? p.stages : [];
    const stages = raw.map((s) => {
      const { stageKey, stageValue } = s as { stageKey: string; stageValue: string };
      return { [stageKey]: resolveSpecials(parseEjson(stageValue), this.now(), true) } as AnyObject;
    });
    const load = (name: string, query: AnyObject): Doc[] =>
      this.find(this.store.requireCollection(name), query, undefined).map((l) => l.doc);
    // A leading $match reads through the indexes, as the cloud's would.
    const lead = stages[0]?.$match;
    const input = isPlainObject(lead) ? load(coll, lead) : load(coll, {});
    let out: Doc[];
    try {
      out = runPipeline(input, isPlainObject(lead) ? stages.slice(1) : stages, load);
    } catch (err) {
      if (err instanceof DbError) throw err;
      throw new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${(err as Error).message}`);
    }
    m.docsRead += out.length;
    return { list: out.map(toWire) };
  }

  /** Documents matching the query, in insertion order, as the caller (or its transaction) sees them; outside a
   * transaction, only the first `need`. */
  private find(coll: string, query: unknown, txn: Txn | undefined, need = Infinity): Loaded[] {
    const match = safeCompile(query);
    const id = isPlainObject(query) ? exactId(query._id) : undefined;
    if (txn) {
      const snapshot = txn.snapshot ?? this.store.clock;
      const rows =
        id !== undefined
          ? [this.txns.readAsOf(coll, id, snapshot)].filter((r): r is NonNullable<typeof r> => r !== null)
          : this.txns.viewAsOf(coll, snapshot);
      const byId = new Map(rows.map((r) => [r.id, { id: r.id, seq: r.seq, doc: loadText(r.body) }]));
      for (const w of txn.writes.values()) {
        if (w.coll !== coll) continue;
        if (w.doc === null) byId.delete(w.id);
        else byId.set(w.id, { id: w.id, seq: byId.get(w.id)?.seq ?? Number.MAX_SAFE_INTEGER, doc: clone(w.doc) });
      }
      return [...byId.values()].filter((l) => match(l.doc)).sort((a, b) => a.seq - b.seq);
    }
    const rows =
      id !== undefined
        ? [this.store.get(coll, id)].filter((r): r is NonNullable<typeof r> => r !== undefined)
        : this.reads.rows(coll, query);
    const out: Loaded[] = [];
    for (const row of rows) {
      if (out.length >= need) break;
      const doc = this.store.parse(row);
      if (match(doc)) out.push({ id: row.id, seq: row.seq, doc });
    }
    return out;
  }

  // ---- writes ----

  private insertDocument(p: Params, m: DbMetrics): unknown {
    const coll = this.store.requireCollection(p.collectionName);
    const items = Array.isArray(p.data) ? p.data : [p.data];
    const docs = items.map((item) => {
      const doc = resolveSpecials(parseEjson(item), this.now(), false);
      if (!isPlainObject(doc)) throw invalidParam('document must be an object');
      if (doc._id === undefined) return { _id: newId(), ...doc };
      return doc;
    });
    const txn = p.transactionId ? this.txns.use(p.transactionId) : undefined;
    if (txn) {
      for (const doc of docs) {
        const id = idKey(doc._id);
        const staged = this.txns.staged(txn, coll, id);
        if ((staged && staged.doc) || (!staged && this.txns.readAsOf(coll, id, txn.snapshot ?? 0))) {
          throw duplicateKeyError(coll, '_id_', `{ _id: ${JSON.stringify(id)} }`);
        }
        this.txns.stage(txn, { coll, id, doc });
      }
    } else {
      this.store.transaction(() => {
        for (const doc of docs) this.insertCommitted(coll, idKey(doc._id), doc);
      });
    }
    m.docsWritten += docs.length;
    return { insertedIds: docs.map((d) => (isPlainObject(d) ? toIdOut(d._id) : undefined)) };
  }

  private modifyDocument(p: Params, m: DbMetrics, returnDoc: boolean): unknown {
    const coll = this.store.requireCollection(p.collectionName);
    const query = this.decodeQuery(p.query);
    const data = resolveSpecials(parseEjson(p.data), this.now(), false);
    if (!isPlainObject(data)) throw invalidParam('update data must be an object');
    const multi = returnDoc ? false : p.multi === true;
    const merge = returnDoc ? true : p.merge !== false;
    const upsert = !returnDoc && p.upsert === true;
    const hasOps = Object.keys(data).some((k) => k.startsWith('$'));
    const modifier = merge && !hasOps ? { $set: data } : data;
    const txn = p.transactionId ? this.txns.use(p.transactionId) : undefined;

    const apply = (doc: Doc): Doc => {
      if (!merge) {
        const replaced = clone(data);
        delete replaced._id;
        return { _id: doc._id, ...replaced };
      }
      const next = clone(doc);
      try {
        applyUpdate(next, modifier as AnyObject, undefined, undefined, { cloneMode: 'deep' });
      } catch (err) {
        throw new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${(err as Error).message}`);
      }
      return next;
    };

    const run = (): unknown => {
      const matched = this.find(coll, query, txn, multi ? Infinity : 1);
      const targets = multi ? matched : matched.slice(0, 1);
      // `updated` counts every matched document, changed or not: CloudBase documents `doc().set()` as
      // "1 if the _id exists" and `update()`'s 0 as "the condition matched nothing". A document left as it was is
      // not written (nor staged), so `docsWritten` still counts real writes.
      const updated = targets.length;
      let changed = 0;
      let lastDoc: Doc | undefined;
      for (const t of targets) {
        const next = apply(t.doc);
        lastDoc = next;
        if (storeText(next) === storeText(t.doc)) continue;
        changed += 1;
        if (txn) this.txns.stage(txn, { coll, id: t.id, doc: next });
        else this.replaceCommitted(coll, t.id, next);
      }
      if (returnDoc) return { updated, doc: lastDoc ? toWire(lastDoc) : null };
      if (targets.length === 0 && upsert) {
        const base = upsertBase(query);
        const doc = merge ? apply(base) : { ...apply(base) };
        if (doc._id === undefined) doc._id = newId();
        const id = idKey(doc._id);
        if (txn) this.txns.stage(txn, { coll, id, doc });
        else this.insertCommitted(coll, id, doc);
        m.docsWritten += 1;
        return { updated: 0, upsert_id: toIdOut(doc._id) };
      }
      m.docsWritten += changed;
      return { updated };
    };
    const result = txn ? run() : this.store.transaction(run);
    if (returnDoc && isPlainObject(result) && result.doc) m.docsRead += 1;
    return result;
  }

  private removeDocument(p: Params, m: DbMetrics): unknown {
    const coll = this.store.requireCollection(p.collectionName);
    const query = this.decodeQuery(p.query);
    const txn = p.transactionId ? this.txns.use(p.transactionId) : undefined;
    const run = (): number => {
      const matched = this.find(coll, query, txn, p.multi === true ? Infinity : 1);
      const targets = p.multi === true ? matched : matched.slice(0, 1);
      for (const t of targets) {
        if (txn) this.txns.stage(txn, { coll, id: t.id, doc: null });
        else this.removeCommitted(coll, t.id);
      }
      return targets.length;
    };
    const deleted = txn ? run() : this.store.transaction(run);
    m.docsWritten += deleted;
    return { deleted };
  }

  private commit(p: Params, m: DbMetrics): unknown {
    const txn = this.txns.use(p.transactionId);
    this.txns.validate(txn);
    try {
      this.store.transaction(() => {
        for (const w of txn.writes.values()) {
          const exists = this.store.get(w.coll, w.id) !== undefined;
          if (w.doc === null) {
            if (exists) this.removeCommitted(w.coll, w.id);
          } else if (exists) this.replaceCommitted(w.coll, w.id, w.doc);
          else this.insertCommitted(w.coll, w.id, w.doc);
        }
      });
    } finally {
      this.txns.end(txn.id);
    }
    m.docsWritten += txn.writes.size;
    return {};
  }

  private insertCommitted(coll: string, id: string, doc: Doc): void {
    if (this.store.get(coll, id)) throw duplicateKeyError(coll, '_id_', `{ _id: ${JSON.stringify(id)} }`);
    this.txns.recordWrite(coll, undefined, id, this.store.clock + 1);
    this.store.insert(coll, id, doc);
  }

  private replaceCommitted(coll: string, id: string, doc: Doc): void {
    this.txns.recordWrite(coll, this.store.get(coll, id), id, this.store.clock + 1);
    this.store.replace(coll, id, doc);
  }

  private removeCommitted(coll: string, id: string): void {
    this.txns.recordWrite(coll, this.store.get(coll, id), id, this.store.clock + 1);
    this.store.remove(coll, id);
  }

  private decodeQuery(raw: unknown): unknown {
    return resolveSpecials(parseEjson(raw), this.now(), true) ?? {};
  }
}

function requireName(name: unknown): string {
  if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw invalidParam('invalid collectionName');
  return name;
}

function safeCompile(query: unknown): (doc: Doc) => boolean {
  try {
    return compileQuery(query);
  } catch (err) {
    throw new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${(err as Error).message}`);
  }
}

/** `_id` given as an exact value (string, number, ObjectId), i.e. a DOC query. */
function exactId(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === '$eq') return exactId(v.$eq);
    return undefined;
  }
  if (v instanceof RegExp || Array.isArray(v) || v instanceof Date) return undefined;
  return idKey(v);
}

/** The document an upsert starts from: the query's top-level equalities. */
function upsertBase(query: unknown): Doc {
  const base: Doc = {};
  if (!isPlainObject(query)) return base;
  for (const [k, v] of Object.entries(query)) {
    if (k.startsWith('$') || k.includes('.')) continue;
    if (isPlainObject(v) && Object.keys(v).some((x) => x.startsWith('$'))) {
      if (Object.keys(v).length === 1 && v.$eq !== undefined) base[k] = clone(v.$eq);
      continue;
    }
    if (v instanceof RegExp) continue;
    base[k] = clone(v);
  }
  return base;
}

function toIdOut(id: unknown): unknown {
  return isPlainObject(id) ? id : typeof id === 'object' && id !== null && 'toHexString' in id ? String(id) : id;
}
