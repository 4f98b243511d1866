/* eslint-disable */
// The benchmark, run through Jest only because Jest already compiles the workspace's TypeScript
// (aliases, decorator metadata). Deliberately NOT named jest.config.ts: the root jest.config.js
// collects test/*/jest.config.ts, and the benchmark must not run with `npm test`.
// Run it with `npm run bench` (see test/bench/run.mjs).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'bench',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.bench.ts'],
  testTimeout: 30 * 60 * 1000,
};
