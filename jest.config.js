// Jest: one project per test layer. TypeScript is transpiled only (tsc --noEmit does the type checks).
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', diagnostics: false }] };
const base = { rootDir: __dirname, transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  testTimeout: 30000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...base,
      displayName: 'local-cloud',
      testMatch: ['<rootDir>/test/local-cloud/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/build-once.js',
    },
    {
      ...base,
      displayName: 'functions',
      testMatch: ['<rootDir>/test/functions/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/build-once.js',
    },
    {
      ...base,
      displayName: 'pages',
      testEnvironment: '<rootDir>/test/pages/page-environment.js',
      testMatch: ['<rootDir>/test/pages/**/*.test.ts', '<rootDir>/miniprogram/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/miniprogram/miniprogram_npm/'],
      // npm packages resolve to what the mini program loads: the packed miniprogram_npm copies.
      moduleNameMapper: {
        '^@vant/weapp/(.*)$': '<rootDir>/miniprogram/miniprogram_npm/@vant/weapp/$1',
        '^@qiun/ucharts$': '<rootDir>/miniprogram/miniprogram_npm/@qiun/ucharts/index.js',
        '^qrcode-generator$': '<rootDir>/miniprogram/miniprogram_npm/qrcode-generator/index.js',
      },
      globalSetup: '<rootDir>/test/helpers/build-once.js',
    },
    {
      ...base,
      displayName: 'preview',
      testMatch: ['<rootDir>/test/preview/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/build-once.js',
    },
  ],
};
