/* eslint-disable */
// Checks of the deployment material in infra/: the Kubernetes manifests and proxy configuration
// against the API's committed contracts, and the point-in-time restore drill against the built API
// (run `npm run build` first; `npm test` does).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'infra',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 120000,
};
