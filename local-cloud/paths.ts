/** Where things are: the repository root and the built worker entry, from source or from the bundle. */
import fs from 'node:fs';
import path from 'node:path';

export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (
      fs.existsSync(pkg) &&
      (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'boai-volunteer'
    ) {
      return dir;
    }
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** `.build/local-cloud/worker.js`: next to the bundled main.js, or under the repository's .build. */
export function workerEntry(): string {
  const beside = path.join(__dirname, 'worker.js');
  if (fs.existsSync(beside)) return beside;
  return path.join(repoRoot(), '.build', 'local-cloud', 'worker.js');
}
