/* eslint-disable */
// Checks of the deployment material in infra/: the Kubernetes manifests and proxy configuration
// against the API's committed contracts, and the point-in-time restore drill against the built API
// (built by the global setup when dist/apps/api is missing).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'infra',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  globalSetup: '<rootDir>/src/global-setup.ts',
  testTimeout: 120000,
};
