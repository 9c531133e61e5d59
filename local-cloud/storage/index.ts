/**
 * Cloud storage in the local cloud, on the wire wx-server-sdk speaks (see docs/local-cloud.md):
 *   /admin `storage.getUploadMetadata`   → a PUT URL and a one-time token + authorization (10 minutes)
 *   PUT  /cos/<bucket>/<path>             the SDK's second request: the raw bytes; empty body = success, else COS XML
 *   /admin `storage.batchGetDownloadUrl` → signed temporary URLs (`max_age` seconds, default and at most a day)
 *   GET  /cos/<bucket>/<path>?sign&t      the bytes; expired or forged → 403, deleted → 404
 *   /admin `storage.batchDeleteFile`
 *   POST /v1/storage/upload               the mini program's local mode (wx.uploadFile: `file` + formData `cloudPath`)
 * Times are the local clock's; a file is at most MAX_UPLOAD_BYTES.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock';
import { HttpError, readBody, sendBuffer, sendJson } from '../http/body';
import { boundaryOf, parseMultipart } from '../http/multipart';
import { cloudPathProblem, FileStore, type StoredMeta } from './files';
import { bucketOf, fileIdOf, pathOfFileId, Signer } from './ids';

/** The largest file the local cloud accepts (the functions' own limit for images is smaller). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** How long an upload authorization lasts, once. */
export const UPLOAD_TOKEN_MS = 10 * 60 * 1000;
/** A temporary URL's default and longest life, in seconds (the cloud's: one day). */
export const MAX_URL_AGE_SECONDS = 86400;
/** At most this many files per batch call, as in the cloud. */
export const MAX_BATCH = 50;

export type StorageReply = { data: unknown } | { code: string; message: string };

interface PendingUpload {
  path: string;
  cosFileId: string;
  openid?: string;
  expiresAt: number;
}

export interface StorageOptions {
  dataDir?: string;
  envId: string;
  secretKey: string;
  clock: Clock;
  /** The local cloud's URL (known once it listens). */
  baseUrl: () => string;
}

