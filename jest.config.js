// All test projects in one run (used by `npm test`); each project also runs alone with
// `npx nx test <project>`.
module.exports = {
  projects: [
    '<rootDir>/apps/*/jest.config.ts',
    '<rootDir>/libs/*/*/jest.config.ts',
    '<rootDir>/test/*/jest.config.ts',
  ],
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.js'],
  // testTimeout is a global option: per-project values are ignored in a multi-project run.
  testTimeout: 120000,
};
