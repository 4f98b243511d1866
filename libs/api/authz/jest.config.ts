/* eslint-disable */
const preset = require('../../../jest.preset.js');
module.exports = {
  ...preset,
  displayName: 'api-authz',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
