/* eslint-disable */
module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-ability',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
