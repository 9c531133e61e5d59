/**
 * Where the local cloud keeps uploaded files: the bytes under `<dataDir>/storage/objects/<path>` and a JSON sidecar
 * (size, sniffed content type, uploader, time) under `<dataDir>/storage/meta/<path>.json`, both owner-only; or in
 * memory when there is no data folder. Paths are checked by `cloudPathProblem` before they get here.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface StoredMeta {
  path: string;
  size: number;
  contentType: string;
  /** The openid of the uploader (a mini program user), absent for a function's own upload. */
  openid?: string;
  uploadedAt: number;
}

export interface StoredFile {
  meta: StoredMeta;
  bytes: Buffer;
}

const SIGNATURES: [number[], string][] = [
  [[0xff, 0xd8, 0xff], 'image/jpeg'],
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
  [[0x47, 0x49, 0x46, 0x38], 'image/gif'],
  [[0x25, 0x50, 0x44, 0x46], 'application/pdf'],
];

/** The content type from the first bytes (COS keeps what the uploader said; the local cloud looks instead). */
export function sniffContentType(bytes: Buffer): string {
  for (const [magic, type] of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return type;
  }
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'image/webp';
  }
  return 'application/octet-stream';
}

/** Why a cloud path cannot be stored (empty, absolute, `.`/`..` segments, control characters), or undefined. */
export function cloudPathProblem(p: unknown): string | undefined {
  if (typeof p !== 'string' || !p) return 'the cloud path is empty';
  if (p.length > 850) return 'the cloud path is longer than 850 characters';
  if (p.startsWith('/') || p.endsWith('/')) return 'the cloud path must not start or end with "/"';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\%?#]/.test(p)) return 'the cloud path has a control character, "\\", "%", "?" or "#"';
  if (p.split('/').some((s) => s === '' || s === '.' || s === '..'))
    return 'the cloud path has an empty, "." or ".." part';
  return undefined;
}

export class FileStore {
  private readonly memory = new Map<string, StoredFile>();
  private readonly root?: string;

  constructor(dataDir?: string) {
    if (dataDir) {
      this.root = path.join(dataDir, 'storage');
      fs.mkdirSync(this.root, { recursive: true, mode: 0o700 });
    }
  }

  private fileOf(kind: 'objects' | 'meta', p: string): string {
    return path.join(this.root as string, kind, kind === 'meta' ? `${p}.json` : p);
  }

  put(p: string, bytes: Buffer, openid: string | undefined, now: number): StoredMeta {
    const meta: StoredMeta = {
      path: p,
      size: bytes.length,
      contentType: sniffContentType(bytes),
      ...(openid ? { openid } : {}),
      uploadedAt: now,
    };
    if (!this.root) {
      this.memory.set(p, { meta, bytes: Buffer.from(bytes) });
      return meta;
    }
    for (const [kind, data] of [
      ['objects', bytes],
      ['meta', Buffer.from(JSON.stringify(meta))],
    ] as const) {
      const file = this.fileOf(kind, p);
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      fs.writeFileSync(file, data, { mode: 0o600 });
    }
    return meta;
  }

  meta(p: string): StoredMeta | undefined {
    if (!this.root) return this.memory.get(p)?.meta;
    const file = this.fileOf('meta', p);
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as StoredMeta) : undefined;
  }

  get(p: string): StoredFile | undefined {
    if (!this.root) return this.memory.get(p);
    const meta = this.meta(p);
    const file = this.fileOf('objects', p);
    return meta && fs.existsSync(file) ? { meta, bytes: fs.readFileSync(file) } : undefined;
  }

  /** Every stored file's metadata (the console's storage panel). */
  list(): StoredMeta[] {
    if (!this.root) return [...this.memory.values()].map((f) => f.meta);
    const metaRoot = path.join(this.root, 'meta');
    if (!fs.existsSync(metaRoot)) return [];
    const out: StoredMeta[] = [];
    for (const entry of fs.readdirSync(metaRoot, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
      out.push(JSON.parse(fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8')) as StoredMeta);
    }
    return out;
  }

  /** Removes the file; false when there was none. */
  remove(p: string): boolean {
    if (!this.root) return this.memory.delete(p);
    const meta = this.fileOf('meta', p);
    if (!fs.existsSync(meta)) return false;
    fs.rmSync(this.fileOf('objects', p), { force: true });
    fs.rmSync(meta, { force: true });
    return true;
  }
}
