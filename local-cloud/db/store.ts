/**
 * Durable storage on SQLite (better-sqlite3, WAL): one `docs` table for every collection, holding each document
 * as canonical EJSON with its insertion order (`seq`) and version; unique index keys in `ukeys`; the keys of every
 * declared index field (and `_id`) in `ix` and of every compound index in `cx`, ordered as mingo sorts (keys.ts), for
 * the reads through the indexes (planner.ts, reads.ts).
 * Everything here is synchronous, so each call of the engine is atomic with respect to every other caller.
 */
import Database from 'better-sqlite3';
import type { CollectionSpec, IndexSpec } from '../../database/collections';
import { ObjectId, isPlainObject, loadText, storeText, type Doc } from './codec';
import { DbError, duplicateKeyError } from './errors';
import { resolvePath } from './geo';
import { T, UNKEYED, keysOf, prefixKey, type KeyValue } from './keys';
import type { Condition, Term } from './planner';

export interface Row {
  seq: number;
  id: string;
  version: number;
  body: string;
}

/** A declared compound index as the planner uses it: equalities on `prefix`, then ordered by `last`. */
export interface Compound {
  id: string;
  prefix: string[];
  last: string;
}

/** A row with the index key it was reached by. */
export interface KeyedRow extends Row {
  t: number;
  k: KeyValue;
}

export class Store {
  readonly db: Database.Database;
  private readonly specs = new Map<string, CollectionSpec>();
  /** Global write clock: every write stamps the document with the next value. */
  clock: number;

