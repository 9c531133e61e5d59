/**
 * fileIDs in the cloud's form, `cloud://<envId>.<bucket>/<path>`, with a bucket shaped like the cloud's
 * (`<hex>-<envId>-<appid number>`; inferred from public examples), and the signatures of temporary URLs and
 * upload authorizations (HMAC-SHA256 with a key derived from the local secret, so URLs survive a restart).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function bucketOf(envId: string): string {
  return `${Buffer.from(envId.slice(0, 2)).toString('hex')}-${envId}-1300000000`;
}

export function fileIdOf(envId: string, path: string): string {
  return `cloud://${envId}.${bucketOf(envId)}/${path}`;
}

/** The cloud path of a fileID of this environment, or undefined for any other string. */
export function pathOfFileId(envId: string, fileId: unknown): string | undefined {
  const prefix = `cloud://${envId}.${bucketOf(envId)}/`;
  return typeof fileId === 'string' && fileId.startsWith(prefix) ? fileId.slice(prefix.length) : undefined;
}

export class Signer {
  private readonly key: Buffer;

  constructor(secretKey: string) {
    this.key = createHmac('sha256', secretKey).update('local-cloud storage').digest();
  }

  sign(...parts: string[]): string {
    return createHmac('sha256', this.key).update(parts.join('\n')).digest('hex');
  }

  verify(signature: string, ...parts: string[]): boolean {
    const expected = Buffer.from(this.sign(...parts));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
