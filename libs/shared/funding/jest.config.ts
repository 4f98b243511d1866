/* eslint-disable */
const preset = require('../../../jest.preset.js');
module.exports = {
  ...preset,
  displayName: 'shared-funding',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
