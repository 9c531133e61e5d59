// Jest for Stryker: one project of jest.config.js (MUTATE_JEST_PROJECT, default `unit`), optionally narrowed to
// the test files in MUTATE_JEST_TESTS (comma-separated, relative to the root). Stryker loads it in its sandbox,
// so rootDir is the sandbox and the tests run against the mutated sources.
const { projects, testTimeout } = require('./jest.config.js');

const name = process.env.MUTATE_JEST_PROJECT ?? 'unit';
const project = projects.find((p) => p.displayName === name);
if (!project) throw new Error(`no Jest project named ${name}`);
const only = (process.env.MUTATE_JEST_TESTS ?? '').split(',').filter(Boolean);

module.exports = {
  ...project,
  testTimeout,
  ...(only.length ? { testMatch: only.map((file) => `<rootDir>/${file}`) } : {}),
};
