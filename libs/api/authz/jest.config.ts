/* eslint-disable */
module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'api-authz',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
