/**
 * What the console offers to call: each built function with its actions (read from the call contract,
 * typings/api/<function>.ts, `export interface …Api { action: { req; res } }`), and the demo identities that
 * `npm start` seeded (`<dataDir>/seeded`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../paths';

export function actionsOf(fn: string, root = repoRoot()): string[] {
  const file = path.join(root, 'typings', 'api', `${fn}.ts`);
  if (!/^[A-Za-z0-9_-]+$/.test(fn) || !fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  const start = text.search(/export interface \w+Api \{/);
  if (start < 0) return [];
  const body = text.slice(text.indexOf('{', start) + 1);
  const actions: string[] = [];
  for (const line of body.split('\n')) {
    if (/^\}/.test(line)) break;
    const m = /^ {2}(\w+)\??: \{/.exec(line);
    if (m) actions.push(m[1]);
  }
  return actions;
}

export interface Identity {
  openid: string;
  role?: string;
  label?: string;
}

export function seededIdentities(dataDir: string | undefined): Identity[] {
  if (!dataDir) return [];
  const file = path.join(dataDir, 'seeded');
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { identities?: Identity[] };
    return (parsed.identities ?? []).filter((i) => typeof i?.openid === 'string');
  } catch {
    return [];
  }
}