  constructor(file: string, collections: CollectionSpec[]) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // WAL + NORMAL: a commit is in the WAL (OS page cache) before it returns, so a killed process loses nothing;
    // only an OS crash or power loss could drop the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS docs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        coll TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (coll, id)
      );
      CREATE INDEX IF NOT EXISTS docs_coll_seq ON docs (coll, seq);
      CREATE TABLE IF NOT EXISTS ukeys (
        coll TEXT NOT NULL, idx TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL,
        PRIMARY KEY (coll, idx, key)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS ukeys_doc ON ukeys (coll, id);
      CREATE TABLE IF NOT EXISTS ix (
        coll TEXT NOT NULL, field TEXT NOT NULL, t INTEGER NOT NULL, k NOT NULL, seq INTEGER NOT NULL,
        PRIMARY KEY (coll, field, t, k, seq)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS ix_doc ON ix (seq);
      CREATE TABLE IF NOT EXISTS cx (
        coll TEXT NOT NULL, idx TEXT NOT NULL, p BLOB NOT NULL, t INTEGER NOT NULL, k NOT NULL, seq INTEGER NOT NULL,
        PRIMARY KEY (coll, idx, p, t, k, seq)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS cx_doc ON cx (seq);
      CREATE TABLE IF NOT EXISTS ix_fields (coll TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (coll, field))
        WITHOUT ROWID;
    `);
    for (const spec of collections) {
      this.specs.set(spec.name, spec);
      this.db.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)').run(spec.name);
    }
    this.transaction(() => this.reindex());
    const max = this.db.prepare('SELECT MAX(version) AS v FROM docs').get() as { v: number | null };
    this.clock = max.v ?? 0;
  }

  close(): void {
    this.db.close();
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  collectionNames(): string[] {
    return (this.db.prepare('SELECT name FROM collections ORDER BY name').all() as { name: string }[]).map(
      (r) => r.name,
    );
  }

  hasCollection(name: string): boolean {
    return this.db.prepare('SELECT 1 FROM collections WHERE name = ?').get(name) !== undefined;
  }

  requireCollection(name: unknown): string {
    if (typeof name !== 'string' || !this.hasCollection(name)) {
      throw new DbError(
        'DATABASE_COLLECTION_NOT_EXIST',
        `[ResourceNotFound] Db or Table not exist: ${String(name)}. Please check your request, but if the problem cannot be solved, contact us.`,
      );
    }
    return name;
  }

  addCollection(name: string): void {
    if (this.hasCollection(name)) {
      throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${name}`);
    }
    this.db.prepare('INSERT INTO collections (name) VALUES (?)').run(name);
    for (const field of this.keyed(name)) {
      this.db.prepare('INSERT OR IGNORE INTO ix_fields (coll, field) VALUES (?, ?)').run(name, field);
    }
  }

  /** Rows of a collection in insertion order. */
  scan(coll: string): Row[] {
    return this.cached(SCAN).all(coll) as Row[];
  }

  /** Rows of a collection in insertion order, read lazily (a caller may stop early). */
  scanLazily(coll: string): IterableIterator<Row> {
    return this.cached(SCAN).iterate(coll) as IterableIterator<Row>;
  }

  /** The fields whose keys are in `ix`: `_id` and every field of the collection's declared (non-geo) indexes. */
  indexedFields(coll: string): ReadonlySet<string> {
    let fields = this.fieldSets.get(coll);
    if (!fields) {
      fields = new Set(['_id']);
      for (const index of this.specs.get(coll)?.indexes ?? []) {
        for (const [field, kind] of Object.entries(index.keys)) if (kind !== '2dsphere') fields.add(field);
      }
      this.fieldSets.set(coll, fields);
    }
    return fields;
  }

  private readonly fieldSets = new Map<string, Set<string>>();

  /** The collection's compound indexes (`id` is '@' and their fields), kept in `cx`. */
  compounds(coll: string): Compound[] {
    let compounds = this.compoundLists.get(coll);
    if (!compounds) {
      compounds = (this.specs.get(coll)?.indexes ?? [])
        .map((index) => Object.entries(index.keys))
        .filter((keys) => keys.length > 1 && keys.every(([, kind]) => kind !== '2dsphere'))
        .map((keys) => keys.map(([field]) => field))
        .map((fields) => ({
          id: `@${fields.join(',')}`,
          prefix: fields.slice(0, -1),
          last: fields[fields.length - 1],
        }));
      this.compoundLists.set(coll, compounds);
    }
    return compounds;
  }

  private readonly compoundLists = new Map<string, Compound[]>();

  /** What `ix`/`cx` keep for the collection: field names and compound ids. */
  private keyed(coll: string): string[] {
    return [...this.indexedFields(coll), ...this.compounds(coll).map((c) => c.id)];
  }

  /** True when every document's prefix of the compound index is made of scalars. */
  compoundUsable(coll: string, id: string): boolean {
    return (
      this.cached('SELECT 1 FROM cx WHERE coll = ? AND idx = ? AND p = ? LIMIT 1').get(coll, id, UNKEYED) === undefined
    );
  }

  /** Rows whose compound prefix is `p`, in the order of the last field's keys (optionally one term), read lazily. */
  orderedCompound(coll: string, id: string, p: Buffer, descending: boolean, term?: Term): IterableIterator<KeyedRow> {
    return this.inKeyOrder('cx x', 'x.coll = ? AND x.idx = ? AND x.p = ?', [coll, id, p], descending, term);
  }

  /** Rows that may satisfy the condition, read lazily in insertion order (values the index cannot order are always included). */
  candidates(coll: string, cond: Condition): IterableIterator<Row> {
    const [sql, params] = selectSeqs(coll, cond);
    return this.cached(`SELECT seq, id, version, body FROM docs WHERE seq IN (${sql}) ORDER BY seq`).iterate(
      ...params,
    ) as IterableIterator<Row>;
  }

  /** About how many rows `candidates` would return (keys per term, counted up to `cap`). */
  estimate(coll: string, cond: Condition, cap: number): number {
    let n = 0;
    for (const term of [...cond.terms, { t: T.ANY }]) {
      const [where, params] = termSql(term);
      const st = this.cached(
        `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ix WHERE coll = ? AND field = ? AND ${where} LIMIT ?)`,
      );
      n += (st.get(coll, cond.field, ...params, cap - n) as { n: number }).n;
      if (n >= cap) break;
    }
    return n;
  }

  /** True when every document's value of `field` is a scalar the index orders exactly as mingo sorts. */
  orderable(coll: string, field: string): boolean {
    const st = this.cached('SELECT 1 FROM ix WHERE coll = ? AND field = ? AND t IN (?, ?) LIMIT 1');
    return st.get(coll, field, T.ARRAY, T.ANY) === undefined;
  }

  /** Rows in the order of their `field` keys (optionally only those of one term), read lazily. */
  ordered(coll: string, field: string, descending: boolean, term?: Term): IterableIterator<KeyedRow> {
    return this.inKeyOrder('ix x', 'x.coll = ? AND x.field = ?', [coll, field], descending, term);
  }

  /** Rows of the key table `x` selected by `where`, in key order, joined to their documents and read lazily. */
  private inKeyOrder(
    table: string,
    where: string,
    params: unknown[],
    descending: boolean,
    term?: Term,
  ): IterableIterator<KeyedRow> {
    const [termWhere, termParams] = term ? termSql(term) : ['1', []];
    const dir = descending ? 'DESC' : 'ASC';
    return this.cached(
      `SELECT d.seq, d.id, d.version, d.body, x.t, x.k FROM ${table} JOIN docs d ON d.seq = x.seq ` +
        `WHERE ${where} AND ${termWhere} ORDER BY x.t ${dir}, x.k ${dir}, x.seq ${dir}`,
    ).iterate(...params, ...termParams) as IterableIterator<KeyedRow>;
  }

  /** The rows of a condition's candidates in the order of their `field` keys, each read when reached. */
  *orderedWithin(
    coll: string,
    field: string,
    descending: boolean,
    cond: Condition,
    term?: Term,
  ): IterableIterator<KeyedRow> {
    const [sql, params] = selectSeqs(coll, cond);
    const [where, termParams] = term ? termSql(term) : ['1', []];
    const dir = descending ? 'DESC' : 'ASC';
    const keys = this.cached(
      `SELECT x.seq, x.t, x.k FROM (${sql}) c CROSS JOIN ix x ON x.seq = c.seq ` +
        `WHERE x.coll = ? AND x.field = ? AND ${where} ORDER BY x.t ${dir}, x.k ${dir}, x.seq ${dir}`,
    ).all(...params, coll, field, ...termParams) as { seq: number; t: number; k: KeyValue }[];
    const read = this.cached('SELECT seq, id, version, body FROM docs WHERE seq = ?');
    for (const key of keys) {
      const row = read.get(key.seq) as Row | undefined;
      if (row) yield { ...row, t: key.t, k: key.k };
    }
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared statements by SQL text; `$in` lists of many lengths make many texts, so the cache is bounded. */
  private cached(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      if (this.statements.size >= 500) this.statements.delete(this.statements.keys().next().value as string);
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  /** Brings `ix` in line with the declared indexes: builds the keys of new fields, drops those of removed ones. */
  private reindex(): void {
    for (const old of this.db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND (name LIKE 'jx\\_%' ESCAPE '\\' OR name LIKE 'jt\\_%' ESCAPE '\\')`,
      )
      .all() as { name: string }[]) {
      this.db.exec(`DROP INDEX "${old.name}"`);
    }
    const built = this.db.prepare('SELECT coll, field FROM ix_fields').all() as { coll: string; field: string }[];
    const names = this.collectionNames();
    for (const { coll, field } of built) {
      if (names.includes(coll) && this.keyed(coll).includes(field)) continue;
      this.db.prepare('DELETE FROM ix WHERE coll = ? AND field = ?').run(coll, field);
      this.db.prepare('DELETE FROM cx WHERE coll = ? AND idx = ?').run(coll, field);
      this.db.prepare('DELETE FROM ix_fields WHERE coll = ? AND field = ?').run(coll, field);
    }
    const has = new Set(built.map((b) => `${b.coll}\u0000${b.field}`));
    for (const coll of names) {
      const missing = this.keyed(coll).filter((f) => !has.has(`${coll}\u0000${f}`));
      if (missing.length === 0) continue;
      for (const row of this.scan(coll)) this.writeKeys(coll, row.seq, this.parse(row), missing);
      for (const field of missing)
        this.db.prepare('INSERT INTO ix_fields (coll, field) VALUES (?, ?)').run(coll, field);
    }
  }

  private writeKeys(coll: string, seq: number, doc: Doc, ids: readonly string[] = this.keyed(coll)): void {
    const put = this.cached('INSERT OR IGNORE INTO ix (coll, field, t, k, seq) VALUES (?, ?, ?, ?, ?)');
    const putCompound = this.cached('INSERT OR IGNORE INTO cx (coll, idx, p, t, k, seq) VALUES (?, ?, ?, ?, ?, ?)');
    for (const id of ids) {
      const compound = id.startsWith('@') ? this.compounds(coll).find((c) => c.id === id) : undefined;
      if (!compound) {
        for (const key of keysOf(doc, id)) put.run(coll, id, key.t, key.k, seq);
        continue;
      }
      const p = prefixKey(doc, compound.prefix);
      for (const key of keysOf(doc, compound.last)) putCompound.run(coll, id, p, key.t, key.k, seq);
    }
  }

  private unwriteKeys(seq: number): void {
    this.cached('DELETE FROM ix WHERE seq = ?').run(seq);
    this.cached('DELETE FROM cx WHERE seq = ?').run(seq);
  }

  get(coll: string, id: string): Row | undefined {
    return this.cached('SELECT seq, id, version, body FROM docs WHERE coll = ? AND id = ?').get(coll, id) as
      Row | undefined;
  }

  count(coll: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM docs WHERE coll = ?').get(coll) as { n: number }).n;
  }

  /** Inserts a document (the caller has checked the _id is free); `seq` keeps an original position if given. */
  insert(coll: string, id: string, doc: Doc, seq?: number): Row {
    const version = ++this.clock;
    const body = storeText(doc);
    this.writeUniqueKeys(coll, id, doc);
    const info =
      seq === undefined
        ? this.db.prepare('INSERT INTO docs (coll, id, version, body) VALUES (?, ?, ?, ?)').run(coll, id, version, body)
        : this.db
            .prepare('INSERT INTO docs (seq, coll, id, version, body) VALUES (?, ?, ?, ?, ?)')
            .run(seq, coll, id, version, body);
    this.writeKeys(coll, Number(info.lastInsertRowid), doc);
    return { seq: Number(info.lastInsertRowid), id, version, body };
  }

  replace(coll: string, id: string, doc: Doc): number {
    const version = ++this.clock;
    this.cached('DELETE FROM ukeys WHERE coll = ? AND id = ?').run(coll, id);
    this.writeUniqueKeys(coll, id, doc);
    const row = this.cached('UPDATE docs SET body = ?, version = ? WHERE coll = ? AND id = ? RETURNING seq').get(
      storeText(doc),
      version,
      coll,
      id,
    ) as { seq: number } | undefined;
    if (row) {
      this.unwriteKeys(row.seq);
      this.writeKeys(coll, row.seq, doc);
    }
    return version;
  }

  remove(coll: string, id: string): number {
    const version = ++this.clock;
    this.cached('DELETE FROM ukeys WHERE coll = ? AND id = ?').run(coll, id);
    const row = this.cached('DELETE FROM docs WHERE coll = ? AND id = ? RETURNING seq').get(coll, id) as
      { seq: number } | undefined;
    if (row) this.unwriteKeys(row.seq);
    return version;
  }

  parse(row: Row): Doc {
    return loadText(row.body);
  }

  private writeUniqueKeys(coll: string, id: string, doc: Doc): void {
    const spec = this.specs.get(coll);
    if (!spec) return;
    const insertKey = this.cached('INSERT INTO ukeys (coll, idx, key, id) VALUES (?, ?, ?, ?)');
    for (const index of spec.indexes) {
      if (!index.unique) continue;
      for (const key of uniqueKeys(index, doc)) {
        try {
          insertKey.run(coll, index.name, key, id);
        } catch (err) {
          if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
            throw duplicateKeyError(coll, index.name, key);
          }
          throw err;
        }
      }
    }
  }
}

const SCAN = 'SELECT seq, id, version, body FROM docs WHERE coll = ? ORDER BY seq';

/** SQL selecting the seqs of a condition's terms plus the keys the index cannot order (ANY), and its parameters. */
function selectSeqs(coll: string, cond: Condition): [string, unknown[]] {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const term of [...cond.terms, { t: T.ANY }]) {
    const [where, p] = termSql(term);
    parts.push(`SELECT seq FROM ix WHERE coll = ? AND field = ? AND ${where}`);
    params.push(coll, cond.field, ...p);
  }
  return [parts.join(' UNION '), params];
}

function termSql(term: Term): [string, unknown[]] {
  const where = ['t = ?'];
  const params: unknown[] = [term.t];
  if (term.eq) {
    where.push(`k IN (${term.eq.map(() => '?').join(', ')})`);
    params.push(...term.eq);
  }
  if (term.lo !== undefined) {
    where.push(term.loInc ? 'k >= ?' : 'k > ?');
    params.push(term.lo);
  }
  if (term.hi !== undefined) {
    where.push(term.hiInc ? 'k <= ?' : 'k < ?');
    params.push(term.hi);
  }
  return [where.join(' AND '), params];
}

/** MongoDB unique index keys of a document: a missing field counts as null; array values index each element. */
export function uniqueKeys(index: IndexSpec, doc: Doc): string[] {
  let combos: unknown[][] = [[]];
  for (const field of Object.keys(index.keys)) {
    const v = resolvePath(doc, field);
    const values = Array.isArray(v) ? (v.length ? v : [undefined]) : [v];
    combos = combos.flatMap((c) => values.map((x) => [...c, x]));
  }
  const fields = Object.keys(index.keys);
  return [
    ...new Set(
      combos.map(
        (c) => '{ ' + c.map((x, i) => `${fields[i]}: ${JSON.stringify(normalise(x) ?? null)}`).join(', ') + ' }',
      ),
    ),
  ];
}

function normalise(v: unknown): unknown {
  if (v instanceof Date) return { $date: v.getTime() };
  if (v instanceof ObjectId) return { $oid: v.toHexString() };
  if (Array.isArray(v)) return v.map(normalise);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x)]));
  return v;
}
