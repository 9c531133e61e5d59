// The layering the README promises: rules are pure (they import only other rules, the contract and libraries).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const importsOf = (file: string) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);

describe('server layers', () => {
  it('rules import only rules, the contract and libraries', () => {
    const outside = sources('server/rules').flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.') && !/^\.\/|^\.\.\/\.\.\/typings\//.test(spec))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('only the transaction helper reads a transaction untyped', () => {
    const allowed = new Set(['server/transaction.ts', 'server/posts/signup.ts']);
    const offenders = sources('server').filter(
      (file) => !allowed.has(file) && /\btx\s*\.collection\(/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
