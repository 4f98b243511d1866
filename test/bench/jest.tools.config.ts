/* eslint-disable */
// Operational tools (region seed, load test, fault drills), run through Jest only because Jest
// already compiles the workspace's TypeScript (aliases, decorator metadata). Deliberately NOT named
// jest.config.ts: they must not run with `npm test`. Run them with `npm run seed:region`,
// `npm run load` and `npm run drill:*` (see test/bench/tool.mjs and docs/reliability.md).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'tools',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/tools/**/*.tool.ts'],
  testTimeout: 60 * 60 * 1000,
};
