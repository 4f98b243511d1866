/* eslint-disable */
// Browser test: builds the apps when needed, starts the real API (embedded PostgreSQL, demo data)
// and drives Chromium with playwright-core.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/src/global-setup.ts',
  testTimeout: 120000,
};
