/**
 * The two protobuf messages of wx-server-sdk's open-API wire (src/protobuf/openapi.js in the SDK bundle):
 *   CommApiData { apiType=1 int32, openapiData=2 OpenApiData, appid=6 string }
 *   OpenApiData { pairs=1 repeated KeyValuePair }
 *   KeyValuePair { key=1 string, value=2 bytes, contenttype=3 string, filename=4 string }
 *   CommOpenApiResp { respData=1 bytes, contentType=2 string, errorCode=3 int32, httpCode=4 uint32 }
 * A tiny hand-written codec: the messages are small and fixed, so no protobuf library is needed.
 */

export interface KeyValuePair {
  key: string;
  value: Buffer;
  contenttype?: string;
  filename?: string;
}

export interface CommApiData {
  apiType: number;
  pairs: KeyValuePair[];
  appid?: string;
}

export interface CommOpenApiResp {
  respData: Buffer;
  contentType: string;
  errorCode?: number;
  httpCode?: number;
}

interface Field {
  no: number;
  wire: number;
  varint?: bigint;
  bytes?: Buffer;
}

function readVarint(buf: Buffer, pos: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    if (pos >= buf.length) throw new Error('protobuf: truncated varint');
    const b = buf[pos++];
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [result, pos];
    shift += 7n;
  }
}

function readFields(buf: Buffer): Field[] {
  const fields: Field[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [tag, p1] = readVarint(buf, pos);
    pos = p1;
    const no = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (wire === 0) {
      const [v, p2] = readVarint(buf, pos);
      fields.push({ no, wire, varint: v });
      pos = p2;
    } else if (wire === 2) {
      const [len, p2] = readVarint(buf, pos);
      const end = p2 + Number(len);
      if (end > buf.length) throw new Error('protobuf: truncated bytes');
      fields.push({ no, wire, bytes: buf.subarray(p2, end) });
      pos = end;
    } else if (wire === 1) {
      pos += 8;
    } else if (wire === 5) {
      pos += 4;
    } else {
      throw new Error(`protobuf: unsupported wire type ${wire}`);
    }
  }
  return fields;
}

function decodePair(buf: Buffer): KeyValuePair {
  const pair: KeyValuePair = { key: '', value: Buffer.alloc(0) };
  for (const f of readFields(buf)) {
    if (!f.bytes) continue;
    if (f.no === 1) pair.key = f.bytes.toString('utf8');
    else if (f.no === 2) pair.value = Buffer.from(f.bytes);
    else if (f.no === 3) pair.contenttype = f.bytes.toString('utf8');
    else if (f.no === 4) pair.filename = f.bytes.toString('utf8');
  }
  return pair;
}

export function decodeCommApiData(buf: Buffer): CommApiData {
  const out: CommApiData = { apiType: 0, pairs: [] };
  for (const f of readFields(buf)) {
    if (f.no === 1 && f.varint !== undefined) out.apiType = Number(BigInt.asIntN(32, f.varint));
    else if (f.no === 2 && f.bytes) {
      for (const g of readFields(f.bytes)) if (g.no === 1 && g.bytes) out.pairs.push(decodePair(g.bytes));
    } else if (f.no === 6 && f.bytes) out.appid = f.bytes.toString('utf8');
  }
  return out;
}

function varint(value: bigint): Buffer {
  const bytes: number[] = [];
  let v = BigInt.asUintN(64, value);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    bytes.push(b);
  } while (v > 0n);
  return Buffer.from(bytes);
}

function lengthDelimited(no: number, data: Buffer): Buffer {
  return Buffer.concat([varint(BigInt((no << 3) | 2)), varint(BigInt(data.length)), data]);
}

function varintField(no: number, value: number): Buffer {
  return Buffer.concat([varint(BigInt(no << 3)), varint(BigInt(value))]);
}

export function encodeCommOpenApiResp(msg: CommOpenApiResp): Buffer {
  const parts = [lengthDelimited(1, msg.respData), lengthDelimited(2, Buffer.from(msg.contentType, 'utf8'))];
  if (msg.errorCode) parts.push(varintField(3, msg.errorCode));
  if (msg.httpCode) parts.push(varintField(4, msg.httpCode));
  return Buffer.concat(parts);
}
