/* eslint-disable */
module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'api-passport',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