const xmlEscape = (s: string): string => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A COS-style XML error, which node-sdk reads as the upload's failure. */
function sendCosError(res: ServerResponse, status: number, code: string, message: string, resource: string): void {
  const id = randomUUID();
  const body =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message>` +
    `<Resource>${xmlEscape(resource)}</Resource><RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`;
  sendBuffer(res, status, Buffer.from(body), 'application/xml');
}

function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

export class LocalStorage {
  readonly bucket: string;
  readonly files: FileStore;
  private readonly signer: Signer;
  private readonly pending = new Map<string, PendingUpload>();

  constructor(private readonly o: StorageOptions) {
    this.bucket = bucketOf(o.envId);
    this.files = new FileStore(o.dataDir);
    this.signer = new Signer(o.secretKey);
  }

  fileId(path: string): string {
    return fileIdOf(this.o.envId, path);
  }

  /** The stored file behind a fileID of this environment. */
  metaOf(fileId: string): StoredMeta | undefined {
    const path = pathOfFileId(this.o.envId, fileId);
    return path === undefined ? undefined : this.files.meta(path);
  }

  /** A signed URL of the file, valid for `maxAge` seconds of the local clock. */
  temporaryUrl(path: string, maxAge: number): string {
    const t = Math.floor(this.o.clock.now() / 1000) + maxAge;
    return `${this.o.baseUrl()}/cos/${this.bucket}/${path}?sign=${this.signer.sign('get', path, String(t))}&t=${t}`;
  }

  /** The `/admin` storage actions; `openid` is the calling invocation's user. */
  handleAction(action: string, params: Record<string, unknown>, openid: string | undefined): StorageReply {
    if (action === 'storage.getUploadMetadata') return this.uploadMetadata(params.path, openid);
    if (action === 'storage.batchGetDownloadUrl') return this.downloadUrls(params.file_list);
    if (action === 'storage.batchDeleteFile') return this.deleteFiles(params.fileid_list);
    return { code: 'INVALID_ACTION', message: `local cloud does not support action ${action}` };
  }

  private uploadMetadata(path: unknown, openid: string | undefined): StorageReply {
    const problem = cloudPathProblem(path);
    if (problem) return { code: 'INVALID_PARAM', message: problem };
    const p = path as string;
    const now = this.o.clock.now();
    for (const [token, up] of this.pending) if (up.expiresAt <= now) this.pending.delete(token);
    const token = randomBytes(24).toString('hex');
    const cosFileId = randomBytes(16).toString('hex');
    this.pending.set(token, { path: p, cosFileId, openid, expiresAt: now + UPLOAD_TOKEN_MS });
    return {
      data: {
        url: `${this.o.baseUrl()}/cos/${this.bucket}/${encodeURI(p)}`,
        token,
        authorization: this.signer.sign('put', token, p),
        fileId: this.fileId(p),
        cosFileId,
      },
    };
  }

  private downloadUrls(list: unknown): StorageReply {
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_BATCH) {
      return { code: 'INVALID_PARAM', message: `file_list must hold 1 to ${MAX_BATCH} files` };
    }
    const items = list.map((item: { fileid?: unknown; max_age?: unknown }) => {
      const fileID = String(item?.fileid ?? '');
      const asked = Number(item?.max_age);
      const maxAge = Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_URL_AGE_SECONDS) : MAX_URL_AGE_SECONDS;
      const missing = this.missing(fileID);
      if (missing) return { fileID, tempFileURL: '', ...missing };
      return {
        fileID,
        tempFileURL: this.temporaryUrl(pathOfFileId(this.o.envId, fileID) as string, maxAge),
        code: 'SUCCESS',
        maxAge,
      };
    });
    return { data: { download_list: items } };
  }

  private deleteFiles(list: unknown): StorageReply {
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_BATCH) {
      return { code: 'INVALID_PARAM', message: `fileid_list must hold 1 to ${MAX_BATCH} files` };
    }
    const items = list.map((raw: unknown) => {
      const fileID = String(raw ?? '');
      const missing = this.missing(fileID);
      if (missing) return { fileID, ...missing };
      this.files.remove(pathOfFileId(this.o.envId, fileID) as string);
      return { fileID, code: 'SUCCESS' };
    });
    return { data: { delete_list: items } };
  }

  /** The per-file error for a fileID that is not this environment's or names no file. */
  private missing(fileID: string): { code: string; message: string } | undefined {
    const path = pathOfFileId(this.o.envId, fileID);
    if (path === undefined) return { code: 'STORAGE_EXCEED_AUTHORITY', message: 'not a file of this environment' };
    if (!this.files.meta(path)) return { code: 'STORAGE_FILE_NONEXIST', message: 'file does not exist' };
    return undefined;
  }

  /** `PUT|GET /cos/<bucket>/<path>`; `rawPath` is the request path after `/cos/`, still percent-encoded. */
  async handleObject(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    const slash = rawPath.indexOf('/');
    const path = decodeURIComponent(rawPath.slice(slash + 1));
    const resource = `/${path}`;
    if (slash < 0 || rawPath.slice(0, slash) !== this.bucket || cloudPathProblem(path)) {
      return sendCosError(res, 404, 'NoSuchKey', 'The specified key does not exist.', resource);
    }
    if (req.method === 'PUT') return this.put(req, res, path);
    const url = new URL(req.url ?? '/', 'http://local');
    const sign = url.searchParams.get('sign') ?? '';
    const t = url.searchParams.get('t') ?? '';
    if (!/^\d+$/.test(t) || !this.signer.verify(sign, 'get', path, t)) {
      return sendCosError(res, 403, 'AccessDenied', 'Access Denied.', resource);
    }
    if (Number(t) * 1000 <= this.o.clock.now()) {
      return sendCosError(res, 403, 'AccessDenied', 'Request has expired', resource);
    }
    const file = this.files.get(path);
    if (!file) return sendCosError(res, 404, 'NoSuchKey', 'The specified key does not exist.', resource);
    sendBuffer(res, 200, file.bytes, file.meta.contentType);
  }

  private async put(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const token = header(req, 'x-cos-security-token');
    const up = this.pending.get(token);
    // One attempt per token, whatever its outcome.
    this.pending.delete(token);
    const authorized =
      up !== undefined &&
      up.path === path &&
      up.expiresAt > this.o.clock.now() &&
      header(req, 'x-cos-meta-fileid') === up.cosFileId &&
      this.signer.verify(header(req, 'authorization'), 'put', token, path);
    let body: Buffer;
    try {
      body = await readBody(req, MAX_UPLOAD_BYTES);
    } catch (err) {
      if (err instanceof HttpError && err.status === 413) {
        return sendCosError(
          res,
          413,
          'EntityTooLarge',
          `files over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB are refused`,
          `/${path}`,
        );
      }
      throw err;
    }
    if (!authorized)
      return sendCosError(
        res,
        403,
        'AccessDenied',
        'the upload token is missing, used, expired or does not match',
        `/${path}`,
      );
    this.files.put(path, body, up.openid, this.o.clock.now());
    res.writeHead(200, { 'content-length': 0 });
    res.end();
  }

  /** `POST /v1/storage/upload`: what `wx.uploadFile` sends in the mini program's local mode. */
  async handleMiniProgramUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const openid = header(req, 'x-wx-openid');
    if (!openid) throw new HttpError(401, 'UNAUTHENTICATED', 'x-wx-openid is required');
    const boundary = boundaryOf(req.headers['content-type']);
    if (!boundary) throw new HttpError(400, 'INVALID_PARAM', 'expected multipart/form-data with a boundary');
    let body: Buffer;
    try {
      body = await readBody(req, MAX_UPLOAD_BYTES + 64 * 1024);
    } catch (err) {
      if (err instanceof HttpError && err.status === 413) {
        throw new HttpError(
          413,
          'EXCEED_MAX_PAYLOAD_SIZE',
          `files over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB are refused`,
        );
      }
      throw err;
    }
    const parts = parseMultipart(body, boundary);
    const file = parts.find((p) => p.name === 'file');
    const cloudPath = parts.find((p) => p.name === 'cloudPath')?.data.toString('utf8');
    if (!file) throw new HttpError(400, 'INVALID_PARAM', 'the form has no part named "file"');
    if (file.data.length > MAX_UPLOAD_BYTES) {
      throw new HttpError(
        413,
        'EXCEED_MAX_PAYLOAD_SIZE',
        `files over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB are refused`,
      );
    }
    const problem = cloudPathProblem(cloudPath);
    if (problem) throw new HttpError(400, 'INVALID_PARAM', problem);
    this.files.put(cloudPath as string, file.data, openid, this.o.clock.now());
    sendJson(res, 200, { fileID: this.fileId(cloudPath as string) });
  }
}
