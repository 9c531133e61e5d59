// The committed deploy files are what the generator writes from deploy/functions.ts, and agree with the contract.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS, SDK_VERSION } from '../../deploy/functions';
import { deployFiles, GENERATED } from '../../deploy/generate';
import { FUNCTION_NAMES } from '../../typings/api/index';
import { COLLECTIONS, SECURITY_RULE } from '../../database/collections';

const root = join(__dirname, '../..');
const json = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

describe('deploy configuration', () => {
  const folders = readdirSync(join(root, 'cloudfunctions')).sort();

  it('has one function folder per function of the contract, each with an index.ts entry', () => {
    expect(folders).toEqual([...FUNCTION_NAMES].sort());
    for (const name of folders) expect(existsSync(join(root, 'cloudfunctions', name, 'index.ts'))).toBe(true);
  });

  it.each(deployFiles().map((f) => [f.path, f.json]))(
    'commits %s as generated from deploy/functions.ts (run `npm run build`)',
    (path, generated) => {
      expect(json(path as string)).toEqual(generated);
    },
  );

  it('marks every generated file as generated', () => {
    for (const { path } of deployFiles()) expect(JSON.stringify(json(path))).toContain(GENERATED);
  });

  it('gives every function in cloudbaserc.json its settings as {{env.X}} placeholders, never values', () => {
    const rc = json('cloudbaserc.json') as { functions: { name: string; envVariables: Record<string, string> }[] };
    for (const fn of FUNCTIONS) {
      const entry = rc.functions.find((f) => f.name === fn.name);
      expect(entry?.envVariables).toEqual(Object.fromEntries(fn.settings.map((s) => [s, `{{env.${s}}}`])));
    }
  });

  it('pins the same wx-server-sdk the tests run against', () => {
    expect(json('package.json').devDependencies['wx-server-sdk']).toBe(SDK_VERSION);
  });

  it('declares unique collection names, each closed to clients', () => {
    const names = COLLECTIONS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(SECURITY_RULE).toEqual({ read: false, write: false });
  });
});
