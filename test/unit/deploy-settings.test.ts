// Each function's deploy settings are exactly the settings its bundled code reads, so a code path that needs a
// setting (posts: check-in codes need PII_KEY) can never again be deployed without it.
import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS, SETTING_OF_FIELD, type SettingName } from '../../deploy/functions';
import { FUNCTION_NAMES } from '../../typings/api/index';

const root = join(__dirname, '../..');

/** The server modules bundled into a function (node_modules excluded), with their text. */
function bundledSources(name: string): { file: string; text: string }[] {
  const { metafile } = buildSync({
    entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    external: ['wx-server-sdk'],
    logLevel: 'silent',
  });
  return Object.keys(metafile.inputs)
    .filter((file) => !file.includes('node_modules'))
    .map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
}

/** The settings the server modules bundled into a function mention (server/settings.ts itself excluded). */
function settingsRead(name: string): SettingName[] {
  const read = new Set<SettingName>();
  for (const { file, text } of bundledSources(name)) {
    if (file === 'server/settings.ts') continue;
    for (const [field, setting] of Object.entries(SETTING_OF_FIELD))
      if (new RegExp(`\\b${field}\\b`).test(text)) read.add(setting);
  }
  return [...read].sort();
}

/** The open APIs the bundled code calls (`cloud.openapi.<group>.<method>(`): each needs its permission. */
function openApisCalled(name: string): string[] {
  const called = new Set<string>();
  for (const { text } of bundledSources(name))
    for (const m of text.matchAll(/\bopenapi\.(\w+)\.(\w+)\(/g)) called.add(`${m[1]}.${m[2]}`);
  return [...called].sort();
}

describe('deploy settings', () => {
  it('declares every function of the contract once', () => {
    expect(FUNCTIONS.map((f) => f.name).sort()).toEqual([...FUNCTION_NAMES].sort());
  });

  it.each(FUNCTIONS.map((f) => [f.name, f]))('gives %s exactly the settings its code reads', (name, fn) => {
    expect({ name, settings: [...fn.settings].sort() }).toEqual({ name, settings: settingsRead(name) });
  });

  it.each(FUNCTIONS.map((f) => [f.name, f]))('gives %s exactly the open-API permissions its code calls', (name, fn) => {
    expect({ name, openapi: [...fn.openapi].sort() }).toEqual({ name, openapi: openApisCalled(name) });
  });
});
