/**
 * The local secret that `/admin` checks the SDK's signature against, as the cloud checks its API keys:
 * `LOCAL_CLOUD_SECRET` (`id:key`) when given, else generated once into the data folder (file `local-secret`,
 * 0600), or for this run only when there is no data folder. The function host hands it to the functions as
 * TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface LocalSecret {
  id: string;
  key: string;
  /** Where the key is kept, safe to print. */
  origin: string;
}

function parse(text: string, from: string): { id: string; key: string } {
  const at = text.indexOf(':');
  const id = text.slice(0, at).trim();
  const key = text.slice(at + 1).trim();
  if (at <= 0 || !id || !key || /\s/.test(id)) {
    throw new Error(`${from} must be "id:key" (an id without spaces, a colon, then the key)`);
  }
  return { id, key };
}

function generate(): string {
  return `local-${randomBytes(6).toString('hex')}:${randomBytes(32).toString('hex')}`;
}

/**
 * @param given LOCAL_CLOUD_SECRET, if set.
 * @param dataDir the data folder, or undefined for an in-memory cloud.
 */
export function resolveSecret(given: string | undefined, dataDir: string | undefined): LocalSecret {
  if (given) return { ...parse(given, 'LOCAL_CLOUD_SECRET'), origin: 'LOCAL_CLOUD_SECRET from the environment' };
  if (!dataDir) return { ...parse(generate(), 'generated'), origin: 'generated for this run (no data folder)' };
  const file = path.join(dataDir, 'local-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, `${generate()}\n`, { mode: 0o600, flag: 'wx' });
  fs.chmodSync(file, 0o600);
  return { ...parse(fs.readFileSync(file, 'utf8'), file), origin: `key in ${file}` };
}
