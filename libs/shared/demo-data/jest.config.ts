/* eslint-disable */
module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-demo-data',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
