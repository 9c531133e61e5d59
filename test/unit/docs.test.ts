// The project stands on its own: the README and docs/ link only to files inside the repository, every link
// resolves, and the data model and the contract pages name every collection and every function the code declares.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { COLLECTION_NAMES } from '../../database/collections';
import { FUNCTION_NAMES } from '../../typings/api/index';

const root = resolve(__dirname, '../..');
const docs = join(root, 'docs');
const pages = [
  join(root, 'README.md'),
  ...(existsSync(docs) ? readdirSync(docs).filter((f) => f.endsWith('.md')) : []).map((f) => join(docs, f)),
];
const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

/** Relative link targets of a Markdown file (anchors and web addresses left out). */
function linksOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m.at(1) ?? '')
    .filter((l) => !/^[a-z]+:/i.test(l))
    .map((l) => l.split('#')[0])
    .filter(Boolean);
}

describe('docs/', () => {
  it('has an index', () => {
    expect(existsSync(join(docs, 'README.md'))).toBe(true);
  });

  it('README.md and docs/ link only to files inside the repository, and every link resolves', () => {
    const broken: string[] = [];
    for (const file of pages) {
      for (const link of linksOf(file)) {
        const target = resolve(dirname(file), link);
        const where = `${relative(root, file)} → ${link}`;
        if (relative(root, target).startsWith('..')) broken.push(`${where} (outside the repository)`);
        else if (!existsSync(target)) broken.push(`${where} (missing)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('data-model.md has a section for every collection of database/collections.ts', () => {
    const headed = read(join(docs, 'data-model.md'))
      .split('\n')
      .flatMap((line) => /^### (.+)$/.exec(line)?.[1].split(', ') ?? []);
    expect(COLLECTION_NAMES.filter((name) => !headed.includes(name))).toEqual([]);
  });

  it('contract.md lists the actions of every cloud function', () => {
    const text = read(join(docs, 'contract.md'));
    expect(FUNCTION_NAMES.filter((name) => !text.includes(`| \`${name}\` |`))).toEqual([]);
  });
});
