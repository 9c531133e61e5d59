/**
 * What one `database.*` write on the admin wire did, for the request log: the collection, the operation and the
 * documents' ids when the request names them (an insert's new ids, an update or remove by `_id`, an upsert's id).
 */
import { EJSON, ObjectId } from 'bson';
import type { WriteRecord } from './request-log';

const OPS: Record<string, WriteRecord['op']> = {
  'database.insertDocument': 'insert',
  'database.modifyDocument': 'update',
  'database.modifyAndReturnDoc': 'update',
  'database.removeDocument': 'remove',
};

function parse(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return EJSON.parse(value, { relaxed: true });
  } catch {
    return undefined;
  }
}

function idText(id: unknown): string | undefined {
  if (typeof id === 'string') return id;
  if (typeof id === 'number') return String(id);
  if (id instanceof ObjectId) return id.toHexString();
  return undefined;
}

/** The ids a query names: `{ _id: x }`, `{ _id: { $eq: x } }` or `{ _id: { $in: [...] } }`. */
function idsOfQuery(query: unknown): string[] {
  if (!query || typeof query !== 'object') return [];
  const id = (query as { _id?: unknown })._id;
  const exact = idText(id);
  if (exact !== undefined) return [exact];
  if (id && typeof id === 'object') {
    const ops = id as { $eq?: unknown; $in?: unknown };
    const eq = idText(ops.$eq);
    if (eq !== undefined) return [eq];
    if (Array.isArray(ops.$in)) return ops.$in.map(idText).filter((x): x is string => x !== undefined);
  }
  return [];
}

function cut(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The write record of a successful request, or undefined for an action that writes nothing. */
export function writeRecordOf(
  action: string,
  params: Record<string, unknown>,
  reply: unknown,
  count: number,
): WriteRecord | undefined {
  const op = OPS[action];
  if (!op) return undefined;
  const collection = String(params.collectionName ?? '');
  const data = (reply ?? {}) as { insertedIds?: unknown[]; upsert_id?: unknown; doc?: unknown };
  let ids: string[];
  if (op === 'insert') ids = (data.insertedIds ?? []).map(idText).filter((x): x is string => x !== undefined);
  else {
    ids = idsOfQuery(parse(params.query));
    const upserted = idText(data.upsert_id);
    if (upserted) ids = [upserted];
    const returned = parse(data.doc) as { _id?: unknown } | undefined;
    if (ids.length === 0 && returned && idText(returned._id)) ids = [idText(returned._id) as string];
  }
  const record: WriteRecord = { collection, op, ids, count };
  if (ids.length === 0) {
    const q = params.query;
    record.query = cut(typeof q === 'string' ? q : (JSON.stringify(q) ?? ''));
  }
  if (params.transactionId) record.inTransaction = true;
  return record;
}
