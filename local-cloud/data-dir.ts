/** The data folder and its files are readable by their owner only: the folder 0700, the files 0600. */
import fs from 'node:fs';
import path from 'node:path';

/** Makes the folder (0700), and tightens it and the files already in it (from an older start) to the owner. */
export function prepareDataDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) fs.chmodSync(path.join(dir, entry.name), 0o600);
  }
}

/** Creates the file empty when missing, 0600 either way (SQLite then makes its -wal and -shm files alike). */
export function privateFile(file: string): string {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  fs.chmodSync(file, 0o600);
  return file;
}
