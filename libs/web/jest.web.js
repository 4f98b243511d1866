// Jest settings shared by the web projects (libs/web/* and apps/web): the workspace preset
// (SWC, @tandem aliases) plus jsdom, a stub for CSS imports and the jest-dom matchers.
const path = require('path');
const preset = require('../../jest.preset.js');

module.exports = (projectDir, displayName) => ({
  ...preset,
  displayName,
  rootDir: projectDir,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '\\.css$': path.join(__dirname, 'jest-style-stub.js'),
  },
  setupFilesAfterEnv: [path.join(__dirname, 'jest-setup.js')],
  // Component tests click and type like a user; on a busy machine (API integration tests with
  // PostgreSQL running alongside) the 5 s default is too tight.
  testTimeout: 20000,
});
