// Comments say what the code does, not which issue or pull request brought it: those numbers mean nothing to a
// reader of the tree and go stale.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const SOURCE = /\.(ts|js|mjs|json|wxml|wxss|md)$/;
const COMMENT = /^\s*(\/\/|\/\*|\*|<!--)/;
const ISSUE_NUMBER = /\b(issue|PR|pull request)\s*#?\d+|(^|\s)#\d+\b/i;

it('no comment names an issue or pull request by number', () => {
  const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
  const found: string[] = [];
  for (const file of files.filter((f) => SOURCE.test(f))) {
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (COMMENT.test(line) && ISSUE_NUMBER.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(found).toEqual([]);
});
