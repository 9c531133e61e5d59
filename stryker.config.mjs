// StrykerJS: mutation testing with the Jest runner. `npm run mutate` (scripts/mutate.mjs) runs it per target:
//   MUTATE_TARGET=rules   server/rules/** against the unit tests (coverage per test: fast)
//   MUTATE_TARGET=domain  money-like and role code against the function tests that reach it (see docs/mutation-testing.md)
// Reports go to reports/mutation/<target>.{json,html} (gitignored).
const TARGETS = {
  rules: {
    mutate: ['server/rules/**/*.ts'],
    project: 'unit',
    tests: [],
    coverageAnalysis: 'perTest',
    // Only the unit test files that import the mutated module (Jest's dependency graph).
    findRelated: true,
  },
  domain: {
    mutate: [
      'server/timebank/**/*.ts',
      'server/repos/ledger.ts',
      'server/context.ts',
      'server/*/access.ts',
      '!server/timebank/labels.ts',
      '!server/timebank/schema.ts',
    ],
    project: 'functions',
    // The function tests that reach this code; the whole functions project would take hours per run on 2 cores.
    tests: [
      'test/functions/timebank.test.ts',
      'test/functions/stars.test.ts',
      'test/functions/role-matrix.test.ts',
      'test/functions/brigades-hq.test.ts',
    ],
    // The functions run inside esbuild bundles in the local cloud's worker threads: Stryker's per-test coverage is
    // collected in the Jest process and never sees them, so every mutant runs the chosen tests (coverage off).
    coverageAnalysis: 'off',
    findRelated: false,
    // Bundle the instrumented sources once in the sandbox; the Jest global setup then skips its rebuild.
    buildCommand: 'node scripts/build.mjs functions local-cloud',
  },
};

const target = process.env.MUTATE_TARGET ?? 'rules';
const chosen = TARGETS[target];
if (!chosen) throw new Error(`MUTATE_TARGET must be one of ${Object.keys(TARGETS).join(', ')}`);

// Read by stryker.jest.config.js in the test runner processes, which inherit this environment.
process.env.MUTATE_JEST_PROJECT = chosen.project;
process.env.MUTATE_JEST_TESTS ??= chosen.tests.join(',');
if (chosen.buildCommand) process.env.SKIP_BUILD = '1';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
  // MUTATE_FILES (comma-separated globs) narrows a run, e.g. one domain file at a time.
  mutate: process.env.MUTATE_FILES ? process.env.MUTATE_FILES.split(',') : chosen.mutate,
  coverageAnalysis: chosen.coverageAnalysis,
  // stryker.jest.config.js picks the Jest project (and, for the domain, the test files) from these.
  jest: { projectType: 'custom', configFile: 'stryker.jest.config.js', enableFindRelatedTests: chosen.findRelated },
  ...(chosen.buildCommand ? { buildCommand: chosen.buildCommand } : {}),
  testRunnerNodeArgs: [],
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 1),
  timeoutMS: 20_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${target}.json` },
  htmlReporter: { fileName: `reports/mutation/${target}.html` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  // One sandbox folder per target, so a rules run and a domain run may share the machine.
  tempDirName: `.stryker-tmp/${target}`,
  cleanTempDir: true,
  ignorePatterns: [
    '.stryker-tmp',
    '.data',
    '.build',
    'preview',
    'coverage',
    'reports',
    'cloudfunctions/*/index.js',
    '*.log',
  ],
  ignoreStatic: chosen.coverageAnalysis === 'perTest',
  // ts-jest (diagnostics off) and esbuild only strip types; a `// @ts-nocheck` header would break the typings-copy test.
  disableTypeChecks: false,
};
