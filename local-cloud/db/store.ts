/**
 * Durable storage on SQLite (better-sqlite3, WAL): one `docs` table for every collection, holding each document
 * as canonical EJSON with its insertion order (`seq`) and version; unique index keys in `ukeys`.
 * Everything here is synchronous, so each call of the engine is atomic with respect to every other caller.
 */
import Database from 'better-sqlite3';
import type { CollectionSpec, IndexSpec } from '../../database/collections';
import { ObjectId, isPlainObject, loadText, storeText, type Doc } from './codec';
import { DbError, duplicateKeyError } from './errors';
import { resolvePath } from './geo';

export interface Row {
  seq: number;
  id: string;
  version: number;
  body: string;
}

/** A string equality on a top-level field, used to narrow the scan with SQLite before the exact match. */
export interface Prefilter {
  field: string;
  value: string;
}

const SAFE_FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class Store {
  readonly db: Database.Database;
  private readonly specs = new Map<string, CollectionSpec>();
  private readonly indexedFields = new Set<string>();
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
    `);
    for (const spec of collections) {
      this.specs.set(spec.name, spec);
      this.db.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)').run(spec.name);
      for (const index of spec.indexes) {
        for (const [field, kind] of Object.entries(index.keys)) {
          if (kind !== '2dsphere' && SAFE_FIELD.test(field)) this.indexedFields.add(field);
        }
      }
    }
    for (const field of this.indexedFields) {
      this.db.exec(
        `CREATE INDEX IF NOT EXISTS "jx_${field}" ON docs (coll, json_extract(body, '$.${field}'));` +
          `CREATE INDEX IF NOT EXISTS "jt_${field}" ON docs (coll, json_type(body, '$.${field}'));`,
      );
    }
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
  }

  /** Rows of a collection in insertion order, optionally narrowed by string equalities on top-level fields. */
  scan(coll: string, prefilters: Prefilter[] = []): Row[] {
    const byId = prefilters.find((p) => p.field === '_id');
    if (byId) {
      const row = this.get(coll, byId.value);
      return row ? [row] : [];
    }
    const p = prefilters.find((x) => SAFE_FIELD.test(x.field));
    if (!p)
      return this.cached('SELECT seq, id, version, body FROM docs WHERE coll = ? ORDER BY seq').all(coll) as Row[];
    // A UNION lets SQLite use both expression indexes (equal value, or an array that may contain it).
    const sql =
      `SELECT seq, id, version, body FROM docs WHERE seq IN (` +
      `SELECT seq FROM docs WHERE coll = ? AND json_extract(body, '$.${p.field}') = ? UNION ` +
      `SELECT seq FROM docs WHERE coll = ? AND json_type(body, '$.${p.field}') = 'array') ORDER BY seq`;
    return this.cached(sql).all(coll, p.value, coll) as Row[];
  }

  private readonly statements = new Map<string, Database.Statement>();

  private cached(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
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
    return { seq: Number(info.lastInsertRowid), id, version, body };
  }

  replace(coll: string, id: string, doc: Doc): number {
    const version = ++this.clock;
    this.cached('DELETE FROM ukeys WHERE coll = ? AND id = ?').run(coll, id);
    this.writeUniqueKeys(coll, id, doc);
    this.db
      .prepare('UPDATE docs SET body = ?, version = ? WHERE coll = ? AND id = ?')
      .run(storeText(doc), version, coll, id);
    return version;
  }

  remove(coll: string, id: string): number {
    const version = ++this.clock;
    this.cached('DELETE FROM ukeys WHERE coll = ? AND id = ?').run(coll, id);
    this.db.prepare('DELETE FROM docs WHERE coll = ? AND id = ?').run(coll, id);
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
