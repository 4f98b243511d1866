/* eslint-disable */
const preset = require('../../../jest.preset.js');
module.exports = {
  ...preset,
  displayName: 'shared-demo-data',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
