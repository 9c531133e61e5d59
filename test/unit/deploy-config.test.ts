// The deploy configuration must agree with the function folders and the contract, or a deploy would miss something.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTION_NAMES } from '../../typings/api/index';
import { COLLECTIONS, SECURITY_RULE } from '../../database/collections';

const root = join(__dirname, '../..');
const json = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

interface RcFunction {
  name: string;
  timeout: number;
  triggers?: { name: string; type: string; config: string }[];
}

describe('deploy configuration', () => {
  const folders = readdirSync(join(root, 'cloudfunctions')).sort();
  const rc = json('cloudbaserc.json') as { functions: RcFunction[] };

  it('has one function folder per function of the contract', () => {
    expect(folders).toEqual([...FUNCTION_NAMES].sort());
  });

  it('lists every function in cloudbaserc.json with the timeout and triggers of its config.json', () => {
    expect(rc.functions.map((f) => f.name).sort()).toEqual(folders);
    for (const fn of rc.functions) {
      const config = json(`cloudfunctions/${fn.name}/config.json`);
      expect({ name: fn.name, timeout: fn.timeout, triggers: fn.triggers ?? [] }).toEqual({
        name: fn.name,
        timeout: config.timeout,
        triggers: config.triggers ?? [],
      });
    }
  });

  it('gives each function a package.json that installs wx-server-sdk and an index.ts entry', () => {
    for (const name of folders) {
      expect(json(`cloudfunctions/${name}/package.json`).dependencies).toEqual({ 'wx-server-sdk': '4.0.2' });
      expect(existsSync(join(root, 'cloudfunctions', name, 'index.ts'))).toBe(true);
    }
  });

  it('pins the same wx-server-sdk the tests run against', () => {
    expect(json('package.json').devDependencies['wx-server-sdk']).toBe('4.0.2');
  });

  it('declares unique collection names, each closed to clients', () => {
    const names = COLLECTIONS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(SECURITY_RULE).toEqual({ read: false, write: false });
  });
});
