/* eslint-disable */
const preset = require('../../../jest.preset.js');
module.exports = {
  ...preset,
  displayName: 'api-data-access',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
