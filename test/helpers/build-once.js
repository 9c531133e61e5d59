// Jest global setup: build the cloud functions and the local cloud once per run (esbuild, well under a second).
const { pathToFileURL } = require('node:url');
const { join } = require('node:path');

module.exports = async function buildOnce() {
  if (process.env.SKIP_BUILD === '1') return;
  const { buildAll } = await import(pathToFileURL(join(__dirname, '../../scripts/build.mjs')).href);
  await buildAll(['functions', 'local-cloud', 'npm']);
};
