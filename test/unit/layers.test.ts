// The layering the README promises: rules are pure (they import only other rules, the contract and libraries),
// and only repositories reach the database, each its own collection.
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
    const allowed = new Set(['server/transaction.ts']);
    const offenders = sources('server').filter(
      (file) => !allowed.has(file) && /\btx\s*\.collection\(/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('only repositories name a collection', () => {
    const allowed = new Set(['server/transaction.ts']);
    const offenders = sources('server').filter(
      (file) =>
        !file.startsWith('server/repos/') &&
        !allowed.has(file) &&
        /\.collection\(/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('each repository names its own collection only, by a literal name', () => {
    const mixed = sources('server/repos').flatMap((file) => {
      const named = [
        ...readFileSync(join(root, file), 'utf8').matchAll(/(?:\.collection\(|collectionIn<\w+>\(tx,\s*)([^)]*)\)/g),
      ].map((m) => m[1]);
      const distinct = [...new Set(named)];
      return distinct.length > 1 || distinct.some((n) => !/^'[a-z_]+'$/.test(n)) ? [`${file}: ${distinct}`] : [];
    });
    expect(mixed).toEqual([]);
  });
});
