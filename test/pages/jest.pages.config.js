// Jest settings for page and component tests (miniprogram-simulate under jsdom). The root jest.config.js
// should carry the same as its "pages" project; this file lets `npx jest -c test/pages/jest.pages.config.js`
// run them on their own.
const path = require('node:path');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  displayName: 'pages',
  testEnvironment: '<rootDir>/test/pages/page-environment.js',
  testMatch: ['<rootDir>/test/pages/**/*.test.ts', '<rootDir>/miniprogram/**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    // test/tsconfig.json extends isolatedModules: true, so ts-jest transpiles file by file (fast).
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
  },
  // Mini program code imports Vant's JS (Toast, Dialog, Notify) by npm path, as DevTools resolves it.
  moduleNameMapper: { '^@vant/weapp/(.*)$': '<rootDir>/miniprogram/miniprogram_npm/@vant/weapp/$1' },
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/miniprogram/miniprogram_npm/'],
  testTimeout: 20000,
};
