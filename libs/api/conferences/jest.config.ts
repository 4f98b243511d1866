/* eslint-disable */
module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'api-conferences',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
