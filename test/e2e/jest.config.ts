/* eslint-disable */
// Browser test: builds the apps when needed, starts the real API (embedded PostgreSQL, demo data)
// and drives Chromium with playwright-core.
const preset = require('../../jest.preset.js');
module.exports = {
  ...preset,
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/src/global-setup.ts',
  testTimeout: 120000,
};
