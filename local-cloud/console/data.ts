/**
 * The console's database operations, on the engine's own wire actions (no invocation is charged): a page of a
 * collection under a filter in the SDK's query syntax, replace and delete one document, export and import all.
 * Documents travel as relaxed EJSON (`{"$date": "…"}` for dates, plain numbers).
 */
import { EJSON } from 'bson';
import type { DatabaseEngine } from '../database-port';
import { HttpError } from '../http/body';

type Doc = Record<string, unknown>;

/** A canonical EJSON reply document as relaxed EJSON data (what the browser shows and edits). */
function relaxed(text: unknown): Doc {
  const value = typeof text === 'string' ? EJSON.parse(text, { relaxed: false }) : text;
  return EJSON.serialize(value as Doc, { relaxed: true }) as Doc;
}

function run(db: DatabaseEngine, action: string, params: Record<string, unknown>): unknown {
  try {
    return db.handle(action, params);
  } catch (err) {
    const e = err as { code?: unknown; message?: string };
    throw new HttpError(400, typeof e.code === 'string' ? e.code : 'DATABASE_REQUEST_FAILED', e.message ?? String(err));
  }
}

export function requireCollection(db: DatabaseEngine, name: string): string {
  if (!db.collectionNames().includes(name)) throw new HttpError(404, 'COLLECTION_NOT_FOUND', `集合 ${name} 不存在`);
  return name;
}

/** The filter text as the wire's query (EJSON text); an empty filter is every document. */
function queryText(filter: string | undefined): string {
  const text = (filter ?? '').trim() || '{}';
  let value: unknown;
  try {
    value = EJSON.parse(text, { relaxed: true });
  } catch (err) {
    throw new HttpError(400, 'INVALID_FILTER', `筛选条件不是有效的 JSON：${(err as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'INVALID_FILTER', '筛选条件必须是 JSON 对象，例如 {"status":"confirmed"}');
  }
  return text;
}

export function countOf(db: DatabaseEngine, collection: string, filter?: string): number {
  const reply = run(db, 'database.calculateDocument', { collectionName: collection, query: queryText(filter) });
  return (reply as { total: number }).total;
}

export interface DocPage {
  total: number;
  offset: number;
  limit: number;
  list: Doc[];
}

export function pageOf(db: DatabaseEngine, collection: string, filter: string, offset: number, limit: number): DocPage {
  const query = queryText(filter);
  const total = (run(db, 'database.calculateDocument', { collectionName: collection, query }) as { total: number })
    .total;
  const reply = run(db, 'database.getDocument', { collectionName: collection, query, offset, limit }) as {
    list: string[];
  };
  return { total, offset, limit, list: reply.list.map(relaxed) };
}

const byId = (id: string): string => JSON.stringify({ _id: id });

/** Replaces the document `id` with `doc` (its `_id` stays); false when there is no such document. */
export function replaceDoc(db: DatabaseEngine, collection: string, id: string, doc: unknown): boolean {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new HttpError(400, 'INVALID_DOCUMENT', '文档必须是 JSON 对象');
  }
  const { _id: _ignored, ...rest } = doc as Doc;
  if (countOf(db, collection, byId(id)) === 0) return false;
  run(db, 'database.modifyDocument', {
    collectionName: collection,
    query: byId(id),
    data: JSON.stringify(rest),
    merge: false,
  });
  return true;
}

export function removeDoc(db: DatabaseEngine, collection: string, id: string): boolean {
  const reply = run(db, 'database.removeDocument', { collectionName: collection, query: byId(id) });
  return (reply as { deleted: number }).deleted > 0;
}

export interface DatabaseExport {
  format: 'boai-local-cloud-export';
  exportedAt: string;
  collections: Record<string, Doc[]>;
}

const PAGE = 1000;

export function exportAll(db: DatabaseEngine, now: number): DatabaseExport {
  const collections: Record<string, Doc[]> = {};
  for (const name of db.collectionNames()) {
    const docs: Doc[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const reply = run(db, 'database.getDocument', { collectionName: name, query: '{}', offset, limit: PAGE }) as {
        list: string[];
      };
      docs.push(...reply.list.map(relaxed));
      if (reply.list.length < PAGE) break;
    }
    collections[name] = docs;
  }
  return { format: 'boai-local-cloud-export', exportedAt: new Date(now).toISOString(), collections };
}

/** Replaces every collection's documents with the export's (collections it does not name are emptied). */
export function importAll(db: DatabaseEngine, body: unknown): Record<string, number> {
  const given = (body as { collections?: unknown } | null)?.collections;
  if (!given || typeof given !== 'object' || Array.isArray(given)) {
    throw new HttpError(400, 'INVALID_IMPORT', '导入文件应为导出的 JSON：{ "collections": { 集合名: [文档…] } }');
  }
  const sets = given as Record<string, unknown>;
  for (const [name, docs] of Object.entries(sets)) {
    if (!Array.isArray(docs) || docs.some((d) => !d || typeof d !== 'object' || Array.isArray(d))) {
      throw new HttpError(400, 'INVALID_IMPORT', `集合 ${name} 应为文档数组`);
    }
  }
  const names = new Set([...db.collectionNames(), ...Object.keys(sets)]);
  const counts: Record<string, number> = {};
  for (const name of names) {
    if (!db.collectionNames().includes(name)) run(db, 'database.addCollection', { collectionName: name });
    run(db, 'database.removeDocument', { collectionName: name, query: '{}', multi: true });
    const docs = (sets[name] ?? []) as Doc[];
    for (let i = 0; i < docs.length; i += PAGE) {
      const data = docs.slice(i, i + PAGE).map((d) => JSON.stringify(d));
      run(db, 'database.insertDocument', { collectionName: name, data });
    }
    counts[name] = docs.length;
  }
  return counts;
}
